using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static void Criteria(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var wanted = r.Beneficiary;
        b.Title(wanted switch
        {
            Beneficiary.Collective => "Tiêu chuẩn khen thưởng tập thể",
            Beneficiary.Individual => "Tiêu chuẩn khen thưởng cá nhân",
            _ => "Tiêu chuẩn khen thưởng",
        });
        var criteria = c.Criteria.Where(x => wanted is null || x.AppliesTo == Beneficiary.Both || x.AppliesTo == wanted).ToList();
        foreach (var group in criteria)
        {
            var award = c.Awards.FirstOrDefault(a => a.Id == group.AwardId);
            var who = group.AppliesTo switch { Beneficiary.Collective => "Tập thể", Beneficiary.Individual => "Cá nhân", _ => "Tập thể, cá nhân" };
            b.Line(award is null ? $"{who}:" : $"{who} ({award.Name}):", group.Section);
            foreach (var item in group.Items) b.Bullet(item);
        }
        if (criteria.Count == 0)
            b.Line("Kế hoạch không nêu tiêu chuẩn riêng; áp dụng tiêu chuẩn chung theo Luật Thi đua, khen thưởng và văn bản hướng dẫn.");
    }

    private static void Awards(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Hình thức khen thưởng");
        // The form the question names comes first, so it is never the one cut for length.
        var named = r.Words is null ? [] : Nominations.QuickEntryParser.MatchingAwards(c, r.Words);
        var awards = c.Awards.Where(a => r.Beneficiary is null || a.AppliesTo == Beneficiary.Both || a.AppliesTo == r.Beneficiary)
            .OrderByDescending(named.Contains);
        foreach (var a in awards)
        {
            var phases = a.PhaseIds.Count == 0 ? "" : $" ({string.Join(", ", a.PhaseIds.Select(id => PhaseName(c, id)))})";
            b.Bullet($"{a.Name}{phases} — quyết định: {a.DecidedBy}{(a.Note is null ? "" : ". " + a.Note)}", a.Section);
        }
        if (c.Awards.Count == 0) b.Line("Kế hoạch không nêu hình thức khen thưởng cụ thể.");
        foreach (var q in c.Quotas.DistinctBy(q => q.Text)) b.Line("Số lượng: " + q.Text, q.Section);
    }

    private static void Quotas(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Số lượng khen thưởng");
        var quotas = c.Quotas.Where(q => r.Beneficiary is null || q.AppliesTo == Beneficiary.Both || q.AppliesTo == r.Beneficiary).ToList();
        foreach (var q in quotas)
        {
            var award = c.Awards.FirstOrDefault(a => a.Id == q.AwardId);
            var scope = q.Scope switch
            {
                QuotaScope.Phase => q.PhaseId is null ? "mỗi đợt" : PhaseName(c, q.PhaseId),
                QuotaScope.Unit => "mỗi đơn vị",
                _ => "toàn kế hoạch",
            };
            var who = q.AppliesTo switch { Beneficiary.Collective => "tập thể", Beneficiary.Individual => "cá nhân", _ => "tập thể, cá nhân" };
            b.Bullet($"{(award is null ? "" : award.Name + ": ")}tối đa {q.Max} {who} ({scope}). Nguyên văn: “{q.Text}”", q.Section);
        }
        if (quotas.Count == 0)
        {
            b.Line("Kế hoạch không giới hạn số lượng khen thưởng bằng con số cụ thể.");
            if (c.Awards.Count > 0) b.Line("Hình thức: " + string.Join("; ", c.Awards.Select(a => a.Name)), c.Awards[0].Section);
        }
    }

    private static string PhaseName(Campaign c, string phaseId) => c.Phases.FirstOrDefault(p => p.Id == phaseId)?.Name ?? phaseId;
}
