using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static bool Responsibilities(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        // The body the question names ("Bộ CHQS tỉnh", "cán bộ xã" for the communes' duties), or the duty its words
        // point at (the best unit being one of the plan's assignments, holding a fair share of the question).
        var top = r.Ask.Focus.FirstOrDefault(h => h.Unit.Fact is Responsibility && h.Coverage >= NamedBodyFocus)?.Unit.Fact;
        var named = c.Responsibilities.Where(x => ReferenceEquals(top, x) || NamesBody(r, x.Who)).ToList();
        if (named.Count > 0)
        {
            foreach (var resp in named)
            {
                b.Title($"Nhiệm vụ của {resp.Who}", QuestionKind.Responsibilities);
                foreach (var duty in resp.Duties) b.Bullet(duty, resp.Section, resp);
            }
            return true;
        }
        var leads = c.Bodies.Where(x => x.Role == BodyRole.Lead).ToList();
        if (c.Responsibilities.Count == 0 && leads.Count == 0) return false;
        b.Title("Phân công tổ chức thực hiện", QuestionKind.Responsibilities);
        foreach (var body in leads) b.Line($"Cơ quan thường trực/chủ trì: {body.Name}", body.Section);
        foreach (var resp in c.Responsibilities.OrderByDescending(r.Ask.Score)) b.Bullet($"{resp.Who}: {resp.Duties.FirstOrDefault()}", resp.Section, resp);
        return true;
    }

    private static bool NamesBody(AnswerRequest r, string who) => r.Words is not null && BodyNames.IsNamedIn(r.Words, who);

    /// <summary>A duty stands for the answer when its unit holds at least this share of the question.</summary>
    private const double NamedBodyFocus = 0.3;

    private static bool Contacts(AnswerBuilder b)
    {
        var c = b.Campaign;
        if (c.Contacts.Count == 0) return false;
        b.Title("Liên hệ", QuestionKind.Contacts);
        foreach (var contact in c.Contacts)
        {
            var parts = new[] { contact.Role, contact.Phone is null ? null : "ĐT " + contact.Phone, contact.Email }.Where(p => p is not null);
            b.Bullet($"{contact.Name}: {string.Join(", ", parts)}", contact.Section, contact);
        }
        return true;
    }

    /// <summary>The contents by their titles; the one the question is about with its full text.</summary>
    private static bool Contents(AnswerBuilder b, AnswerRequest r) =>
        ListAnswer(b, r with { Kind = QuestionKind.Contents }, "Nội dung thi đua",
            b.Campaign.Contents.Select(x => (r.Ask.Score(x) >= FullTextFocus && x.Text is { } text ? $"{x.Title}: {text}" : x.Title, x.Section, (object)x)));

    /// <summary>A focused item this close to the question is shown in full.</summary>
    private const double FullTextFocus = 0.4;

    private static bool Targets(AnswerBuilder b, AnswerRequest r) =>
        ListAnswer(b, r, "Chỉ tiêu thi đua", b.Campaign.Targets.Select(x => (x.Text, x.Section, (object)x)));
}
