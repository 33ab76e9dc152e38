using System.Collections.Concurrent;
using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Failures;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Zalo;

public sealed class SeenMessage
{
    [BsonId] public string Id { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// Handles one Zalo event, from a webhook post or a poll: one chat at a time, in arrival order. The message id is
/// recorded in the same transaction as the replies it produced, so a webhook delivered twice (Zalo retries when
/// unsure) is answered once and never submits a nomination twice. An event the adapter fails on is kept in /loi
/// with its payload, and run again from there (<see cref="ReplayAsync"/>).
/// </summary>
public sealed class ZaloProcessor(ZaloApi api, ZaloMedia media, ZaloMenus menus, IConversationCore core, BotDatabase db, OutboxDispatcher outbox, FailureLog failures, TimeProvider time, ILogger<ZaloProcessor> logger)
{
    public const string Channel = "zalo";
    public const long MaxPhotoBytes = 20 * 1024 * 1024;
    public static readonly string Unsupported = "Tôi chỉ đọc được tin nhắn chữ và ảnh (ảnh chụp giấy tờ đã ký được nhận làm hồ sơ). Bạn gõ câu hỏi, hoặc /help để xem hướng dẫn.";

    private static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(600);
    private readonly ILiteCollection<SeenMessage> _seen = db.Collection<SeenMessage>("zalo_seen");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _chats = new(StringComparer.Ordinal);
    /// <summary>The chat whose turn this flow is in: an administrator running that chat's kept event again from it must not wait on itself.</summary>
    private static readonly AsyncLocal<string?> TurnOf = new();

    /// <summary>
    /// Handles one event. One the adapter fails on is logged and kept in /loi with its payload; only when even that
    /// fails is the error thrown (a webhook then answers 500, so Zalo sends the event again).
    /// </summary>
    /// <returns>The kept failure; null when the event was answered or skipped.</returns>
    public async Task<FailedMessage?> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(payload, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Redacted(ex.ToString());
            logger.LogError("Zalo: lỗi khi xử lý sự kiện, giữ lại trong /loi: {Error}", error);
            if (Keep(payload, error) is { } kept) return kept;
            throw;
        }
    }

    /// <summary>Runs a kept event again (an administrator's /loi); its replies keep the message's outbox keys, so none is sent twice.</summary>
    public async Task<string> ReplayAsync(string json, CancellationToken cancellationToken)
    {
        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(json);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "sự kiện Zalo đã lưu không phải JSON đọc được (có thể bị cắt vì quá dài), không chạy lại được";
        }
        var e = ZaloEvent.Parse(payload);
        if (e is not null && ChatIds.Problem(e.MessageId) is null && _seen.FindById(e.MessageId) is not null)
            return $"tin Zalo {e.MessageId} đã được trả lời trước đó, không gửi lại";
        var again = await HandleAsync(payload, cancellationToken);
        return again is null ? $"đã xử lý lại tin Zalo {e?.MessageId}".TrimEnd() : $"lỗi lại (#{again.Id})";
    }

    /// <summary>Keeps the event with its error for /loi; a database that cannot even do that is logged, and null returned.</summary>
    private FailedMessage? Keep(JsonElement payload, string error)
    {
        try
        {
            var chatId = ZaloEvent.Parse(payload)?.ChatId is { } id && ChatIds.Problem(id) is null ? id : "";
            return failures.RecordAdapter(Channel, chatId, Redacted(payload.GetRawText()), error);
        }
        catch (Exception ex)
        {
            logger.LogError("Zalo: không ghi lại được sự kiện bị lỗi: {Error}", Redacted(ex.ToString()));
            return null;
        }
    }

    /// <summary>Text with the bot token and the webhook secret blanked out (a request address carries the token).</summary>
    private string Redacted(string text)
    {
        if (api.Options.Token.Length > 0) text = text.Replace(api.Options.Token, "<token>", StringComparison.Ordinal);
        if (api.Options.WebhookSecret.Length > 0) text = text.Replace(api.Options.WebhookSecret, "<secret>", StringComparison.Ordinal);
        return text;
    }

    /// <summary>False when the payload is not a message event (logged and skipped).</summary>
    private async Task<bool> ProcessAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (ZaloEvent.Parse(payload) is not { } e)
        {
            logger.LogWarning("Zalo: bỏ qua sự kiện không đọc được");
            return false;
        }
        // Ids become database keys: one over-long or garbled id must not be stored, nor break anyone else's messages.
        if ((ChatIds.Problem(e.ChatId) ?? ChatIds.Problem(e.UserId) ?? ChatIds.Problem(e.MessageId)) is { } bad)
        {
            logger.LogWarning("Zalo: bỏ qua sự kiện có mã chat/người dùng/tin không dùng được ({Problem})", bad);
            return false;
        }
        var gate = _chats.GetOrAdd(e.ChatId, _ => new SemaphoreSlim(1, 1));
        var ownTurn = TurnOf.Value == e.ChatId;
        if (!ownTurn) await gate.WaitAsync(cancellationToken);
        try
        {
            // Seen by what this turn calls (the core, and through /loi this method again), not by the caller.
            TurnOf.Value = e.ChatId;
            if (_seen.FindById(e.MessageId) is not null)
            {
                logger.LogInformation("Zalo: tin {MessageId} đã xử lý, bỏ qua lần gửi lại", e.MessageId);
                return true;
            }
            var result = await RespondAsync(e, cancellationToken);
            var now = time.GetUtcNow();
            var replies = OutboxWriter.FromResult($"zalo:{e.MessageId}", Channel, e.ChatId, result, now);
            db.InTransaction(() =>
            {
                OutboxWriter.EnqueueOnce(db, replies);
                _seen.Insert(new SeenMessage { Id = e.MessageId, At = now.UtcDateTime });
                return replies.Count;
            });
            outbox.Notify();
            return true;
        }
        finally
        {
            if (!ownTurn) gate.Release();
        }
    }

    /// <summary>Handled ids are kept a week: long enough for any retry.</summary>
    public int PruneSeen() => _seen.DeleteMany(s => s.At < (time.GetUtcNow() - TimeSpan.FromDays(7)).UtcDateTime);

    private async Task<ConversationResult> RespondAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        var incoming = new IncomingMessage { Channel = Channel, ChatId = e.ChatId, UserId = e.UserId, UserName = e.UserName, MessageId = e.MessageId };
        switch (e.EventName)
        {
            case ZaloEvent.TextReceived when e.Text is not null:
                incoming = menus.Pick(e.ChatId, e.Text) is { } pressed ? incoming with { ButtonData = pressed } : incoming with { Text = e.Text };
                break;
            case ZaloEvent.ImageReceived when e.PhotoUrl is not null:
                var photo = await DownloadAsync(e, cancellationToken);
                if (photo is null) return new ConversationResult([new Reply("Không tải được ảnh này (quá 20 MB, quá lâu, hoặc không phải ảnh gửi qua Zalo). Bạn chụp lại rồi gửi trong Zalo nhé.")]);
                incoming = incoming with { Text = e.Text, File = new IncomingFile($"anh-{e.MessageId}.jpg", photo.Value.ContentType ?? "image/jpeg", photo.Value.Content.Length, _ => Task.FromResult<Stream>(new MemoryStream(photo.Value.Content))) { Reference = e.PhotoUrl } };
                break;
            default:
                return new ConversationResult([new Reply(Unsupported)]);
        }
        var handling = core.HandleAsync(incoming, cancellationToken);
        // A slow answer (a file being stored, an export) shows "đang soạn" meanwhile.
        if (await Task.WhenAny(handling, Task.Delay(TypingAfter, time, cancellationToken)) != handling) _ = TypingAsync(e.ChatId);
        return await handling;
    }

    private async Task<(byte[] Content, string? ContentType)?> DownloadAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        var photo = await media.DownloadAsync(e.PhotoUrl!, MaxPhotoBytes, cancellationToken);
        if (photo is null) logger.LogWarning("Zalo: không nhận ảnh của tin {MessageId}", e.MessageId);
        return photo;
    }

    private async Task TypingAsync(string chatId)
    {
        try
        {
            await api.TypingAsync(chatId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException)
        {
            logger.LogDebug("Zalo: không gửi được trạng thái đang soạn ({Error})", ex.GetType().Name);
        }
    }
}
