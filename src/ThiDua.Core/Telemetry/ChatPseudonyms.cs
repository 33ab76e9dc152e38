using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ThiDua.Core.Telemetry;

/// <summary>
/// What logs call a chat or a person: a keyed hash of its key ("telegram:123456"), never the key itself. The key is
/// random per database and kept in it, so the same chat has the same name across restarts (an operator can follow
/// it through the logs), while a log file alone cannot be turned back into chat ids by trying them all.
/// </summary>
public sealed class ChatPseudonyms
{
    private const string SecretId = "log-pseudonym-key";
    private readonly byte[] _secret;

    private ChatPseudonyms(byte[] secret) => _secret = secret;

    /// <summary>The database's key, made on first use.</summary>
    public static ChatPseudonyms Load(ILiteCollection<BsonDocument> settings)
    {
        if (settings.FindById(SecretId) is { } kept && kept["value"].IsBinary) return new ChatPseudonyms(kept["value"].AsBinary);
        var secret = RandomNumberGenerator.GetBytes(32);
        settings.Upsert(new BsonDocument { ["_id"] = SecretId, ["value"] = secret });
        return new ChatPseudonyms(secret);
    }

    /// <summary>A chat by its conversation key ("telegram:123456"), so outbox and import lines match the turn's scope.</summary>
    public string OfChat(string channel, string chatId) => Of($"{channel}:{chatId}");

    /// <summary>"#" and 10 hex digits (40 bits): distinct for a province's chats, short enough to read.</summary>
    public string Of(string? key) =>
        key is null ? "#-" : "#" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(key)))[..10];
}
