using System.Globalization;
using System.Text;

namespace ThiDua.Core.Conversations;

/// <summary>
/// A short self-describing text as a typed record: a family's prefix, then fields ("v|o|42"). The record writes
/// itself; the family reads the text back into a record, or into nothing when the text is stale or forged.
/// Button data (<see cref="ButtonPayload"/>) and the input a chat awaits (<see cref="AwaitedInput"/>) are both this.
/// </summary>
public abstract record Payload
{
    /// <summary>Longer than any payload is written (Telegram carries 64 bytes of button data).</summary>
    public const int MaxBytes = 64;

    /// <summary>The text stored or carried for this record.</summary>
    public abstract string Data { get; }

    public sealed override string ToString() => Data;

    /// <summary>"v", "o", "42" → "v|o|42".</summary>
    protected static string Write(params ReadOnlySpan<string> fields) => string.Join('|', fields);

    /// <summary>A number field, as the records write them.</summary>
    protected static string Write(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number field read back; null when it is not one.</summary>
    protected static int? Number(string field) => int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>An action written as its name in lower case (SubmitOk → "submitok").</summary>
    protected static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => Codes<TEnum>.Of[value];

    /// <summary>The action a field names; null for any other text (digits included: never an enum's number).</summary>
    protected static TEnum? Code<TEnum>(string field) where TEnum : struct, Enum => Codes<TEnum>.ByCode.TryGetValue(field, out var value) ? value : null;

    private static class Codes<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Of = Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());
        public static readonly Dictionary<string, TEnum> ByCode = Of.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>
    /// The fields after the family's prefix ("v|o|42" → ["o", "42"]); null when the data is not the family's or longer
    /// than any button can carry.
    /// </summary>
    /// <summary>The record of family <typeparamref name="T"/> the text names; null when it names none (stale, forged, another family's).</summary>
    public static T? Read<T>(string data) where T : Payload, IPayloadFamily<T> => FieldsOf(data, T.Prefix) is { } fields ? T.FromFields(fields) : null;

    private static string[]? FieldsOf(string data, string prefix)
    {
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes) return null;
        var fields = data.Split('|');
        return fields[0] == prefix ? fields[1..] : null;
    }
}

/// <summary>A family of payloads with one prefix, read back by one rule; the feature routes its prefix to its handler.</summary>
public interface IPayloadFamily<TSelf> where TSelf : Payload, IPayloadFamily<TSelf>
{
    /// <summary>"v": every "v|…" is this family's.</summary>
    static abstract string Prefix { get; }

    /// <summary>The record the fields after the prefix name; null for text no record of this version writes.</summary>
    static abstract TSelf? FromFields(string[] fields);
}

/// <summary>
/// A button's data as a typed record; each feature declares its family of presses in its own folder ("v|…" for the
/// review desk). Data is opaque to channels, self-contained (a button works after a restart), at most
/// <see cref="Payload.MaxBytes"/> bytes whatever the names it carries (<see cref="KeyRef"/>), and ids only, checked again when pressed.
/// </summary>
public abstract record ButtonPayload : Payload
{
    public Button Button(string text) => new(text, Data);
}

/// <summary>
/// What the next typed message of a chat answers (a return's reason, a draft field's value), kept in the chat's
/// state until it comes; each feature declares its own, like its buttons.
/// </summary>
public abstract record AwaitedInput : Payload;
