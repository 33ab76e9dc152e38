using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static bool Criteria(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var wanted = r.Beneficiary;
        var criteria = c.Criteria.Where(x => wanted is null || x.AppliesTo == Beneficiary.Both || x.AppliesTo == wanted).ToList();
        if (criteria.Count == 0) return false;
        b.Title(wanted switch
        {
            Beneficiary.Collective => "Tiêu chuẩn khen thưởng tập thể",
            Beneficiary.Individual => "Tiêu chuẩn khen thưởng cá nhân",
            _ => "Tiêu chuẩn khen thưởng",
        }, QuestionKind.Criteria);
        foreach (var group in criteria.OrderByDescending(r.Ask.Score))
        {
            var award = c.Awards.FirstOrDefault(a => a.Id == group.AwardId);
            var who = group.AppliesTo switch { Beneficiary.Collective => "Tập thể", Beneficiary.Individual => "Cá nhân", _ => "Tập thể, cá nhân" };
            b.Line(award is null ? $"{who}:" : $"{who} ({award.Name}):", group.Section);
            foreach (var item in group.Items) b.Bullet(item, fact: group);
        }
        return true;
    }

    private static bool Awards(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        if (c.Awards.Count == 0) return false;
        b.Title("Hình thức khen thưởng", QuestionKind.Awards);
        // The form the question names comes first, so it is never the one cut for length.
        var named = r.Words is null ? [] : Nominations.QuickEntryParser.MatchingAwards(c, r.Words);
        var awards = c.Awards.Where(a => r.Beneficiary is null || a.AppliesTo == Beneficiary.Both || a.AppliesTo == r.Beneficiary)
            .OrderByDescending(named.Contains).ThenByDescending(r.Ask.Score);
        foreach (var a in awards)
        {
            var phases = a.PhaseIds.Count == 0 ? "" : $" ({string.Join(", ", a.PhaseIds.Select(id => PhaseName(c, id)))})";
            b.Bullet(a.Describe(phases), a.Section, a);
        }
        foreach (var q in c.Quotas.DistinctBy(q => q.Text)) b.Line("Số lượng: " + q.Text, q.Section);
        return true;
    }

    private static bool Quotas(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var quotas = c.Quotas.Where(q => r.Beneficiary is null || q.AppliesTo == Beneficiary.Both || q.AppliesTo == r.Beneficiary).ToList();
        var shares = c.QuotaShares.Where(q => r.Beneficiary is null || q.AppliesTo == Beneficiary.Both || q.AppliesTo == r.Beneficiary).ToList();
        if (quotas.Count == 0 && shares.Count == 0) return false;
        b.Title("Số lượng khen thưởng", QuestionKind.Quotas);
        // "không quá 03 tập thể và 05 cá nhân" is one limit of one sentence: one line, the best-matching limit's.
        foreach (var same in quotas.GroupBy(q => (q.Text, q.AwardId, q.Scope, q.PhaseId)).OrderByDescending(g => g.Max(r.Ask.Score)))
        {
            var q = same.MaxBy(r.Ask.Score)!;
            var award = c.Awards.FirstOrDefault(a => a.Id == q.AwardId);
            var scope = q.Scope switch
            {
                QuotaScope.Phase => q.PhaseId is null ? "mỗi đợt" : PhaseName(c, q.PhaseId),
                QuotaScope.Unit => "mỗi đơn vị",
                _ => "toàn kế hoạch",
            };
            var counts = string.Join(" và ", same.Select(x => $"{x.Max} {x.AppliesTo switch { Beneficiary.Collective => "tập thể", Beneficiary.Individual => "cá nhân", _ => "tập thể, cá nhân" }}"));
            b.Bullet($"{(award is null ? "" : award.Name + ": ")}tối đa {counts} ({scope}). Nguyên văn: “{q.Text}”", q.Section, q);
        }
        foreach (var s in shares)
        {
            var award = c.Awards.FirstOrDefault(a => a.Id == s.AwardId);
            b.Bullet($"{(award is null ? "" : award.Name + ": ")}tối đa {s.Percent.ToString(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}%{(s.Of is null ? "" : " " + s.Of)}. Nguyên văn: “{s.Text}”", s.Section, s);
        }
        return true;
    }

    private static string PhaseName(Campaign c, string phaseId) => c.Phases.FirstOrDefault(p => p.Id == phaseId)?.Name ?? phaseId;
}
