using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// Who an officer is: asked the first time they need it (nominations), or bound in one step by an invitation
/// (/start CODE). Name, then unit (a known one by button, or typed: a new unit waits for a reviewer). A short
/// personal-data notice comes first; /xoadulieu shows and deletes what is stored.
/// </summary>
public sealed class RegistrationDesk(BotDatabase db, LocalClock clock, AccessPolicy access, UnitMembership membership)
{
    private readonly CodeAttemptLimit attempts = new(db, clock);

    public const string Notice =
        "🔒 Dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): bot lưu họ tên, đơn vị, vai trò và mã tài khoản chat của bạn cùng các đề nghị bạn nhập, "
        + "chỉ để quản lý hồ sơ thi đua – khen thưởng của đơn vị và gửi nhắc hạn; không chia sẻ cho bên khác. Gõ /xoadulieu để xem hoặc xóa.";

    private const int UnitButtons = 8;

    public Registration? Active(string userKey) => db.RegistrationOf(userKey);

    /// <summary>Starts (or restarts) registration, keeping what the person wanted to do for after.</summary>
    public Reply Begin(string userKey, string why, string? pendingText = null, string? pendingButton = null)
    {
        var known = db.Officer(userKey);
        db.Registrations.Upsert(new Registration { UserKey = userKey, PendingText = pendingText, PendingButton = pendingButton, Name = known?.Name, AwaitingUnit = known?.Name is not null });
        return known?.Name is { } name ? AskUnit($"{why}\n{Notice}\n\nChào {name}.") : new Reply($"{why}\n{Notice}\n\nHọ và tên của bạn?") { Buttons = [[CancelButton]] };
    }

    /// <summary>The next answer during registration. Returns the reply and, once done, what to replay.</summary>
    public (Reply Reply, Registration? Done) Answer(string userKey, Registration reg, string text, List<PushedMessage> pushed)
    {
        if (!reg.AwaitingUnit)
        {
            if (!FieldRules.TryPersonName(text, out var name, out var error)) return (new Reply($"{error} Bạn gõ lại họ và tên nhé.") { Buttons = [[CancelButton]] }, null);
            reg.Name = name;
            reg.AwaitingUnit = true;
            db.Registrations.Upsert(reg);
            // An invitation already named the unit (or an older file did): the name is all that was missing.
            if (db.Officer(userKey) is { UnitKey: { } unitKey, JoinPending: false } && db.Units.FindById(unitKey) is { } invited) return Finish(userKey, reg, invited, null);
            return (AskUnit($"Cảm ơn {name}."), null);
        }
        // The name, or the message that started registration, once more (sent twice, typed again, handled again after
        // a crash): the unit is asked again, not named after the person or the nomination.
        if (text == reg.PendingText || FieldRules.TryPersonName(text, out var again, out _) && again == reg.Name) return (AskUnit($"Cảm ơn {reg.Name}."), null);
        if (!FieldRules.TryText(text, "Tên đơn vị", 4, 150, out var unitName, out var unitError)) return (AskUnit(unitError), null);
        var key = VietnameseText.Fold(unitName);
        var known = db.Units.FindById(key);
        var unit = known ?? new Unit { Key = key, Name = unitName, CreatedBy = userKey, CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime };
        return Finish(userKey, reg, unit, (known is null, pushed));
    }

    /// <summary>A unit picked by button ("g|unit|&lt;key&gt;"); only known units can be picked, and picking one asks to join it.</summary>
    public (Reply Reply, Registration? Done) PickUnit(string userKey, KeyRef unitKey, List<PushedMessage> pushed)
    {
        if (Active(userKey) is not { AwaitingUnit: true } reg || db.UnitNamed(unitKey) is not { } unit)
            return (new Reply("Nút này không còn dùng được. Gõ /dangky để đăng ký lại."), null);
        return Finish(userKey, reg, unit, (false, pushed));
    }

    public Reply Cancel(string userKey)
    {
        db.Registrations.Delete(userKey);
        return new Reply("Đã dừng đăng ký. Bạn vẫn hỏi về các kế hoạch được bình thường.");
    }

    /// <summary>
    /// /start CODE (or /lienket CODE): binds this identity to the invitation's unit and role, or hands a link code
    /// to <paramref name="link"/> (given the code owner's key). Wrong codes count towards the hourly limit.
    /// </summary>
    public Reply ApplyInvitation(Actor actor, string code, Func<string, Reply> link)
    {
        var userKey = actor.Key;
        if (attempts.BlockedUntil(userKey) is { } until)
            return access.Refuse(actor, "mã mời (đã chặn sau nhiều lần sai)",
                $"Bạn đã gõ sai mã {CodeAttemptLimit.MaxFailuresPerHour} lần trong một giờ: tạm không nhận mã nào. Thử lại sau {TimeZoneInfo.ConvertTime(until, LocalClock.VietnamZone):HH:mm}.");
        var invitation = db.Invitations.FindById(code.Trim().ToUpperInvariant());
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        if (invitation is null || invitation.ExpiresAt < now || invitation.UsesLeft <= 0)
        {
            var failures = attempts.Failed(userKey);
            var left = CodeAttemptLimit.MaxFailuresPerHour - failures;
            return access.Refuse(actor, $"mã mời sai ({failures}/{CodeAttemptLimit.MaxFailuresPerHour} trong một giờ)",
                "Mã mời không đúng hoặc đã hết hạn. Xin mã mới từ Ban Thi đua – Khen thưởng hoặc người đã mời bạn."
                + (left <= 2 ? $" (Còn {Math.Max(left, 0)} lần thử trong giờ này.)" : ""));
        }
        invitation.UsesLeft--;
        db.Invitations.Update(invitation);
        if (invitation.LinkFrom is { } other) return link(other);
        var profile = db.Officer(userKey) ?? new OfficerProfile { UserKey = userKey };
        var unit = invitation.UnitKey is { } key ? db.Units.FindById(key) : null;
        // The invitation is the unit's consent: a member at once, whatever join request was waiting.
        if (unit is not null)
        {
            (profile.Unit, profile.UnitKey, profile.JoinPending) = (unit.Name, unit.Key, false);
            membership.CloseOpenRequests(userKey);
            membership.AdoptDrafts(userKey, unit.Key);
        }
        if (profile.Role != Role.Admin && invitation.Role > profile.Role) profile.Role = invitation.Role;
        profile.Scopes = [.. profile.Scopes.Union(invitation.Scopes)];
        db.Officers.Upsert(profile);
        var what = invitation.Role == Role.Reviewer ? "cán bộ thẩm định" : "cán bộ đơn vị";
        var where = unit is not null ? $" của {unit.Name}" : "";
        if (!profile.IsRegistered)
            return Begin(userKey, $"✅ Mã mời hợp lệ: bạn là {what}{where}.") with { };
        profile.RegisteredAt ??= now;
        db.Officers.Update(profile);
        return new Reply($"✅ Đã cập nhật: {profile.Name} là {what}{where}.");
    }

    /// <summary>/xoadulieu: what is stored about this person, and a button to delete it.</summary>
    public Reply ShowData(Actor actor)
    {
        var p = actor.Profile;
        var nominations = db.Nominations.Find(n => n.OwnerKey == actor.Key).ToList();
        var (channel, userId) = AccessPolicy.AddressOf(actor.Key) ?? ("", "");
        var follows = Follows(channel, userId).Count;
        var lines = new List<string>
        {
            "Dữ liệu bot lưu về bạn:",
            $"• Tài khoản: {actor.Key}",
            $"• Họ tên: {p?.Name ?? "(chưa có)"}; đơn vị: {p?.Unit ?? "(chưa có)"}{(p?.JoinPending == true ? " (chờ xác nhận)" : "")}; vai trò: {RoleName(p?.Role ?? Role.Officer)}",
            $"• Đề nghị đã nhập: {nominations.Count} (nháp: {nominations.Count(n => n.Status == NominationStatus.Draft)})",
            $"• Kế hoạch đang nhắc hạn: {follows}; nhắc riêng: {PersonalReminders(channel, userId).Count}",
            "Xóa dữ liệu: xóa họ tên, vai trò, nhắc hạn, nhắc riêng và các bản nháp. Đề nghị đã nộp vẫn thuộc đơn vị (không còn tên người nhập).",
        };
        return new Reply(string.Join('\n', lines)) { Buttons = [[RegistrationPress.Erase.Button("Xóa dữ liệu của tôi"), RegistrationPress.Keep.Button("Giữ lại")]] };
    }

    /// <summary>Deletes this person's data wherever they used the bot; in a group, other members' forms and reminders stay.</summary>
    public Reply Erase(Actor actor, IncomingMessage message)
    {
        var (channel, userId) = (message.Channel, message.UserId);
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        var removed = db.InTransaction(() =>
        {
            var drafts = db.Nominations.DeleteMany(n => n.OwnerKey == actor.Key && n.Status == NominationStatus.Draft);
            db.CountDeleted("nominations", drafts);
            // Submitted nominations stay with the unit; only the link to this person goes.
            foreach (var n in db.Nominations.Find(n => n.OwnerKey == actor.Key).ToList())
            {
                n.OwnerKey = $"unit:{n.UnitKey}";
                n.UpdatedAt = now;
                db.Nominations.Update(n);
            }
            foreach (var follow in Follows(channel, userId)) db.Follows.Delete(follow.Id);
            foreach (var reminder in PersonalReminders(channel, userId)) db.PersonalReminders.Delete(reminder.Id);
            db.Forms.DeleteMany(f => f.OwnerKey == actor.Key);
            db.Registrations.Delete(actor.Key);
            // A linked identity is left on its own: the link went with this person's data.
            if (AccessPolicy.LinkedTo(db, actor.Key) is { } linked && db.Officer(linked) is { } other)
            {
                (other.LinkedTo, other.RemindHere) = (null, true);
                db.Officers.Update(other);
            }
            if (db.Officers.Delete(actor.Key)) db.CountDeleted("officers", 1);
            membership.CloseOpenRequests(actor.Key);
            foreach (var open in db.LinkRequests.Find(r => !r.Closed && (r.FromKey == actor.Key || r.ToKey == actor.Key)).ToList())
            {
                open.Closed = true;
                db.LinkRequests.Update(open);
            }
            return drafts;
        });
        db.ChatStates.Delete(message.PersonKey);
        db.ChatStates.Delete(actor.Key);
        db.SyncToDisk();
        return new Reply($"Đã xóa dữ liệu cá nhân của bạn ({removed} bản nháp). Các đề nghị đã nộp vẫn do đơn vị quản lý.");
    }

    /// <summary>A person's follows: those they turned on (in any chat), and older ones of their private chat.</summary>
    private List<Reminders.Follow> Follows(string channel, string userId) =>
        [.. db.Follows.Find(f => f.Channel == channel).Where(f => f.UserId == userId || f.UserId == null && f.ChatId == userId)];

    private List<Reminders.PersonalReminder> PersonalReminders(string channel, string userId) =>
        [.. db.PersonalReminders.Find(r => r.Channel == channel).Where(r => (r.UserId ?? r.ChatId) == userId)];

    public static string RoleName(Role role) => role switch
    {
        Role.Admin => "quản trị",
        Role.Reviewer => "cán bộ thẩm định",
        _ => "cán bộ đơn vị",
    };

    private static readonly Button CancelButton = RegistrationPress.Cancel.Button("Hủy đăng ký");

    private Reply AskUnit(string intro)
    {
        var units = db.Units.Find(u => u.Confirmed).OrderBy(u => u.Name).Take(UnitButtons).ToList();
        var text = $"{intro}\nĐơn vị của bạn? " + (units.Count > 0 ? "Chọn dưới đây, hoặc gõ tên đơn vị" : "Gõ tên đơn vị") + " (ví dụ: UBND xã Bản Vược)."
            + "\nĐơn vị đã có cán bộ thì cần họ hoặc cán bộ thẩm định xác nhận; có mã mời thì gõ /start <mã>.";
        return new Reply(text) { Buttons = [.. units.Select(u => (IReadOnlyList<Button>)[new RegistrationPress.PickUnit(KeyRef.To(u.Key)).Button(u.Name)]), [CancelButton]] };
    }

    /// <param name="join">Null when an invitation bound the unit (a member at once); else whether the unit is new, and where notices go.</param>
    private (Reply, Registration?) Finish(string userKey, Registration reg, Unit unit, (bool NewUnit, List<PushedMessage> Pushed)? join)
    {
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        var profile = db.Officer(userKey) ?? new OfficerProfile { UserKey = userKey };
        profile.Name = reg.Name;
        (profile.Unit, profile.UnitKey) = (unit.Name, unit.Key);
        profile.RegisteredAt ??= now;
        var waiting = "";
        db.InTransaction(() =>
        {
            db.Units.Upsert(unit);
            if (join is { } asked) waiting = "\n" + membership.RequestJoin(profile, unit, asked.NewUnit, asked.Pushed);
            db.Officers.Upsert(profile);
            return db.Registrations.Delete(userKey);
        });
        return (new Reply($"✅ Đã đăng ký: {profile.Name} — {unit.Name} ({RoleName(profile.Role)}).{waiting}"), reg);
    }
}
