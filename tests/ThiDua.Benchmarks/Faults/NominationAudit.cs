using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// The nominations in the LiteDB file after the last stop, against what the officers were told: every code the bot
/// confirmed must be there with its nominee; no officer's nominee twice; each saved one announced, under the
/// officer's own unit, and each officer registered under the unit they typed.
/// </summary>
internal sealed record NominationAudit(int Saved, int Confirmed, int ConfirmedLost, int Duplicated, int NeverConfirmed, int WrongUnit, int WrongRegistration)
{
    public static NominationAudit Of(BotDatabase db, IReadOnlyList<Officer> officers, Func<Officer, string> ownerKey)
    {
        var byOwner = officers.ToDictionary(ownerKey, o => o, StringComparer.Ordinal);
        var saved = db.Nominations.FindAll().Where(n => byOwner.ContainsKey(n.OwnerKey)).ToList();
        var codes = saved.ToDictionary(n => n.Code, StringComparer.Ordinal);
        var confirmed = officers.SelectMany(o => o.Confirmations.Select(c => (Officer: o, c.Code, c.Nominee))).DistinctBy(c => c.Code).ToList();
        var lost = confirmed.Count(c => !codes.TryGetValue(c.Code, out var n) || n.NomineeName != c.Nominee || n.OwnerKey != ownerKey(c.Officer));
        var duplicated = saved.GroupBy(n => (n.OwnerKey, n.NameKey)).Sum(g => g.Count() - 1);
        var announced = confirmed.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var wrongUnit = saved.Count(n => VietnameseText.Fold(n.ProposingUnit ?? "") != VietnameseText.Fold(byOwner[n.OwnerKey].Unit));
        var wrongRegistration = officers.Count(o => db.Officers.FindById(ownerKey(o)) is { } profile && VietnameseText.Fold(profile.Unit ?? "") != VietnameseText.Fold(o.Unit));
        return new NominationAudit(saved.Count, confirmed.Count, lost, duplicated, saved.Count(n => !announced.Contains(n.Code)), wrongUnit, wrongRegistration);
    }
}
