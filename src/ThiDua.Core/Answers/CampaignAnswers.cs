using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>Builds the answer to each kind of question from one plan's data. Nothing here knows any question's wording.</summary>
public static partial class CampaignAnswers
{
    /// <summary>More than two notes would crowd out the answer itself.</summary>
    private const int MaxLegalNotes = 2;

    public static Conversations.Reply Answer(AnswerRequest request)
    {
        var b = new AnswerBuilder(request.Campaign);
        var showsStatus = request.Kind switch
        {
            QuestionKind.TimeFrame or QuestionKind.Overview or QuestionKind.Deadlines or QuestionKind.NextDeadlines => true,
            _ => false,
        };
        switch (request.Kind)
        {
            case QuestionKind.TimeFrame: TimeFrame(b, request); break;
            case QuestionKind.Theme: Theme(b, request); break;
            case QuestionKind.Purpose: Purpose(b); break;
            case QuestionKind.Anniversaries: Anniversaries(b); break;
            case QuestionKind.LegalBasis: LegalBasis(b); break;
            case QuestionKind.Criteria: Criteria(b, request); break;
            case QuestionKind.Awards: Awards(b, request); break;
            case QuestionKind.Quotas: Quotas(b, request); break;
            case QuestionKind.Dossier: Dossier(b, request); break;
            case QuestionKind.Submission: Submission(b, request); break;
            case QuestionKind.Appraisal: Appraisal(b); break;
            case QuestionKind.Deadlines: Deadlines(b, request); break;
            case QuestionKind.NextDeadlines: NextDeadlines(b, request); break;
            case QuestionKind.Tasks: Tasks(b, request); break;
            case QuestionKind.Responsibilities: Responsibilities(b, request); break;
            case QuestionKind.Contacts: Contacts(b); break;
            case QuestionKind.Contents: Contents(b); break;
            case QuestionKind.Targets: Targets(b); break;
            default: Overview(b, request); break;
        }
        if (!showsStatus && request.Campaign.Period.End < request.Today)
            b.Note($"Lưu ý: kế hoạch này đã kết thúc ngày {VietnameseDates.Format(request.Campaign.Period.End)}.");
        foreach (var note in request.Legal.NotesFor(b.Content, request.Today).Take(MaxLegalNotes)) b.Note("Lưu ý: " + note);
        FollowUps(b, request);
        return b.Build();
    }

    private static void Overview(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Tóm tắt kế hoạch");
        b.Line(AnswerBuilder.Shorten(c.Document.Title, 220));
        var signer = c.Document.Signer is null ? "" : $"; ký: {c.Document.SignerTitle ?? ""} {c.Document.Signer}".Replace(":  ", ": ", StringComparison.Ordinal);
        b.Line($"Ban hành: {KnowledgeBase.PlanName(c)}{signer}.", "Phần mở đầu");
        foreach (var theme in c.Themes.Where(t => t.PhaseId is null).Take(1)) b.Line($"Chủ đề: {theme.Text}", theme.Section);
        PeriodLine(b, c, r.Today);
        foreach (var p in c.Phases) b.Bullet($"{p.Name}: {Range(p.Start, p.End)}{(p.Theme is null ? "" : $" – “{p.Theme}”")}", p.Section);
        if (c.Phases.Count == 0) b.Line("Kế hoạch không chia thành các đợt.");
        if (c.Awards.Count > 0) b.Line("Khen thưởng: " + string.Join("; ", c.Awards.Select(a => a.Name)), c.Awards[0].Section);
    }

    private static void TimeFrame(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        if (r.Phase is { } phase)
        {
            b.Title($"Thời gian {phase.Name}");
            b.Line($"{phase.Name}: {Range(phase.Start, phase.End)} — {VietnameseDates.PeriodStatus(phase.Start, phase.End, r.Today)}.", phase.Section);
            if (phase.Theme is not null) b.Line($"Chủ đề: “{phase.Theme}”");
            if (phase.Closing is not null) b.Line(phase.Closing);
            return;
        }
        b.Title("Thời gian thi đua");
        PeriodLine(b, c, r.Today);
        if (c.Phases.Count == 0) b.Line("Kế hoạch không chia thành các đợt.");
        foreach (var p in c.Phases)
            b.Bullet($"{p.Name}: {Range(p.Start, p.End)} ({VietnameseDates.PeriodStatus(p.Start, p.End, r.Today)}){(p.Closing is null ? "" : ". " + p.Closing)}", p.Section);
        foreach (var d in c.Deadlines.Where(d => d.Kind is DeadlineKind.MidTermReview or DeadlineKind.FinalReview).OrderBy(d => d.DueDate))
            b.Bullet($"{d.Title}: {d.Wording}", d.Section);
    }

    private static void PeriodLine(AnswerBuilder b, Campaign c, DateOnly today) =>
        b.Line($"Thời gian: {Range(c.Period.Start, c.Period.End)} — {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)}.", c.Period.Section);

    private static void Theme(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Chủ đề, khẩu hiệu");
        var themes = c.Themes.Where(t => r.Phase is null || t.PhaseId is null || t.PhaseId == r.Phase.Id).ToList();
        foreach (var t in themes)
        {
            var phase = c.Phases.FirstOrDefault(p => p.Id == t.PhaseId);
            b.Bullet(phase is null ? $"“{t.Text}”" : $"{phase.Name}: “{t.Text}”", t.Section);
        }
        if (themes.Count == 0)
        {
            b.Line("Kế hoạch không nêu chủ đề hay khẩu hiệu riêng. Tên kế hoạch:");
            b.Line(AnswerBuilder.Shorten(c.Document.Title, 300));
        }
    }

    private static void Purpose(AnswerBuilder b)
    {
        var c = b.Campaign;
        b.Title("Mục đích, yêu cầu");
        foreach (var p in c.Purposes) b.Bullet(p.Text, p.Section);
        if (c.Requirements.Count > 0) b.Line("Yêu cầu:");
        foreach (var p in c.Requirements) b.Bullet(p.Text, p.Section);
        if (c.Purposes.Count + c.Requirements.Count == 0) b.Line("Kế hoạch không có mục riêng về mục đích, yêu cầu.");
    }

    private static void Anniversaries(AnswerBuilder b) => ListAnswer(b, "Các ngày kỷ niệm được chào mừng",
        b.Campaign.Anniversaries.Select(a => (a.Name + (a.EventDate is { } e && a.AnniversaryDate is { } d ? $" ({VietnameseDates.Format(e)} – {VietnameseDates.Format(d)})" : ""), a.Section)),
        "Kế hoạch không gắn với ngày kỷ niệm cụ thể.");

    private static void LegalBasis(AnswerBuilder b) =>
        ListAnswer(b, "Căn cứ pháp lý", b.Campaign.LegalBases.Select(l => (l.Text, l.Section)), "Kế hoạch không nêu văn bản căn cứ.");

    /// <summary>A titled list of the plan's items, or a plain sentence saying the plan has none.</summary>
    private static void ListAnswer(AnswerBuilder b, string title, IEnumerable<(string Text, string Section)> items, string whenEmpty)
    {
        b.Title(title);
        var any = false;
        foreach (var (text, section) in items)
        {
            b.Bullet(text, section);
            any = true;
        }
        if (!any) b.Line(whenEmpty);
    }

    private static string Range(DateOnly start, DateOnly end) => $"{VietnameseDates.Format(start)} – {VietnameseDates.Format(end)}";
}
