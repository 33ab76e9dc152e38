using System.Security.Cryptography;
using System.Text;
using LiteDB;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Desk;

/// <summary>A one-time sign-in link's secret, stored by its hash only.</summary>
public sealed class SignInLink
{
    [BsonId] public string Id { get; set; } = "";
    public string UserKey { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>A signed-in browser, stored by the hash of its cookie: a restart keeps it, signing out ends it.</summary>
public sealed class WebSession
{
    [BsonId] public string Id { get; set; } = "";
    public string UserKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Signing in to the web desk without passwords: /web in any channel gives a link valid a few minutes, usable once,
/// bound to that person; opening it starts a session. Only hashes are stored, so the database never holds a
/// usable link or cookie. Who may see what is decided, as everywhere, by <see cref="Access.AccessPolicy"/>.
/// </summary>
public sealed class WebAccess(BotDatabase db, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly ILiteCollection<SignInLink> _links = db.Collection<SignInLink>("web_links");
    private readonly ILiteCollection<WebSession> _sessions = db.Collection<WebSession>("web_sessions");

    /// <summary>A new link's secret for this person; the link expires after <see cref="LinkLifetime"/>.</summary>
    public string NewLink(string userKey)
    {
        var secret = NewSecret();
        _links.Insert(new SignInLink { Id = Hash(secret), UserKey = userKey, ExpiresAt = Now.Add(LinkLifetime) });
        return secret;
    }

    /// <summary>Opens a session for the link's person, using the link up; null (and nothing opened) for a link used, expired or never made.</summary>
    public (string Cookie, WebSession Session)? Redeem(string secret) => db.InTransaction<(string, WebSession)?>(() =>
    {
        if (secret.Length is 0 or > 100 || _links.FindById(Hash(secret)) is not { UsedAt: null } link || link.ExpiresAt <= Now) return null;
        link.UsedAt = Now;
        _links.Update(link);
        var cookie = NewSecret();
        var session = new WebSession { Id = Hash(cookie), UserKey = link.UserKey, CreatedAt = Now, ExpiresAt = Now.Add(SessionLifetime) };
        _sessions.Insert(session);
        return (cookie, session);
    });

    /// <summary>The person a browser's cookie is signed in as; null when it is not a live session.</summary>
    public string? SignedIn(string? cookie) =>
        cookie is { Length: > 0 and <= 100 } && _sessions.FindById(Hash(cookie)) is { } s && s.ExpiresAt > Now ? s.UserKey : null;

    public void SignOut(string? cookie)
    {
        if (cookie is { Length: > 0 and <= 100 }) _sessions.Delete(Hash(cookie));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
