using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>
/// An in-process stand-in for the Zalo Bot Platform API (https://bot.zaloplatforms.com/docs) on Kestrel at
/// http://127.0.0.1:&lt;free port&gt;, for end-to-end tests of the Zalo channel: every call is
/// POST (or GET) &lt;BaseUrl&gt;/bot&lt;token&gt;/&lt;method&gt; with a JSON body. Tests queue events for getUpdates,
/// host photos under /media, inspect what the bot sent, and inject faults. Thread-safe.
/// The HTTP side lives in FakeZaloServer.Methods.cs.
/// </summary>
public sealed partial class FakeZaloServer : IAsyncDisposable
{
    public const string DefaultToken = "1459232241454765289:ZALO-secret-token-DO-NOT-LOG";
    /// <summary>getMe's account_name.</summary>
    public const string AccountName = "bot.thidua";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    /// <summary>Non-ASCII (Vietnamese) stays as UTF-8 in what the fake writes, as Zalo sends it.</summary>
    private static readonly JsonSerializerOptions JsonOut = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _photoFetcher = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,                   // PhotoFetchTimeout applies per fetch
        MaxResponseContentBufferSize = 50 * 1024 * 1024,
    };
    private WebApplication? _app;
    private int _disposed;

    private readonly string _idPrefix = RandomNumberGenerator.GetHexString(12, lowercase: true);
    private long _nextId;
    private readonly LinkedList<string> _events = new();      // the "result" of one getUpdates answer each, oldest first
    private int _waitingPolls;                                // long polls waiting with nothing to deliver
    private readonly Dictionary<string, string> _chatTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _displayNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostedFile> _media = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _mediaDownloads = new(StringComparer.Ordinal);

    private readonly List<ZaloCall> _calls = [];
    private readonly List<ZaloSent> _messages = [];
    private readonly Dictionary<string, string> _photoNotes = new(StringComparer.Ordinal);   // message_id → how the photo fetch went

    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<TimeSpan>> _delays = new(StringComparer.OrdinalIgnoreCase);
    private string? _webhookUrl;
    private string? _webhookSecret;
    private long _webhookUpdatedAt;

    private FakeZaloServer(string token)
    {
        Token = token;
        BotId = token[..token.IndexOf(':', StringComparison.Ordinal)];
    }

    /// <param name="token">&lt;digits&gt;:&lt;string&gt;; the digits are getMe's id.</param>
    public static async Task<FakeZaloServer> StartAsync(string token = DefaultToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == token.Length - 1 || !token[..colon].All(char.IsAsciiDigit) || token.Any(char.IsWhiteSpace))
            throw new ArgumentException("A Zalo bot token looks like <digits>:<string>.", nameof(token));
        var server = new FakeZaloServer(token);

        var (app, baseUrl) = await LoopbackServer.StartAsync(4 * 1024 * 1024, app =>
        {
            app.MapMethods("/bot{token}/{method}", ["GET", "POST"], (RequestDelegate)server.HandleMethodAsync);
            app.MapMethods("/media/{name}", ["GET", "HEAD"], (RequestDelegate)server.HandleMediaAsync);
            app.Map("/{**rest}", (RequestDelegate)(ctx => WriteReplyAsync(ctx, Reply.Error(404, "Not Found"))));
        });
        server._app = app;
        server.BaseUrl = baseUrl;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stopping.CancelAsync();          // ends long polls, DelayNext waits and photo fetches at once
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _app.StopAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await _app.DisposeAsync();
        }
        _photoFetcher.Dispose();
        _stopping.Dispose();
    }

    public string BaseUrl { get; private set; } = "";
    public string Token { get; }
    /// <summary>The digits before the colon of the token; getMe's id.</summary>
    public string BotId { get; }
    public string? WebhookUrl { get { lock (_gate) return _webhookUrl; } }
    public string? WebhookSecret { get { lock (_gate) return _webhookSecret; } }

    // ---- Events waiting for getUpdates (one per answer, oldest first) ----

    /// <summary>A message.text.received event. The chat type and display name are remembered for later events of that chat and user.</summary>
    public string EnqueueText(string chatId, string userId, string text, string? messageId = null, string chatType = "PRIVATE", string displayName = "Lan")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(chatType);
        ArgumentNullException.ThrowIfNull(displayName);
        lock (_gate)
        {
            _chatTypes[chatId] = chatType;
            _displayNames[userId] = displayName;
            return EnqueueLocked("message.text.received", chatId, userId, messageId, m => m["text"] = text);
        }
    }

    /// <summary>A message.image.received event carrying photo_url (see <see cref="HostFile"/>) and, when given, caption.</summary>
    public string EnqueueImage(string chatId, string userId, string photoUrl, string? caption = null, string? messageId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(photoUrl);
        lock (_gate)
        {
            return EnqueueLocked("message.image.received", chatId, userId, messageId, m =>
            {
                m["photo_url"] = photoUrl;
                if (caption is not null)
                    m["caption"] = caption;
            });
        }
    }

    public string EnqueueSticker(string chatId, string userId)
    {
        lock (_gate)
            return EnqueueLocked("message.sticker.received", chatId, userId, null, m => m["sticker"] = NewIdLocked());
    }

    /// <summary>A message.unsupported.received event (no text, photo or sticker), as Zalo sends for message kinds bots cannot read.</summary>
    public string EnqueueUnsupported(string chatId, string userId)
    {
        lock (_gate)
            return EnqueueLocked("message.unsupported.received", chatId, userId, null, _ => { });
    }

    /// <summary>Delivered verbatim as the "result" of one getUpdates answer. Must be valid JSON.</summary>
    public void EnqueueRaw(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument.Parse(json).Dispose();               // throws JsonException for a typo in the test
        lock (_gate)
        {
            _events.AddLast(json);
            SignalLocked();
        }
    }

    public int PendingEventCount { get { lock (_gate) return _events.Count; } }

    /// <summary>
    /// The JSON of a message.text.received event as Zalo posts it to a webhook (with header X-Bot-Api-Secret-Token):
    /// {"ok":true,"result":{event}} when <paramref name="wrapped"/>, else the bare event. The chat is PRIVATE when
    /// <paramref name="chatId"/> equals <paramref name="userId"/> (Zalo uses the user's id as the private chat's id), else GROUP.
    /// </summary>
    public static string EventJson(string chatId, string userId, string text, string messageId, bool wrapped, string displayName = "Lan")
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = MessageJson(messageId, NowMs(), chatId, chatId == userId ? "PRIVATE" : "GROUP", userId, displayName);
        message["text"] = text;
        var ev = new JsonObject { ["event_name"] = "message.text.received", ["message"] = message };
        return (wrapped ? new JsonObject { ["ok"] = true, ["result"] = ev } : ev).ToJsonString(JsonOut);
    }

    /// <summary>Serves <paramref name="content"/> at &lt;BaseUrl&gt;/media/&lt;name&gt; (GET, no token) and returns that URL.</summary>
    public string HostFile(string name, byte[] content, string contentType = "image/jpeg")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            throw new ArgumentException("A hosted file name is one path segment.", nameof(name));
        lock (_gate)
            _media[name] = new HostedFile(content, contentType);
        return $"{BaseUrl}/media/{Uri.EscapeDataString(name)}";
    }

    /// <summary>How many times /media/&lt;name&gt; was downloaded (by the bot or by sendPhoto's fetch).</summary>
    public int DownloadsOf(string name)
    {
        lock (_gate)
            return _mediaDownloads.GetValueOrDefault(name);
    }

    // ---- What the bot did ----

    public IReadOnlyList<ZaloCall> Calls { get { lock (_gate) return [.. _calls]; } }
    /// <summary>sendMessage and sendPhoto calls the fake accepted, in order.</summary>
    public IReadOnlyList<ZaloSent> Messages { get { lock (_gate) return [.. _messages]; } }

    /// <summary>The first message (in send order, including ones sent before the call) that matches.</summary>
    public Task<ZaloSent> WaitForMessageAsync(Func<ZaloSent, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitUntilAsync(() => Messages.FirstOrDefault(predicate), limit =>
        {
            lock (_gate)
                return FormattableString.Invariant($"No matching message within {limit.TotalSeconds:0.#} s. Messages seen ({_messages.Count}):{Environment.NewLine}") + DescribeLocked();
        }, timeout);
    }

    public Task WaitForCallAsync(string method, Func<ZaloCall, bool>? predicate = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        return WaitUntilAsync(() => Calls.FirstOrDefault(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate is null || predicate(c))),
            limit => FormattableString.Invariant($"No matching {method} call within {limit.TotalSeconds:0.#} s. Calls seen ({Calls.Count}): ")
                + string.Join(", ", Calls.Select(c => c.FailedWith is null ? c.Method : $"{c.Method} ({c.FailedWith})")), timeout);
    }

    /// <summary>Until a long poll is waiting with nothing to deliver: what is enqueued next wakes it.</summary>
    public Task WaitForWaitingPollAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(() => { lock (_gate) return _waitingPolls > 0 ? (object)true : null; },
            limit => FormattableString.Invariant($"No getUpdates call was waiting within {limit.TotalSeconds:0.#} s."), timeout);

    /// <summary>Until setWebhook has been handled (a call is recorded when it arrives, the webhook set after).</summary>
    public Task WaitForWebhookAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(() => WebhookSecret is not null ? (object)true : null,
            limit => FormattableString.Invariant($"No webhook was set within {limit.TotalSeconds:0.#} s."), timeout);

    /// <summary>Checks again after every change the server records, until <paramref name="found"/> gives something or time runs out.</summary>
    private async Task<T> WaitUntilAsync<T>(Func<T?> found, Func<TimeSpan, string> timedOut, TimeSpan? timeout) where T : class
    {
        var limit = timeout ?? DefaultWait;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var last = Stopwatch.GetElapsedTime(started) >= limit;
            Task signal;
            lock (_gate) signal = _changed.Task;
            if (found() is { } result)
                return result;
            if (last)
                throw new TimeoutException(timedOut(limit));
            await signal.WaitAsync(limit - Stopwatch.GetElapsedTime(started)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // ---- Faults: FailNext and DropConnectionNext share one queue per method, taken in the order they were set up,
    // each by the next call of that method (after any DelayNext wait) ----

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer HTTP <paramref name="httpStatus"/> with {"ok":false,"error_code","description"}.</summary>
    public void FailNext(string method, int httpStatus, int errorCode, string description, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(description);
        AddFaults(method, new Fault(httpStatus, errorCode, description, DropKind.None), times);
    }

    /// <summary>The next call of <paramref name="method"/> waits this long before it is handled; if the client gives up meanwhile it is not handled at all.</summary>
    public void DelayNext(string method, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            if (!_delays.TryGetValue(method, out var queue))
                _delays[method] = queue = new Queue<TimeSpan>();
            queue.Enqueue(delay);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> are read and recorded, then the connection is
    /// aborted without an answer (HttpClient throws HttpRequestException). By default the call is not handled (nothing is
    /// sent); with <paramref name="afterHandling"/> it is handled first (a sendMessage lands in Messages, a getUpdates event
    /// is gone), like an answer lost on the way back.
    /// </summary>
    public void DropConnectionNext(string method, int times = 1, bool afterHandling = false)
    {
        ArgumentNullException.ThrowIfNull(method);
        AddFaults(method, new Fault(0, 0, "", afterHandling ? DropKind.AfterHandling : DropKind.BeforeHandling), times);
    }

    private void AddFaults(string method, Fault fault, int times)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
                _faults[method] = queue = new Queue<Fault>();
            for (var i = 0; i < times; i++)
                queue.Enqueue(fault);
        }
    }

    // ---- Internals shared with the method handlers ----

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every waiter (long polls, WaitFor*). Call with the lock held.</summary>
    private void SignalLocked()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>20 lowercase hex digits like Zalo's message ids: a random per-server prefix and a counter.</summary>
    private string NewIdLocked() => _idPrefix + (++_nextId).ToString("x8", CultureInfo.InvariantCulture);

    private string EnqueueLocked(string eventName, string chatId, string userId, string? messageId, Action<JsonObject> fill)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var id = messageId ?? NewIdLocked();
        var chatType = _chatTypes.GetValueOrDefault(chatId, chatId == userId ? "PRIVATE" : "GROUP");
        var message = MessageJson(id, NowMs(), chatId, chatType, userId, _displayNames.GetValueOrDefault(userId, "Lan"));
        fill(message);
        _events.AddLast(new JsonObject { ["event_name"] = eventName, ["message"] = message }.ToJsonString(JsonOut));
        SignalLocked();
        return id;
    }

    private static JsonObject MessageJson(string messageId, long date, string chatId, string chatType, string userId, string displayName) => new()
    {
        ["message_id"] = messageId,
        ["date"] = date,
        ["chat"] = new JsonObject { ["id"] = chatId, ["chat_type"] = chatType },
        ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName, ["is_bot"] = false },
    };

    private string DescribeLocked() => string.Join(Environment.NewLine, _messages.Select(m =>
        $"  {m.Method} chat={m.ChatId} id={m.MessageId}"
        + (m.PhotoUrl is null ? "" : $" photo={m.PhotoUrl} ({_photoNotes.GetValueOrDefault(m.MessageId)})")
        + ": " + (m.Text ?? m.Caption) switch { { Length: > 300 } t => t[..300] + "…", var t => t }));

    private enum DropKind { None, BeforeHandling, AfterHandling }

    private sealed record Fault(int HttpStatus, int ErrorCode, string Description, DropKind Drop);
    private sealed record HostedFile(byte[] Content, string ContentType);
}

/// <summary>One request the bot made (with the right token), in arrival order. <see cref="FailedWith"/> is the description when it was answered ok:false, or why there was no answer.</summary>
public sealed record ZaloCall(string Method, JsonObject Body, DateTimeOffset At, string? FailedWith);

/// <summary>
/// A sendMessage or sendPhoto the fake accepted. For sendPhoto, <see cref="PhotoFetched"/> tells whether GET
/// <see cref="PhotoUrl"/> answered 2xx with a non-empty body within 5 s, and <see cref="PhotoBytes"/> holds that body.
/// </summary>
public sealed record ZaloSent(string Method, string ChatId, string MessageId, string? Text, string? PhotoUrl, string? Caption, bool PhotoFetched, byte[]? PhotoBytes, DateTimeOffset At);
