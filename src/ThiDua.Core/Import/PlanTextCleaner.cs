using System.Text;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// Plan text as copied from legal-document websites or extracted from files, made readable: markdown marks
/// (**bold**, table pipes) and page furniture (page numbers, "Trang 2") removed, lines broken mid-sentence
/// joined, Unicode composed (NFC). The structure (headings, list items, blank lines) stays.
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
            if (line.Contains('|', StringComparison.Ordinal))
            {
                line = string.Join(" — ", line.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0));
                tableRows.Add(lines.Count);
            }
            line = Spaces().Replace(line, " ").Trim();
            lines.Add(line);
        }
        return JoinBrokenLines(lines, tableRows);
    }

    /// <summary>A line that ends mid-sentence continues on the next one when that one starts in lower case.</summary>
    private static List<string> JoinBrokenLines(List<string> lines, HashSet<int> tableRows)
    {
        var joined = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // Skip one blank line inside a sentence (PDF page breaks, "mạnh mẽ\n\nthúc đẩy").
            var next = i + 1 < lines.Count && lines[i + 1].Length == 0 && i + 2 < lines.Count ? i + 2 : i + 1;
            // Table rows stay rows: each is one line of its own.
            while (line.Length > 0 && next < lines.Count && lines[next].Length > 0 && !tableRows.Contains(i) && !tableRows.Contains(next) && ContinuesSentence(line, lines[next]))
            {
                line = line + " " + lines[next];
                i = next;
                next = i + 1 < lines.Count && lines[i + 1].Length == 0 && i + 2 < lines.Count ? i + 2 : i + 1;
            }
            joined.Add(line);
        }
        return joined;
    }

    private static bool ContinuesSentence(string line, string next) =>
        !".:;!?”\")".Contains(line[^1], StringComparison.Ordinal) && (char.IsLower(next[0]) || char.IsDigit(next[0])) && !IsListItem(next);

    [GeneratedRegex(@"^(?:[-+•–]\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s)")]
    private static partial Regex ListMark();

    /// <summary>"- …", "+ …", "2. …", "3.1. …", "a) …".</summary>
    public static bool IsListItem(string line) => ListMark().IsMatch(line);
}
