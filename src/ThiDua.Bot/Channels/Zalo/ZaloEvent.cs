using System.Text.Json;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// One Zalo event, read from either shape seen in the wild: wrapped {"ok":true,"result":{…}} or the bare event.
/// Ids are strings. Null when the payload is not a message event at all.
/// </summary>
public sealed record ZaloEvent(string EventName, string MessageId, string ChatId, bool IsGroup, string UserId, string? UserName, string? Text, string? PhotoUrl)
{
    public const string TextReceived = "message.text.received";
    public const string ImageReceived = "message.image.received";

    public static ZaloEvent? Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        if (payload.TryGetProperty("result", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object) payload = wrapped;
        if (!payload.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object) return null;
        var chat = Object(message, "chat");
        var from = Object(message, "from");
        var messageId = String(message, "message_id");
        var chatId = chat is { } c ? String(c, "id") : null;
        if (messageId is null || chatId is null) return null;
        var text = String(message, "text");
        var photo = String(message, "photo_url") ?? String(message, "photo");
        var name = String(payload, "event_name") ?? (photo is not null ? ImageReceived : text is not null ? TextReceived : "message.unsupported.received");
        return new ZaloEvent(
            name, messageId, chatId,
            chat is { } ch && String(ch, "chat_type") is { } type && type.Equals("GROUP", StringComparison.OrdinalIgnoreCase),
            from is { } f ? String(f, "id") ?? chatId : chatId,
            from is { } g ? String(g, "display_name") ?? String(g, "first_name") ?? String(g, "name") : null,
            text ?? String(message, "caption"),
            photo);
    }

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>Strings, or numbers written as ids; anything else (or a string no text can hold: a lone surrogate) is absent.</summary>
    private static string? String(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
        return v.ValueKind == JsonValueKind.String && JsonStrings.TryGet(v, out var text) ? text : null;
    }
}
