using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels.Scripted;

/// <summary>
/// The scripted channel's line format (the project's public test interface; see README):
/// in  {"chat":"c1","text":"..."} | {"chat":"c1","button":"data"} | {"chat":"c1","file":"PATH","caption":"..."}  (optional "user", "name")
/// out {"chat":"c1","replies":[{"text":"...","buttons":[[{"text":"...","data":"..."}]]}],"pushed":[...]}
/// bad {"error":"..."}
/// </summary>
public static class ScriptProtocol
{
    public const string Channel = "script";

    public static JsonSerializerOptions OutputOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>A {"clock":"ISO"} line: time passes to that instant.</summary>
    private static readonly string[] MessageFields = ["chat", "text", "button", "file"];

    public static bool TryParseClock(string line, out DateTimeOffset instant, out string? text, out string? error)
    {
        instant = default; text = null; error = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("clock", out var clock)) return false;
            if (clock.ValueKind != JsonValueKind.String) { error = "\"clock\" phải là chuỗi thời điểm ISO-8601 có múi giờ"; return true; }
            // A clock line moves time and nothing else: a message on it would be silently dropped.
            if (MessageFields.FirstOrDefault(p => doc.RootElement.TryGetProperty(p, out _)) is { } extra)
            {
                error = $"dòng \"clock\" không kèm \"{extra}\": gửi tin nhắn ở một dòng riêng";
                return true;
            }
            if (!JsonStrings.TryGet(clock, out text)) { error = "\"clock\" có ký tự không hợp lệ"; return true; }
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out instant)
                || !System.Text.RegularExpressions.Regex.IsMatch(text ?? "", @"(Z|[+-]\d{2}:\d{2})$"))
                error = $"\"clock\" không phải thời điểm ISO-8601 có múi giờ: {text}";
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string FormatClock(string clock, IReadOnlyList<PushedMessage> pushed) =>
        JsonSerializer.Serialize(new ScriptClock(clock, [.. pushed.Select(ToOutput)]), OutputOptions);

    /// <summary>Reads one input line; returns the message or a reason it is malformed.</summary>
    public static (IncomingMessage? Message, string? Error) ParseLine(string line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException ex) { return (null, $"dòng không phải JSON hợp lệ: {ex.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "mỗi dòng phải là một đối tượng JSON {...}");
            if (!TryString(root, "chat", out var chat, out var error)) return (null, error);
            if (chat is null || chat.Length == 0) return (null, "thiếu \"chat\" (chuỗi khác rỗng)");
            if (!TryString(root, "user", out var user, out error)) return (null, error);
            if (ChatIds.Problem(chat) is { } badChat) return (null, $"\"chat\" {badChat}");
            if (user is not null && ChatIds.Problem(user) is { } badUser) return (null, $"\"user\" {badUser}");
            if (!TryString(root, "name", out var name, out error)) return (null, error);
            if (!TryString(root, "text", out var text, out error)) return (null, error);
            if (!TryString(root, "button", out var button, out error)) return (null, error);
            if (!TryString(root, "file", out var file, out error)) return (null, error);
            if (!TryString(root, "caption", out var caption, out error)) return (null, error);
            if (new[] { text, button, file }.Count(x => x is not null) > 1) return (null, "một dòng chỉ có một trong \"text\", \"button\", \"file\"");
            if (text is null && button is null && file is null) return (null, "thiếu \"text\", \"button\" hoặc \"file\"");
            IncomingFile? upload = null;
            if (file is not null)
            {
                upload = LocalFiles.Open(file, out var problem);
                if (upload is null) return (null, problem);
                text = caption;
            }
            return (new IncomingMessage
            {
                Channel = Channel,
                ChatId = chat,
                UserId = string.IsNullOrEmpty(user) ? chat : user,
                UserName = name,
                Text = text,
                ButtonData = button,
                File = upload,
            }, null);
        }
    }

    private static bool TryString(JsonElement root, string property, out string? value, out string? error)
    {
        value = null; error = null;
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"\"{property}\" phải là chuỗi";
            return false;
        }
        if (!JsonStrings.TryGet(element, out value))
        {
            error = $"\"{property}\" có ký tự không hợp lệ (nửa cặp UTF-16 đứng một mình, như \\ud800)";
            return false;
        }
        return true;
    }

    public static string FormatResult(string chat, ConversationResult result, IReadOnlyList<PushedMessage>? alsoPushed = null)
    {
        var pushed = result.Pushed.Concat(alsoPushed ?? []).ToList();
        return JsonSerializer.Serialize(new ScriptOutput(chat, [.. result.Replies.Select(ToOutput)], pushed.Count == 0 ? null : [.. pushed.Select(ToOutput)]), OutputOptions);
    }

    public static string FormatError(string error) => JsonSerializer.Serialize(new ScriptError(error), OutputOptions);

    private static ScriptReply ToOutput(Reply r) =>
        new(r.Text, r.Buttons.Count == 0 ? null : [.. r.Buttons.Select(row => row.Select(b => new ScriptButton(b.Text, b.Data)).ToList())], r.File?.Path);

    private static ScriptPushed ToOutput(PushedMessage p) =>
        new(p.ChatId, p.Reply.Text, p.Reply.Buttons.Count == 0 ? null : [.. p.Reply.Buttons.Select(row => row.Select(b => new ScriptButton(b.Text, b.Data)).ToList())], p.Reply.File?.Path);

    private sealed record ScriptOutput(string Chat, List<ScriptReply> Replies, List<ScriptPushed>? Pushed);
    private sealed record ScriptReply(string Text, List<List<ScriptButton>>? Buttons, string? File);
    private sealed record ScriptPushed(string Chat, string Text, List<List<ScriptButton>>? Buttons, string? File);
    private sealed record ScriptButton(string Text, string Data);
    private sealed record ScriptError(string Error);
    private sealed record ScriptClock(string Clock, List<ScriptPushed> Pushed);
}
