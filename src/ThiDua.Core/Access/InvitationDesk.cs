using System.Security.Cryptography;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// /moi: reviewers invite officers of a unit; administrators also invite reviewers, scoped to a campaign or an
/// area; /donvi confirms units officers typed. /lienket joins one person's Telegram and Zalo identities.
/// Each code is short, single-purpose and expires.
/// </summary>
public sealed class InvitationDesk(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly TimeSpan InvitationLife = TimeSpan.FromDays(14);

    public Reply Invite(KnowledgeBase kb, Actor actor, string args)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, "/moi", "Chỉ cán bộ thẩm định hoặc quản trị viên mới tạo được mã mời.");
        var said = VietnameseText.Fold(args);
        if (said.StartsWith("tham dinh", StringComparison.Ordinal) || said.StartsWith("thamdinh", StringComparison.Ordinal))
        {
            var scope = args[(args.IndexOf(' ') is var space and > 0 ? space + 1 : args.Length)..].Trim();
            if (said.StartsWith("thamdinh", StringComparison.Ordinal) && !said.Contains(' ', StringComparison.Ordinal)) scope = "";
            return InviteReviewer(kb, actor, scope);
        }
        if (args.Trim().Length >= 4) return InviteUnit(actor, args.Trim());
        var buttons = db.Units.Find(u => u.Confirmed).OrderBy(u => u.Name).Take(8).Select(u => (IReadOnlyList<Button>)[new Button($"Mời cán bộ {u.Name}", $"i|unit|{u.Key}")]).ToList();
        if (actor.IsAdmin) buttons.AddRange(kb.Campaigns.Select(c => (IReadOnlyList<Button>)[new Button($"Mời thẩm định {c.ShortName}", $"i|rev|{c.Id}")]));
        return new Reply("Tạo mã mời:\n• Cán bộ đơn vị: /moi <tên đơn vị>, ví dụ /moi UBND xã Bản Vược"
            + (actor.IsAdmin ? "\n• Cán bộ thẩm định: /moi thamdinh <mã kế hoạch hoặc tên tỉnh>, ví dụ /moi thamdinh Lào Cai" : ""))
        { Buttons = buttons };
    }

    public Reply Press(KnowledgeBase kb, Actor actor, string data)
    {
        var parts = data.Split('|');
        if (!actor.IsReviewer || parts.Length < 3) return access.Refuse(actor, data, "Chỉ cán bộ thẩm định hoặc quản trị viên mới tạo được mã mời.");
        return parts[1] switch
        {
            "unit" when db.Units.FindById(parts[2]) is { } unit => InviteUnit(actor, unit.Name),
            "rev" => InviteReviewer(kb, actor, parts[2]),
            "ok" when db.Units.FindById(parts[2]) is { } unit => ConfirmUnit(unit),
            _ => new Reply("Nút này không còn dùng được. Gõ /moi để tạo lại."),
        };
    }

    /// <summary>Units typed by officers, waiting to be confirmed (/donvi).</summary>
    public Reply PendingUnits(Actor actor)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, "/donvi", "Chỉ cán bộ thẩm định xác nhận đơn vị.");
        var waiting = db.Units.Find(u => !u.Confirmed).OrderBy(u => u.Name).Take(10).ToList();
        if (waiting.Count == 0) return new Reply("Không có đơn vị mới nào chờ xác nhận.");
        return new Reply($"Đơn vị mới chờ xác nhận ({waiting.Count}):") { Buttons = [.. waiting.Select(u => (IReadOnlyList<Button>)[new Button($"Xác nhận: {u.Name}", $"i|ok|{u.Key}")])] };
    }

    /// <summary>/lienket: a code to type on the other channel; /lienket CODE there joins the two.</summary>
    public Reply LinkCode(Actor actor)
    {
        if (!actor.IsRegistered) return new Reply("Bạn cần đăng ký (họ tên, đơn vị) trước khi liên kết tài khoản. Gõ /dangky.");
        var code = NewCode();
        db.Invitations.Insert(new Invitation { Code = code, LinkFrom = actor.Key, CreatedBy = actor.Key, UsesLeft = 1, ExpiresAt = clock.TimeProvider.GetUtcNow().UtcDateTime.AddDays(1) });
        return new Reply($"Mã liên kết: {code} (dùng một lần, trong 24 giờ). Trên tài khoản kia (Telegram hoặc Zalo), gõ: /lienket {code}\nSau khi liên kết, hai tài khoản là một người: thấy chung các đề nghị, và nhắc hạn chỉ gửi về tài khoản nhập mã.");
    }

    /// <summary>Joins <paramref name="fromKey"/> (who asked for the code) and <paramref name="toKey"/> (who typed it).</summary>
    public Reply Link(string fromKey, string toKey)
    {
        if (fromKey == toKey) return new Reply("Đây là chính tài khoản đã tạo mã. Gõ mã trên tài khoản kia (Telegram hoặc Zalo).");
        var from = db.Officers.FindById(fromKey);
        if (from is null) return new Reply("Tài khoản tạo mã không còn. Tạo mã mới bằng /lienket.");
        var to = db.Officers.FindById(toKey) ?? new OfficerProfile { UserKey = toKey };
        (to.Name, to.Unit, to.UnitKey) = (to.Name ?? from.Name, to.Unit ?? from.Unit, to.UnitKey ?? from.UnitKey);
        to.Role = (Role)Math.Max((int)to.Role, (int)from.Role);
        to.Scopes = [.. to.Scopes.Union(from.Scopes)];
        to.RegisteredAt ??= clock.TimeProvider.GetUtcNow().UtcDateTime;
        (to.LinkedTo, from.LinkedTo, to.RemindHere, from.RemindHere) = (fromKey, toKey, true, false);
        var moved = db.InTransaction(() =>
        {
            db.Officers.Upsert(to);
            db.Officers.Upsert(from);
            return MoveReminders(fromKey, toKey);
        });
        return new Reply($"✅ Đã liên kết hai tài khoản của {to.Name}. Nhắc hạn từ nay chỉ gửi về tài khoản này ({moved} kế hoạch đang nhắc đã chuyển sang).");
    }

    private Reply InviteUnit(Actor actor, string unitName)
    {
        var key = VietnameseText.Fold(unitName);
        var unit = db.Units.FindById(key) ?? new Unit { Key = key, Name = unitName, CreatedBy = actor.Key, CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime };
        // A unit a reviewer names is a real one.
        unit.Confirmed = true;
        db.Units.Upsert(unit);
        var code = Create(actor, Role.Officer, unit.Key, [], uses: 50);
        return new Reply($"Mã mời cán bộ {unit.Name}: {code} (dùng được 50 lần, đến {Until()}).\nNgười được mời gõ: /start {code} — trên Telegram có thể gửi liên kết t.me/<tên bot>?start={code}.");
    }

    private Reply InviteReviewer(KnowledgeBase kb, Actor actor, string scopeText)
    {
        if (!actor.IsAdmin) return access.Refuse(actor, "/moi thamdinh", "Chỉ quản trị viên mới mời được cán bộ thẩm định.");
        var folded = VietnameseText.Fold(scopeText);
        string? scope = kb.Find(scopeText.Trim()) is { } campaign ? campaign.Id
            : kb.Campaigns.FirstOrDefault(c => folded.Length > 0 && VietnameseText.Fold(c.Area.Province) == folded) is { } inArea ? "area:" + folded
            : null;
        if (scope is null)
            return new Reply("Thẩm định kế hoạch nào? Chọn kế hoạch, hoặc gõ /moi thamdinh <tên tỉnh> để giao cả địa bàn.")
            {
                Buttons = [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[new Button(c.ShortName, $"i|rev|{c.Id}")])],
            };
        var code = Create(actor, Role.Reviewer, null, [scope], uses: 1);
        var what = scope.StartsWith("area:", StringComparison.Ordinal) ? $"mọi kế hoạch của {scopeText.Trim()}" : kb.Find(scope)!.ShortName;
        return new Reply($"Mã mời cán bộ thẩm định ({what}): {code} (dùng một lần, đến {Until()}).\nNgười được mời gõ: /start {code}");
    }

    private Reply ConfirmUnit(Unit unit)
    {
        unit.Confirmed = true;
        db.Units.Update(unit);
        return new Reply($"Đã xác nhận đơn vị {unit.Name}: từ nay cán bộ chọn được đơn vị này khi đăng ký.");
    }

    private string Create(Actor actor, Role role, string? unitKey, List<string> scopes, int uses)
    {
        var code = NewCode();
        db.Invitations.Insert(new Invitation
        {
            Code = code,
            Role = role,
            UnitKey = unitKey,
            Scopes = scopes,
            CreatedBy = actor.Key,
            UsesLeft = uses,
            ExpiresAt = clock.TimeProvider.GetUtcNow().UtcDateTime + InvitationLife,
        });
        return code;
    }

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

    private string Until() => VietnameseDates.Format(DateOnly.FromDateTime(clock.Now.DateTime + InvitationLife));

    private static string NewCode() => string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
