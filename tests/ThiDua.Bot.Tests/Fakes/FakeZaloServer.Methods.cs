using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>
/// The HTTP side: one handler per Zalo Bot API method. Where the Zalo docs give no wording for an error,
/// the description here is the fake's own; tests should check error_code rather than those descriptions.
/// </summary>
public sealed partial class FakeZaloServer
{
    private static readonly Dictionary<string, string> KnownMethods = new[]
    {
        "getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo", "sendMessage", "sendPhoto", "sendChatAction",
    }.ToDictionary(m => m, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ChatActions = new(StringComparer.Ordinal) { "typing", "upload_photo" };

    private const int MaxTextLength = 2000;
    private const long MaxPollSeconds = 2;                  // real long polls last up to "timeout" seconds; capped so tests stay fast
    private static readonly TimeSpan PhotoFetchTimeout = TimeSpan.FromSeconds(5);

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

        JsonObject body;
        Reply? badRequest = null;
        try
        {
            body = await ReadBodyAsync(ctx.Request, ct);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or IOException)
        {
            (body, badRequest) = ([], Reply.Error(400, "body must be a JSON object"));
        }

        int index;
        TimeSpan? delay = null;
        lock (_gate)
        {
            index = _calls.Count;
            _calls.Add(new ZaloCall(method, body, DateTimeOffset.UtcNow, null));
            if (_delays.TryGetValue(method, out var delays) && delays.Count > 0)
                delay = delays.Dequeue();
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
                reply = Reply.Error(fault.ErrorCode, fault.Description, fault.HttpStatus);
            else if (drop != DropKind.BeforeHandling)
                reply = badRequest ?? (KnownMethods.ContainsKey(method) ? await DispatchAsync(method, body, ct) : Reply.Error(404, "Not Found"));
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
            if (answer is null && drop == DropKind.None && reply?.Event is { } undelivered)   // a poll cut short keeps its event
                _events.AddFirst(undelivered);
            SignalLocked();
        }
        if (answer is null)
            ctx.Abort();                                  // the client sees a broken connection, no HTTP answer
        else
            await WriteReplyAsync(ctx, answer);
    }

    private async Task HandleMediaAsync(HttpContext ctx)
    {
        var name = ctx.Request.RouteValues["name"] as string ?? "";
        HostedFile? file;
        lock (_gate)
        {
            file = _media.GetValueOrDefault(name);
            if (file is not null && HttpMethods.IsGet(ctx.Request.Method))
            {
                _mediaDownloads[name] = _mediaDownloads.GetValueOrDefault(name) + 1;
                SignalLocked();
            }
        }
        if (file is null)
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        ctx.Response.ContentType = file.ContentType;
        ctx.Response.ContentLength = file.Content.Length;
        if (HttpMethods.IsGet(ctx.Request.Method))
            await ctx.Response.Body.WriteAsync(file.Content, ctx.RequestAborted);
    }

    private Fault? TakeFault(string method)
    {
        lock (_gate)
            return _faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var f) ? f : null;
    }

    private async Task<Reply> DispatchAsync(string method, JsonObject p, CancellationToken ct) => method switch
    {
        "getMe" => Reply.Ok(new JsonObject
        {
            ["id"] = BotId,
            ["account_name"] = AccountName,
            ["account_type"] = "BASIC",
            ["can_join_groups"] = false,
        }),
        "getUpdates" => await GetUpdatesAsync(p, ct),
        "setWebhook" => SetWebhook(p),
        "deleteWebhook" => DeleteWebhook(),
        "getWebhookInfo" => GetWebhookInfo(),
        "sendMessage" => SendMessage(p),
        "sendPhoto" => await SendPhotoAsync(p, ct),
        "sendChatAction" => SendChatAction(p),
        _ => Reply.Error(404, "Not Found"),
    };

    /// <summary>One event per answer, the oldest queued; 408 (with HTTP 200) when none came within min(timeout, 2 s).</summary>
    private async Task<Reply> GetUpdatesAsync(JsonObject p, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(Math.Clamp(Long(p, "timeout") ?? MaxPollSeconds, 0, MaxPollSeconds));
        var started = Stopwatch.GetTimestamp();
        var waiting = false;
        try
        {
            while (true)
            {
                Task signal;
                lock (_gate)
                {
                    if (_webhookUrl is not null)
                        return Reply.Error(409, "Webhook is active");
                    if (_events.First is { } oldest)
                    {
                        _events.RemoveFirst();
                        SignalLocked();
                        return Reply.OkEvent(oldest.Value);
                    }
                    if (!waiting && wait > TimeSpan.Zero)
                    {
                        // Said once, so a test can enqueue knowing the event wakes a poll that is already waiting.
                        waiting = true;
                        _waitingPolls++;
                        SignalLocked();
                    }
                    signal = _changed.Task;
                }
                var remaining = wait - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                    return Reply.Error(408, "Request timeout", httpStatus: 200);
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

    private Reply SetWebhook(JsonObject p)
    {
        var url = Str(p, "url");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return Reply.Error(400, "url must be a valid https URL");
        var secret = Str(p, "secret_token");
        if (secret is null || secret.Length is < 8 or > 256)
            return Reply.Error(400, "secret_token length must be between 8 and 256");
        lock (_gate)
        {
            (_webhookUrl, _webhookSecret, _webhookUpdatedAt) = (url, secret, NowMs());
            SignalLocked();
            return Reply.Ok(new JsonObject { ["url"] = url, ["updated_at"] = _webhookUpdatedAt });
        }
    }

    private Reply DeleteWebhook()
    {
        lock (_gate)
        {
            (_webhookUrl, _webhookSecret, _webhookUpdatedAt) = (null, null, NowMs());
            SignalLocked();
            return Reply.Ok(new JsonObject { ["url"] = "", ["updated_at"] = _webhookUpdatedAt });
        }
    }

    private Reply GetWebhookInfo()
    {
        lock (_gate)
            return Reply.Ok(new JsonObject { ["url"] = _webhookUrl ?? "", ["updated_at"] = _webhookUpdatedAt });
    }

    private Reply SendMessage(JsonObject p)
    {
        if (Str(p, "chat_id") is not { Length: > 0 } chatId)
            return Reply.Error(400, "chat_id is required");
        var text = Str(p, "text");
        if (text is not { Length: > 0 and <= MaxTextLength })      // UTF-16 code units: stricter than code points for emoji
            return Reply.Error(400, "text length must be between 1 and 2000");
        lock (_gate)
            return RecordSentLocked(new ZaloSent("sendMessage", chatId, NewIdLocked(), text, null, null, false, null, DateTimeOffset.UtcNow));
    }

    /// <summary>Fetches the photo like Zalo would (recording whether it worked), and accepts the message either way.</summary>
    private async Task<Reply> SendPhotoAsync(JsonObject p, CancellationToken ct)
    {
        if (Str(p, "chat_id") is not { Length: > 0 } chatId)
            return Reply.Error(400, "chat_id is required");
        var photo = Str(p, "photo");
        if (string.IsNullOrEmpty(photo) || !Uri.TryCreate(photo, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return Reply.Error(400, "photo must be a valid URL");
        var caption = Str(p, "caption");
        if (caption is { Length: > MaxTextLength })
            return Reply.Error(400, "caption length must be at most 2000");
        var (bytes, note) = await FetchPhotoAsync(uri, ct);
        var fetched = bytes is { Length: > 0 };
        lock (_gate)
        {
            var sent = new ZaloSent("sendPhoto", chatId, NewIdLocked(), null, photo, caption, fetched, bytes, DateTimeOffset.UtcNow);
            _photoNotes[sent.MessageId] = note;
            return RecordSentLocked(sent);
        }
    }

    private async Task<(byte[]? Bytes, string Note)> FetchPhotoAsync(Uri uri, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PhotoFetchTimeout);
        try
        {
            using var response = await _photoFetcher.GetAsync(uri, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                return (null, FormattableString.Invariant($"fetch answered HTTP {status}"));
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return (bytes, FormattableString.Invariant($"fetched {bytes.Length} bytes, {response.Content.Headers.ContentType}"));
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (null, e is OperationCanceledException ? "fetch timed out after 5 s" : "fetch failed: " + e.Message);
        }
    }

    private static Reply SendChatAction(JsonObject p) =>
        Str(p, "chat_id") is not { Length: > 0 } ? Reply.Error(400, "chat_id is required")
        : ChatActions.Contains(Str(p, "action") ?? "") ? Reply.Ok(null)
        : Reply.Error(400, "action is invalid");

    private Reply RecordSentLocked(ZaloSent sent)
    {
        _messages.Add(sent);
        SignalLocked();
        return Reply.Ok(new JsonObject { ["message_id"] = sent.MessageId, ["date"] = sent.At.ToUnixTimeMilliseconds() });
    }

    // ---- Helpers ----

    /// <summary>The JSON body's fields, plus query string parameters (clients that use GET for getMe/getUpdates send those).</summary>
    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length > 0)
        {
            if (JsonNode.Parse(body.ToArray()) is not JsonObject json)
                throw new JsonException("The body is not a JSON object.");
            foreach (var (key, value) in json)
                parameters[key] = value?.DeepClone();
        }
        return parameters;
    }

    /// <summary>A string parameter; a number or other JSON value as its JSON text (so chat_id 123 reads as "123").</summary>
    private static string? Str(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        var node => node.ToJsonString(),
    };

    private static long? Long(JsonObject p, string name) =>
        long.TryParse(Str(p, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task WriteReplyAsync(HttpContext ctx, Reply reply)
    {
        ctx.Response.StatusCode = reply.HttpStatus;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(reply.Json, Encoding.UTF8);
    }

    /// <summary>An answer: its HTTP status, its JSON, the description when it is ok:false, and the event a getUpdates answer carries.</summary>
    private sealed record Reply(int HttpStatus, string Json, string? Description, string? Event = null)
    {
        /// <summary>{"ok":true,"result":…}, or just {"ok":true} when <paramref name="result"/> is null.</summary>
        public static Reply Ok(JsonNode? result) =>
            new(200, result is null ? """{"ok":true}""" : "{\"ok\":true,\"result\":" + result.ToJsonString(JsonOut) + "}", null);

        public static Reply OkEvent(string eventJson) => new(200, "{\"ok\":true,\"result\":" + eventJson + "}", null, eventJson);

        /// <summary>{"ok":false,"error_code":…,"description":…}, sent with HTTP <paramref name="httpStatus"/> (the error code unless given).</summary>
        public static Reply Error(int errorCode, string description, int? httpStatus = null) =>
            new(httpStatus ?? errorCode, new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description }.ToJsonString(JsonOut), description);
    }
}
