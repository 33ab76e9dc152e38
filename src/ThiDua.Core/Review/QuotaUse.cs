using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Review;

/// <summary>How much of each quota the stored nominations use: the reviewer's queue and the web desk's plan page say it the same way.</summary>
public static class QuotaUse
{
    /// <summary>"Số lượng Bằng khen cho tập thể (dot-1): 3/5", then per unit for quotas set per unit.</summary>
    public static IEnumerable<string> Lines(BotDatabase db, Campaign campaign)
    {
        var store = new NominationStore(db);
        foreach (var quota in campaign.Quotas.Where(q => q.Scope != QuotaScope.Unit).Take(3))
        {
            var used = store.CountTowards(quota, new NomineeDetails { CampaignId = campaign.Id, PhaseId = quota.PhaseId });
            var whom = quota.AppliesTo switch { Beneficiary.Collective => " cho tập thể", Beneficiary.Individual => " cho cá nhân", _ => "" };
            yield return $"Số lượng {(quota.AwardId is { } a ? campaign.Awards.FirstOrDefault(x => x.Id == a)?.Name ?? a : "khen thưởng")}{whom}{(quota.PhaseId is null ? "" : $" ({quota.PhaseId})")}: {used}/{quota.Max}{(used > quota.Max ? " ⚠️ vượt" : "")}";
        }
        foreach (var quota in campaign.Quotas.Where(q => q.Scope == QuotaScope.Unit).Take(2))
        {
            var byUnit = store.CountTowardsByUnit(quota, campaign.Id);
            var units = db.NominationFacts.All().Where(n => n.CampaignId == campaign.Id && n.Status != NominationStatus.Withdrawn)
                .GroupBy(n => n.ProposingUnit).Select(g => (Unit: g.Key, Used: byUnit.GetValueOrDefault(Text.VietnameseText.Fold(g.Key))))
                .Where(u => u.Used > 0).ToList();
            if (units.Count > 0) yield return $"Mỗi đơn vị tối đa {quota.Max}: " + string.Join("; ", units.Select(u => $"{u.Unit} {u.Used}/{quota.Max}{(u.Used > quota.Max ? " ⚠️" : "")}"));
        }
    }
}
