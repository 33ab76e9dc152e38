using System.Security.Cryptography;
using System.Text;

namespace ThiDua.Core.Conversations;

/// <summary>
/// A key of any length (a unit's folded name, an officer's channel id, an award's id) as a button carries it: itself
/// when it fits in <see cref="Room"/> bytes, else "#" and 12 hex digits of its SHA-256, so that button data stays within
/// 64 bytes whatever the names. A reference read back is matched against the keys it could name, never trusted alone.
/// </summary>
public readonly record struct KeyRef(string Written)
{
    public const int Room = 24;
    private const char HashMark = '#';

    public static KeyRef To(string key) => new(Encoding.UTF8.GetByteCount(key) <= Room && !key.StartsWith(HashMark) && !key.Contains('|', StringComparison.Ordinal) ? key : Hash(key));

    /// <summary>Whether this reference was written for that key.</summary>
    public bool Names(string? key) => key is not null && (Written == key || Written.StartsWith(HashMark) && Written == Hash(key));

    /// <summary>The first of the items whose key this reference names.</summary>
    public T? In<T>(IEnumerable<T> items, Func<T, string?> key) where T : class
    {
        var self = this;
        return items.FirstOrDefault(item => self.Names(key(item)));
    }

    /// <summary>What this reference names: looked up by the key itself, or, for a long key written short, among all of them.</summary>
    public T? Find<T>(Func<string, T?> byKey, Func<IEnumerable<T>> all, Func<T, string?> key) where T : class =>
        byKey(Written) ?? (Written.StartsWith(HashMark) ? In(all(), key) : null);

    public override string ToString() => Written;

    private static string Hash(string key) => HashMark + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 6);
}
