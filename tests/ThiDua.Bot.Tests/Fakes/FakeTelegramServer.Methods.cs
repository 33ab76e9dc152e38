using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>The HTTP side: one handler per Bot API method, answering like api.telegram.org does.</summary>
public sealed partial class FakeTelegramServer
{
    private static readonly Dictionary<string, string> KnownMethods = new[]
    {
        "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "sendDocument",
        "answerCallbackQuery", "sendChatAction", "setMyCommands", "getMyCommands", "deleteMyCommands",
        "setWebhook", "deleteWebhook", "getWebhookInfo", "getFile",
    }.ToDictionary(m => m, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ChatActions = new(StringComparer.Ordinal)
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    };

    private const string NotModified = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

    private async Task HandleMethodAsync(HttpContext ctx)
    {
        if (!string.Equals(ctx.Request.RouteValues["token"] as string, Token, StringComparison.Ordinal))
        {
            await WriteReplyAsync(ctx, Reply.Error(401, "Unauthorized"));
            return;
        }
        var requested = ctx.Request.RouteValues["method"] as string ?? "";
        var method = KnownMethods.GetValueOrDefault(requested, requested);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
        var ct = cts.Token;

        JsonObject parameters;
        List<Upload> uploads;
        Reply? badRequest = null;
        try
        {
            (parameters, uploads) = await ReadParametersAsync(ctx.Request, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or BadHttpRequestException or IOException)
        {
            (parameters, uploads, badRequest) = ([], [], Reply.Error(400, "Bad Request: can't parse request parameters"));
        }

        int index;
        TimeSpan? delay = null;
        lock (_gate)
        {
            index = _calls.Count;
            var upload = uploads.FirstOrDefault();
            _calls.Add(new ApiCall(method, parameters, DateTimeOffset.UtcNow, upload?.FileName, upload?.Content, null));
            if (method == "getUpdates")
                _getUpdatesOffsets.Add(Long(parameters, "offset"));
            if (_delays.TryGetValue(method, out var delays)
                && delays.FindIndex(x => x.ChatId is null || x.ChatId == Long(parameters, "chat_id")) is var at and >= 0)
            {
                delay = delays[at].Length;
                delays.RemoveAt(at);
            }
            SignalLocked();
        }

        Reply? reply = null;
        var drop = DropKind.None;
        try
        {
            if (delay is { } d)
                await Task.Delay(d, ct);
            var fault = TakeFault(method);
            drop = fault?.Drop ?? DropKind.None;
            if (fault is { Drop: DropKind.None })
                reply = Reply.Error(fault.StatusCode, fault.Description, fault.RetryAfter);
            else if (drop != DropKind.BeforeHandling)
                reply = badRequest ?? (KnownMethods.ContainsKey(method)
                    ? await DispatchAsync(method, parameters, uploads, ct)
                    : Reply.Error(404, "Not Found"));
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)                                   // a bug in the fake reaches the test as a failed call
        {
            reply = Reply.Error(500, $"Internal Server Error: the fake failed on {method}: {e.GetType().Name}: {e.Message}");
        }
        var answer = ct.IsCancellationRequested || drop != DropKind.None ? null : reply;
        lock (_gate)
        {
            _calls[index] = _calls[index] with
            {
                FailedWith = drop == DropKind.BeforeHandling ? "no answer: connection dropped (DropConnectionNext)"
                    : drop == DropKind.AfterHandling ? "no answer: connection dropped after handling (DropConnectionNext)"
                    : answer is null ? "no answer: client went away or server stopped"
                    : answer.Description,
            };
            SignalLocked();
        }
        if (answer is null)
            ctx.Abort();                                  // like a server going away: the client sees a broken connection
        else
            await WriteReplyAsync(ctx, answer);
    }

    private async Task HandleFileAsync(HttpContext ctx)
    {
        if (!string.Equals(ctx.Request.RouteValues["token"] as string, Token, StringComparison.Ordinal))
        {
            await WriteReplyAsync(ctx, Reply.Error(401, "Unauthorized"));
            return;
        }
        StoredFile? file;
        lock (_gate)
            file = _filesByPath.GetValueOrDefault(ctx.Request.RouteValues["filePath"] as string ?? "");
        if (file is null)
        {
            await WriteReplyAsync(ctx, Reply.Error(404, "Not Found"));
            return;
        }
        Task? held;
        lock (_gate)
            held = _fileHold?.Task;
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = file.Content.Length;
        try
        {
            if (held is not null) await held.WaitAsync(ctx.RequestAborted);
            await ctx.Response.Body.WriteAsync(file.Content, ctx.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && ctx.RequestAborted.IsCancellationRequested)
        {
            // The bot stopped reading (a file past its limit): nothing more to serve.
        }
    }

    private Fault? TakeFault(string method)
    {
        lock (_gate)
            return _faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var f) ? f : null;
    }

    private async Task<Reply> DispatchAsync(string method, JsonObject p, List<Upload> uploads, CancellationToken ct) => method switch
    {
        "getMe" => Reply.Ok(GetMe()),
        "getUpdates" => await GetUpdatesAsync(p, ct),
        "sendMessage" => SendMessage(p),
        "editMessageText" => EditMessage(p, method),
        "editMessageReplyMarkup" => EditMessage(p, method),
        "deleteMessage" => DeleteMessage(p),
        "sendDocument" => SendDocument(p, uploads),
        "answerCallbackQuery" => AnswerCallbackQuery(p),
        "sendChatAction" => SendChatAction(p),
        "setMyCommands" or "getMyCommands" or "deleteMyCommands" => MyCommands(method, p),
        "setWebhook" or "deleteWebhook" or "getWebhookInfo" => Webhook(method, p),
        "getFile" => GetFile(p),
        _ => Reply.Error(404, "Not Found"),
    };

    private JsonObject GetMe()
    {
        var me = BotUserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private async Task<Reply> GetUpdatesAsync(JsonObject p, CancellationToken ct)
    {
        var offset = Long(p, "offset") ?? 0;
        var limit = (int)Math.Clamp(Long(p, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(Long(p, "timeout") ?? 0, 0, 2));   // capped so tests stay fast
        long generation;
        lock (_gate)
        {
            if (_webhookUrl is not null)
                return Reply.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            if (offset > 0)
            {
                _queue.RemoveAll(u => u.UpdateId != 0 && u.UpdateId < offset);
                _confirmedBelow = Math.Max(_confirmedBelow, offset);
            }
            else if (offset < 0 && _queue.Count > -offset)
            {
                _queue.RemoveRange(0, _queue.Count - (int)Math.Min(-offset, int.MaxValue));
            }
            generation = ++_pollGeneration;
            SignalLocked();
        }
        var started = Stopwatch.GetTimestamp();
        var waiting = false;
        try
        {
            while (true)
            {
                Task signal;
                lock (_gate)
                {
                    if (generation != _pollGeneration)
                        return Reply.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                    if (_queue.Count > 0)
                    {
                        var batch = _queue.Take(limit).ToList();
                        _queue.RemoveAll(u => u.UpdateId == 0 && batch.Contains(u));     // id-less raw updates go out once
                        SignalLocked();
                        return Reply.OkRaw("[" + string.Join(",", batch.Select(u => u.Json)) + "]");
                    }
                    if (!waiting && timeout > TimeSpan.Zero)
                    {
                        // Said once, so a test can enqueue knowing the update wakes a poll that is already waiting.
                        waiting = true;
                        _waitingPolls++;
                        SignalLocked();
                    }
                    signal = _changed.Task;
                }
                var remaining = timeout - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                    return Reply.OkRaw("[]");
                await signal.WaitAsync(remaining, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                ct.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            if (waiting)
                lock (_gate)
                    _waitingPolls--;
        }
    }

    private Reply SendMessage(JsonObject p)
    {
        if (TargetChat(p, out var chatId) is { } chatError)
            return chatError;
        var text = Str(p, "text");
        if (CheckText(text, p, out var plain, out var entities) is { } textError)
            return textError;
        if (Markup(p, out var markup) is { } markupError)
            return markupError;
        lock (_gate)
        {
            var stored = new StoredMessage(plain, entities, markup?.ToJsonString(), null, UnixNow());
            var id = _nextMessageId++;
            _botMessages[(chatId, id)] = stored;
            _messages.Add(new SentMessage("sendMessage", chatId, id, text, Str(p, "parse_mode"), markup, null, null, DateTimeOffset.UtcNow));
            SignalLocked();
            return Reply.Ok(BotMessageJsonLocked(chatId, id, stored));
        }
    }

    /// <summary>A message text as Telegram checks it: present, parseable in its parse mode, not blank, at most 4,096 characters.</summary>
    private static Reply? CheckText(string? text, JsonObject p, out string plain, out JsonArray? entities)
    {
        plain = "";
        entities = null;
        if (string.IsNullOrEmpty(text))
            return Reply.Error(400, "Bad Request: message text is empty");
        if (Format(text, p, out plain, out entities) is { } formatError)
            return formatError;
        if (plain.Trim().Length == 0)
            return Reply.Error(400, "Bad Request: message text is empty");
        return plain.Length > 4096 ? Reply.Error(400, "Bad Request: message is too long") : null;
    }

    /// <summary>editMessageText, or editMessageReplyMarkup (which leaves the text alone and is not added to Messages).</summary>
    private Reply EditMessage(JsonObject p, string method)
    {
        if (Str(p, "inline_message_id") is not null)
            return Reply.Error(400, "Bad Request: MESSAGE_ID_INVALID");
        if (TargetChat(p, out var chatId) is { } chatError)
            return chatError;
        var messageId = (int)(Long(p, "message_id") ?? 0);
        var text = Str(p, "text");
        string? plain = null;
        JsonArray? entities = null;
        if (method == "editMessageText" && CheckText(text, p, out plain, out entities) is { } textError)
            return textError;
        if (Markup(p, out var markup) is { } markupError)
            return markupError;
        lock (_gate)
        {
            if (!_botMessages.TryGetValue((chatId, messageId), out var old))
                return Reply.Error(400, "Bad Request: message to edit not found");
            if (plain is not null && old.Document is not null)
                return Reply.Error(400, "Bad Request: there is no text in the message to edit");
            var edited = old with { MarkupJson = markup?.ToJsonString() };
            if (plain is not null)
                edited = edited with { Text = plain, Entities = entities };
            if (edited.Text == old.Text && edited.MarkupJson == old.MarkupJson && JsonNode.DeepEquals(edited.Entities, old.Entities))
                return Reply.Error(400, NotModified);
            _botMessages[(chatId, messageId)] = edited;
            if (plain is not null)
                _messages.Add(new SentMessage(method, chatId, messageId, text, Str(p, "parse_mode"), markup, null, null, DateTimeOffset.UtcNow));
            SignalLocked();
            var result = BotMessageJsonLocked(chatId, messageId, edited);
            result["edit_date"] = UnixNow();
            return Reply.Ok(result);
        }
    }

    private Reply DeleteMessage(JsonObject p)
    {
        if (TargetChat(p, out var chatId, checkBlocked: false) is { } chatError)
            return chatError;
        lock (_gate)
            return _botMessages.Remove((chatId, (int)(Long(p, "message_id") ?? 0)))
                ? Reply.Ok(true)
                : Reply.Error(400, "Bad Request: message to delete not found");
    }

    private Reply SendDocument(JsonObject p, List<Upload> uploads)
    {
        if (TargetChat(p, out var chatId) is { } chatError)
            return chatError;
        var field = Str(p, "document");
        var upload = uploads.FirstOrDefault(u => u.Name == "document")
            ?? (field is not null && field.StartsWith("attach://", StringComparison.Ordinal) ? uploads.FirstOrDefault(u => u.Name == field[9..]) : null);
        StoredFile? reused = null;
        if (upload is null)
        {
            if (string.IsNullOrEmpty(field))
                return Reply.Error(400, "Bad Request: there is no document in the request");
            lock (_gate)
                reused = _filesById.GetValueOrDefault(field);
            if (reused is null)
                return Reply.Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        }
        else if (upload.Content.Length == 0)
        {
            return Reply.Error(400, "Bad Request: file must be non-empty");
        }
        var caption = Str(p, "caption");
        string? plain = null;
        JsonArray? entities = null;
        if (!string.IsNullOrEmpty(caption))
        {
            if (Format(caption, p, out plain, out entities) is { } formatError)
                return formatError;
            if (plain.Length > 1024)
                return Reply.Error(400, "Bad Request: message caption is too long");
        }
        if (Markup(p, out var markup) is { } markupError)
            return markupError;
        lock (_gate)
        {
            var file = reused ?? AddFileLocked("documents", upload!.FileName, upload.Content,
                MimeTypes.TryGetContentType(upload.FileName, out var mime) ? mime : "application/octet-stream", "BQAC");
            var stored = new StoredMessage(plain, entities, markup?.ToJsonString(), file, UnixNow());
            var id = _nextMessageId++;
            _botMessages[(chatId, id)] = stored;
            _messages.Add(new SentMessage("sendDocument", chatId, id, caption, Str(p, "parse_mode"), markup, file.FileName, file.Content, DateTimeOffset.UtcNow));
            SignalLocked();
            return Reply.Ok(BotMessageJsonLocked(chatId, id, stored));
        }
    }

    private Reply AnswerCallbackQuery(JsonObject p)
    {
        lock (_gate)
            return _openCallbacks.Remove(Str(p, "callback_query_id") ?? "")
                ? Reply.Ok(true)
                : Reply.Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    private Reply SendChatAction(JsonObject p) =>
        TargetChat(p, out _) is { } chatError ? chatError
        : ChatActions.Contains(Str(p, "action") ?? "") ? Reply.Ok(true)
        : Reply.Error(400, "Bad Request: wrong parameter action in request");

    private Reply MyCommands(string method, JsonObject p)
    {
        JsonNode? commands, scope;
        try
        {
            (commands, scope) = (Json(p, "commands"), Json(p, "scope"));
        }
        catch (JsonException)
        {
            return Reply.Error(400, "Bad Request: can't parse commands JSON object");
        }
        var key = ((scope as JsonObject)?["type"]?.ToString() ?? "default") + "/" + (Str(p, "language_code") ?? "");
        lock (_gate)
        {
            switch (method)
            {
                case "getMyCommands":
                    return Reply.Ok(_commands.TryGetValue(key, out var current) ? current.DeepClone() : new JsonArray());
                case "deleteMyCommands":
                    _commands.Remove(key);
                    return Reply.Ok(true);
            }
            if (commands is not JsonArray list)
                return Reply.Error(400, "Bad Request: parameter \"commands\" is required");
            if (TelegramMarkup.ValidateCommands(list) is { } error)
                return Reply.Error(400, error);
            _commands[key] = list.DeepClone().AsArray();
            return Reply.Ok(true);
        }
    }

    private Reply Webhook(string method, JsonObject p)
    {
        lock (_gate)
        {
            switch (method)
            {
                case "getWebhookInfo":
                    return Reply.Ok(new JsonObject
                    {
                        ["url"] = _webhookUrl ?? "",
                        ["has_custom_certificate"] = false,
                        ["pending_update_count"] = _queue.Count,
                    });
                case "setWebhook" when !string.IsNullOrEmpty(Str(p, "url")):
                    var url = Str(p, "url")!;
                    if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                        return Reply.Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
                    var secret = Str(p, "secret_token");
                    if (secret is not null && !TelegramMarkup.IsValidSecretToken(secret))
                        return Reply.Error(400, "Bad Request: secret token contains unallowed characters");
                    (_webhookUrl, _webhookSecret) = (url, secret);
                    break;
                default:                                  // deleteWebhook, or setWebhook with an empty url
                    (_webhookUrl, _webhookSecret) = (null, null);
                    break;
            }
            if (Bool(p, "drop_pending_updates"))
                _queue.Clear();
            SignalLocked();
            return Reply.Ok(true);
        }
    }

    private Reply GetFile(JsonObject p)
    {
        StoredFile? file;
        lock (_gate)
            file = _filesById.GetValueOrDefault(Str(p, "file_id") ?? "");
        if (file is null)
            return Reply.Error(400, "Bad Request: invalid file_id");
        if (file.Size > 20 * 1024 * 1024)
            return Reply.Error(400, "Bad Request: file is too big");
        return Reply.Ok(new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.UniqueId,
            ["file_size"] = file.Size,
            ["file_path"] = file.Path,
        });
    }

    // ---- Helpers ----

    /// <summary>The numeric chat_id, or the error Telegram would answer (403 for a chat blocked through BlockChat).</summary>
    private Reply? TargetChat(JsonObject p, out long chatId, bool checkBlocked = true)
    {
        chatId = Long(p, "chat_id") ?? 0;
        if (Str(p, "chat_id") is null or "")
            return Reply.Error(400, "Bad Request: chat_id is empty");
        if (chatId == 0)
            return Reply.Error(400, "Bad Request: chat not found");
        lock (_gate)
            return checkBlocked && _blockedChats.Contains(chatId) ? Reply.Error(403, "Forbidden: bot was blocked by the user") : null;
    }

    private static Reply? Format(string text, JsonObject p, out string plain, out JsonArray? entities)
    {
        (plain, entities) = (text, null);
        switch (Str(p, "parse_mode")?.ToUpperInvariant())       // Telegram takes any case; Telegram.Bot sends "Html"
        {
            case null or "" or "MARKDOWN" or "MARKDOWNV2":           // not validated: the bot speaks HTML
                return null;
            case "HTML":
                return TelegramMarkup.ParseHtml(text, out plain, out entities) is { } error
                    ? Reply.Error(400, "Bad Request: can't parse entities: " + error)
                    : null;
            default:
                return Reply.Error(400, "Bad Request: unsupported parse_mode");
        }
    }

    private static Reply? Markup(JsonObject p, out JsonNode? markup)
    {
        try
        {
            markup = Json(p, "reply_markup");
        }
        catch (JsonException)
        {
            markup = null;
            return Reply.Error(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }
        return TelegramMarkup.ValidateReplyMarkup(markup) is { } error ? Reply.Error(400, error) : null;
    }

    private JsonObject BotMessageJsonLocked(long chatId, int messageId, StoredMessage stored)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = BotUserJson(),
            ["chat"] = ChatJsonLocked(chatId),
            ["date"] = stored.Date,
        };
        var prefix = "";
        if (stored.Document is { } file)
        {
            message["document"] = new JsonObject
            {
                ["file_name"] = file.FileName,
                ["mime_type"] = file.MimeType,
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = file.Content.Length,
            };
            prefix = "caption_";
        }
        if (stored.Text is not null)
            message[prefix == "" ? "text" : "caption"] = stored.Text;
        if (stored.Entities is { Count: > 0 })
            message[prefix + "entities"] = stored.Entities.DeepClone();
        if (stored.MarkupJson is not null && JsonNode.Parse(stored.MarkupJson) is JsonObject { } m && m.ContainsKey("inline_keyboard"))
            message["reply_markup"] = m;
        return message;
    }

    private static async Task<(JsonObject, List<Upload>)> ReadParametersAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = new JsonObject();
        var uploads = new List<Upload>();
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
                parameters[key] = value.ToString();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                uploads.Add(new Upload(file.Name, file.FileName, buffer.ToArray()));
            }
            foreach (var upload in uploads)                  // a part sent under the field's own name ("document")
            {
                if (!parameters.Any(kv => kv.Value is JsonValue v && v.TryGetValue(out string? s) && s == "attach://" + upload.Name))
                    parameters[upload.Name] ??= "attach://" + upload.Name;
            }
            return (parameters, uploads);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length > 0)
        {
            if (JsonNode.Parse(body.ToArray()) is not JsonObject json)
                throw new JsonException("The body is not a JSON object.");
            foreach (var (key, value) in json)
                parameters[key] = value?.DeepClone();
        }
        return (parameters, uploads);
    }

    private static string? Str(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        var node => node.ToJsonString(),
    };

    private static long? Long(JsonObject p, string name) => p[name] switch
    {
        JsonValue v when v.TryGetValue(out long n) => n,
        JsonValue v when v.TryGetValue(out string? s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool Bool(JsonObject p, string name) => p[name] switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out string? s) => s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1",
        _ => false,
    };

    /// <summary>A JSON-valued parameter: as sent in a JSON body, or parsed from a form field. Throws JsonException on bad JSON.</summary>
    private static JsonNode? Json(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s.Length == 0 ? null : JsonNode.Parse(s),
        var node => node.DeepClone(),
    };

    private static async Task WriteReplyAsync(HttpContext ctx, Reply reply)
    {
        string body;
        if (reply.Description is null)
        {
            body = "{\"ok\":true,\"result\":" + (reply.RawResult ?? reply.Result?.ToJsonString() ?? "true") + "}";
        }
        else
        {
            var error = new JsonObject { ["ok"] = false, ["error_code"] = reply.Status, ["description"] = reply.Description };
            if (reply.RetryAfter is { } retryAfter)
                error["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            body = error.ToJsonString();
        }
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body, Encoding.UTF8);
    }

    private sealed record Upload(string Name, string FileName, byte[] Content);

    private sealed record Reply(int Status, JsonNode? Result, string? RawResult, string? Description, int? RetryAfter)
    {
        public static Reply Ok(JsonNode result) => new(200, result, null, null, null);
        public static Reply OkRaw(string resultJson) => new(200, null, resultJson, null, null);
        public static Reply Error(int status, string description, int? retryAfter = null) => new(status, null, null, description, retryAfter);
    }
}
