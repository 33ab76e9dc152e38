using System.Diagnostics;
using System.Globalization;
using System.Net;
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
/// An in-process stand-in for the Telegram Bot API (https://core.telegram.org/bots/api) on Kestrel at
/// http://127.0.0.1:&lt;free port&gt;, for end-to-end tests that drive the bot through the real Telegram.Bot client.
/// Tests queue updates for getUpdates, inspect what the bot sent, and inject faults. Thread-safe.
/// The HTTP side lives in FakeTelegramServer.Methods.cs, HTML/markup validation in TelegramMarkup.cs.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:TEST-secret-token-DO-NOT-LOG";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _disposed;

    private readonly List<PendingUpdate> _queue = [];        // ordered by Key
    private long _nextUpdateId = 1000;
    private long _confirmedBelow;                             // highest offset a handled getUpdates applied
    private long _pollGeneration;
    private int _waitingPolls;                                // long polls waiting with nothing to deliver
    private int _nextMessageId = 1;                          // what the bot sends
    private int _nextIncomingMessageId = 1_000_000;          // what users "send"; apart so bot ids start at 1
    private int _nextFileNumber = 1;
    private readonly Dictionary<long, string> _callbackIds = [];
    private readonly HashSet<string> _openCallbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _chatTypes = [];
    private readonly Dictionary<long, string?> _userNames = [];
    private readonly Dictionary<(long Chat, int Id), StoredMessage> _botMessages = [];
    private readonly Dictionary<string, StoredFile> _filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);

    private readonly List<ApiCall> _calls = [];
    private readonly List<SentMessage> _messages = [];
    private readonly List<long?> _getUpdatesOffsets = [];

    private readonly HashSet<long> _blockedChats = [];
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Delay>> _delays = new(StringComparer.OrdinalIgnoreCase);
    private string? _webhookUrl;
    private string? _webhookSecret;
    private TaskCompletionSource? _fileHold;

    private FakeTelegramServer(string token, string botUsername)
    {
        Token = token;
        BotUsername = botUsername;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        BotId = colon > 0 && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 123456789;
    }

    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken, string botUsername = "thidua_test_bot")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);
        var server = new FakeTelegramServer(token, botUsername);

        var (app, baseUrl) = await LoopbackServer.StartAsync(64 * 1024 * 1024, app =>
        {
            app.MapMethods("/bot{token}/{method}", ["GET", "POST"], (RequestDelegate)server.HandleMethodAsync);
            app.MapGet("/file/bot{token}/{**filePath}", (RequestDelegate)server.HandleFileAsync);
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
        await _stopping.CancelAsync();          // ends long polls and DelayNext waits at once
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
        _stopping.Dispose();
    }

    public string BaseUrl { get; private set; } = "";
    public string Token { get; }
    public string BotUsername { get; }
    /// <summary>The numeric part of the token (123456789 for <see cref="DefaultToken"/>); getMe's id.</summary>
    public long BotId { get; }
    public string? WebhookUrl { get { lock (_gate) return _webhookUrl; } }
    public string? WebhookSecret { get { lock (_gate) return _webhookSecret; } }

    // ---- Updates waiting for getUpdates ----

    public long EnqueueText(long chatId, long userId, string text, string chatType = "private", long? replyToBotMessageId = null, string? firstName = "Lan")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(chatType);
        lock (_gate)
            _userNames[userId] = firstName;
        return Enqueue(chatId, userId, chatType, (message, _) =>
        {
            message["text"] = text;
            if (TelegramMarkup.CommandAndMentionEntities(text) is { Count: > 0 } entities)
                message["entities"] = entities;
            if (replyToBotMessageId is { } replyTo)
                message["reply_to_message"] = BotMessageSnapshotLocked(chatId, (int)replyTo);
        });
    }

    /// <summary>A callback_query with id "cq&lt;update_id&gt;"; its message is the bot's message as last sent or edited when known, else {message_id, date, chat}.</summary>
    public long EnqueueCallback(long chatId, long userId, int messageId, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            var id = _nextUpdateId;
            var callbackId = "cq" + id.ToString(CultureInfo.InvariantCulture);
            var query = new JsonObject
            {
                ["id"] = callbackId,
                ["from"] = UserJsonLocked(userId),
                ["message"] = BotMessageSnapshotLocked(chatId, messageId),
                ["chat_instance"] = "ci" + chatId.ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            _callbackIds[id] = callbackId;
            _openCallbacks.Add(callbackId);
            return AddLocked(new JsonObject { ["update_id"] = id, ["callback_query"] = query });
        }
    }

    public string CallbackIdOf(long updateId)
    {
        lock (_gate)
            return _callbackIds.TryGetValue(updateId, out var id) ? id : throw new ArgumentException($"Update {updateId} is not a callback query.", nameof(updateId));
    }

    /// <param name="declaredSize">The file_size the update and getFile report, when it should differ from the content served (a server whose metadata lies).</param>
    public long EnqueueDocument(long chatId, long userId, string fileName, byte[] content, string mimeType, string? caption = null, long? declaredSize = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Enqueue(chatId, userId, null, (message, _) =>
        {
            var file = AddFileLocked("documents", fileName, content, mimeType, "BQAC") with { DeclaredSize = declaredSize };
            _filesById[file.FileId] = file;
            _filesByPath[file.Path] = file;
            message["document"] = new JsonObject
            {
                ["file_name"] = fileName,
                ["mime_type"] = mimeType,
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = file.Size,
            };
            if (caption is not null)
                message["caption"] = caption;
        });
    }

    /// <summary>Two sizes: a 90x67 thumbnail with a few placeholder bytes, and 1280x960 holding <paramref name="content"/>.</summary>
    public long EnqueuePhoto(long chatId, long userId, byte[] content, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Enqueue(chatId, userId, null, (message, _) =>
        {
            var thumb = AddFileLocked("photos", "thumb.jpg", [0xFF, 0xD8, 0xFF, 0xD9], "image/jpeg", "AgAC");
            var full = AddFileLocked("photos", "photo.jpg", content, "image/jpeg", "AgAC");
            message["photo"] = new JsonArray(PhotoSize(thumb, 90, 67), PhotoSize(full, 1280, 960));
            if (caption is not null)
                message["caption"] = caption;
        });

        static JsonObject PhotoSize(StoredFile f, int width, int height) => new()
        {
            ["file_id"] = f.FileId,
            ["file_unique_id"] = f.UniqueId,
            ["file_size"] = f.Content.Length,
            ["width"] = width,
            ["height"] = height,
        };
    }

    public long EnqueueSticker(long chatId, long userId) =>
        Enqueue(chatId, userId, null, (message, n) => message["sticker"] = new JsonObject
        {
            ["file_id"] = "CAAC-sticker-" + n.ToString(CultureInfo.InvariantCulture),
            ["file_unique_id"] = "AgAD-sticker-" + n.ToString(CultureInfo.InvariantCulture),
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "👍",
        });

    /// <summary>
    /// Queues a JSON object exactly as given. With a numeric update_id it is confirmed by offset like any other
    /// (and later ids continue above it); without one it is delivered once, in arrival order, and then forgotten.
    /// A callback_query's id in it becomes answerable.
    /// </summary>
    public long EnqueueRaw(string updateJson)
    {
        if (JsonNode.Parse(updateJson) is not JsonObject parsed)
            throw new ArgumentException("An update must be a JSON object.", nameof(updateJson));
        var id = parsed["update_id"] is JsonValue v && v.TryGetValue(out long n) ? n : 0;
        lock (_gate)
        {
            if ((parsed["callback_query"] as JsonObject)?["id"] is JsonValue callback && callback.TryGetValue(out string? callbackId))
                _openCallbacks.Add(callbackId);
            var key = id != 0 ? id : _nextUpdateId++;
            _nextUpdateId = Math.Max(_nextUpdateId, id + 1);
            InsertLocked(new PendingUpdate(key, id, updateJson));
        }
        return id;
    }

    public IReadOnlyList<long> PendingUpdateIds { get { lock (_gate) return [.. _queue.Select(u => u.UpdateId)]; } }

    // ---- What the bot did ----

    public IReadOnlyList<ApiCall> Calls { get { lock (_gate) return [.. _calls]; } }
    public IReadOnlyList<SentMessage> Messages { get { lock (_gate) return [.. _messages]; } }
    public IReadOnlyList<long?> GetUpdatesOffsets { get { lock (_gate) return [.. _getUpdatesOffsets]; } }

    /// <summary>The first message (in send order, including ones sent before the call) that matches.</summary>
    public Task<SentMessage> WaitForMessageAsync(Func<SentMessage, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitUntilAsync(() => Messages.FirstOrDefault(predicate),
            limit => $"No matching message within {limit.TotalSeconds:0.#} s. Messages seen ({Messages.Count}):{Environment.NewLine}{Describe(Messages)}", timeout);
    }

    public Task WaitForCallAsync(string method, Func<ApiCall, bool>? predicate = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        return WaitUntilAsync(() => Calls.FirstOrDefault(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate is null || predicate(c))),
            limit => $"No matching {method} call within {limit.TotalSeconds:0.#} s. Calls seen ({Calls.Count}): "
                + string.Join(", ", Calls.Select(c => c.FailedWith is null ? c.Method : $"{c.Method} ({c.FailedWith})")), timeout);
    }

    /// <summary>Until a long poll is waiting with nothing to deliver: what is enqueued next wakes it.</summary>
    public Task WaitForWaitingPollAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(() => { lock (_gate) return _waitingPolls > 0 ? (object)true : null; },
            limit => $"No getUpdates call was waiting within {limit.TotalSeconds:0.#} s.", timeout);

    /// <summary>Until setWebhook has been handled (a call is recorded when it arrives, the webhook set after).</summary>
    public Task WaitForWebhookAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(() => WebhookSecret is not null ? (object)true : null,
            limit => $"No webhook was set within {limit.TotalSeconds:0.#} s.", timeout);

    /// <summary>Until a getUpdates call with offset &gt; <paramref name="updateId"/> has been handled (the update is confirmed).</summary>
    public Task WaitUntilConsumedAsync(long updateId, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => { lock (_gate) return _confirmedBelow > updateId ? (object)true : null; },
            limit => $"Update {updateId} was not confirmed within {limit.TotalSeconds:0.#} s; getUpdates offsets so far: [{string.Join(", ", GetUpdatesOffsets)}].", timeout);

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

    // ---- Faults ----

    // FailNext and DropConnectionNext share one queue per method, taken in the order they were set up, each by the
    // next call of that method (after any DelayNext wait).

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail (before any normal handling).</summary>
    public void FailNext(string method, int statusCode, string description, int? retryAfterSeconds = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(description);
        AddFaults(method, new Fault(statusCode, description, retryAfterSeconds, DropKind.None), times);
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> are read and recorded, then the connection is
    /// aborted without an answer. By default the call is not handled (nothing is sent); with <paramref name="afterHandling"/>
    /// it is handled first (a sendMessage lands in Messages), like an answer lost on the way back.
    /// </summary>
    public void DropConnectionNext(string method, int times = 1, bool afterHandling = false)
    {
        ArgumentNullException.ThrowIfNull(method);
        AddFaults(method, new Fault(0, "", null, afterHandling ? DropKind.AfterHandling : DropKind.BeforeHandling), times);
    }

    /// <summary>Faults and delays set up for <paramref name="method"/> that no call has taken yet.</summary>
    public int FaultsWaiting(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
            return (_faults.TryGetValue(method, out var faults) ? faults.Count : 0) + (_delays.TryGetValue(method, out var delays) ? delays.Count : 0);
    }

    /// <summary>Forgets every fault and delay no call has taken yet.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
            _delays.Clear();
        }
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

    /// <summary>sendMessage, editMessageText, sendDocument and sendChatAction to this chat answer 403.</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
            _blockedChats.Add(chatId);
    }

    /// <summary>File downloads wait until the returned action is called: an upload slow to arrive, without a clock.</summary>
    public Action HoldFileDownloads()
    {
        var hold = NewSignal();
        lock (_gate)
            _fileHold = hold;
        return () =>
        {
            lock (_gate)
                if (_fileHold == hold) _fileHold = null;
            hold.TrySetResult();
        };
    }

    /// <summary>
    /// The next call of <paramref name="method"/> (to <paramref name="chatId"/> only, when given) waits this long before
    /// it is handled; if the client gives up meanwhile it is not handled at all.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay, long? chatId = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            if (!_delays.TryGetValue(method, out var list))
                _delays[method] = list = [];
            list.Add(new Delay(delay, chatId));
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

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Queues {update_id, message} from a user; <paramref name="chatType"/> null keeps what the chat was before.</summary>
    private long Enqueue(long chatId, long userId, string? chatType, Action<JsonObject, long> fill)
    {
        lock (_gate)
        {
            var id = _nextUpdateId;
            if (chatType is not null)
                _chatTypes[chatId] = chatType;
            var message = new JsonObject
            {
                ["message_id"] = _nextIncomingMessageId++,
                ["from"] = UserJsonLocked(userId),
                ["chat"] = ChatJsonLocked(chatId),
                ["date"] = UnixNow(),
            };
            fill(message, id);
            return AddLocked(new JsonObject { ["update_id"] = id, ["message"] = message });
        }
    }

    private long AddLocked(JsonObject update)
    {
        var id = _nextUpdateId++;
        InsertLocked(new PendingUpdate(id, id, update.ToJsonString()));
        return id;
    }

    private void InsertLocked(PendingUpdate update)
    {
        var at = _queue.FindLastIndex(u => u.Key <= update.Key) + 1;
        _queue.Insert(at, update);
        SignalLocked();
    }

    /// <summary>A user as last named through EnqueueText ("Lan" until then); a null name leaves first_name out.</summary>
    private JsonObject UserJsonLocked(long userId)
    {
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false };
        if (_userNames.GetValueOrDefault(userId, "Lan") is { } name)
            user["first_name"] = name;
        user["language_code"] = "vi";
        return user;
    }

    private string ChatTypeLocked(long chatId) =>
        _chatTypes.TryGetValue(chatId, out var type) ? type
        : chatId > 0 ? "private"
        : chatId < -1_000_000_000_000 ? "supergroup" : "group";

    private JsonObject ChatJsonLocked(long chatId)
    {
        var type = ChatTypeLocked(chatId);
        var chat = new JsonObject { ["id"] = chatId };
        if (type != "private")
            chat["title"] = "Test group";
        else if (_userNames.GetValueOrDefault(chatId, "Lan") is { } name)
            chat["first_name"] = name;
        chat["type"] = type;
        return chat;
    }

    private JsonObject BotUserJson() => new() { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ThiĐua", ["username"] = BotUsername };

    /// <summary>The bot's message as Telegram would embed it in a reply or callback; a bare stub when it was never sent.</summary>
    private JsonObject BotMessageSnapshotLocked(long chatId, int messageId) =>
        _botMessages.TryGetValue((chatId, messageId), out var stored)
            ? BotMessageJsonLocked(chatId, messageId, stored)
            : new JsonObject { ["message_id"] = messageId, ["date"] = UnixNow(), ["chat"] = ChatJsonLocked(chatId) };

    private StoredFile AddFileLocked(string folder, string? fileName, byte[] content, string? mimeType, string idPrefix)
    {
        var n = _nextFileNumber++;
        var ext = Path.GetExtension(fileName ?? "");
        var file = new StoredFile(
            FormattableString.Invariant($"{idPrefix}AgIAAxkBAAIF{n:D6}"),
            FormattableString.Invariant($"AQAD{n:D6}"),
            FormattableString.Invariant($"{folder}/file_{n}{(ext.Length > 0 ? ext : ".bin")}"),
            content, fileName, mimeType);
        _filesById[file.FileId] = file;
        _filesByPath[file.Path] = file;
        return file;
    }

    private static string Describe(IEnumerable<SentMessage> messages) => string.Join(Environment.NewLine, messages.Select(m =>
        FormattableString.Invariant($"  {m.Method} chat={m.ChatId} id={m.MessageId}{(m.DocumentName is null ? "" : $" document={m.DocumentName}")}: ")
        + (m.Text is { Length: > 300 } t ? t[..300] + "…" : m.Text)));

    private sealed record PendingUpdate(long Key, long UpdateId, string Json);
    private enum DropKind { None, BeforeHandling, AfterHandling }
    private sealed record Fault(int StatusCode, string Description, int? RetryAfter, DropKind Drop);
    private sealed record Delay(TimeSpan Length, long? ChatId);
    private sealed record StoredFile(string FileId, string UniqueId, string Path, byte[] Content, string? FileName, string? MimeType)
    {
        public long? DeclaredSize { get; init; }
        public long Size => DeclaredSize ?? Content.Length;
    }
    private sealed record StoredMessage(string? Text, JsonArray? Entities, string? MarkupJson, StoredFile? Document, long Date);
}

/// <summary>One request the bot made, in arrival order. <see cref="FailedWith"/> is the error description when it was answered with ok:false.</summary>
public sealed record ApiCall(string Method, JsonObject Parameters, DateTimeOffset At, string? UploadedFileName, byte[]? UploadedFile, string? FailedWith);

/// <summary>A sendMessage, editMessageText or sendDocument the fake accepted. Text is the raw text (or caption) as sent, markup included.</summary>
public sealed record SentMessage(string Method, long ChatId, int MessageId, string? Text, string? ParseMode, JsonNode? ReplyMarkup, string? DocumentName, byte[]? DocumentContent, DateTimeOffset At);
