using System.Text.RegularExpressions;
using ThiDua.Core.Import;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>A paragraph of a plan with where it stands: its section number ("III.2.a") and the headings above it.</summary>
public sealed record PlanParagraph(string Section, IReadOnlyList<string> Headings, string Text)
{
    /// <summary>"II. THỜI GIAN THI ĐUA › 1. Đợt 1": the heading path, nearest last.</summary>
    public string HeadingPath => string.Join(" › ", Headings);
}

/// <summary>
/// Reads a plan's text into paragraphs under their headings: "I. MỤC ĐÍCH", "2. Sở Nội vụ", "a) Hồ sơ". A numbered
/// line that is a whole paragraph ("2. Tổ chức … nhằm …") is both: it numbers the section and is the content.
/// The distribution list ("Nơi nhận:") and the signature are left out; a document issued with this one is read on (DocumentParts).
/// </summary>
public static partial class PlanOutline
{
    [GeneratedRegex(@"^(?:PHẦN\s+|Phần\s+)?(?<roman>[IVX]{1,5})\s*[.:)\-–]\s*(?<title>.*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?<title>\S.*)$")]
    private static partial Regex NumberHeading();

    [GeneratedRegex(@"^(?<letter>[a-zđ])\s*[)]\s*(?<title>\S.*)$")]
    private static partial Regex LetterHeading();

    /// <summary>Longest heading title kept as a title; longer numbered lines are paragraphs.</summary>
    private const int MaxTitle = 110;

    public static List<PlanParagraph> Read(string text)
    {
        var paragraphs = new List<PlanParagraph>();
        string roman = "", number = "", letter = "";
        string? romanTitle = null, numberTitle = null, letterTitle = null;
        var lines = PlanTextCleaner.Clean(text).ToList();
        // A plan with no roman headings may head its parts with unnumbered capitals ("THỜI GIAN VÀ CÁCH THỨC TRIỂN
        // KHAI"): after its first paragraph (so not the header or the title), each is a top part, named by its title.
        var capitalParts = !lines.Any(l => RomanHeading().Match(l) is { Success: true } m && IsRomanTitle(m.Groups["title"].Value));
        // With neither roman nor numbered parts, a short line in sentence case that names a topic ("Hồ sơ và thời
        // hạn", "Khen thưởng") heads a part the same way.
        var topicParts = capitalParts && !lines.Any(l => NumberHeading().Match(l) is { Success: true } m && !m.Groups["num"].Value.Contains('.', StringComparison.Ordinal)
            && m.Groups["title"].Value.Length <= MaxTitle && PlanSections.NamesTopic(m.Groups["title"].Value));
        var pastOpening = false;

        foreach (var (line, startsPart) in DocumentParts.Content(lines))
        {
            string? body = line;
            if (startsPart is not null)
            {
                // A document issued with this one (the plan a decision issues, an appendix) numbers its parts afresh.
                (roman, romanTitle) = startsPart.Length > 0 ? (startsPart, startsPart) : ("", null);
                number = ""; letter = "";
                numberTitle = letterTitle = null;
                pastOpening = startsPart.Length > 0;
                continue;
            }
            if (capitalParts && pastOpening && (IsCapitalHeading(line) || topicParts && IsTopicHeading(line)))
            {
                // "6. HỒ SƠ VÀ THỜI HẠN" over "6.1.", "6.2.": part 6, titled by its words.
                var numbered = NumberHeading().Match(line);
                var bare = line.Replace(".", "", StringComparison.Ordinal).Trim();
                (roman, romanTitle) = numbered.Success && !numbered.Groups["num"].Value.Contains('.', StringComparison.Ordinal)
                    ? (numbered.Groups["num"].Value, numbered.Groups["title"].Value.Trim())
                    : (bare, bare);
                number = ""; letter = "";
                numberTitle = letterTitle = null;
                body = null;
            }
            else if (RomanHeading().Match(line) is { Success: true } r && IsRomanTitle(r.Groups["title"].Value))
            {
                roman = r.Groups["roman"].Value; number = ""; letter = "";
                (romanTitle, body) = Split(line, r.Groups["title"].Value);
                numberTitle = letterTitle = null;
            }
            else if (NumberHeading().Match(line) is { Success: true } n && !LooksLikeDate(n.Groups["num"].Value, n.Groups["title"].Value))
            {
                number = n.Groups["num"].Value; letter = "";
                (numberTitle, body) = Split(line, n.Groups["title"].Value);
                letterTitle = null;
            }
            else if (LetterHeading().Match(line) is { Success: true } l)
            {
                letter = l.Groups["letter"].Value;
                (letterTitle, body) = Split(line, l.Groups["title"].Value);
            }
            pastOpening |= body is not null && body.Length > 80 && !IsCapitalHeading(body);
            if (body is null) continue;
            // "6.3" under part 6 already says it is in 6.
            var part = number.StartsWith(roman + ".", StringComparison.Ordinal) ? "" : roman;
            var section = string.Join('.', new[] { part, number, letter }.Where(p => p.Length > 0));
            var headings = new[] { romanTitle, numberTitle, letterTitle }.Where(h => h is not null).Select(h => h!).ToList();
            paragraphs.Add(new PlanParagraph(section.Length == 0 ? "Phần mở đầu" : section, headings, body));
        }
        return paragraphs;
    }

    /// <summary>A heading line is its title (no body); a numbered paragraph keeps its text and is titled by what precedes a colon.</summary>
    private static (string? Title, string? Body) Split(string line, string rest)
    {
        rest = rest.Trim();
        if (rest.Length == 0) return (null, null);
        var isTitle = rest.Length <= MaxTitle && !rest.EndsWith('.') && !rest.EndsWith(';');
        if (isTitle) return (rest.TrimEnd(':'), null);
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var title = colon is > 2 and < 90 ? rest[..colon] : null;
        return (title, line);
    }

    /// <summary>Roman headings are short, or written mostly in capitals ("II. THỜI GIAN THI ĐUA").</summary>
    private static bool IsRomanTitle(string title) =>
        title.Length > 0 && (title.Length < 80 || title.Count(char.IsUpper) > title.Count(char.IsLetter) / 2);

    [GeneratedRegex(@"^(?:(?:TM|KT|Q|TL|TUQ)\.|(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|BÍ THƯ)$|KẾ HOẠCH$)")]
    private static partial Regex SignatureOrTitleLine();

    /// <summary>An unnumbered line of two or more words in capitals, not a signature ("KT. CHỦ TỊCH") or "KẾ HOẠCH".</summary>
    private static bool IsCapitalHeading(string line) =>
        line.Length <= MaxTitle && !line.EndsWith('.') && line.Contains(' ', StringComparison.Ordinal)
        && line.Count(char.IsLetter) >= 6 && line.Where(char.IsLetter).All(char.IsUpper) && !SignatureOrTitleLine().IsMatch(line);

    /// <summary>"Thời gian và các đợt thi đua": short, no closing mark, a capital first, a topic's words.</summary>
    private static bool IsTopicHeading(string line) =>
        line.Length <= TopicTitle && char.IsUpper(line[0]) && !line.EndsWith('.') && !line.EndsWith(':') && !line.EndsWith(';')
        && !line.Contains('|', StringComparison.Ordinal) && !SignatureOrTitleLine().IsMatch(line) && PlanSections.NamesTopic(line);

    /// <summary>Longest unnumbered sentence-case line read as a heading.</summary>
    private const int TopicTitle = 60;

    /// <summary>"10/5/2024 …" and "22.12.2024" open lines too: a date is not a section number.</summary>
    private static bool LooksLikeDate(string number, string rest) =>
        rest.StartsWith('/') || number.Count(c => c == '.') >= 2 && number.Split('.').Last().Length == 4;
}
