using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static void Dossier(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Hồ sơ đề nghị khen thưởng");
        if (c.Dossier is not { } d)
        {
            NoDossier(b, r);
            return;
        }
        foreach (var part in d.Components.Where(x => r.Beneficiary is null || x.AppliesTo == Beneficiary.Both || x.AppliesTo == r.Beneficiary))
        {
            var copies = part.Copies is { } n ? $" ({n:00} bản)" : "";
            var by = part.PreparedBy is null ? "" : $" — {part.PreparedBy}";
            b.Bullet($"{part.Name}{copies}{by}", part.Section);
        }
        b.Cite(d.Section);
        if (d.CopiesText is not null) b.Line($"Số bộ: {d.CopiesText}");
        if (d.SubmitTo is not null) b.Line($"Nộp về: {d.SubmitTo}");
        if (d.PortalUrl is not null) b.Line($"Nộp trực tuyến: {d.PortalUrl}");
        SubmissionDeadlines(b, c, r.Today, 2);
    }

    private static void NoDossier(AnswerBuilder b, AnswerRequest r)
    {
        var c = b.Campaign;
        b.Line("Kế hoạch không liệt kê thành phần hồ sơ đề nghị khen thưởng; hồ sơ lập theo quy định chung của pháp luật.");
        if (r.Legal.Rule(Legal.LegalKnowledge.DossierRuleId, r.Today) is { } rule)
            b.Line($"Quy định chung (của luật, không phải của kế hoạch): {rule.Text} ({rule.Source.Article}, {rule.Source.Document})");
        var receivers = c.Bodies.Where(x => x.Role is BodyRole.Receiving or BodyRole.Appraising or BodyRole.Lead).Take(2).ToList();
        foreach (var body in receivers) b.Bullet($"Hỏi/nộp tại: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section);
    }

    private static void Submission(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Nơi nộp, cách nộp hồ sơ");
        if (c.Dossier is { } d)
        {
            b.Cite(d.Section);
            if (d.SubmitTo is not null) b.Line($"Nộp về: {d.SubmitTo}");
            if (d.Formats.Count > 0) b.Line("Hình thức: " + string.Join(", ", d.Formats.Select(FormatName)) + (d.CopiesText is null ? "" : $" ({d.CopiesText})"));
            if (d.PortalUrl is not null) b.Line($"Cổng dịch vụ công: {d.PortalUrl}");
            foreach (var note in d.Notes) b.Bullet(note);
        }
        foreach (var body in c.Bodies.Where(x => x.Role == BodyRole.Receiving && (c.Dossier?.SubmitTo is null || !SameText(x.Name, c.Dossier.SubmitTo))))
            b.Bullet($"Tiếp nhận: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section);
        var shown = SubmissionDeadlines(b, c, r.Today, 3);
        if (c.Dossier is null && shown == 0 && !c.Bodies.Any(x => x.Role == BodyRole.Receiving)) NoDossier(b, r);
    }

    /// <summary>Adds the plan's submission, report and unit-plan deadlines; returns how many.</summary>
    private static int SubmissionDeadlines(AnswerBuilder b, Campaign c, DateOnly today, int max)
    {
        var due = c.Deadlines.Where(x => x.Kind is DeadlineKind.Submission or DeadlineKind.Report or DeadlineKind.UnitPlan).OrderBy(x => x.DueDate).Take(max).ToList();
        foreach (var x in due)
            b.Bullet($"Hạn: {x.Title} — {x.Wording} ({DueStatus(x, today)})", x.Section);
        return due.Count;
    }

    private static void Appraisal(AnswerBuilder b)
    {
        var c = b.Campaign;
        b.Title("Thẩm định, xét duyệt");
        var bodies = c.Bodies.Where(x => x.Role is BodyRole.Appraising or BodyRole.Deciding).ToList();
        foreach (var body in bodies)
        {
            var role = body.Role == BodyRole.Appraising ? "Thẩm định" : "Quyết định khen thưởng";
            b.Bullet($"{role}: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section);
        }
        foreach (var resp in c.Responsibilities)
            foreach (var duty in resp.Duties.Where(x => VietnameseText.Fold(x).Contains("tham dinh", StringComparison.Ordinal)))
                b.Bullet($"{resp.Who}: {duty}", resp.Section);
        if (bodies.Count == 0 && !c.Responsibilities.Any(x => x.Duties.Any(d => VietnameseText.Fold(d).Contains("tham dinh", StringComparison.Ordinal))))
            b.Line("Kế hoạch không nêu rõ cơ quan thẩm định.");
    }

    private static string FormatName(SubmissionFormat f) => f switch
    {
        SubmissionFormat.Paper => "bản giấy",
        SubmissionFormat.Electronic => "bản điện tử",
        _ => "trực tuyến trên cổng dịch vụ công",
    };

    private static bool SameText(string a, string b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);
}
