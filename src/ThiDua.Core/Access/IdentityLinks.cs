using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// /lienket joins one person's Telegram and Zalo identities, so they see the same nominations. A code alone
/// never does it: whoever types the code is shown whose it is and agrees ("l|ok|&lt;id&gt;"), then the code's owner
/// is shown who typed it and agrees; every message names both. Either side unlinks ("l|un").
/// </summary>
public sealed class IdentityLinks(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private static readonly TimeSpan CodeLife = TimeSpan.FromDays(1);

    /// <summary>/lienket: the link there is (with a button to undo it), or a code to type on the other account.</summary>
    public Reply Code(Actor actor)
    {
        if (AccessPolicy.LinkedTo(db, actor.Key) is { } other)
            return new Reply($"🔗 Tài khoản này ({Describe(actor.Key)}) đang liên kết với {Describe(other)}: hai tài khoản thấy chung các đề nghị.")
            {
                Buttons = [[LinkPress.Unlink.Button("Hủy liên kết")]],
            };
        if (!actor.IsRegistered) return new Reply("Bạn cần đăng ký (họ tên, đơn vị) trước khi liên kết tài khoản. Gõ /dangky.");
        var code = InvitationDesk.NewCode();
        db.Invitations.Insert(new Invitation { Code = code, LinkFrom = actor.Key, CreatedBy = actor.Key, UsesLeft = 1, ExpiresAt = clock.TimeProvider.GetUtcNow().UtcDateTime + CodeLife });
        return new Reply($"Mã liên kết của {Describe(actor.Key)}: {code} (dùng một lần, trong 24 giờ). Trên tài khoản kia của bạn (Telegram hoặc Zalo), gõ: /lienket {code}\n"
            + "Bot sẽ hỏi xác nhận ở cả hai tài khoản, ghi rõ tên từng bên. Đừng gửi mã này cho người khác: liên kết cho họ thấy các đề nghị của bạn.");
    }

    /// <summary>A link code typed by <paramref name="typist"/>: shows whose it is and asks them to agree.</summary>
    public Reply Requested(string fromKey, Actor typist, string? typistName)
    {
        if (fromKey == typist.Key) return new Reply("Đây là chính tài khoản đã tạo mã. Gõ mã trên tài khoản kia (Telegram hoặc Zalo).");
        if (db.Officer(fromKey) is null) return new Reply("Tài khoản tạo mã không còn. Tạo mã mới bằng /lienket.");
        if (AccessPolicy.LinkedTo(db, typist.Key) is not null || AccessPolicy.LinkedTo(db, fromKey) is not null)
            return access.Refuse(typist, "/lienket", "Một trong hai tài khoản đã liên kết với tài khoản khác. Gõ /lienket ở tài khoản đó để xem hoặc hủy liên kết trước.");
        var request = new LinkRequest { FromKey = fromKey, ToKey = typist.Key, ToName = typistName, ExpiresAt = clock.TimeProvider.GetUtcNow().UtcDateTime + CodeLife };
        db.LinkRequests.Insert(request);
        return new Reply($"🔗 Mã liên kết này do {Describe(fromKey)} tạo.\nLiên kết nghĩa là tài khoản này ({Describe(typist.Key, typistName)}) và tài khoản đó là MỘT người: "
            + "thấy chung mọi đề nghị; nhắc hạn chỉ gửi về tài khoản này. Chỉ đồng ý nếu đó là tài khoản khác của chính bạn.")
        {
            Buttons = [[new LinkPress.Answer(Verdict.Ok, request.Id).Button("Đúng, tài khoản của tôi"), new LinkPress.Answer(Verdict.No, request.Id).Button("Không liên kết")]],
        };
    }

    /// <param name="press">Null for data no link button writes (stale or forged).</param>
    public Reply Press(Actor actor, LinkPress? press, List<PushedMessage> pushed)
    {
        if (press is LinkPress.Undo) return Unlink(actor, pushed);
        if (press is not LinkPress.Answer(var verdict, var id) || db.LinkRequests.FindById(id) is not { } request)
            return new Reply("Nút này không còn dùng được. Gõ /lienket để tạo mã mới.");
        var side = actor.Key == request.ToKey ? "typist" : actor.Key == request.FromKey ? "owner" : null;
        if (side is null || side == "owner" && !request.TypistAgreed && verdict == Verdict.Ok)
            return access.Refuse(actor, press.Data, "Yêu cầu liên kết này không phải của bạn.");
        if (request.Closed || request.ExpiresAt < clock.TimeProvider.GetUtcNow().UtcDateTime)
            return new Reply("Yêu cầu liên kết này đã xong hoặc đã hết hạn. Gõ /lienket để tạo mã mới.");
        if (verdict == Verdict.No) return Decline(actor, request, pushed);
        if (side == "typist")
        {
            if (request.TypistAgreed) return new Reply($"Đã gửi yêu cầu tới {Describe(request.FromKey)}; đang chờ tài khoản đó đồng ý.");
            request.TypistAgreed = true;
            db.LinkRequests.Update(request);
            Tell(request.FromKey, new Reply($"🔗 {Describe(request.ToKey, request.ToName)} muốn liên kết với tài khoản này ({Describe(request.FromKey)}) bằng mã bạn tạo. "
                + "Hai tài khoản sẽ là MỘT người: thấy chung mọi đề nghị. Chỉ đồng ý nếu đó là tài khoản khác của chính bạn.")
            {
                Buttons = [[new LinkPress.Answer(Verdict.Ok, request.Id).Button("Đồng ý liên kết"), new LinkPress.Answer(Verdict.No, request.Id).Button("Từ chối")]],
            }, pushed);
            return new Reply($"Đã gửi yêu cầu tới {Describe(request.FromKey)}. Liên kết xong khi tài khoản đó bấm Đồng ý.");
        }
        return Link(request, pushed);
    }

    private Reply Link(LinkRequest request, List<PushedMessage> pushed)
    {
        if (AccessPolicy.LinkedTo(db, request.ToKey) is not null || AccessPolicy.LinkedTo(db, request.FromKey) is not null)
            return new Reply("Một trong hai tài khoản đã liên kết với tài khoản khác trong lúc chờ. Gõ /lienket để xem.");
        var from = db.Officer(request.FromKey);
        if (from is null) return new Reply("Tài khoản tạo mã không còn. Tạo mã mới bằng /lienket.");
        var to = db.Officer(request.ToKey) ?? new OfficerProfile { UserKey = request.ToKey };
        // Nothing is copied: an identity without a registration of its own speaks with its linked one's (AccessPolicy.ProfileOf),
        // so unlinking leaves each exactly as it was.
        (to.LinkedTo, from.LinkedTo, to.RemindHere, from.RemindHere) = (request.FromKey, request.ToKey, true, false);
        request.Closed = true;
        var moved = db.InTransaction(() =>
        {
            db.Officers.Upsert(to);
            db.Officers.Upsert(from);
            db.LinkRequests.Update(request);
            return MoveReminders(request.FromKey, request.ToKey);
        });
        var text = $"✅ Đã liên kết: {Describe(request.FromKey)} và {Describe(request.ToKey, request.ToName)} là một người, thấy chung các đề nghị. "
            + $"Nhắc hạn từ nay chỉ gửi về {Describe(request.ToKey, request.ToName)} ({moved} kế hoạch đang nhắc đã chuyển sang). Gõ /lienket ở bất kỳ bên nào để hủy liên kết.";
        Tell(request.ToKey, new Reply(text), pushed);
        return new Reply(text);
    }

    private Reply Decline(Actor actor, LinkRequest request, List<PushedMessage> pushed)
    {
        request.Closed = true;
        db.LinkRequests.Update(request);
        var other = actor.Key == request.FromKey ? request.ToKey : request.FromKey;
        if (request.TypistAgreed) Tell(other, new Reply($"Liên kết giữa {Describe(request.FromKey)} và {Describe(request.ToKey, request.ToName)} không được đồng ý: hai tài khoản vẫn riêng."), pushed);
        return new Reply("Đã hủy yêu cầu liên kết: hai tài khoản vẫn riêng, không thấy đề nghị của nhau.");
    }

    private Reply Unlink(Actor actor, List<PushedMessage> pushed)
    {
        if (AccessPolicy.LinkedTo(db, actor.Key) is not { } otherKey) return new Reply("Tài khoản này không liên kết với tài khoản nào.");
        var names = $"{Describe(actor.Key)} và {Describe(otherKey)}";
        db.InTransaction(() =>
        {
            foreach (var key in new[] { actor.Key, otherKey })
                if (db.Officer(key) is { } p)
                {
                    (p.LinkedTo, p.RemindHere) = (null, true);
                    db.Officers.Update(p);
                }
            return 0;
        });
        Tell(otherKey, new Reply($"🔗 Liên kết giữa {names} đã được hủy: hai tài khoản không còn thấy chung đề nghị."), pushed);
        return new Reply($"Đã hủy liên kết giữa {names}: hai tài khoản không còn thấy chung đề nghị.");
    }

    /// <summary>"Lò Thị An — UBND xã X (tài khoản Telegram)", or the name the channel gives an unregistered identity.</summary>
    private string Describe(string key, string? channelName = null)
    {
        var profile = db.Officer(key);
        var who = profile is { IsRegistered: true } ? $"{profile.Name} — {profile.Unit}" : channelName is { Length: > 0 } n ? $"“{n}” (chưa đăng ký)" : "tài khoản chưa đăng ký";
        var channel = AccessPolicy.AddressOf(key)?.Channel switch { "telegram" => "Telegram", "zalo" => "Zalo", "console" => "cửa sổ lệnh", { } c => c, null => "?" };
        return $"{who} (tài khoản {channel})";
    }

    private static void Tell(string key, Reply reply, List<PushedMessage> pushed)
    {
        if (AccessPolicy.AddressOf(key) is var (channel, chatId)) pushed.Add(new PushedMessage(channel, chatId, reply));
    }

    /// <summary>Reminders follow the person to the identity that typed the code (a private chat's, not a group's).</summary>
    private int MoveReminders(string fromKey, string toKey)
    {
        var (fromChannel, fromChat) = AccessPolicy.AddressOf(fromKey) ?? (fromKey, fromKey);
        var (toChannel, toChat) = AccessPolicy.AddressOf(toKey) ?? (toKey, toKey);
        var moved = 0;
        foreach (var follow in db.Follows.Find(f => f.Channel == fromChannel && f.ChatId == fromChat).Where(f => f.UserId is null || f.UserId == fromChat).ToList())
        {
            db.Follows.Delete(follow.Id);
            follow.Id = Reminders.Follow.KeyFor(toChannel, toChat, follow.CampaignId);
            (follow.Channel, follow.ChatId, follow.UserId) = (toChannel, toChat, toChat);
            db.Follows.Upsert(follow);
            moved++;
        }
        return moved;
    }
}
