using System.Text;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// Plan text as copied from legal-document websites or extracted from files, made readable: markdown marks
/// (**bold**, table pipes), dot leaders ("Sở Y tế ...... 10 đại biểu" → "Sở Y tế: 10 đại biểu") and page furniture (page numbers, "Trang 2") removed, table rows (pipes or tabs) kept one
/// row a line with their cells joined by " — ", lines broken mid-sentence joined, Unicode composed (NFC). The
/// structure (headings, list items, blank lines) stays.
/// </summary>
public static partial class PlanTextCleaner
{
    [GeneratedRegex(@"\*\*|__|(?<!\w)\*(?!\s)|`")]
    private static partial Regex MarkdownEmphasis();

    [GeneratedRegex(@"^\s*(-\s*\d{1,3}\s*-|trang\s+\d{1,3}(\s*/\s*\d{1,3})?|\d{1,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurniture();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*(#{1,6}\s+|>\s+)")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex AngleLink();

    [GeneratedRegex(@"[ \t\u00A0]{2,}")]
    private static partial Regex Spaces();

    /// <summary>"Công an tỉnh ............ 14 đại biểu": a row of a list laid out with dot leaders.</summary>
    [GeneratedRegex(@"^(?<label>.*[\p{L})])\s*(?>\.{4,}|…{2,})\s*(?<value>(?!tháng|năm|/|\.|…)\S.*)$")]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"^[IVX]{1,5}\s*\.\s")]
    private static partial Regex RomanStart();

    /// <summary>No sentence ends on these: "… gắn với các phong trào thi đua do" / "Thủ tướng Chính phủ phát động".</summary>
    [GeneratedRegex(@"\s(?:do|của|và|với|cho|về|tại|theo|là|được|những|các|trong|từ|đến|gồm|như|bởi|hoặc|nhằm|để)$")]
    private static partial Regex Dangling();

    /// <summary>The separator between the cells of a table row.</summary>
    public const string CellSeparator = " — ";

    /// <summary>The cleaned lines; blank lines mark paragraph ends.</summary>
    public static List<string> Clean(string raw)
    {
        var text = raw.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = new List<string>();
        var tableRows = new HashSet<int>();
        foreach (var original in text.Split('\n'))
        {
            var line = original;
            if (TableRule().IsMatch(line) || PageFurniture().IsMatch(line)) continue;
            line = LinePrefix().Replace(line, "");
            line = MarkdownEmphasis().Replace(line, "");
            line = AngleLink().Replace(line, "$1");
            if (line.Contains('|', StringComparison.Ordinal) || IsTabRow(line))
            {
                line = string.Join(CellSeparator, line.Split('|', '\t').Select(c => Spaces().Replace(c, " ").Trim()).Where(c => c.Length > 0));
                tableRows.Add(lines.Count);
            }
            line = Spaces().Replace(line, " ").Trim();
            line = DotLeader().Replace(line, "${label}: ${value}");
            lines.Add(line);
        }
        return JoinBrokenLines(lines, tableRows);
    }

    /// <summary>
    /// A row of a table copied from Word or a web page: cells separated by tabs ("1\tBan hành…\tSở Nội vụ"), or a
    /// row whose other cells are empty ("\thọc tập…\t\t"). A single leading tab is indentation, not a table.
    /// </summary>
    private static bool IsTabRow(string line)
    {
        var cells = line.Trim(' ', '\u00A0').Split('\t');
        return cells.Length >= 2 && (cells.Count(c => c.Trim().Length > 0) >= 2 || line.TrimEnd(' ', '\u00A0').EndsWith('\t'));
    }

    /// <summary>A line that ends mid-sentence continues on the next one (see <see cref="Continues"/>).</summary>
    private static List<string> JoinBrokenLines(List<string> lines, HashSet<int> tableRows)
    {
        var wrapWidth = WrapWidth(lines, tableRows);
        var joined = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // Skip one blank line inside a sentence (PDF page breaks, "mạnh mẽ\n\nthúc đẩy").
            var next = i + 1 < lines.Count && lines[i + 1].Length == 0 && i + 2 < lines.Count ? i + 2 : i + 1;
            // Table rows stay rows: each is one line of its own.
            while (line.Length > 0 && next < lines.Count && lines[next].Length > 0 && !tableRows.Contains(i) && !tableRows.Contains(next) && Continues(line, lines[next], wrapWidth))
            {
                line = line + " " + lines[next];
                i = next;
                next = i + 1 < lines.Count && lines[i + 1].Length == 0 && i + 2 < lines.Count ? i + 2 : i + 1;
            }
            joined.Add(line);
        }
        return joined;
    }

    /// <summary>
    /// Whether the next line carries on the sentence: it starts in lower case or with a digit, or the line ends on a
    /// word no sentence ends on ("… phát động do" / "Thủ tướng …"); or the line is a
    /// heading in capitals cut in two ("I. MỤC ĐÍCH," / "YÊU CẦU"); or the text was wrapped at a fixed width (PDF,
    /// scanned Word) and the line runs to that width, so a capital or a bracket on the next line goes on ("70 năm" /
    /// "Chiến thắng").
    /// </summary>
    private static bool Continues(string line, string next, int? wrapWidth)
    {
        if (IsListItem(next)) return false;
        // A clause ending in ";" goes on when the next line is in lower case: "… hiện đại;" / "thực hành tiết kiệm …".
        if (line[^1] == ';') return char.IsLower(next[0]);
        if (".:!?”\")".Contains(line[^1], StringComparison.Ordinal)) return false;
        if (char.IsLower(next[0]) || char.IsDigit(next[0]) || Dangling().IsMatch(line)) return true;
        if (RomanStart().IsMatch(line) && IsCapitals(line) && IsCapitals(next) && !RomanStart().IsMatch(next)) return true;
        return wrapWidth is { } width && line.Length >= width * 4 / 5 && (char.IsUpper(next[0]) || next[0] == '(') && !IsCapitals(line) && !IsCapitals(next) && !RomanStart().IsMatch(next);
    }

    /// <summary>
    /// The width text was wrapped at, when it was: most long lines then end mid-sentence and their lengths bunch
    /// under one width. Null for text with a paragraph a line.
    /// </summary>
    private static int? WrapWidth(List<string> lines, HashSet<int> tableRows)
    {
        var prose = lines.Where((l, i) => l.Length >= 40 && !tableRows.Contains(i) && !IsCapitals(l)).ToList();
        if (prose.Count < 10) return null;
        var open = prose.Count(l => !".:;!?”\")".Contains(l[^1], StringComparison.Ordinal));
        if (open * 10 < prose.Count * 4) return null;
        var lengths = prose.Select(l => l.Length).Order().ToList();
        var typical = lengths[lengths.Count * 3 / 4];
        // Wrapped text has no paragraph much longer than the wrap.
        return lengths[^1] <= typical * 13 / 10 ? typical : null;
    }

    private static bool IsCapitals(string line)
    {
        var letters = line.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && letters.Count(char.IsUpper) * 10 >= letters.Count * 8;
    }

    [GeneratedRegex(@"^(?:[-+•–]\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s)")]
    private static partial Regex ListMark();

    /// <summary>"- …", "+ …", "2. …", "3.1. …", "a) …".</summary>
    public static bool IsListItem(string line) => ListMark().IsMatch(line);
}
