using System.Security.Cryptography;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// /moi: reviewers invite officers of a unit, and a unit's confirmed officers invite their colleagues (one use
/// each); administrators also invite reviewers, scoped to a campaign or an area. Each code is short,
/// single-purpose and expires (link codes: <see cref="IdentityLinks"/>).
/// </summary>
public sealed class InvitationDesk(BotDatabase db, LocalClock clock, AccessPolicy access, UnitMembership membership)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly TimeSpan InvitationLife = TimeSpan.FromDays(14);

    public Reply Invite(KnowledgeBase kb, Actor actor, string args)
    {
        if (!actor.IsReviewer) return InviteColleague(actor, args);
        var said = VietnameseText.Fold(args);
        if (said.StartsWith("tham dinh", StringComparison.Ordinal) || said.StartsWith("thamdinh", StringComparison.Ordinal))
        {
            var scope = args[(args.IndexOf(' ') is var space and > 0 ? space + 1 : args.Length)..].Trim();
            if (said.StartsWith("thamdinh", StringComparison.Ordinal) && !said.Contains(' ', StringComparison.Ordinal)) scope = "";
            return InviteReviewer(kb, actor, scope);
        }
        if (args.Trim().Length >= 4) return InviteUnit(actor, args.Trim(), uses: 50);
        var buttons = db.Units.Find(u => u.Confirmed).OrderBy(u => u.Name).Take(8).Select(u => (IReadOnlyList<Button>)[new InvitationPress.ForUnit(KeyRef.To(u.Key)).Button($"Mời cán bộ {u.Name}")]).ToList();
        if (actor.IsAdmin) buttons.AddRange(kb.Campaigns.Select(c => (IReadOnlyList<Button>)[new InvitationPress.ForReviewer(c.Id).Button($"Mời thẩm định {c.ShortName}")]));
        return new Reply("Tạo mã mời:\n• Cán bộ đơn vị: /moi <tên đơn vị>, ví dụ /moi UBND xã Bản Vược"
            + (actor.IsAdmin ? "\n• Cán bộ thẩm định: /moi thamdinh <mã kế hoạch hoặc tên tỉnh>, ví dụ /moi thamdinh Lào Cai" : ""))
        { Buttons = buttons };
    }

    /// <param name="press">Null for data no invitation button writes (stale or forged).</param>
    public Reply Press(KnowledgeBase kb, Actor actor, InvitationPress? press, List<PushedMessage> pushed)
    {
        if (!actor.IsReviewer || press is null)
            return access.Refuse(actor, press?.Data ?? "nút mời không đọc được", "Chỉ cán bộ thẩm định hoặc quản trị viên mới tạo được mã mời.");
        return press switch
        {
            InvitationPress.ForUnit(var key) when db.UnitNamed(key) is { } unit => InviteUnit(actor, unit.Name, uses: 50),
            InvitationPress.ForReviewer(var scope) => InviteReviewer(kb, actor, scope),
            InvitationPress.ConfirmUnit(var key) when db.UnitNamed(key) is { } unit => membership.ConfirmUnit(actor, unit, pushed),
            _ => new Reply("Nút này không còn dùng được. Gõ /moi để tạo lại."),
        };
    }

    /// <summary>A unit's confirmed officer invites a colleague of that unit, and of no other.</summary>
    private Reply InviteColleague(Actor actor, string args)
    {
        if (actor.Profile is not { IsMember: true, Unit: { } unit } member)
            return access.Refuse(actor, "/moi", "Chỉ cán bộ đã được xác nhận của đơn vị, cán bộ thẩm định hoặc quản trị viên mới tạo được mã mời.");
        if (args.Trim().Length > 0 && VietnameseText.Fold(args) != member.UnitKey)
            return access.Refuse(actor, "/moi", $"Bạn chỉ mời được cán bộ của đơn vị mình ({unit}). Gõ /moi để tạo mã mời cho đơn vị.");
        return InviteUnit(actor, unit, uses: 1);
    }

    private Reply InviteUnit(Actor actor, string unitName, int uses)
    {
        var key = VietnameseText.Fold(unitName);
        var unit = db.Units.FindById(key) ?? new Unit { Key = key, Name = unitName, CreatedBy = actor.Key, CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime };
        // A unit a reviewer (or its own confirmed officer) names is a real one.
        unit.Confirmed = true;
        db.Units.Upsert(unit);
        var code = Create(actor, Role.Officer, unit.Key, [], uses);
        var howMany = uses == 1 ? "dùng một lần" : $"dùng được {uses} lần";
        return new Reply($"Mã mời cán bộ {unit.Name}: {code} ({howMany}, đến {Until()}).\nNgười được mời gõ: /start {code} — trên Telegram có thể gửi liên kết t.me/<tên bot>?start={code}.");
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
                Buttons = [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[new InvitationPress.ForReviewer(c.Id).Button(c.ShortName)])],
            };
        var code = Create(actor, Role.Reviewer, null, [scope], uses: 1);
        var what = scope.StartsWith("area:", StringComparison.Ordinal) ? $"mọi kế hoạch của {scopeText.Trim()}" : kb.Find(scope)!.ShortName;
        return new Reply($"Mã mời cán bộ thẩm định ({what}): {code} (dùng một lần, đến {Until()}).\nNgười được mời gõ: /start {code}");
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

    private string Until() => VietnameseDates.Format(DateOnly.FromDateTime(clock.Now.DateTime + InvitationLife));

    internal static string NewCode() => string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
