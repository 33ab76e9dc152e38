using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>A dated thing the plan names, for estimating an end the plan does not give.</summary>
internal sealed record Milestone(DateOnly Date, string What);

/// <summary>
/// The campaign's time and its phases. Plans write "từ ngày … đến ngày …", "từ tháng 10/2025 đến khi tổ chức
/// thành công Đại hội …", "trong năm 2025", "từ nay đến hết năm", "đến hết tháng 12/2025"; phases are "Đợt 1",
/// "Giai đoạn 1", each with its dates, often its own theme ("Đợt 1 với chủ đề: “…”") and closing ("Tổng kết đợt …").
/// When the plan gives no end, the end is estimated from its latest dated milestone, the estimate is recorded
/// as such, and the reviewer is told.
/// </summary>
internal static partial class PlanPeriods
{
    [GeneratedRegex(@"(?<word>Đợt|đợt|ĐỢT|Giai đoạn|giai đoạn|GIAI ĐOẠN)\s+(?<n>\d{1,2}|IV|I{1,3}|một|hai|ba|bốn)(?![\d/\p{L}])")]
    private static partial Regex PhaseWord();

    /// <summary>"từ tháng 10/2025 đến khi tổ chức thành công Đại hội …": a start and an event for an end.</summary>
    [GeneratedRegex(@"(?:bắt đầu\s+)?(?:kể\s+)?từ\s+(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|tháng\s+\d{1,2}(?:\s*(?:/|năm)\s*\d{4})?|nay|ngày ban hành[^,.;]*?)\s*,?\s*(?:cho\s+)?đến\s+(?:khi|lúc)\s+[^.;]+", RegexOptions.IgnoreCase)]
    private static partial Regex OpenRange();

    [GeneratedRegex(@"(?:kể\s+)?từ\s+(?:nay|ngày ban hành|khi ban hành|ngày ký)", RegexOptions.IgnoreCase)]
    private static partial Regex FromNow();

    /// <summary>"trong năm 2025", "cả năm 2025", "năm 2025" alone after "Thời gian …:".</summary>
    [GeneratedRegex(@"(?:\b(?:trong|cả|suốt)\s+năm\s+(?<y>\d{4})\b|(?:^|:\s*)năm\s+(?<y>\d{4})\s*\.?$)", RegexOptions.IgnoreCase)]
    private static partial Regex WholeYear();

    /// <summary>"đến hết năm", "đến hết năm 2025", "đến ngày 31/12 hằng năm" is not this.</summary>
    [GeneratedRegex(@"đến\s+(?:hết\s+)?(?:cuối\s+)?năm(?:\s+(?<y>\d{4}))?(?!\s*học)", RegexOptions.IgnoreCase)]
    private static partial Regex UntilYearEnd();

    [GeneratedRegex(@"giai đoạn\s+(?<a>\d{4})\s*[-–]\s*(?<b>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex TitleYears();

    /// <summary>A yearly plan's title: "Công tác thi đua, khen thưởng năm 2024".</summary>
    [GeneratedRegex(@"năm\s+(?<y>\d{4})\s*$")]
    private static partial Regex TitleYear();

    public static List<Phase> Phases(PlanReading r, List<SourcedText> themes)
    {
        var parts = r.Sections.Body.ToList();
        var phases = new List<Phase>();
        for (var i = 0; i < parts.Count; i++)
        {
            var text = parts[i].Bare;
            var words = PhaseWord().Matches(text).Where(m => m.Index == 0 || Regex.IsMatch(text[..m.Index], @"[;.:]\s*$")).ToList();
            for (var w = 0; w < words.Count; w++)
            {
                var m = words[w];
                var segment = text[m.Index..(w + 1 < words.Count ? words[w + 1].Index : text.Length)];
                // The phase's dates are on its line or the lines under it.
                var scope = m.Index == 0 ? Scope(parts, i) : [parts[i]];
                var scopeText = m.Index == 0 ? string.Join(" ", scope.Skip(1).Select(p => p.Bare).Prepend(segment)) : segment;
                if (PeriodNumbers.Value(m.Groups["n"].Value) is not int n) continue;
                var kind = VietnameseText.Fold(m.Groups["word"].Value) == "dot" ? "Đợt" : "Giai đoạn";
                var id = kind == "Đợt" ? $"dot-{n}" : $"giai-doan-{n}";
                if (phases.Any(p => p.Id == id)) continue;
                var range = r.CurrentDates(scopeText).FirstOrDefault(d => d.Start is not null && d.Rule == DueRule.OnOrBefore);
                var open = OpenRange().Match(scopeText);
                // "từ ngày ký ban hành Kế hoạch đến hết ngày 27/3/2026": from the issue date to a dated end.
                var fromIssue = range is null && !open.Success && r.IssuedOn is { } issued && FromNow().Match(scopeText) is { Success: true } since
                    && r.CurrentDates(scopeText[since.Index..]).FirstOrDefault(d => d.Start is null && d.Rule == DueRule.OnOrBefore) is { } until
                    ? new DateMention(until.Wording, until.Due, until.Rule, issued, until.Index) : null;
                range ??= fromIssue;
                if (range is null && !open.Success) continue;
                var phaseThemes = PlanThemes.Quoted(string.Join(" ", scope.Select(p => p.Bare).Prepend(segment)), requireCue: true);
                var phase = new Phase
                {
                    Id = id,
                    Name = $"{kind} {n}",
                    Theme = phaseThemes.FirstOrDefault(),
                    Start = range?.Start ?? OpenStart(r, open.Value) ?? r.IssuedOn ?? new DateOnly(r.Year, 1, 1),
                    End = range?.Due ?? DateOnly.MaxValue,
                    Closing = scope.Skip(1).Select(p => p.Bare).FirstOrDefault(IsClosing) ?? PlanReading.Sentences(segment).Skip(1).Select(TextCasing.Capitalise).FirstOrDefault(IsClosing),
                    Section = parts[i].Section,
                    Wording = range is null ? open.Value.Trim() : null,
                };
                phases.Add(phase);
                foreach (var t in phaseThemes) themes.Add(new SourcedText { Text = t, Section = parts[i].Section, PhaseId = id });
            }
        }
        return phases;
    }

    /// <summary>The part and the lines under it, up to the next phase or the next heading at its level or above.</summary>
    private static List<PlanPart> Scope(List<PlanPart> parts, int at)
    {
        var scope = new List<PlanPart> { parts[at] };
        var own = parts[at].Section;
        for (var j = at + 1; j < parts.Count && scope.Count < 8; j++)
        {
            var p = parts[j];
            var inside = p.Section == own && !p.IsHeading || p.Section.StartsWith(own + ".", StringComparison.Ordinal);
            if (!inside || PhaseWord().Match(p.Bare) is { Success: true, Index: 0 }) break;
            scope.Add(p);
        }
        return scope;
    }

    private static bool IsClosing(string text) =>
        text.StartsWith("Tổng kết", StringComparison.Ordinal) || text.StartsWith("Sơ kết", StringComparison.Ordinal)
        || VietnameseText.Fold(text).Contains("tong ket dot", StringComparison.Ordinal);

    private static DateOnly? OpenStart(PlanReading r, string wording) =>
        wording.Length == 0 ? null : FromNow().IsMatch(wording) ? r.IssuedOn : r.Dates(wording).FirstOrDefault() is { } d ? d.Start ?? d.Due : null;


    /// <summary>
    /// Phases without an end (an event ends them: "đến khi tổ chức thành công Đại hội") end the day before the next
    /// phase starts, or else at the plan's latest milestone; said so.
    /// </summary>
    public static List<Phase> WithEstimatedEnds(List<Phase> phases, IReadOnlyList<Milestone> milestones, PlanReading r) =>
        [.. phases.Select(p =>
        {
            if (p.End != DateOnly.MaxValue) return p;
            var next = phases.Where(o => o.Start > p.Start).MinBy(o => o.Start);
            var (end, from) = next is not null ? (next.Start.AddDays(-1), $"ngày trước khi {next.Name} bắt đầu") : Estimate(p.Start, milestones, r.Year);
            r.Flag("phases", $"{p.Name} \"{p.Wording}\": kế hoạch không ghi ngày kết thúc; tạm lấy {VietnameseDates.Format(end)} ({from})");
            return p with { End = end, EndEstimatedFrom = from };
        })];

    /// <summary>The campaign's time: its phases', else its time section's, else its title's, else estimated (and flagged).</summary>
    public static DateRange Period(PlanReading r, List<Phase> phases, string? title, IReadOnlyList<Milestone> milestones)
    {
        if (phases.Count > 0)
        {
            var last = phases.MaxBy(p => p.End)!;
            return new DateRange { Start = phases.Min(p => p.Start), End = last.End, Section = phases[0].Section.Split('.')[0], EndEstimatedFrom = last.EndEstimatedFrom };
        }
        var candidates = r.Sections.Under("thoi gian", "pham vi")
            .Concat(r.Sections.Body.Where(p => Regex.IsMatch(p.Words, " thoi gian (?:thi dua|thuc hien|trien khai|to chuc|phat dong) ")))
            .Where(p => !p.IsTableRow).Distinct()
            // Under "ĐỐI TƯỢNG VÀ THỜI GIAN", the line that says "Thời gian: …", not "Đối tượng: … tính đến ngày 31/12".
            .OrderByDescending(p => p.Words.Contains(" thoi gian ", StringComparison.Ordinal));
        foreach (var part in candidates)
            if (FromTimeSection(r, part, milestones) is { } said) return said;
        if (FromTitle(r, title) is { } named) return named;
        var begin = r.IssuedOn ?? Undated(r, null, null);
        var (estimated, why) = Estimate(begin, milestones, r.Year);
        r.Flag("period", $"kế hoạch không ghi thời gian thi đua: tạm tính từ {VietnameseDates.Format(begin)} đến {VietnameseDates.Format(estimated)} ({why})");
        return new DateRange { Start = begin, End = estimated, Section = PlanSections.Opening, EndEstimatedFrom = why };
    }

    /// <summary>
    /// A line of the time section: "từ ngày … đến ngày …"; "từ … đến khi …" (the end estimated); "trong năm 2025";
    /// "từ nay đến hết năm", "đến hết tháng 12/2025" (from the plan's date). Null when the line says no time.
    /// </summary>
    private static DateRange? FromTimeSection(PlanReading r, PlanPart part, IReadOnlyList<Milestone> milestones)
    {
        var text = part.Bare;
        var dates = r.CurrentDates(text).ToList();
        if (dates.FirstOrDefault(d => d.Start is not null && d.Rule == DueRule.OnOrBefore) is { } range)
            return new DateRange { Start = range.Start!.Value, End = range.Due, Section = part.Section };
        if (OpenRange().Match(text) is { Success: true } open)
        {
            var start = OpenStart(r, open.Value) ?? Undated(r, part, null);
            var (end, from) = Estimate(start, milestones, r.Year);
            r.Flag("period", $"kế hoạch ghi \"{open.Value.Trim()}\": không có ngày kết thúc; tạm lấy {VietnameseDates.Format(end)} ({from})");
            return new DateRange { Start = start, End = end, Section = part.Section, Wording = open.Value.Trim(), EndEstimatedFrom = from };
        }
        if (WholeYear().Match(text) is { Success: true } year)
        {
            var y = int.Parse(year.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new DateRange { Start = new DateOnly(y, 1, 1), End = new DateOnly(y, 12, 31), Section = part.Section, Wording = year.Value.Trim(' ', ':', '.') };
        }
        var until = dates.LastOrDefault(d => d.Rule is DueRule.OnOrBefore or DueRule.WithinMonth);
        var yearEnd = UntilYearEnd().Match(text);
        if (until is null && !yearEnd.Success) return null;
        var endDate = until?.Due ?? new DateOnly(yearEnd.Groups["y"].Success ? int.Parse(yearEnd.Groups["y"].Value, CultureInfo.InvariantCulture) : r.IssuedOn?.Year ?? r.Year, 12, 31);
        var fromNow = FromNow().Match(text);
        var wording = fromNow.Success ? text[fromNow.Index..].TrimEnd('.') : until is null ? yearEnd.Value
            : Regex.Match(text[..until.Index], @"(?:đến|tới)\s+(?:hết\s+)?$") is { Success: true } lead ? lead.Value + until.Wording : until.Wording;
        return new DateRange { Start = Undated(r, part, endDate), End = endDate, Section = part.Section, Wording = wording };
    }

    /// <summary>
    /// A yearly plan ("Công tác thi đua, khen thưởng năm 2024") runs the year its title names; one "giai đoạn 2021 -
    /// 2025" runs from its date to the end of those years.
    /// </summary>
    private static DateRange? FromTitle(PlanReading r, string? title)
    {
        if (title is null) return null;
        if (IsYearlyTitle(title) && TitleYear().Match(title) is { Success: true } t)
        {
            var y = int.Parse(t.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new DateRange { Start = new DateOnly(y, 1, 1), End = new DateOnly(y, 12, 31), Section = PlanSections.Opening, Wording = $"năm {y} (tên kế hoạch)" };
        }
        if (TitleYears().Match(title) is not { Success: true } span) return null;
        var (from, to) = (int.Parse(span.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(span.Groups["b"].Value, CultureInfo.InvariantCulture));
        var first = new DateOnly(from, 1, 1);
        var start = r.IssuedOn is { } issued && issued > first ? issued : first;
        return from <= to && to - from <= 15 && start.Year <= to
            ? new DateRange { Start = start, End = new DateOnly(to, 12, 31), Section = PlanSections.Opening, Wording = $"{span.Value.Trim()} (tên kế hoạch)" }
            : null;
    }

    /// <summary>The first year of the span a title names ("giai đoạn 2026 - 2028" → 2026), if any.</summary>
    public static int? TitleSpanStart(string? title) =>
        title is not null && TitleYears().Match(title) is { Success: true } span ? int.Parse(span.Groups["a"].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>"Kế hoạch công tác thi đua, khen thưởng năm 2025" is for the year; "Hội nghị tổng kết … năm 2015", "Đại hội … lần thứ XI năm 2025" are not.</summary>
    public static bool IsYearlyTitle(string title)
    {
        var f = VietnameseText.Fold(title);
        return TitleYear().IsMatch(title) && f.Contains("thi dua", StringComparison.Ordinal) && !Regex.IsMatch(f, @"tong ket|so ket|hoi nghi|dai hoi|lan thu|giai doan");
    }

    /// <summary>
    /// "Từ nay": from the plan's date; a plan printed without one starts, at the earliest, on the latest date of a
    /// document it implements (it cannot be older), and the reviewer is told.
    /// </summary>
    private static DateOnly Undated(PlanReading r, PlanPart? part, DateOnly? before)
    {
        if (r.IssuedOn is { } issued) return issued;
        var cited = r.Sections.OpeningParts.SelectMany(p => r.Dates(p.Text)).Where(d => d.Cited && d.Due.Year >= r.Year - 1 && (before is null || d.Due <= before)).Select(d => (DateOnly?)d.Due).Max();
        var start = cited ?? new DateOnly(r.Year, 1, 1);
        r.Flag("period.start", cited is null
            ? $"kế hoạch chưa ghi ngày ban hành{(part is null ? "" : $" (\"{TextFit.Shorten(part.Bare, 60)}\")")}: tạm lấy 1/1/{r.Year} làm ngày bắt đầu"
            : $"kế hoạch ghi \"từ nay\" nhưng chưa ghi ngày ban hành: tạm lấy {VietnameseDates.Format(start)} (ngày của văn bản mới nhất kế hoạch căn cứ) làm ngày bắt đầu");
        return start;
    }

    /// <summary>The latest milestone on or after the start, or the end of its year when there is none.</summary>
    private static (DateOnly End, string From) Estimate(DateOnly start, IReadOnlyList<Milestone> milestones, int year)
    {
        var latest = milestones.Where(m => m.Date >= start).MaxBy(m => m.Date);
        return latest is null
            ? (new DateOnly(Math.Max(start.Year, year), 12, 31), "không có mốc nào có ngày: tạm lấy ngày cuối năm")
            : (latest.Date, $"mốc muộn nhất kế hoạch nêu: {TextFit.Shorten(latest.What, 80)}, {VietnameseDates.Format(latest.Date)}");
    }
}
