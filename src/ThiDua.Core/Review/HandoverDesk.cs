using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Review;

/// <summary>
/// /bangiao: when an officer changes post, a reviewer or administrator hands their nominations to another officer
/// of the same unit. Pick the unit, the officer leaving, the one taking over; both are told, the history says so.
/// </summary>
public sealed class HandoverDesk(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private const string NotAllowed = "Chỉ cán bộ thẩm định hoặc quản trị viên mới bàn giao được đề nghị giữa các cán bộ.";

    public Reply Start(KnowledgeBase kb, Actor actor)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, "/bangiao", NotAllowed);
        var units = Covered(kb, actor).Where(n => !n.UnitKey.StartsWith(AccessPolicy.PendingPrefix, StringComparison.Ordinal)).GroupBy(n => n.UnitKey).Select(g => g.First()).OrderBy(n => n.ProposingUnit).Take(12).ToList();
        if (units.Count == 0) return new Reply("Chưa có đơn vị nào có đề nghị trong phạm vi của bạn.");
        return new Reply("Bàn giao đề nghị của đơn vị nào?") { Buttons = [.. units.Select(n => (IReadOnlyList<Button>)[new HandoverPress.OfUnit(KeyRef.To(n.UnitKey)).Button(n.ProposingUnit ?? n.UnitKey)])] };
    }

    /// <param name="press">Null for data no handover button writes (stale or forged).</param>
    public Reply Press(KnowledgeBase kb, Actor actor, HandoverPress? press, List<PushedMessage> pushed)
    {
        var data = press?.Data ?? "nút bàn giao không đọc được";
        if (!actor.IsReviewer) return access.Refuse(actor, data, NotAllowed);
        var mine = Covered(kb, actor);
        switch (press)
        {
            case HandoverPress.OfUnit(var unit):
                var owners = mine.Where(n => unit.Names(n.UnitKey)).Select(n => n.OwnerKey).Distinct().Where(k => !k.StartsWith("unit:", StringComparison.Ordinal)).ToList();
                if (owners.Count == 0) return new Reply("Đơn vị này không có đề nghị nào của cán bộ còn đăng ký.");
                return new Reply("Cán bộ chuyển công tác (người giao):") { Buttons = [.. owners.Select(k => (IReadOnlyList<Button>)[new HandoverPress.From(KeyRef.To(k)).Button($"{NameOf(k)} ({mine.Count(n => n.OwnerKey == k)} đề nghị)")])] };
            case HandoverPress.From(var fromRef):
                var fromKey = OwnerNamed(mine, fromRef);
                var unitKey = db.Officer(fromKey)?.UnitKey ?? mine.FirstOrDefault(n => n.OwnerKey == fromKey)?.UnitKey;
                var takers = db.Officers.Find(p => p.UnitKey == unitKey).Where(p => p.UserKey != fromKey && p.IsMember).ToList();
                if (unitKey is null) return access.Refuse(actor, data, "Không có đề nghị nào của cán bộ này trong phạm vi của bạn.");
                if (takers.Count == 0) return new Reply("Đơn vị chưa có cán bộ nào khác đăng ký để nhận bàn giao. Tạo mã mời (/moi) cho đơn vị trước.");
                return new Reply($"Giao cho ai (cán bộ {takers[0].Unit})?") { Buttons = [.. takers.Select(p => (IReadOnlyList<Button>)[new HandoverPress.Transfer(KeyRef.To(fromKey), KeyRef.To(p.UserKey)).Button(p.Name ?? p.UserKey)])] };
            case HandoverPress.Transfer(var fromRef, var toRef):
                var from = OwnerNamed(mine, fromRef);
                var to = toRef.Find(key => db.Officer(key), db.Officers.FindAll, p => p.UserKey)?.UserKey ?? toRef.Written;
                return Transfer(actor, mine.Where(n => n.OwnerKey == from).ToList(), from, to, pushed);
            default:
                return new Reply("Nút này không còn dùng được. Gõ /bangiao để làm lại.");
        }
    }

    /// <summary>
    /// Both officers must be of one unit (the taker a confirmed member of it), and so must every nomination
    /// handed over: one typed for another unit stops the whole handover, named.
    /// </summary>
    private Reply Transfer(Actor actor, List<Nomination> nominations, string from, string to, List<PushedMessage> pushed)
    {
        var taker = db.Officer(to);
        var giver = db.Officer(from);
        if (nominations.Count == 0 || taker is not { IsMember: true } || from == to || giver?.UnitKey != taker.UnitKey)
            return access.Refuse(actor, new HandoverPress.Transfer(KeyRef.To(from), KeyRef.To(to)).Data, "Chỉ bàn giao được cho cán bộ cùng đơn vị, với các đề nghị trong phạm vi của bạn.");
        var elsewhere = nominations.Where(n => n.UnitKey != taker.UnitKey).ToList();
        if (elsewhere.Count > 0)
            return access.Refuse(actor, new HandoverPress.Transfer(KeyRef.To(from), KeyRef.To(to)).Data,
                $"Không bàn giao: {elsewhere.Count} đề nghị của cán bộ này ghi đơn vị khác {taker.Unit} ({string.Join(", ", elsewhere.Select(n => $"{n.Code} — {n.ProposingUnit}"))}). Cán bộ đơn vị đó phải nhận chúng; bàn giao không chuyển đề nghị giữa các đơn vị.");
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        var note = $"bàn giao từ {NameOf(from)} cho {taker.Name}";
        db.InTransaction(() =>
        {
            foreach (var n in nominations)
            {
                n.OwnerKey = to;
                n.UpdatedAt = now;
                n.History.Add(new StatusChange { At = now, ByKey = actor.Key, ByName = actor.Profile?.Name, From = n.Status, To = n.Status, Note = note });
                db.Nominations.Update(n);
            }
            return nominations.Count;
        });
        var codes = string.Join(", ", nominations.Select(n => n.Code));
        foreach (var key in new[] { from, to })
            if (AccessPolicy.AddressOf(key) is var (channel, chatId))
                pushed.Add(new PushedMessage(channel, chatId, new Reply($"📋 {nominations.Count} đề nghị ({codes}) đã được {note}.")));
        return new Reply($"Đã {note}: {nominations.Count} đề nghị ({codes}).");
    }

    private List<Nomination> Covered(KnowledgeBase kb, Actor actor)
    {
        var campaigns = AccessPolicy.Reviewable(actor, kb).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. db.Nominations.FindAll().Where(n => n.CampaignId is { } c && campaigns.Contains(c))];
    }

    /// <summary>The officer a button names, among the owners of the nominations in scope.</summary>
    private static string OwnerNamed(List<Nomination> mine, KeyRef officer) => officer.In(mine.Select(n => n.OwnerKey).Distinct(), k => k) ?? officer.Written;

    private string NameOf(string key) => db.Officer(key)?.Name ?? key;
}
