namespace ThiDua.Core.Telemetry;

/// <summary>
/// The log scope of one turn: the chat's pseudonym and its channel, as named fields for JSON logs ("Chat", "Channel")
/// and as "chat #3f9a1b2c4d (telegram)" for a text log.
/// </summary>
public sealed class ChatScope(string chat, string channel) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields = [new("Chat", chat), new("Channel", channel)];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"chat {chat} ({channel})";
}
