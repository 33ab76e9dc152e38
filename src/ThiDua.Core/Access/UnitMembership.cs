using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// How someone becomes an officer of a unit. An invitation (from a reviewer, or from one of the unit's officers)
/// makes them a member at once. Naming a unit without one sends a join request: to the unit's confirmed
/// officers, or, for a unit nobody had named before (or one without officers yet), to the reviewers. Until it is
/// approved ("u|ok|&lt;id&gt;") the newcomer works on their own nominations only: drafts, not counted in the unit's
/// lists or quotas, not submitted.
/// </summary>
public sealed class UnitMembership(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    /// <summary>Marks the profile as waiting and tells the people who can approve; returns what to tell the newcomer.</summary>
    public string RequestJoin(OfficerProfile profile, Unit unit, bool newUnit, List<PushedMessage> pushed)
    {
        profile.JoinPending = true;
        CloseOpenRequests(profile.UserKey);
        var members = Members(unit.Key).Where(p => p.UserKey != profile.UserKey).ToList();
        var request = new JoinRequest
        {
            UserKey = profile.UserKey,
            UserName = profile.Name,
            UnitKey = unit.Key,
            UnitName = unit.Name,
            NewUnit = newUnit || !unit.Confirmed && members.Count == 0,
            CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime,
        };
        db.JoinRequests.Insert(request);
        var toMembers = !request.NewUnit && members.Count > 0;
        var recipients = toMembers ? members.Select(m => m.UserKey) : Reviewers();
        var notice = new Reply(toMembers
            ? $"👤 {request.UserName} xin làm cán bộ {unit.Name} trên bot. Nếu đúng là cán bộ đơn vị, bấm Đồng ý: người này sẽ xem được các đề nghị của đơn vị và nộp đề nghị nhân danh đơn vị."
            : $"👤 {request.UserName} đăng ký là cán bộ của {(request.NewUnit ? "đơn vị mới" : "đơn vị chưa có cán bộ")} “{unit.Name}”. Xác nhận nếu đúng là đơn vị và cán bộ có thật.")
        {
            Buttons = [[new JoinPress(Verdict.Ok, request.Id).Button("Đồng ý"), new JoinPress(Verdict.No, request.Id).Button("Từ chối")]],
        };
        foreach (var key in recipients.Distinct().Where(k => k != profile.UserKey))
            if (AccessPolicy.AddressOf(key) is var (channel, chatId)) pushed.Add(new PushedMessage(channel, chatId, notice));
        const string Meanwhile = "Trong lúc chờ, bạn vẫn nhập được đề nghị của mình (chỉ bạn thấy); nộp được sau khi được xác nhận.";
        if (newUnit) return $"(Đơn vị mới: chờ cán bộ thẩm định xác nhận đơn vị. {Meanwhile})";
        if (!toMembers) return $"(Đơn vị này chưa có cán bộ được xác nhận: đã gửi yêu cầu tới cán bộ thẩm định. {Meanwhile})";
        return $"Đơn vị này đã có cán bộ; cần mã mời của cán bộ đơn vị hoặc xác nhận của cán bộ thẩm định. Đã gửi yêu cầu tham gia tới cán bộ của {unit.Name}. {Meanwhile}";
    }

    /// <summary>"u|ok|12" approves, "u|no|12" refuses: the unit's confirmed officers or a reviewer, never the requester.</summary>
    /// <param name="press">Null for data no join button writes (stale or forged).</param>
    public Reply Press(Actor actor, JoinPress? press, List<PushedMessage> pushed)
    {
        if (press is not (var verdict, var id) || db.JoinRequests.FindById(id) is not { } request)
            return new Reply("Nút này không còn dùng được. Gõ /donvi để xem các yêu cầu đang chờ.");
        if (!MayDecide(actor, request)) return access.Refuse(actor, press.Data, "Chỉ cán bộ đã được xác nhận của đơn vị này hoặc cán bộ thẩm định mới xác nhận được cán bộ mới.");
        if (request.DecidedBy is not null) return new Reply($"Yêu cầu của {request.UserName} đã được xử lý ({(request.Approved ? "đã đồng ý" : "đã từ chối")}).");
        var profile = db.Officer(request.UserKey);
        request.DecidedBy = actor.Key;
        request.DecidedAt = clock.TimeProvider.GetUtcNow().UtcDateTime;
        request.Approved = verdict == Verdict.Ok;
        if (profile is null || profile.UnitKey != request.UnitKey)
        {
            db.JoinRequests.Update(request);
            return new Reply($"{request.UserName} không còn chờ tham gia {request.UnitName} (đã xóa dữ liệu hoặc đăng ký đơn vị khác).");
        }
        return request.Approved ? Approve(actor, request, profile, pushed) : Refuse(actor, request, profile, pushed);
    }

    /// <summary>/donvi: join requests the actor can decide, and units typed before join requests existed.</summary>
    public Reply Pending(Actor actor)
    {
        if (!actor.IsReviewer && actor.MemberUnitKey is null)
            return access.Refuse(actor, "/donvi", "Chỉ cán bộ đã được xác nhận của đơn vị hoặc cán bộ thẩm định mới xác nhận được cán bộ, đơn vị mới.");
        var open = db.JoinRequests.Find(r => r.DecidedBy == null).Where(r => MayDecide(actor, r)).OrderBy(r => r.Id).Take(10).ToList();
        var legacy = actor.IsReviewer
            ? db.Units.Find(u => !u.Confirmed).Where(u => !open.Any(r => r.UnitKey == u.Key)).OrderBy(u => u.Name).Take(10).ToList()
            : [];
        if (open.Count == 0 && legacy.Count == 0) return new Reply("Không có yêu cầu tham gia đơn vị hay đơn vị mới nào đang chờ xác nhận.");
        var buttons = open.Select(r => (IReadOnlyList<Button>)[new JoinPress(Verdict.Ok, r.Id).Button($"Đồng ý: {r.UserName} — {r.UnitName}"), new JoinPress(Verdict.No, r.Id).Button("Từ chối")]).ToList();
        buttons.AddRange(legacy.Select(u => (IReadOnlyList<Button>)[new InvitationPress.ConfirmUnit(KeyRef.To(u.Key)).Button($"Xác nhận đơn vị: {u.Name}")]));
        return new Reply($"Đang chờ xác nhận: {open.Count} yêu cầu tham gia đơn vị" + (legacy.Count > 0 ? $", {legacy.Count} đơn vị mới" : "") + ".") { Buttons = buttons };
    }

    /// <summary>A reviewer confirms a unit (/donvi): its first officer, waiting for that, becomes its member.</summary>
    public Reply ConfirmUnit(Actor actor, Unit unit, List<PushedMessage> pushed)
    {
        unit.Confirmed = true;
        db.Units.Update(unit);
        foreach (var request in db.JoinRequests.Find(r => r.UnitKey == unit.Key && r.DecidedBy == null && r.NewUnit).ToList())
            if (db.Officer(request.UserKey) is { } profile && profile.UnitKey == unit.Key)
            {
                (request.DecidedBy, request.DecidedAt, request.Approved) = (actor.Key, clock.TimeProvider.GetUtcNow().UtcDateTime, true);
                Approve(actor, request, profile, pushed);
            }
        return new Reply($"Đã xác nhận đơn vị {unit.Name}.");
    }

    /// <summary>An invitation used, or data erased: whatever the person had asked for is no longer waiting.</summary>
    public void CloseOpenRequests(string userKey)
    {
        foreach (var open in db.JoinRequests.Find(r => r.UserKey == userKey && r.DecidedBy == null).ToList())
        {
            (open.DecidedBy, open.DecidedAt) = (userKey, clock.TimeProvider.GetUtcNow().UtcDateTime);
            db.JoinRequests.Update(open);
        }
    }

    private Reply Approve(Actor actor, JoinRequest request, OfficerProfile profile, List<PushedMessage> pushed)
    {
        var moved = db.InTransaction(() =>
        {
            profile.JoinPending = false;
            db.Officers.Update(profile);
            if (db.Units.FindById(request.UnitKey) is { Confirmed: false } unit && actor.IsReviewer)
            {
                unit.Confirmed = true;
                db.Units.Update(unit);
            }
            db.JoinRequests.Update(request);
            return AdoptDrafts(request.UserKey, request.UnitKey);
        });
        Tell(request.UserKey, $"✅ {actor.DisplayName} đã xác nhận bạn là cán bộ {request.UnitName}. Từ nay bạn xem được đề nghị của đơn vị và nộp được đề nghị của mình" + (moved > 0 ? $" ({moved} đề nghị đã nhập được tính cho đơn vị)." : "."), pushed);
        return new Reply($"Đã xác nhận {request.UserName} là cán bộ {request.UnitName}.");
    }

    /// <summary>What someone drafted while waiting to join a unit becomes the unit's, once they are its member.</summary>
    public int AdoptDrafts(string userKey, string unitKey)
    {
        var pendingKey = AccessPolicy.PendingPrefix + unitKey;
        var drafts = db.Nominations.Find(n => n.OwnerKey == userKey && n.UnitKey == pendingKey).ToList();
        foreach (var n in drafts)
        {
            n.UnitKey = unitKey;
            db.Nominations.Update(n);
        }
        return drafts.Count;
    }

    private Reply Refuse(Actor actor, JoinRequest request, OfficerProfile profile, List<PushedMessage> pushed)
    {
        db.InTransaction(() =>
        {
            (profile.Unit, profile.UnitKey, profile.JoinPending) = (null, null, false);
            db.Officers.Update(profile);
            db.JoinRequests.Update(request);
            // A unit someone typed and nobody confirmed does not stay offered to others.
            if (db.Units.FindById(request.UnitKey) is { Confirmed: false } unit && db.Officers.Count(p => p.UnitKey == unit.Key) == 0)
            {
                db.Units.Delete(unit.Key);
                db.CountDeleted("units", 1);
            }
            return 0;
        });
        Tell(request.UserKey, $"Yêu cầu làm cán bộ {request.UnitName} của bạn không được đồng ý. Nếu bạn là cán bộ đơn vị, xin mã mời của cán bộ đơn vị hoặc liên hệ Ban Thi đua – Khen thưởng; lần tới nhập đề nghị, bot sẽ hỏi lại đơn vị.", pushed);
        return new Reply($"Đã từ chối: {request.UserName} không phải cán bộ {request.UnitName}.");
    }

    private static bool MayDecide(Actor actor, JoinRequest request) =>
        !actor.Keys.Contains(request.UserKey) && (actor.IsReviewer || !request.NewUnit && actor.MemberUnitKey == request.UnitKey);

    private List<OfficerProfile> Members(string unitKey) => [.. db.Officers.Find(p => p.UnitKey == unitKey).Where(p => p.IsMember)];

    /// <summary>Who confirms new units: reviewers and the configured administrators.</summary>
    private IEnumerable<string> Reviewers() =>
        db.Officers.Find(p => p.Role == Role.Reviewer || p.Role == Role.Admin).Select(p => p.UserKey).Concat(access.AdminKeys);

    private static void Tell(string userKey, string text, List<PushedMessage> pushed)
    {
        if (AccessPolicy.AddressOf(userKey) is var (channel, chatId)) pushed.Add(new PushedMessage(channel, chatId, new Reply(text) { Buttons = [[CommandPress.OwnNominations.Button("Đề nghị của tôi")]] }));
    }
}
