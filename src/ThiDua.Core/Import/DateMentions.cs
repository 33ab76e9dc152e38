using ThiDua.Core.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Import;

/// <summary>A time a plan names: the words, the last day that is still on time, how to read it, and a start for ranges.</summary>
public sealed record DateMention(string Wording, DateOnly Due, DueRule Rule, DateOnly? Start, int Index)
{
    /// <summary>False when the plan left the year out ("trước ngày 20/11") and it was taken from the plan.</summary>
    public bool YearGiven { get; init; } = true;

    /// <summary>
    /// The date of a document the plan cites ("Kế hoạch số 42/KH-UBND ngày 24/01/2024", "Luật Thi đua, khen thưởng
    /// ngày 15/6/2022"): when that document was issued, never something to do by then.
    /// </summary>
    public bool Cited { get; init; }
}

/// <summary>
/// Vietnamese date forms in plans: "ngày 10/3/2024", "10 tháng 3 năm 2024", "từ ngày 10/3/2024 đến hết ngày 10/5/2024",
/// "từ tháng 10/2025 đến tháng 3/2026", "trước ngày 20/11" (year from the plan), "chậm nhất ngày 15/3",
/// "trong tháng 7/2024", "Quý II", "dịp 13/5/2025".
/// </summary>
public static partial class DateMentions
{
    [GeneratedRegex(@"(?<lead>(?:kể\s+)?từ\s+ngày|từ)\s+" + "(?<d1>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m1>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y1>\\d{4}))?" +
        @"\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?" + "(?<d2>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m2>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y2>\\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    /// <summary>"từ tháng 10/2025 đến tháng 3/2026", "từ tháng 10 đến hết tháng 12 năm 2025", "từ ngày 01/10/2025 đến hết tháng 12/2025".</summary>
    [GeneratedRegex(@"(?<lead>(?:kể\s+)?từ)\s+(?:ngày\s+(?<d1>\d{1,2})\s*(?:[/.-]\s*|\s+tháng\s+)|tháng\s+)(?<m1>\d{1,2})(?:\s*(?:/|năm)\s*(?<y1>\d{4}))?" +
        @"\s*(?:đến|-|–)\s*(?:hết\s+)?tháng\s+(?<m2>\d{1,2})(?:\s*(?:/|năm)\s*(?<y2>\d{4}))?(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"(?<lead>trước\s+ngày|trước|chậm\s+nhất\s+(?:là\s+)?(?:ngày|vào\s+ngày)?|đến\s+hết\s+ngày|hạn\s+chót\s+(?:là\s+)?(?:ngày)?|dịp|dự\s+kiến\s+(?:vào\s+)?(?:ngày)?|ngày)?\s*" +
        "(?<d1>\\d{1,2})\\s*(?:[/.-]\\s*|\\s+tháng\\s+)(?<m1>\\d{1,2})(?:\\s*(?:[/.-]\\s*|\\s+năm\\s+)(?<y1>\\d{4}))?(?![\\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex Single();

    [GeneratedRegex(@"(?<lead>trong|vào|từ|dự\s+kiến\s+vào|dự\s+kiến\s+trong)?\s*tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex Month();

    [GeneratedRegex(@"quý\s+(?<q>IV|III|II|I|[1-4])(?:\s*(?:/|năm)\s*(?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    /// <summary>What stands before the date of a cited document: its number ("số 42/KH-UBND", "98/2023/NĐ- CP"), then "ngày".</summary>
    [GeneratedRegex(@"\d+[\p{L}\d]*(?:[/\-.]\s?[\p{L}\d.]+)+\s*,?\s*$")]
    private static partial Regex DocumentNumberBefore();

    /// <summary>A law or code cited by name and date, no number: "Luật Thi đua, khen thưởng ngày 15/6/2022".</summary>
    [GeneratedRegex(@"\b(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)(?:\s+[\p{L},\-–]+){0,12}\s*$")]
    private static partial Regex LawNameBefore();

    public static List<DateMention> Find(string text, int year) => Find(text, year, null);

    /// <summary>
    /// The dates in the text; a day without a year is in <paramref name="year"/>, or in the year after when that
    /// puts it well before <paramref name="issuedOn"/> (a plan of July naming "15/3" means next March).
    /// </summary>
    public static List<DateMention> Find(string text, int year, DateOnly? issuedOn)
    {
        var found = new List<DateMention>();
        var taken = new List<(int Start, int End)>();
        void Take(Match m) => taken.Add((m.Index, m.Index + m.Length));
        foreach (Match m in MonthRange().Matches(text))
        {
            if (!MonthOf(m, "m2", out var m2)) continue;
            var y2 = m.Groups["y2"].Success ? Year(m, "y2") : m.Groups["y1"].Success ? Year(m, "y1") : year;
            if (!MonthOf(m, "m1", out var m1)) continue;
            var y1 = m.Groups["y1"].Success ? Year(m, "y1") : m1 <= m2 ? y2 : y2 - 1;
            DateOnly? start = m.Groups["d1"].Success ? Day(m.Groups["d1"].Value, m1, y1) : new DateOnly(y1, m1, 1);
            if (start is null) continue;
            var end = new DateOnly(y2, m2, DateTime.DaysInMonth(y2, m2));
            found.Add(Mention(text, m, end, DueRule.OnOrBefore, start) with { YearGiven = m.Groups["y2"].Success || m.Groups["y1"].Success });
            Take(m);
        }
        foreach (Match m in Range().Matches(text))
        {
            if (Overlaps(taken, m) || Date(m, "2", year, issuedOn) is not { } end) continue;
            // "từ 10/3 đến 10/5/2024": the start takes the end's year when it has none of its own.
            var startYear = m.Groups["y2"].Success ? Year(m, "y2") : end.Year;
            if (Date(m, "1", startYear, null) is not { } start) continue;
            if (start > end && !m.Groups["y1"].Success) start = start.AddYears(-1);
            found.Add(Mention(text, m, end, DueRule.OnOrBefore, start) with { YearGiven = m.Groups["y2"].Success });
            Take(m);
        }
        foreach (Match m in Single().Matches(text))
        {
            if (Overlaps(taken, m) || Date(m, "1", year, issuedOn) is not { } date || LooksLikeDocumentNumber(text, m) || LooksLikeNumbering(text, m)) continue;
            if (IsReference(text, m))
            {
                Take(m);
                continue;
            }
            var lead = m.Groups["lead"].Value.ToLowerInvariant();
            var (due, rule) = lead.StartsWith("trước", StringComparison.Ordinal) ? (date.AddDays(-1), DueRule.Before)
                : lead.StartsWith("dịp", StringComparison.Ordinal) || lead.StartsWith("dự kiến", StringComparison.Ordinal) ? (date, DueRule.Approximate)
                : (date, DueRule.OnOrBefore);
            found.Add(Mention(text, m, due, rule, null) with { YearGiven = m.Groups["y1"].Success });
            Take(m);
        }
        foreach (Match m in Month().Matches(text))
        {
            if (Overlaps(taken, m) || !MonthOf(m, "m", out var month)) continue;
            var y = m.Groups["y"].Success ? Year(m, "y") : year;
            var approximate = m.Groups["lead"].Value.StartsWith("dự kiến", StringComparison.OrdinalIgnoreCase);
            found.Add(Mention(text, m, new DateOnly(y, month, DateTime.DaysInMonth(y, month)), approximate ? DueRule.Approximate : DueRule.WithinMonth, new DateOnly(y, month, 1)) with { YearGiven = m.Groups["y"].Success });
            Take(m);
        }
        foreach (Match m in Quarter().Matches(text))
        {
            var q = PeriodNumbers.Value(m.Groups["q"].Value) ?? 4;
            var y = m.Groups["y"].Success ? Year(m, "y") : year;
            var last = new DateOnly(y, q * 3, DateTime.DaysInMonth(y, q * 3));
            found.Add(Mention(text, m, last, DueRule.WithinQuarter, new DateOnly(y, q * 3 - 2, 1)) with { YearGiven = m.Groups["y"].Success });
        }
        return [.. found.OrderBy(f => f.Index)];
    }

    private static DateMention Mention(string text, Match m, DateOnly due, DueRule rule, DateOnly? start)
    {
        var wording = m.Value.Trim();
        return new DateMention(wording, due, rule, start, m.Index + (m.Value.Length - m.Value.TrimStart().Length)) { Cited = IsCited(text, m) };
    }

    /// <summary>A date right after a cited document's number, or after a law's name, is that document's date.</summary>
    private static bool IsCited(string text, Match m)
    {
        var lead = m.Groups["lead"];
        // Only "ngày X" (or a bare X) dates a document; "trước ngày", "chậm nhất" never do.
        if (lead.Success && lead.Length > 0 && !lead.Value.Equals("ngày", StringComparison.OrdinalIgnoreCase)) return false;
        var before = text[..m.Index];
        var clause = Math.Max(before.LastIndexOf(';'), before.LastIndexOf(". ", StringComparison.Ordinal));
        before = before[(clause + 1)..];
        if (before.Length > 160) before = before[^160..];
        before = before.TrimEnd();
        if (before.EndsWith("ngày", StringComparison.OrdinalIgnoreCase)) before = before[..^4];
        return DocumentNumberBefore().IsMatch(before) || LawNameBefore().IsMatch(before);
    }

    private static DateOnly? Date(Match m, string n, int year, DateOnly? issuedOn)
    {
        if (!int.TryParse(m.Groups["m" + n].Value, out var mo) || mo is < 1 or > 12) return null;
        var given = m.Groups["y" + n].Success;
        var y = given ? Year(m, "y" + n) : year;
        if (Day(m.Groups["d" + n].Value, mo, y) is not { } date) return null;
        // A plan issued in July that says "trước ngày 15/3" means March of the next year.
        if (!given && issuedOn is { } issued && date < issued.AddDays(-45) && Day(m.Groups["d" + n].Value, mo, y + 1) is { } next) return next;
        return date;
    }

    private static DateOnly? Day(string day, int month, int year)
    {
        if (!int.TryParse(day, out var d) || year is < 1945 or > 2100 || d < 1 || d > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, d);
    }

    private static bool MonthOf(Match m, string group, out int month) => int.TryParse(m.Groups[group].Value, out month) && month is >= 1 and <= 12;

    private static int Year(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>"số 51/LĐCP", "836/HD-BNV" are numbers, not dates.</summary>
    private static bool LooksLikeDocumentNumber(string text, Match m)
    {
        var end = m.Index + m.Length;
        return end < text.Length && text[end] == '/' || m.Index >= 4 && text.AsSpan(Math.Max(0, m.Index - 5), Math.Min(5, m.Index)).Contains("số", StringComparison.OrdinalIgnoreCase) && !m.Groups["y1"].Success;
    }

    /// <summary>"3.3. Hồ sơ", "2-3 ngày": a bare "d.m" or "d-m" with no year and nothing saying it is a date is a number.</summary>
    private static bool LooksLikeNumbering(string text, Match m)
    {
        if (m.Groups["y1"].Success || m.Groups["lead"].Length > 0) return false;
        var between = text[(m.Groups["d1"].Index + m.Groups["d1"].Length)..m.Groups["m1"].Index];
        return !between.Contains('/', StringComparison.Ordinal) && !between.Contains("tháng", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"hoạt động từ 03 năm trở lên tính đến ngày 31 tháng 12 của năm trước": a day things are counted to, not a time limit.</summary>
    private static bool IsReference(string text, Match m) =>
        m.Groups["lead"].Value is "" or "ngày" && ReferenceBefore().IsMatch(text[..m.Index]);

    [GeneratedRegex(@"tính\s+(?:đến|tới)\s*(?:ngày)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceBefore();

    private static bool Overlaps(List<(int Start, int End)> taken, Match m) => taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start);
}
