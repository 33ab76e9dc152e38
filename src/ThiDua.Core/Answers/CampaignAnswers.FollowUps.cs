using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    /// <summary>Two to four buttons for what an officer usually asks next, never the question just answered.</summary>
    private static void FollowUps(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var next = r.Kind switch
        {
            QuestionKind.Criteria => new[] { QuestionKind.Dossier, QuestionKind.Quotas, QuestionKind.Deadlines },
            QuestionKind.Dossier => [QuestionKind.Submission, QuestionKind.Deadlines, QuestionKind.Criteria],
            QuestionKind.Submission => [QuestionKind.Dossier, QuestionKind.Deadlines, QuestionKind.Contacts],
            QuestionKind.Awards or QuestionKind.Quotas => [QuestionKind.Criteria, QuestionKind.Dossier, QuestionKind.Deadlines],
            QuestionKind.Deadlines or QuestionKind.NextDeadlines => [QuestionKind.Dossier, QuestionKind.Submission, QuestionKind.TimeFrame],
            _ => [QuestionKind.TimeFrame, QuestionKind.Criteria, QuestionKind.Dossier, QuestionKind.Deadlines],
        };
        var buttons = new List<Button>();
        if (r.Kind == QuestionKind.Criteria && r.Beneficiary is { } shown && c.Criteria.Any(x => x.AppliesTo != shown && x.AppliesTo != Beneficiary.Both))
        {
            var other = shown == Beneficiary.Collective ? Beneficiary.Individual : Beneficiary.Collective;
            buttons.Add(QuestionPress.Ask(other == Beneficiary.Collective ? "Tập thể" : "Cá nhân", QuestionKind.Criteria, c, beneficiary: other));
        }
        if (r.Kind == QuestionKind.TimeFrame && r.Phase is null)
            foreach (var (phase, index) in c.Phases.Select((p, i) => (p, i)).Take(2))
                buttons.Add(QuestionPress.Ask(phase.Name, QuestionKind.TimeFrame, c, phase: index + 1));
        // Answers about who may be proposed and how lead straight into registering a nomination.
        var offersNomination = r.Kind is QuestionKind.Criteria or QuestionKind.Awards or QuestionKind.Quotas or QuestionKind.Dossier && c.Period.End >= r.Today;
        foreach (var kind in next.Where(k => k != r.Kind))
        {
            if (buttons.Count >= (offersNomination ? 3 : 4)) break;
            buttons.Add(QuestionPress.Ask(ButtonLabel(kind), kind, c, r.PhaseNumber));
        }
        if (offersNomination) buttons.Add(new Nominations.FormPress(Nominations.FormAction.Start, c.Id).Button("Đăng ký đề nghị"));
        // Deadline answers offer reminders while the plan still has deadlines ahead.
        if (r.Kind is QuestionKind.Deadlines or QuestionKind.NextDeadlines && c.Deadlines.Any(d => d.DueDate >= r.Today))
        {
            if (buttons.Count >= 4) buttons.RemoveAt(buttons.Count - 1);
            buttons.Add(new Reminders.FollowPress.Follow(c.Id).Button("Nhắc hạn kế hoạch này"));
        }
        b.Buttons([.. buttons]);
    }

    public static string ButtonLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.TimeFrame => "Thời gian",
        QuestionKind.Criteria => "Tiêu chuẩn",
        QuestionKind.Dossier => "Hồ sơ",
        QuestionKind.Submission => "Nơi nộp",
        QuestionKind.Deadlines => "Các hạn",
        QuestionKind.NextDeadlines => "Hạn sắp tới",
        QuestionKind.Quotas => "Số lượng khen",
        QuestionKind.Awards => "Hình thức khen",
        QuestionKind.Contacts => "Liên hệ",
        QuestionKind.Overview => "Tóm tắt",
        _ => "Xem thêm",
    };
}
