using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static bool Deadlines(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var all = c.Deadlines.Where(d => r.Phase is null || d.PhaseId is null || d.PhaseId == r.Phase.Id).OrderBy(d => d.DueDate).ToList();
        // Anniversaries and phase starts are milestones, not obligations: shown only when nothing else is due, or
        // when the question names one ("tổng kết Cụm 7 … năm 2023 tổ chức ở đâu").
        // The milestone the question points at most is named too, however many other words it has ("đăng ký thi đua … nộp trước ngày nào").
        var most = all.Select(r.Ask.Score).DefaultIfEmpty(0).Max();
        bool Named(Deadline d) => r.Ask.Score(d) is var s && (s >= PointedAt || s >= MostPointedAt && s == most);
        if (all.Any(d => d.Kind != DeadlineKind.Event)) all.RemoveAll(d => d.Kind == DeadlineKind.Event && !Named(d));
        if (all.Count == 0) return false;
        var kinds = KindsAskedFor(r);
        // The kind the question's words name, and whatever deadline those words point at ("cụm 7 tỉnh … năm 2023").
        var chosen = kinds.Count == 0 ? all : all.Where(d => kinds.Contains(d.Kind) || r.Ask.Score(d) >= PointedAt).ToList();
        b.Title(r.Phase is null ? "Các mốc thời hạn" : $"Các mốc thời hạn {r.Phase.Name}", QuestionKind.Deadlines);
        if (chosen.Count == 0)
        {
            // Asked for a kind of deadline the record never sets: the plan's own sentence if one holds it, else say so.
            var said = r.Ask.Paragraphs.FirstOrDefault(h => h.Unit.Kinds.Contains(QuestionKind.Deadlines) && h.Coverage >= 0.5);
            b.Line(said is not null
                ? $"Kế hoạch ghi: “{said.Unit.Text}”. Các mốc khác:"
                : $"Kế hoạch không nêu hạn {string.Join(", ", kinds.Select(KindName))} riêng. Các mốc kế hoạch có:", said?.Unit.Section);
            chosen = all;
        }
        // "tổ chức ngày nào" of a milestone the plan sets only to a month or quarter: no day is set, said first.
        if (Absences.AsksDay(r) && chosen.MaxBy(r.Ask.Score) is { } asked && r.Ask.Score(asked) >= PointedAt && !Absences.DayDate().IsMatch(asked.Wording))
            b.Line($"Kế hoạch không nêu ngày cụ thể, chỉ ghi: {asked.Wording}{(VietnameseText.Fold(asked.Title).Contains("du kien", StringComparison.Ordinal) ? " (dự kiến)" : "")}.", asked.Section);
        foreach (var d in chosen.OrderByDescending(r.Ask.Score))
            b.Bullet($"{d.Title}: {d.Wording} → {VietnameseDates.Format(d.DueDate)}, {DueStatus(d, r.Today)}{Who(d)}", d.Section, d);
        if (c.Period.End < r.Today)
            b.Line($"Kế hoạch đã kết thúc ngày {VietnameseDates.Format(c.Period.End)} ({VietnameseDates.Relative(c.Period.End, r.Today)}): các hạn trên đều đã qua.");
        return true;
    }

    /// <summary>A deadline whose record holds this much of the question is shown whatever its kind.</summary>
    private const double PointedAt = 0.4;
    /// <summary>A milestone that holds more of the question than any other deadline is pointed at when it holds this much.</summary>
    private const double MostPointedAt = 0.2;

    private static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Report => "báo cáo",
        DeadlineKind.MidTermReview => "sơ kết",
        DeadlineKind.FinalReview => "tổng kết",
        DeadlineKind.Submission => "nộp hồ sơ đề nghị khen thưởng",
        DeadlineKind.UnitPlan => "gửi kế hoạch của đơn vị",
        _ => "",
    };

    /// <summary>"hạn báo cáo", "hạn sơ kết", "hạn nộp hồ sơ" narrow the list to that kind of obligation.</summary>
    private static HashSet<DeadlineKind> KindsAskedFor(AnswerRequest r)
    {
        var kinds = new HashSet<DeadlineKind>();
        if (r.Mentions("bao cao")) kinds.Add(DeadlineKind.Report);
        if (r.Mentions("so ket")) kinds.Add(DeadlineKind.MidTermReview);
        if (r.Mentions("tong ket")) kinds.Add(DeadlineKind.FinalReview);
        if (r.Mentions("ho so") || r.Mentions("nop ho so") || r.Mentions("de nghi khen")) kinds.Add(DeadlineKind.Submission);
        if (r.Mentions("xay dung ke hoach") || r.Mentions("ban hanh ke hoach") || r.Mentions("nop ke hoach") || r.Mentions("gui ke hoach"))
            kinds.Add(DeadlineKind.UnitPlan);
        return kinds;
    }

    private static bool NextDeadlines(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Hạn sắp tới", QuestionKind.NextDeadlines);
        var upcoming = c.Deadlines.Where(d => d.DueDate >= r.Today).OrderBy(d => d.DueDate).Take(4).ToList();
        foreach (var d in upcoming)
            b.Bullet($"{d.Title}: {d.Wording} → {VietnameseDates.WithWeekday(d.DueDate)} ({DueStatus(d, r.Today)}){Who(d)}", d.Section, d);
        if (upcoming.Count > 0) return true;
        var last = c.Deadlines.OrderBy(d => d.DueDate).LastOrDefault();
        b.Line($"Không còn hạn nào sắp tới: kế hoạch {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, r.Today)}.", c.Period.Section);
        if (last is not null)
            b.Line($"Mốc cuối cùng: {last.Title} — {last.Wording} ({VietnameseDates.Format(last.DueDate)}, {VietnameseDates.Relative(last.DueDate, r.Today)}).", last.Section);
        return true;
    }

    private static bool Tasks(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        // No task table: what each body must do is the plan's answer to "phải làm gì".
        if (c.Tasks.Count == 0) return Responsibilities(b, r) || Contents(b, r);
        var quarter = r.Quarter is { } q ? $"quy {Roman(q)}" : null;
        // Whole words: "quý I" is not inside "quý III" or "quý IV".
        var tasks = quarter is null ? c.Tasks : c.Tasks.Where(t => (" " + string.Join(' ', VietnameseText.Words(t.Period)) + " ").Contains($" {quarter} ", StringComparison.Ordinal)).ToList();
        b.Title(r.Quarter is { } n ? $"Nhiệm vụ Quý {Roman(n).ToUpperInvariant()}" : "Nhiệm vụ theo thời gian", QuestionKind.Tasks);
        foreach (var t in tasks.OrderByDescending(r.Ask.Score))
            b.Bullet($"{(quarter is null ? t.Period + ": " : "")}{t.Text}{(t.Responsible is null ? "" : $" (thực hiện: {t.Responsible})")}", t.Section, t);
        if (tasks.Count == 0) b.Line("Kế hoạch không giao nhiệm vụ riêng cho thời gian này.");
        return true;
    }

    private static string DueStatus(Deadline d, DateOnly today)
    {
        if (d.DueDate < today) return $"đã qua, {VietnameseDates.Relative(d.DueDate, today)}";
        var relative = VietnameseDates.Relative(d.DueDate, today);
        return d.Rule == DueRule.Approximate ? $"dự kiến, {relative}" : relative;
    }

    private static string Who(Deadline d) =>
        (string.IsNullOrWhiteSpace(d.Who) ? "" : $". Thực hiện: {d.Who}") + (string.IsNullOrWhiteSpace(d.SendTo) ? "" : $"; gửi: {d.SendTo}");

    private static string Roman(int n) => n switch { 1 => "i", 2 => "ii", 3 => "iii", 4 => "iv", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
