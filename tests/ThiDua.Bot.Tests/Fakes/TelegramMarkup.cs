using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>What api.telegram.org checks in what a bot sends: HTML parse_mode, inline keyboards, bot commands, webhook secrets.</summary>
internal static partial class TelegramMarkup
{
    /// <summary>The tags Telegram's HTML parse_mode accepts, and the entity each one becomes.</summary>
    private static readonly Dictionary<string, string> Tags = new[]
    {
        ("b", "bold"), ("strong", "bold"), ("i", "italic"), ("em", "italic"),
        ("u", "underline"), ("ins", "underline"), ("s", "strikethrough"), ("strike", "strikethrough"), ("del", "strikethrough"),
        ("tg-spoiler", "spoiler"), ("span", "spoiler"), ("a", "text_link"), ("code", "code"), ("pre", "pre"),
        ("blockquote", "blockquote"), ("tg-emoji", "custom_emoji"),
    }.ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal);

    private static readonly string[] ButtonActions =
        ["url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
         "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay"];

    /// <summary>
    /// Parses Telegram's HTML subset the way the Bot API does. Returns null with the visible text and its entities,
    /// or the error that follows "Bad Request: can't parse entities: ". Unlike tdlib, a bare '&amp;' is rejected too.
    /// </summary>
    public static string? ParseHtml(string html, out string plain, out JsonArray entities)
    {
        (plain, entities) = ("", []);
        var text = new StringBuilder(html.Length);
        var found = new List<JsonObject>();
        var open = new Stack<(string Tag, int Start, Dictionary<string, string> Attributes)>();
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '&')
            {
                if (!TryDecodeEntity(html, ref i, text))
                    return $"Character '&' at byte offset {ByteOffset(html, i)} must be escaped as &amp;";
                continue;
            }
            if (html[i] != '<')
            {
                text.Append(html[i++]);
                continue;
            }
            var tagStart = i++;
            if (i < html.Length && html[i] == '/')
            {
                var close = html.IndexOf('>', i);
                if (close < 0)
                    return $"Unclosed end tag at byte offset {ByteOffset(html, tagStart)}";
                var name = html[(i + 1)..close].Trim().ToLowerInvariant();
                i = close + 1;
                if (open.Count == 0)
                    return $"Unexpected end tag at byte offset {ByteOffset(html, tagStart)}";
                var (tag, start, attributes) = open.Pop();
                if (name != tag)
                    return $"Unmatched end tag at byte offset {ByteOffset(html, tagStart)}, expected \"</{tag}>\", found \"</{name}>\"";
                if (Entity(tag, start, text.Length - start, attributes) is { } entity)
                    found.Add(entity);
                continue;
            }
            var nameStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
                i++;
            var tagName = html[nameStart..i].ToLowerInvariant();
            if (!Tags.ContainsKey(tagName))
                return $"Unsupported start tag \"{tagName}\" at byte offset {ByteOffset(html, tagStart)}";
            if (ReadAttributes(html, ref i, tagStart, out var attrs) is { } attributeError)
                return attributeError;
            if (tagName == "span" && attrs.GetValueOrDefault("class") != "tg-spoiler")
                return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, tagStart)}";
            open.Push((tagName, text.Length, attrs));
        }
        if (open.Count > 0)
            return $"Can't find end tag corresponding to start tag \"{open.Peek().Tag}\"";
        plain = text.ToString();
        entities = [.. found.OrderBy(e => (int)e["offset"]!).ThenByDescending(e => (int)e["length"]!)];
        return null;
    }

    /// <summary>Checks an inline keyboard as Telegram does; other markup kinds pass. Returns the full error description or null.</summary>
    public static string? ValidateReplyMarkup(JsonNode? markup)
    {
        if (markup is null)
            return null;
        if (markup is not JsonObject obj)
            return "Bad Request: object expected as reply markup";
        if (obj["inline_keyboard"] is not { } keyboard)
            return null;
        if (keyboard is not JsonArray rows)
            return "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array";
        foreach (var row in rows)
        {
            if (row is not JsonArray buttons)
                return "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays";
            foreach (var node in buttons)
            {
                if (node is not JsonObject button)
                    return "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must be an Object";
                if (button["text"] is not JsonValue text || !text.TryGetValue(out string? _))
                    return "Bad Request: can't parse inline keyboard button: Field \"text\" must be of type String";
                if (button["callback_data"] is { } data)
                {
                    if (data is not JsonValue v || !v.TryGetValue(out string? s) || Encoding.UTF8.GetByteCount(s) is 0 or > 64)
                        return "Bad Request: BUTTON_DATA_INVALID";
                }
                else if (!ButtonActions.Any(button.ContainsKey))
                {
                    return "Bad Request: text buttons are unallowed in the inline keyboard";
                }
            }
        }
        return null;
    }

    public static string? ValidateCommands(JsonArray commands)
    {
        if (commands.Count > 100)
            return "Bad Request: too many commands";
        foreach (var node in commands)
        {
            var item = node as JsonObject;
            var command = item?["command"] is JsonValue c && c.TryGetValue(out string? cs) ? cs : null;
            if (command is null || !CommandName().IsMatch(command))
                return "Bad Request: BOT_COMMAND_INVALID";
            var description = item?["description"] is JsonValue d && d.TryGetValue(out string? ds) ? ds : null;
            if (description is null || description.Trim().Length == 0 || description.Length > 256)
                return "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID";
        }
        return null;
    }

    public static bool IsValidSecretToken(string secret) => SecretToken().IsMatch(secret);

    /// <summary>The bot_command and mention entities Telegram attaches to an incoming text (offsets in UTF-16 units).</summary>
    public static JsonArray CommandAndMentionEntities(string text)
    {
        var matches = BotCommand().Matches(text).Select(m => (m, "bot_command"))
            .Concat(Mention().Matches(text).Select(m => (m, "mention")))
            .OrderBy(x => x.m.Index);
        return [.. matches.Select(x => new JsonObject { ["type"] = x.Item2, ["offset"] = x.m.Index, ["length"] = x.m.Length })];
    }

    private static string? ReadAttributes(string html, ref int i, int tagStart, out Dictionary<string, string> attributes)
    {
        attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var unclosed = $"Unclosed start tag at byte offset {ByteOffset(html, tagStart)}";
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
                i++;
            if (i >= html.Length)
                return unclosed;
            if (html[i] == '>')
            {
                i++;
                return null;
            }
            var nameStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_'))
                i++;
            if (i == nameStart)
                return $"Empty attribute name in the tag at byte offset {ByteOffset(html, i)}";
            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
                i++;
            if (i >= html.Length)
                return unclosed;
            if (html[i] != '=')
            {
                attributes[name] = "";
                continue;
            }
            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
                i++;
            if (i >= html.Length)
                return unclosed;
            if (html[i] is '"' or '\'')
            {
                var end = html.IndexOf(html[i], i + 1);
                if (end < 0)
                    return unclosed;
                var raw = html[(i + 1)..end];
                var value = new StringBuilder(raw.Length);
                for (var j = 0; j < raw.Length;)
                {
                    if (raw[j] != '&' || !TryDecodeEntity(raw, ref j, value))
                        value.Append(raw[j++]);
                }
                attributes[name] = value.ToString();
                i = end + 1;
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    i++;
                attributes[name] = html[valueStart..i];
            }
        }
    }

    /// <summary>&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references, the only ones Telegram knows.</summary>
    private static bool TryDecodeEntity(string s, ref int i, StringBuilder into)
    {
        var semicolon = s.IndexOf(';', i + 1);
        if (semicolon < 0 || semicolon - i > 10)
            return false;
        var name = s.AsSpan(i + 1, semicolon - i - 1);
        var decoded = name switch { "lt" => "<", "gt" => ">", "amp" => "&", "quot" => "\"", _ => null };
        if (decoded is null && name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            if (int.TryParse(name[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                decoded = char.ConvertFromUtf32(code);
        }
        if (decoded is null)
            return false;
        into.Append(decoded);
        i = semicolon + 1;
        return true;
    }

    private static JsonObject? Entity(string tag, int offset, int length, Dictionary<string, string> attributes)
    {
        if (length == 0)
            return null;                                   // Telegram drops empty entities
        var entity = new JsonObject { ["type"] = Tags[tag], ["offset"] = offset, ["length"] = length };
        switch (tag)
        {
            case "a" when attributes.TryGetValue("href", out var href) && href.Length > 0:
                entity["url"] = href;
                break;
            case "a":
                return null;
            case "blockquote" when attributes.ContainsKey("expandable"):
                entity["type"] = "expandable_blockquote";
                break;
            case "tg-emoji":
                entity["custom_emoji_id"] = attributes.GetValueOrDefault("emoji-id", "");
                break;
        }
        return entity;
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    [GeneratedRegex(@"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")]
    private static partial Regex BotCommand();

    [GeneratedRegex(@"(?<![\w/@])@[A-Za-z0-9_]{5,32}")]
    private static partial Regex Mention();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
