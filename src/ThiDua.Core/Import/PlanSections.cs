using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>One line of a plan as the importer reads it: a heading or a paragraph, its section number and the headings above it.</summary>
internal sealed record PlanPart(string Section, IReadOnlyList<string> Headings, string Text, bool IsHeading)
{
    /// <summary>Folded words of the text joined by spaces: "can cu luat thi dua khen thuong".</summary>
    public string Words { get; } = " " + string.Join(' ', VietnameseText.Words(Text)) + " ";

    public bool InOpening => Section == PlanSections.Opening;

    /// <summary>The text without its list mark or heading number: "- Tờ trình…" → "Tờ trình…", "3.1. Đối với tập thể:" → "Đối với tập thể:".</summary>
    public string Bare => PlanSections.WithoutMark(Text);

    /// <summary>For a heading, its title as PlanOutline takes it ("Đối với tập thể").</summary>
    public string? Title { get; init; }

    /// <summary>Whether the text is a table row (cells joined by " — ").</summary>
    public bool IsTableRow => Text.Contains(PlanTextCleaner.CellSeparator, StringComparison.Ordinal);
}

/// <summary>
/// The plan read into parts under their headings. Sections and headings are PlanOutline's (the one reader of a plan's
/// structure, shared with the answers); the heading lines it turns into titles are put back in order, so that
/// what a heading itself says ("II. THỜI GIAN: từ ngày … đến ngày …", "1. Đợt 1 (từ … đến …)") is read too.
/// </summary>
internal sealed partial class PlanSections
{
    public const string Opening = "Phần mở đầu";

    // The same heading marks PlanOutline reads, used only to say which level a title-only line stands at.
    [GeneratedRegex(@"^(?:PHẦN\s+|Phần\s+)?(?<roman>[IVX]{1,5})\s*[.:)\-–]\s*(?<title>.*)$")]
    private static partial Regex RomanMark();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?<title>\S.*)$")]
    private static partial Regex NumberMark();

    [GeneratedRegex(@"^(?<letter>[a-zđ])\s*[)]\s*(?<title>\S.*)$")]
    private static partial Regex LetterMark();

    [GeneratedRegex(@"^(?:[-+•–*]\s*|(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*|[a-zđ]\s*\)\s*)")]
    private static partial Regex ListOrHeadingMark();

    /// <summary>Words a heading names its topic with; the nearest heading naming one of them is what a paragraph is about.</summary>
    private static readonly string[] TopicWords =
    [
        "muc dich", "yeu cau", "muc tieu", "chi tieu", "chu de", "khau hieu", "noi dung", "nhiem vu", "thoi gian", "pham vi",
        "doi tuong", "tieu chuan", "tieu chi", "dieu kien", "hinh thuc", "khen thuong", "danh hieu", "so luong", "co cau",
        "ho so", "thu tuc", "quy trinh", "thoi han", "che do bao cao", "so ket", "tong ket", "to chuc thuc hien",
        "trach nhiem", "phan cong", "lien he", "kinh phi", "can cu",
    ];

    public IReadOnlyList<PlanPart> Parts { get; }

    private PlanSections(List<PlanPart> parts) => Parts = parts;

    public static PlanSections Read(string raw)
    {
        var paragraphs = PlanOutline.Read(raw);
        var parts = new List<PlanPart>();
        // The latest heading at each section number: "V.3" → "Tiêu chuẩn khen thưởng", so that "V.3.1.…" sits under it.
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        var k = 0;
        foreach (var (line, startsPart) in DocumentParts.Content(PlanTextCleaner.Clean(raw)))
        {
            if (startsPart is not null)
            {
                headings.Clear();
                continue;
            }
            PlanPart? part;
            if (k < paragraphs.Count && paragraphs[k].Text == line)
            {
                part = new PlanPart(paragraphs[k].Section, paragraphs[k].Headings, line, false);
                k++;
            }
            else part = Heading(line, k < paragraphs.Count ? paragraphs[k] : null, parts.Count > 0 ? parts[^1] : null);
            if (part is null) continue;
            part = part with { Headings = Ancestors(part, headings) };
            if (part.IsHeading)
            {
                foreach (var deeper in headings.Keys.Where(s => s == part.Section || s.StartsWith(part.Section + ".", StringComparison.Ordinal)).ToList()) headings.Remove(deeper);
                headings[part.Section] = part.Title!;
            }
            parts.Add(part);
        }
        return new PlanSections(parts);
    }

    /// <summary>
    /// PlanOutline keeps one title a level (roman, number, letter), so "3.1. Đối với tập thể" replaces "3. Tiêu chuẩn":
    /// the headings of the enclosing section numbers come first, then PlanOutline's own (a numbered paragraph's
    /// title before its colon among them).
    /// </summary>
    private static List<string> Ancestors(PlanPart part, Dictionary<string, string> headings)
    {
        var segments = part.Section.Split('.');
        var result = new List<string>();
        for (var j = 1; j <= segments.Length; j++)
        {
            var section = string.Join('.', segments.Take(j));
            if (part.IsHeading && section == part.Section) break;
            if (headings.TryGetValue(section, out var title) && !result.Contains(title)) result.Add(title);
        }
        var at = 0;
        foreach (var h in part.Headings)
        {
            var found = result.IndexOf(h);
            if (found >= 0) at = found + 1;
            else if (h != part.Title) result.Insert(at++, h);
        }
        return result;
    }

    /// <summary>A line PlanOutline took as a title: placed at the section of the paragraphs under it.</summary>
    private static PlanPart? Heading(string line, PlanParagraph? next, PlanPart? previous)
    {
        var (title, mark) = RomanMark().Match(line) is { Success: true } r ? (r.Groups["title"].Value, new[] { r.Groups["roman"].Value })
            : NumberMark().Match(line) is { Success: true } n ? (n.Groups["title"].Value, n.Groups["num"].Value.Split('.'))
            : LetterMark().Match(line) is { Success: true } l ? (l.Groups["title"].Value, new[] { l.Groups["letter"].Value })
            : ("", Array.Empty<string>());
        title = title.Trim().TrimEnd(':');
        if (title.Length == 0) return null;
        if (next is not null && next.Headings.Contains(title))
        {
            var segments = next.Section.Split('.');
            for (var j = mark.Length; j <= segments.Length; j++)
                if (segments.Skip(j - mark.Length).Take(mark.Length).SequenceEqual(mark))
                    return new PlanPart(string.Join('.', segments[..j]), [.. next.Headings.TakeWhile(h => h != title)], line, true) { Title = title };
        }
        // A heading with nothing under it before the next one: its number under the roman section it is in.
        var roman = previous is null || previous.InOpening ? "" : previous.Section.Split('.')[0];
        var section = RomanMark().IsMatch(line) ? mark[0] : roman.Length > 0 ? $"{roman}.{string.Join('.', mark)}" : string.Join('.', mark);
        return new PlanPart(section, RomanMark().IsMatch(line) ? [] : previous?.Headings ?? [], line, true) { Title = title };
    }

    public static string WithoutMark(string text) => ListOrHeadingMark().Replace(text, "").Trim();

    public IEnumerable<PlanPart> Body => Parts.Where(p => !p.InOpening);

    public IEnumerable<PlanPart> OpeningParts => Parts.Where(p => p.InOpening);

    /// <summary>
    /// The parts whose topic, said by the nearest heading that names one, is one of <paramref name="topics"/>
    /// (folded phrases): under "V. TIÊU CHUẨN, HÌNH THỨC, HỒ SƠ" › "1. Tiêu chuẩn" › "a) Tập thể" the lines are about
    /// criteria, under "3. Hồ sơ" about the dossier. Heading lines themselves are included.
    /// </summary>
    public IEnumerable<PlanPart> Under(params string[] topics) => Parts.Where(p => !p.InOpening && IsUnder(p, topics));

    public static bool IsUnder(PlanPart part, params string[] topics)
    {
        var own = part.IsHeading ? new[] { part.Bare } : [];
        foreach (var heading in own.Concat(part.Headings.Reverse()))
        {
            var words = TopicText(heading);
            if (!Holds(words, TopicWords)) continue;
            if (Holds(words, topics)) return true;
            // A line's own label ("b) Số lượng: hồ sơ … 01 bộ", "c) Nơi nhận và thời hạn: …") says which facet of the
            // heading above it the line gives, not another topic.
            if (!part.IsHeading && IsLabelOf(heading, part)) continue;
            return false;
        }
        return false;
    }

    private static bool IsLabelOf(string heading, PlanPart part) =>
        part.Bare.StartsWith(heading, StringComparison.Ordinal) && part.Bare.AsSpan(heading.Length).TrimStart().StartsWith(":");

    /// <summary>True when the heading names one of the topics plans are divided by ("Hồ sơ và thời hạn", "Khen thưởng").</summary>
    internal static bool NamesTopic(string heading) => Holds(TopicText(heading), TopicWords);

    private static bool Holds(string words, IEnumerable<string> topics) => topics.Any(t => words.Contains(" " + t + " ", StringComparison.Ordinal));

    /// <summary>
    /// A heading's words as topics: a body's name in it is no topic ("Sở Nội vụ (Ban Thi đua - Khen thưởng)",
    /// "Hội đồng Thi đua - Khen thưởng tỉnh" are who, not "khen thưởng").
    /// </summary>
    private static string TopicText(string heading)
    {
        var words = " " + string.Join(' ', VietnameseText.Words(BracketsOf().Replace(heading, " "))) + " ";
        return words.Replace(" thi dua khen thuong ", " ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex BracketsOf();

    /// <summary>The nearest heading above a part (or the part itself when it is one) that names one of the words.</summary>
    public static string? NearestHeading(PlanPart part, params string[] words)
    {
        var own = part.IsHeading ? new[] { part.Bare } : [];
        return own.Concat(part.Headings.Reverse()).FirstOrDefault(h =>
        {
            var folded = " " + string.Join(' ', VietnameseText.Words(h)) + " ";
            return words.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal));
        });
    }
}
