using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Reminders;

/// <summary>What a channel answered to one send.</summary>
public enum SendResult { Sent, RetryLater, Blocked }

/// <summary>A channel's way out (Telegram, Zalo, console, script): each plugs in here; the core knows none of their APIs.</summary>
public interface IOutboxSender
{
    string Channel { get; }
    Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends what is due in the outbox through each channel's sender. A failure is retried with growing waits and
/// never lost; a chat that blocked the bot is marked and not retried. Time comes from the TimeProvider.
/// </summary>
public sealed class OutboxDispatcher(BotDatabase db, IEnumerable<IOutboxSender> senders, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private const int MaxAttempts = 10;
    private readonly Dictionary<string, IOutboxSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = db.Outbox.Find(m => m.Status == OutboxStatus.Pending && m.DueAt <= now)
            .Where(m => m.NextAttemptAt is null || m.NextAttemptAt <= now)
            .OrderBy(m => m.DueAt).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var sent = 0;
        foreach (var message in due)
        {
            if (!_senders.TryGetValue(message.Channel, out var sender)) continue;
            SendResult result;
            try
            {
                result = await sender.SendAsync(ToPushed(message), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Gửi {Key} qua {Channel} lỗi, sẽ thử lại", message.Key, message.Channel);
                message.LastError = ex.GetType().Name;
                result = SendResult.RetryLater;
            }
            message.Attempts++;
            switch (result)
            {
                case SendResult.Sent:
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = time.GetUtcNow().UtcDateTime;
                    sent++;
                    break;
                case SendResult.Blocked:
                    message.Status = OutboxStatus.Blocked;
                    logger.LogInformation("Chat {Channel}:{Chat} đã chặn bot; không gửi nữa", message.Channel, message.ChatId);
                    break;
                default:
                    message.Status = message.Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                    message.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
                    break;
            }
            db.Outbox.Update(message);
        }
        return sent;
    }

    private static PushedMessage ToPushed(OutboxMessage m) =>
        new(m.Channel, m.ChatId, new Reply(m.Text) { Buttons = [.. m.Buttons.Select(row => (IReadOnlyList<Button>)[.. row.Select(b => new Button(b.Text, b.Data))])] });
}
