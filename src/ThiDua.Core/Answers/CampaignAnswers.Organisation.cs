using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static void Responsibilities(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var named = c.Responsibilities.Where(x => NamesBody(r, x.Who)).ToList();
        if (named.Count > 0)
        {
            foreach (var resp in named)
            {
                b.Title($"Nhiệm vụ của {resp.Who}");
                foreach (var duty in resp.Duties) b.Bullet(duty, resp.Section);
            }
            return;
        }
        b.Title("Phân công tổ chức thực hiện");
        foreach (var body in c.Bodies.Where(x => x.Role == BodyRole.Lead)) b.Line($"Cơ quan thường trực/chủ trì: {body.Name}", body.Section);
        foreach (var resp in c.Responsibilities) b.Bullet($"{resp.Who}: {resp.Duties.FirstOrDefault()}", resp.Section);
        if (c.Responsibilities.Count == 0) b.Line("Kế hoạch không có mục phân công riêng.");
    }

    private static bool NamesBody(AnswerRequest r, string who) => r.Words is not null && BodyNames.IsNamedIn(r.Words, who);

    private static void Contacts(AnswerBuilder b)
    {
        var c = b.Campaign;
        b.Title("Liên hệ");
        foreach (var contact in c.Contacts)
        {
            var parts = new[] { contact.Role, contact.Phone is null ? null : "ĐT " + contact.Phone, contact.Email }.Where(p => p is not null);
            b.Bullet($"{contact.Name}: {string.Join(", ", parts)}", contact.Section);
        }
        if (c.Contacts.Count > 0) return;
        b.Line("Kế hoạch không nêu người hay số điện thoại liên hệ. Đầu mối theo kế hoạch:");
        foreach (var body in c.Bodies.Where(x => x.Role is BodyRole.Lead or BodyRole.Receiving or BodyRole.Appraising).DistinctBy(x => x.Name))
            b.Bullet($"{body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section);
    }

    private static void Contents(AnswerBuilder b) =>
        ListAnswer(b, "Nội dung thi đua", b.Campaign.Contents.Select(x => (x.Title, x.Section)), "Kế hoạch không liệt kê nội dung thi đua riêng.");

    private static void Targets(AnswerBuilder b) =>
        ListAnswer(b, "Chỉ tiêu thi đua", b.Campaign.Targets.Select(x => (x.Text, x.Section)), "Kế hoạch không đặt chỉ tiêu thi đua bằng con số.");
}
