using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// Every dated obligation: "báo cáo kết quả … về UBND tỉnh (qua Sở Nội vụ) trước ngày …" → a report due the day
/// before, from whom, sent where; plans of units, dossiers, sơ kết and tổng kết; the end of each phase; dated rows
/// of a task table; the anniversaries the plan celebrates. The date of a document the plan cites is never one.
/// </summary>
internal static partial class PlanDeadlines
{
    /// <summary>What a receiving body's name starts with: "Sở …", "Ủy ban nhân dân tỉnh", "phòng Nội vụ", not "Kế hoạch".</summary>
    private const string Receivers = "Sở|Phòng|phòng|Ban|ban|Ủy ban|Uỷ ban|UBND|Hội đồng|Thường trực|Bộ|Văn phòng|Cục|Chi cục|Trung tâm|Đảng ủy|Tỉnh ủy|Huyện ủy|Chủ tịch|Cổng|cổng|Bộ phận|Công an|Cụm|cụm|Khối|khối|các";

    /// <summary>The receiver of what is sent: "về Ủy ban nhân dân tỉnh (qua Bộ Chỉ huy Quân sự tỉnh) và Sở Nội vụ", "gửi phòng Nội vụ".</summary>
    [GeneratedRegex(@"(?:\b(?i:gửi|nộp|báo cáo)\b[^.;]{0,120}?\s(?:về|tới|đến|lên)|\b(?i:gửi))\s+(?<to>(?:" + Receivers + @")\b[^;]*?)(?=\s+(?:trước|chậm nhất|trong|để|theo|tổng hợp|định kỳ|hằng|hàng|khi|ngay sau|sau khi)\b|,\s*(?:đợt|trước|chậm nhất|trong|để|theo|thời gian|hạn)\b|[.;]|$)")]
    private static partial Regex SendTo();

    [GeneratedRegex(@"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*[-–]\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*\)")]
    private static partial Regex AnniversaryDates();

    [GeneratedRegex(@"^(?:Thời gian|Thời hạn|Hạn)\b[^.;]{0,40}$|^(?:Thời gian|Thời hạn|Hạn)\s+(?:gửi|nộp|hoàn thành)", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyTheTime();

    [GeneratedRegex(@"\b(?:[Đđ]ợt|[Gg]iai đoạn)\s+(?<n>\d)\b")]
    private static partial Regex PhaseNumber();

    /// <summary>The addressees every plan has when a line names nobody.</summary>
    public const string Everyone = "Các cơ quan, đơn vị, địa phương";

    public static List<Deadline> Read(PlanReading r, List<Phase> phases, List<Responsibility> responsibilities, List<Anniversary> anniversaries, List<ScheduledTask> tasks, HashSet<PlanPart> taskRows)
    {
        var deadlines = new List<Deadline>();
        void Add(Deadline d)
        {
            if (deadlines.Any(x => x.DueDate == d.DueDate && x.Kind == d.Kind && VietnameseText.Fold(x.Title) == VietnameseText.Fold(d.Title))) return;
            var id = $"{ShortNames.Slug(d.Kind.ToString(), 12)}-{deadlines.Count + 1}";
            deadlines.Add(d with { Id = id });
        }
        var generic = 0;
        foreach (var part in r.Sections.Body.Where(p => !p.IsTableRow && !taskRows.Contains(p)))
        {
            var sentences = PlanReading.Sentences(part.Bare).ToList();
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = sentences[s];
                if (sentence.StartsWith("Căn cứ", StringComparison.Ordinal)) continue;
                var anniversaryDates = AnniversaryDates().Matches(sentence).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
                foreach (var mention in r.CurrentDates(sentence))
                {
                    if (anniversaryDates.Any(a => mention.Index >= a.Index && mention.Index < a.End)) continue;
                    var phase = PhaseOf(sentence[..mention.Index], part, phases);
                    // "Thời gian gửi Kế hoạch chậm nhất ngày 15/3": what is sent, and where, is the sentence before.
                    var subject = OnlyTheTime().IsMatch(sentence[..mention.Index].Trim()) && s > 0 ? sentences[s - 1] : sentence;
                    var sendTo = SendTo().Match(sentence) is { Success: true } to ? to : SendTo().Match(subject);
                    var who = Who(part, subject, responsibilities);
                    if (who is null) generic++;
                    var kind = mention.Start is not null && mention.Rule == DueRule.OnOrBefore ? DeadlineKind.PhaseEnd : KindOf(subject);
                    var title = kind == DeadlineKind.PhaseEnd ? $"Kết thúc {phases.FirstOrDefault(p => p.Id == phase)?.Name ?? "thời gian thi đua"}" : Title(subject, sendTo, phases.FirstOrDefault(p => p.Id == phase));
                    Add(new Deadline
                    {
                        Id = "",
                        Kind = kind,
                        Title = title,
                        Wording = mention.Wording,
                        Rule = mention.Rule,
                        DueDate = mention.Due,
                        Who = who ?? Everyone,
                        Audience = Audience(who),
                        SendTo = sendTo.Success ? Receiver(sendTo.Groups["to"].Value, r) : null,
                        PhaseId = phase,
                        Section = part.Section,
                    });
                }
            }
        }
        foreach (var task in tasks.Where(t => t.Due is not null && IsObligation(t.Text)))
        {
            var lead = task.Responsible?.Split(';')[0];
            var who = lead is null ? null : Regex.Replace(lead, @"^[^:]*:\s*", "");
            var to = SendTo().Match(task.Text);
            Add(new Deadline
            {
                Id = "",
                Kind = KindOf(task.Text),
                Title = TextFit.Shorten(task.Text, 160),
                Wording = task.Period,
                Rule = r.Dates(task.Period).FirstOrDefault()?.Rule ?? DueRule.WithinQuarter,
                DueDate = task.Due!.Value,
                Who = task.Responsible ?? Everyone,
                Audience = Audience(who),
                SendTo = to.Success ? Receiver(to.Groups["to"].Value, r) : null,
                Section = task.Section,
            });
        }
        foreach (var a in anniversaries.Where(a => a.AnniversaryDate is { } d && d.Year >= r.Year - 1))
            Add(new Deadline
            {
                Id = "",
                Kind = DeadlineKind.Event,
                Title = $"Kỷ niệm {a.Name}" + (a.EventDate is { } e ? $" ({VietnameseDates.Format(e)} – {VietnameseDates.Format(a.AnniversaryDate!.Value)})" : ""),
                Wording = VietnameseDates.Format(a.AnniversaryDate!.Value),
                Rule = DueRule.OnOrBefore,
                DueDate = a.AnniversaryDate.Value,
                Who = Everyone,
                PhaseId = phases.FirstOrDefault(p => p.Start <= a.AnniversaryDate && a.AnniversaryDate <= p.End)?.Id,
                Section = a.Section,
            });
        var ordered = deadlines.OrderBy(d => d.DueDate).ToList();
        if (ordered.Count == 0) r.Flag("deadlines", "không thấy mốc thời gian nào có ngày cụ thể");
        else r.Flag("deadlines", $"{ordered.Count} mốc đọc tự động: kiểm tra loại (báo cáo/nộp hồ sơ/sơ kết…), người thực hiện và nơi nhận"
            + (generic > 0 ? $"; {generic} mốc không nói ai thực hiện, ghi \"{Everyone}\"" : ""));
        return ordered;
    }

    /// <summary>
    /// Every body the plan says things are sent to ("gửi về Sở Lao động, Thương binh và Xã hội tổng hợp", "báo cáo …
    /// về Hội đồng Thi đua - Khen thưởng tỉnh"), dated or not: one each for "A (qua B) và C" — B and C receive.
    /// </summary>
    public static IEnumerable<(string Name, string Section, string Sentence)> ReceivingBodies(PlanReading r)
    {
        foreach (var part in r.Sections.Body)
            foreach (var sentence in PlanReading.Sentences(part.Bare))
                foreach (Match m in SendTo().Matches(sentence))
                    foreach (var name in Split(Receiver(m.Groups["to"].Value, r)))
                        yield return (name, part.Section, sentence);
    }

    /// <summary>"Ủy ban nhân dân tỉnh (qua Bộ Chỉ huy Quân sự tỉnh) và Sở Nội vụ (Ban Thi đua - Khen thưởng)" → the two that receive.</summary>
    private static IEnumerable<string> Split(string receiver)
    {
        foreach (var part in Regex.Split(receiver, @"\s+và\s+(?=(?:" + Receivers + @")\b)(?![^()]*\))"))
        {
            var via = Regex.Match(part, @"\(qua\s+(?<b>[^()]+)\)");
            yield return via.Success ? via.Groups["b"].Value.Trim() : part.Trim();
        }
    }

    /// <summary>
    /// The receiver as the plan names it; "phòng Nội vụ" in a commune's plan is its district's (communes have no
    /// phòng): "Phòng Nội vụ thành phố Cam Ranh".
    /// </summary>
    private static string Receiver(string said, PlanReading r)
    {
        var name = Regex.Replace(said.Trim().TrimEnd(','), @"\s+(?:tổng hợp|để tổng hợp)$", "");
        return r.District is { } district && r.Level == AdministrativeLevel.Commune && Regex.IsMatch(name, @"^[Pp]hòng\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?$")
            ? $"{TextCasing.Capitalise(name)} {district}"
            : name;
    }

    /// <summary>Who must meet it: the body whose duties it is among, or the subject of its sentence.</summary>
    private static string? Who(PlanPart part, string sentence, List<Responsibility> responsibilities)
    {
        var owner = responsibilities.FirstOrDefault(x => x.Section == part.Section || part.Section.StartsWith(x.Section + ".", StringComparison.Ordinal));
        if (owner is not null) return owner.Who;
        return PlanOrganisation.Subject(PlanSections.WithoutMark(sentence))?.Who;
    }

    private static string? PhaseOf(string before, PlanPart part, List<Phase> phases)
    {
        if (PhaseNumber().Matches(before).LastOrDefault() is { } m)
            return phases.FirstOrDefault(p => p.Name.EndsWith(" " + m.Groups["n"].Value, StringComparison.Ordinal))?.Id;
        return phases.FirstOrDefault(p => part.Section == p.Section || part.Section.StartsWith(p.Section + ".", StringComparison.Ordinal))?.Id;
    }

    /// <summary>"Báo cáo kết quả thực hiện phong trào thi đua — Đợt 1": the sentence up to where it says where it goes.</summary>
    private static string Title(string sentence, Match sendTo, Phase? phase)
    {
        var cut = sendTo.Success && sentence.Contains(sendTo.Value, StringComparison.Ordinal) ? sendTo.Groups["to"].Index : -1;
        var head = cut > 15 ? sentence[..cut] : sentence;
        var verb = Regex.Match(head, @"\s(?:về|gửi|tới|đến|lên)\s*$");
        if (verb.Success && verb.Index > 15) head = head[..verb.Index];
        head = TextFit.Shorten(PlanSections.WithoutMark(head).Trim().TrimEnd(',', '.', ';'), 140);
        return phase is null || VietnameseText.Fold(head).Contains(VietnameseText.Fold(phase.Name), StringComparison.Ordinal) ? head : $"{head} — {phase.Name}";
    }

    /// <summary>
    /// A dated row of a task table is an obligation when it asks for something (a report, a dossier, a meeting, a
    /// review); the lead agency issuing its own instruments (kế hoạch, chỉ thị, hướng dẫn) is its own business.
    /// </summary>
    private static bool IsObligation(string text)
    {
        var f = VietnameseText.Fold(text);
        if (Regex.IsMatch(f, @"^ban hanh (?:ke hoach|chi thi|quy dinh|huong dan|quyet dinh)")) return false;
        return Regex.IsMatch(f, @"\b(?:bao cao|ho so|trinh|de nghi|so ket|tong ket|hoi nghi|hop|xet|tap huan|kiem tra|gui|nop|dang ky|giao uoc)\b");
    }

    public static DeadlineKind KindOf(string text)
    {
        var f = VietnameseText.Fold(PlanSections.WithoutMark(text));
        if (Regex.IsMatch(f, @"^(?:gui|nop|xay dung|ban hanh|hoan thanh)\s+(?:\S+\s+){0,2}ke hoach\b")) return DeadlineKind.UnitPlan;
        if (f.StartsWith("tong ket", StringComparison.Ordinal) || f.StartsWith("to chuc tong ket", StringComparison.Ordinal)) return DeadlineKind.FinalReview;
        if (f.StartsWith("so ket", StringComparison.Ordinal) || f.StartsWith("to chuc so ket", StringComparison.Ordinal)) return DeadlineKind.MidTermReview;
        if (Regex.IsMatch(f, @"\bho so\b|\bde nghi khen\b|\btrinh khen\b|\bde nghi (?:cap tren|chu tich)")) return DeadlineKind.Submission;
        if (f.Contains("bao cao so ket", StringComparison.Ordinal)) return DeadlineKind.MidTermReview;
        if (f.Contains("bao cao", StringComparison.Ordinal)) return DeadlineKind.Report;
        if (f.Contains("tong ket", StringComparison.Ordinal)) return DeadlineKind.FinalReview;
        if (f.Contains("so ket", StringComparison.Ordinal)) return DeadlineKind.MidTermReview;
        if (f.Contains("ke hoach", StringComparison.Ordinal) && Regex.IsMatch(f, @"\b(?:xay dung|ban hanh|gui)\b")) return DeadlineKind.UnitPlan;
        if (Regex.IsMatch(f, @"\b(?:ket thuc|den het)\b")) return DeadlineKind.PhaseEnd;
        return DeadlineKind.Event;
    }

    /// <summary>The kinds of unit a body is, for reminders: "UBND các phường" → communes, "Sở Nội vụ" → the reviewer.</summary>
    public static List<UnitKind> Audience(string? who)
    {
        if (who is null) return [UnitKind.All];
        var f = " " + VietnameseText.Fold(who) + " ";
        var kinds = new List<UnitKind>();
        if (Regex.IsMatch(f, @" (?:so noi vu|phong noi vu|ban thi dua|ban tdkt|thuong truc hoi dong|hoi dong thi dua) ")) kinds.Add(UnitKind.Reviewer);
        if (Regex.IsMatch(f, @" (?:cac so|so, ban, nganh|ban, nganh|doan the tinh) ")) kinds.Add(UnitKind.Department);
        if (Regex.IsMatch(f, @" (?:huyen|thi xa|cac quan) ")) kinds.Add(UnitKind.District);
        if (Regex.IsMatch(f, @" (?:cac xa|xa, phuong|cac phuong|ubnd cac phuong|uy ban nhan dan cac phuong|thi tran) ")) kinds.Add(UnitKind.Commune);
        if (f.Contains(" doanh nghiep ", StringComparison.Ordinal)) kinds.Add(UnitKind.Enterprise);
        if (Regex.IsMatch(f, @" (?:cac truong|truong (?:hoc|thpt|thcs|tieu hoc|mam non|mau giao|dai hoc|cao dang)|co so giao duc) ")) kinds.Add(UnitKind.School);
        if (Regex.IsMatch(f, @" (?:quan su|chqs|cong an|bien phong) ")) kinds.Add(UnitKind.ArmedForces);
        return kinds.Count == 0 ? [UnitKind.All] : kinds;
    }
}
