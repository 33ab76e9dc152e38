using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static bool Responsibilities(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var named = c.Responsibilities.Where(x => NamesBody(r, x.Who) || r.Ask.Focus.Count > 0 && ReferenceEquals(r.Ask.Focus[0].Unit.Fact, x)).ToList();
        if (named.Count > 0)
        {
            foreach (var resp in named)
            {
                b.Title($"Nhiệm vụ của {resp.Who}", QuestionKind.Responsibilities);
                foreach (var duty in resp.Duties) b.Bullet(duty, resp.Section);
            }
            return true;
        }
        var leads = c.Bodies.Where(x => x.Role == BodyRole.Lead).ToList();
        if (c.Responsibilities.Count == 0 && leads.Count == 0) return false;
        b.Title("Phân công tổ chức thực hiện", QuestionKind.Responsibilities);
        foreach (var body in leads) b.Line($"Cơ quan thường trực/chủ trì: {body.Name}", body.Section);
        foreach (var resp in c.Responsibilities) b.Bullet($"{resp.Who}: {resp.Duties.FirstOrDefault()}", resp.Section);
        return true;
    }

    private static bool NamesBody(AnswerRequest r, string who) => r.Words is not null && BodyNames.IsNamedIn(r.Words, who);

    private static bool Contacts(AnswerBuilder b)
    {
        var c = b.Campaign;
        if (c.Contacts.Count == 0) return false;
        b.Title("Liên hệ", QuestionKind.Contacts);
        foreach (var contact in c.Contacts)
        {
            var parts = new[] { contact.Role, contact.Phone is null ? null : "ĐT " + contact.Phone, contact.Email }.Where(p => p is not null);
            b.Bullet($"{contact.Name}: {string.Join(", ", parts)}", contact.Section);
        }
        return true;
    }

    private static bool Contents(AnswerBuilder b, AnswerRequest r) =>
        ListAnswer(b, r with { Kind = QuestionKind.Contents }, "Nội dung thi đua", b.Campaign.Contents.Select(x => (x.Title, x.Section, (object)x)));

    private static bool Targets(AnswerBuilder b, AnswerRequest r) =>
        ListAnswer(b, r, "Chỉ tiêu thi đua", b.Campaign.Targets.Select(x => (x.Text, x.Section, (object)x)));
}
