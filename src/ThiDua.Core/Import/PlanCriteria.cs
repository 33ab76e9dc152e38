using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// The criteria for an award, per kind of beneficiary: the lines under a "Tiêu chuẩn" (tiêu chí, điều kiện)
/// heading, split by the headings or leads that say whom they are for ("a) Tập thể:", "3.2. Đối với cá nhân:",
/// "Đối với hộ gia đình: …"), and tied to an award when the heading names one ("Tiêu chuẩn xét tặng Bằng khen
/// của Chủ tịch UBND tỉnh"). A plan with a criteria section always gets its lines: saying it has none would be the
/// worst answer.
/// </summary>
internal static class PlanCriteria
{
    private static readonly string[] Topics = ["tieu chuan", "tieu chi", "dieu kien"];

    private sealed record Group(Beneficiary AppliesTo, string? Name, string? AwardId, string Section);

    public static List<Criterion> Read(PlanReading r, List<AwardForm> awards)
    {
        var parts = r.Sections.Under(Topics).ToList();
        // Without a heading, a paragraph that opens with "Tiêu chuẩn:" holds them.
        if (parts.Count == 0) parts = [.. r.Sections.Body.Where(p => p.Bare.StartsWith("Tiêu chuẩn", StringComparison.Ordinal) && p.Bare.Length > 40)];
        var criteria = new List<Criterion>();
        Group? group = null;
        var items = new List<string>();
        void Flush()
        {
            if (group is not null && items.Count > 0)
                criteria.Add(new Criterion { AppliesTo = group.AppliesTo, Group = group.Name, AwardId = group.AwardId, Items = [.. items.Take(12)], Section = group.Section });
            items.Clear();
        }
        foreach (var part in parts)
        {
            var text = part.Bare;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var lead = colon is > 0 and < 60 ? text[..colon] : part.IsHeading ? text : null;
            var who = lead is null ? null : Beneficiaries(lead);
            var award = AwardNamed(part, awards);
            var heading = PlanSections.NearestHeading(part, "tap the", "ca nhan", "ho gia dinh");
            var current = who ?? (heading is null ? null : Beneficiaries(heading)) ?? (Beneficiary.Both, (string?)null);
            var next = new Group(current.AppliesTo, current.Name, award, who is not null || group is null ? part.Section : group.Section);
            if (group is null || group.AppliesTo != next.AppliesTo || group.Name != next.Name || group.AwardId != next.AwardId)
            {
                Flush();
                group = next with { Section = part.Section };
            }
            var content = who is not null && colon > 0 ? text[(colon + 1)..].Trim() : part.IsHeading ? "" : text;
            if (content.Length > 15 && !content.EndsWith(':')) items.Add(content);
        }
        Flush();
        if (criteria.Count == 0)
        {
            var heading = parts.FirstOrDefault();
            r.Flag("criteria", heading is null
                ? "không thấy mục tiêu chuẩn khen thưởng: bot trả lời theo câu chữ của kế hoạch hoặc theo luật"
                : $"có mục tiêu chuẩn (mục {heading.Section}) nhưng không đọc được các tiêu chuẩn: nhập tay");
        }
        return criteria;
    }

    /// <summary>"Đối với tập thể" → collective; "Tập thể, cá nhân" → both; "hộ gia đình" → its own group.</summary>
    private static (Beneficiary AppliesTo, string? Name)? Beneficiaries(string lead)
    {
        var f = " " + string.Join(' ', VietnameseText.Words(lead)) + " ";
        if (f.Contains(" ho gia dinh ", StringComparison.Ordinal)) return (Beneficiary.Both, "hộ gia đình");
        var collective = f.Contains(" tap the ", StringComparison.Ordinal);
        var individual = f.Contains(" ca nhan ", StringComparison.Ordinal);
        if (!collective && !individual) return null;
        return (collective && individual ? Beneficiary.Both : collective ? Beneficiary.Collective : Beneficiary.Individual, null);
    }

    /// <summary>The award a criteria heading names, when it names one of the plan's.</summary>
    private static string? AwardNamed(PlanPart part, List<AwardForm> awards)
    {
        var heading = PlanSections.NearestHeading(part, "bang khen", "giay khen", "co thi dua", "chien si thi dua", "lao dong tien tien", "huan chuong", "ky niem chuong");
        if (heading is null) return null;
        var words = VietnameseText.Words(heading);
        return awards.Select(a => (a.Id, Score: VietnameseText.Words(a.Name).Count(words.Contains) / (double)Math.Max(1, VietnameseText.Words(a.Name).Count)))
            .Where(x => x.Score >= 0.75).OrderByDescending(x => x.Score).Select(x => x.Id).FirstOrDefault();
    }
}
