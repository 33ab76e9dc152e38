using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Access;

/// <summary>Who is writing: their identities (linked ones included), profile, and what their role lets them reach.</summary>
public sealed record Actor(string Key, IReadOnlySet<string> Keys, OfficerProfile? Profile, bool IsAdmin)
{
    public bool IsRegistered => Profile?.IsRegistered == true;
    public bool IsReviewer => IsAdmin || Profile?.Role == Role.Reviewer;
    /// <summary>The unit whose nominations they read: only once confirmed a member, never while a join request waits.</summary>
    public string? MemberUnitKey => Profile is { IsMember: true } p ? p.UnitKey : null;
    public string DisplayName => Profile?.Name ?? Key;
}

/// <summary>
/// The access rules, in one place and enforced in the core whatever the channel: questions about plans are open
/// to everyone; an officer reaches their own nominations and reads (only) those of their unit; a reviewer reaches
/// the campaigns they are scoped to; administrators manage roles. Every refusal is logged.
/// </summary>
public sealed class AccessPolicy(BotDatabase db, AccessOptions options, ILogger logger)
{
    /// <summary>Where refusals and faults the desks meet are logged.</summary>
    public ILogger Logger => logger;

    private readonly HashSet<string> _admins = options.Admins.Select(a => a.Trim()).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static string KeyOf(IncomingMessage m) => $"{m.Channel}:{m.UserId}";

    /// <summary>
    /// Where to reach a person by their key "channel:userId" (a private chat's id is the user's); null for keys
    /// that name nobody, like "unit:…" after a person deleted their data.
    /// </summary>
    public static (string Channel, string ChatId)? AddressOf(string userKey) =>
        userKey.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !userKey.StartsWith("unit:", StringComparison.Ordinal)
            ? (userKey[..colon], userKey[(colon + 1)..])
            : null;

    public Actor Who(IncomingMessage m) => Who(KeyOf(m));

    public Actor Who(string key)
    {
        // Every message asks this: each record is read once (the same rules as LinkedTo and ProfileOf).
        var own = db.Officer(key);
        var linked = own?.LinkedTo is { } o && db.Officer(o) is { } other && other.LinkedTo == key ? other : null;
        var keys = new HashSet<string>(StringComparer.Ordinal) { key };
        if (linked is not null) keys.Add(linked.UserKey);
        var profile = own is { IsRegistered: false } && linked is { IsRegistered: true } ? linked : own;
        return new Actor(key, keys, profile, keys.Any(_admins.Contains));
    }

    /// <summary>Administrators from configuration, as person keys.</summary>
    public IReadOnlyCollection<string> AdminKeys => _admins;

    /// <summary>The other identity of the same person, when both sides agreed to the link (each names the other).</summary>
    public static string? LinkedTo(BotDatabase db, string key) =>
        db.Officer(key)?.LinkedTo is { } other && db.Officer(other)?.LinkedTo == key ? other : null;

    /// <summary>The profile that speaks for this identity: its own, or, when it has no registration, its linked identity's.</summary>
    public static OfficerProfile? ProfileOf(BotDatabase db, string key)
    {
        var profile = db.Officer(key);
        if (profile is { IsRegistered: false } && LinkedTo(db, key) is { } other && db.Officer(other) is { IsRegistered: true } main) return main;
        return profile;
    }

    public static bool Owns(Actor actor, INominationFacts n) => actor.Keys.Contains(n.OwnerKey);

    /// <summary>
    /// Read access: the owner, confirmed officers of the same unit, and, once it has been submitted, reviewers of
    /// the campaign and administrators. A draft never submitted stays inside its unit.
    /// </summary>
    public static bool CanRead(Actor actor, INominationFacts n, KnowledgeBase kb) => Reader(actor, kb)(n);

    /// <summary>
    /// <see cref="CanRead"/> for one person, with the plans they review worked out once: a table asks it of every
    /// nomination stored.
    /// </summary>
    public static Func<INominationFacts, bool> Reader(Actor actor, KnowledgeBase kb)
    {
        var reviewed = Reviewable(actor, kb).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var unit = actor.MemberUnitKey;
        return n => Owns(actor, n) || (unit is not null && unit == n.UnitKey) || (n.WasSubmitted && n.CampaignId is { } id && reviewed.Contains(id));
    }

    /// <summary>Submitted at least once (a withdrawn draft that never was is still the unit's own).</summary>
    public static bool WasSubmitted(INominationFacts n) => n.WasSubmitted;

    /// <summary>The unit key a nomination proposed by this officer gets: their unit, or "pending:…" until they are confirmed in it.</summary>
    public static string UnitKeyFor(OfficerProfile? owner) => owner switch
    {
        { IsMember: true } => owner.UnitKey!,
        { UnitKey: { } pending } => PendingPrefix + pending,
        _ => PendingPrefix,
    };

    /// <summary>Nominations of officers not yet confirmed in their unit: outside the unit's lists and quotas.</summary>
    public const string PendingPrefix = "pending:";

    /// <summary>
    /// Why this person may not appraise or decide a nomination (null when they may): they created it, own it,
    /// submitted it, or belong to its proposing unit — through any of their linked identities.
    /// </summary>
    public string? ConflictOfInterest(Actor actor, Nomination n)
    {
        if (actor.Keys.Contains(n.OwnerKey) || n.CreatedByKey is { } creator && actor.Keys.Contains(creator)) return "bạn lập đề nghị này";
        if (n.History.Any(h => h.To == NominationStatus.Submitted && actor.Keys.Contains(h.ByKey))) return "bạn đã nộp đề nghị này";
        var unit = n.UnitKey.StartsWith(PendingPrefix, StringComparison.Ordinal) ? n.UnitKey[PendingPrefix.Length..] : n.UnitKey;
        var proposing = VietnameseText.Fold(n.ProposingUnit);
        var mine = actor.Keys.Select(k => db.Officer(k)?.UnitKey).Append(actor.Profile?.UnitKey).OfType<string>();
        return mine.Any(u => u == unit || u == proposing) ? "bạn thuộc đơn vị đề nghị" : null;
    }

    /// <summary>A reviewer's scope: the campaign itself, or its area (province); administrators cover all.</summary>
    public static bool Covers(Actor actor, Campaign campaign)
    {
        if (actor.IsAdmin) return true;
        if (!actor.IsReviewer || actor.Profile is null) return false;
        var area = "area:" + VietnameseText.Fold(campaign.Area.Province);
        return actor.Profile.Scopes.Any(s => s == "*" || s == campaign.Id || s == area);
    }

    public static IReadOnlyList<Campaign> Reviewable(Actor actor, KnowledgeBase kb) => [.. kb.Campaigns.Where(c => Covers(actor, c))];

    /// <summary>A clear refusal, logged with who tried what (never the content).</summary>
    public Reply Refuse(Actor actor, string action, string message)
    {
        logger.LogWarning("Từ chối {Action} của {Actor}", action, db.Pseudonyms.Of(actor.Key));
        return new Reply(message);
    }
}
