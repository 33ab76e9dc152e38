using System.Collections.Concurrent;
using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
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
/// unsure) is answered once and never submits a nomination twice.
/// </summary>
public sealed class ZaloProcessor(ZaloApi api, ZaloMedia media, ZaloMenus menus, IConversationCore core, BotDatabase db, OutboxDispatcher outbox, TimeProvider time, ILogger<ZaloProcessor> logger)
{
    public const string Channel = "zalo";
    public const long MaxPhotoBytes = 20 * 1024 * 1024;
    public static readonly string Unsupported = "Tôi chỉ đọc được tin nhắn chữ và ảnh (ảnh chụp giấy tờ đã ký được nhận làm hồ sơ). Bạn gõ câu hỏi, hoặc /help để xem hướng dẫn.";

    private static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(600);
    private readonly ILiteCollection<SeenMessage> _seen = db.Collection<SeenMessage>("zalo_seen");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _chats = new(StringComparer.Ordinal);

    /// <summary>False when the payload is not a message event (logged and skipped).</summary>
    public async Task<bool> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
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
        await gate.WaitAsync(cancellationToken);
        try
        {
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
            gate.Release();
        }
    }

    /// <summary>Handled ids are kept a week: long enough for any retry.</summary>
    public int PruneSeen() => _seen.DeleteMany(s => s.At < (time.GetUtcNow() - TimeSpan.FromDays(7)).UtcDateTime);

    private async Task<ConversationResult> RespondAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        var incoming = new IncomingMessage { Channel = Channel, ChatId = e.ChatId, UserId = e.UserId, UserName = e.UserName };
        switch (e.EventName)
        {
            case ZaloEvent.TextReceived when e.Text is not null:
                incoming = menus.Pick(e.ChatId, e.Text) is { } pressed ? incoming with { ButtonData = pressed } : incoming with { Text = e.Text };
                break;
            case ZaloEvent.ImageReceived when e.PhotoUrl is not null:
                var photo = await DownloadAsync(e, cancellationToken);
                if (photo is null) return new ConversationResult([new Reply("Không tải được ảnh này (quá 20 MB, quá lâu, hoặc không phải ảnh gửi qua Zalo). Bạn chụp lại rồi gửi trong Zalo nhé.")]);
                incoming = incoming with { Text = e.Text, File = new IncomingFile($"anh-{e.MessageId}.jpg", photo.Value.ContentType ?? "image/jpeg", photo.Value.Content.Length, _ => Task.FromResult<Stream>(new MemoryStream(photo.Value.Content))) };
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
