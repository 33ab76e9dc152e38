using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Import;

/// <summary>A time a plan names: the words, the last day that is still on time, how to read it, and a start for ranges.</summary>
public sealed record DateMention(string Wording, DateOnly Due, DueRule Rule, DateOnly? Start, int Index);

/// <summary>
/// Vietnamese date forms in plans: "ngày 10/3/2024", "10 tháng 3 năm 2024", "từ ngày 10/3/2024 đến hết ngày 10/5/2024",
/// "trước ngày 20/11" (year from the plan), "chậm nhất ngày 15/3", "trong tháng 7/2024", "Quý II", "dịp 13/5/2025".
/// </summary>
public static partial class DateMentions
{
    private const string Day = @"(?<d{0}>\d{{1,2}})\s*(?:[/.-]\s*|\s+tháng\s+)(?<m{0}>\d{{1,2}})(?:\s*(?:[/.-]\s*|\s+năm\s+)(?<y{0}>\d{{4}}))?";

    [GeneratedRegex(@"(?<lead>(?:kể\s+)?từ\s+ngày|từ)\s+" + "(?<d1>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m1>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y1>\\d{4}))?" +
        @"\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?" + "(?<d2>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m2>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y2>\\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<lead>trước\s+ngày|trước|chậm\s+nhất\s+(?:là\s+)?(?:ngày|vào\s+ngày)?|đến\s+hết\s+ngày|hạn\s+chót\s+(?:là\s+)?(?:ngày)?|dịp|dự\s+kiến\s+(?:vào\s+)?(?:ngày)?|ngày)?\s*" +
        "(?<d1>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m1>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y1>\\d{4}))?(?![\\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex Single();

    [GeneratedRegex(@"(?<lead>trong|vào|dự\s+kiến\s+vào|dự\s+kiến\s+trong)?\s*tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex Month();

    [GeneratedRegex(@"quý\s+(?<q>IV|III|II|I|[1-4])(?:\s*(?:/|năm)\s*(?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    public static List<DateMention> Find(string text, int year)
    {
        var found = new List<DateMention>();
        var taken = new List<(int Start, int End)>();
        foreach (Match m in Range().Matches(text))
        {
            if (Date(m, "1", year) is not { } start || Date(m, "2", year) is not { } end) continue;
            found.Add(new DateMention(m.Value.Trim(), end, DueRule.OnOrBefore, start, m.Index));
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Single().Matches(text))
        {
            if (Overlaps(taken, m) || Date(m, "1", year) is not { } date || LooksLikeDocumentNumber(text, m)) continue;
            var lead = m.Groups["lead"].Value.ToLowerInvariant();
            var (due, rule) = lead.StartsWith("trước", StringComparison.Ordinal) ? (date.AddDays(-1), DueRule.Before)
                : lead.StartsWith("dịp", StringComparison.Ordinal) || lead.StartsWith("dự kiến", StringComparison.Ordinal) ? (date, DueRule.Approximate)
                : (date, DueRule.OnOrBefore);
            found.Add(new DateMention(m.Value.Trim(), due, rule, null, m.Index));
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Month().Matches(text))
        {
            if (Overlaps(taken, m) || !int.TryParse(m.Groups["m"].Value, out var month) || month is < 1 or > 12) continue;
            var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : year;
            var approximate = m.Groups["lead"].Value.StartsWith("dự kiến", StringComparison.OrdinalIgnoreCase);
            found.Add(new DateMention(m.Value.Trim(), new DateOnly(y, month, DateTime.DaysInMonth(y, month)), approximate ? DueRule.Approximate : DueRule.WithinMonth, new DateOnly(y, month, 1), m.Index));
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Quarter().Matches(text))
        {
            var q = m.Groups["q"].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : year;
            var last = new DateOnly(y, q * 3, DateTime.DaysInMonth(y, q * 3));
            found.Add(new DateMention(m.Value.Trim(), last, DueRule.WithinQuarter, new DateOnly(y, q * 3 - 2, 1), m.Index));
        }
        return [.. found.OrderBy(f => f.Index)];
    }

    private static DateOnly? Date(Match m, string n, int year)
    {
        if (!int.TryParse(m.Groups["d" + n].Value, out var d) || !int.TryParse(m.Groups["m" + n].Value, out var mo)) return null;
        var y = m.Groups["y" + n].Success ? int.Parse(m.Groups["y" + n].Value, CultureInfo.InvariantCulture) : year;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || y is < 1945 or > 2100) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>"số 51/LĐCP", "836/HD-BNV" are numbers, not dates.</summary>
    private static bool LooksLikeDocumentNumber(string text, Match m)
    {
        var end = m.Index + m.Length;
        return end < text.Length && text[end] == '/' || m.Index >= 4 && text.AsSpan(Math.Max(0, m.Index - 5), Math.Min(5, m.Index)).Contains("số", StringComparison.OrdinalIgnoreCase) && !m.Groups["y1"].Success;
    }

    private static bool Overlaps(List<(int Start, int End)> taken, Match m) => taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start);
}
