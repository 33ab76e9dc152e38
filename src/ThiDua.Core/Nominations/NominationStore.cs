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
            var number = db.Increment(counterName);
            var nomination = new Nomination
            {
                Code = $"{counterName}-{number:0000}",
                OwnerKey = form.OwnerKey,
                Status = NominationStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            };
            form.CopyTo(nomination);
            nomination.CreatedByKey = form.OwnerKey;
            SetKeys(nomination);
            db.Nominations.Insert(nomination);
            db.Forms.Delete(form.Key);
            db.SavedForms.Upsert(new SavedForm { Key = form.Key, NominationId = nomination.Id });
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
            if (n is null || n.OwnerKey != form.OwnerKey || !Review.StatusFlow.OfficerMayEdit(n.Status)) return null;
            form.CopyTo(n);
            SetKeys(n);
            n.UpdatedAt = now;
            db.Nominations.Update(n);
            db.Forms.Delete(form.Key);
            db.SavedForms.Upsert(new SavedForm { Key = form.Key, NominationId = n.Id, Edited = true });
            return n;
        });
    }

    /// <summary>How many nominations a quota already counts, the one being registered excluded.</summary>
    public int CountTowards(Quota quota, NomineeDetails d, int? excludeId = null)
    {
        var phase = quota.PhaseId ?? d.PhaseId;
        var unit = VietnameseText.Fold(d.ProposingUnit);
        return db.NominationFacts.All().Count(n => n.Id != excludeId && Counts(n, quota, d.CampaignId, phase) && (quota.Scope != QuotaScope.Unit || n.UnitKey == unit));
    }

    /// <summary>How many nominations a per-unit quota counts, by unit key: one pass, however many units.</summary>
    public Dictionary<string, int> CountTowardsByUnit(Quota quota, string campaignId) =>
        db.NominationFacts.All().Where(n => Counts(n, quota, campaignId, quota.PhaseId))
            .GroupBy(n => n.UnitKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Whether a nomination counts towards a quota, its unit aside.</summary>
    private static bool Counts(Storage.NominationFacts n, Quota quota, string? campaignId, string? phase) =>
        n.CampaignId == campaignId && n.Status != NominationStatus.Withdrawn
        && (quota.AwardId is null || n.AwardId == quota.AwardId)
        && (quota.AppliesTo == Beneficiary.Both || n.Beneficiary == quota.AppliesTo)
        && (quota.Scope != QuotaScope.Phase || n.PhaseId == phase);

    /// <summary>
    /// The same person or collective, for the same campaign, phase and award, from the same unit: confirmed in it or
    /// not yet ("pending:…"), so an officer waiting for their unit is warned as well.
    /// </summary>
    public Nomination? FindDuplicate(NomineeDetails d, int? excludeId = null)
    {
        var name = VietnameseText.Fold(d.NomineeName);
        var unit = VietnameseText.Fold(d.ProposingUnit);
        return db.Nominations.Find(n => n.NameKey == name).FirstOrDefault(n =>
            n.Id != excludeId && n.Status != NominationStatus.Withdrawn && n.CampaignId == d.CampaignId
            && n.PhaseId == d.PhaseId && n.AwardId == d.AwardId && UnitOf(n) == unit);
    }

    private static string UnitOf(Nomination n) =>
        n.UnitKey.StartsWith(Access.AccessPolicy.PendingPrefix, StringComparison.Ordinal) ? n.UnitKey[Access.AccessPolicy.PendingPrefix.Length..] : n.UnitKey;

    /// <summary>
    /// The proposing unit is the owner's registered one, whatever a form says (an older form may hold a typed
    /// unit); its key waits as "pending:…" until the owner is confirmed in that unit.
    /// </summary>
    private void SetKeys(Nomination n)
    {
        n.NameKey = VietnameseText.Fold(n.NomineeName);
        var owner = Access.AccessPolicy.ProfileOf(db, n.OwnerKey);
        if (owner is { IsRegistered: true }) n.ProposingUnit = owner.Unit;
        n.UnitKey = owner is { IsRegistered: true } ? Access.AccessPolicy.UnitKeyFor(owner) : Access.AccessPolicy.PendingPrefix + VietnameseText.Fold(n.ProposingUnit);
    }
}
