using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Nominations;

/// <summary>Saving nominations with their codes, and the counts that quotas and duplicate checks need.</summary>
public sealed class NominationStore(BotDatabase db)
{
    public Nomination Save(NominationForm form, Campaign campaign, DateTime now)
    {
        var saved = db.InTransaction(() =>
        {
            var year = campaign.Period.Start.Year;
            var counterName = $"{campaign.CodePrefix}-{year}";
            var counter = db.Counters.FindById(counterName) ?? new Counter { Name = counterName };
            counter.Value++;
            db.Counters.Upsert(counter);
            var nomination = new Nomination
            {
                Code = $"{counterName}-{counter.Value:0000}",
                OwnerKey = form.OwnerKey,
                Status = NominationStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            };
            form.CopyTo(nomination);
            db.Nominations.Insert(nomination);
            db.Forms.Delete(form.Key);
            return nomination;
        });
        db.SyncToDisk();
        return saved;
    }

    /// <summary>Applies an edited form to its saved draft (the code stays); null when it is no longer a draft of that owner.</summary>
    public Nomination? Update(NominationForm form, int nominationId, DateTime now)
    {
        return db.InTransaction(() =>
        {
            var n = db.Nominations.FindById(nominationId);
            if (n is null || n.OwnerKey != form.OwnerKey || n.Status != NominationStatus.Draft) return null;
            form.CopyTo(n);
            n.UpdatedAt = now;
            db.Nominations.Update(n);
            db.Forms.Delete(form.Key);
            return n;
        });
    }

    /// <summary>How many nominations a quota already counts, the one being registered excluded.</summary>
    public int CountTowards(Quota quota, NomineeDetails d, int? excludeId = null)
    {
        var inCampaign = db.Nominations.Find(n => n.CampaignId == d.CampaignId);
        return inCampaign.Count(n =>
            n.Id != excludeId && n.Status != NominationStatus.Withdrawn
            && (quota.AwardId is null || n.AwardId == quota.AwardId)
            && (quota.AppliesTo == Beneficiary.Both || n.Beneficiary == quota.AppliesTo)
            && (quota.Scope != QuotaScope.Phase || n.PhaseId == (quota.PhaseId ?? d.PhaseId))
            && (quota.Scope != QuotaScope.Unit || SameText(n.ProposingUnit, d.ProposingUnit)));
    }

    /// <summary>The same person or collective, for the same campaign, phase and award, from the same unit.</summary>
    public Nomination? FindDuplicate(NomineeDetails d, int? excludeId = null) =>
        db.Nominations.Find(n => n.CampaignId == d.CampaignId).FirstOrDefault(n =>
            n.Id != excludeId && n.Status != NominationStatus.Withdrawn && n.PhaseId == d.PhaseId && n.AwardId == d.AwardId
            && SameText(n.NomineeName, d.NomineeName) && SameText(n.ProposingUnit, d.ProposingUnit));

    private static bool SameText(string? a, string? b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);
}
