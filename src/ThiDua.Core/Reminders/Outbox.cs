using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Reminders;

/// <summary>What a channel answered to one send.</summary>
public enum SendResult { Sent, RetryLater, Blocked }

/// <summary>How fast a channel may be sent to: overall per second, and the least time between two messages to one chat.</summary>
public sealed record ChannelLimits(int PerSecond, TimeSpan PerChat)
{
    public static ChannelLimits Unlimited { get; } = new(int.MaxValue, TimeSpan.Zero);

    /// <summary>Telegram's documented limits: about 30 messages/s overall, one per second per chat.</summary>
    public static ChannelLimits Telegram { get; } = new(30, TimeSpan.FromSeconds(1));
}

/// <summary>A channel's way out (Telegram, Zalo, console, script): each plugs in here; the core knows none of their APIs.</summary>
public interface IOutboxSender
{
    string Channel { get; }
    ChannelLimits Limits => ChannelLimits.Unlimited;
    Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends what is due in the outbox through each channel's sender. A failure is retried with growing waits and
/// never lost; a chat that blocked the bot is marked and not retried. Time comes from the TimeProvider.
/// </summary>
public sealed class OutboxDispatcher(BotDatabase db, IEnumerable<IOutboxSender> senders, TimeProvider time, ILogger<OutboxDispatcher> logger) : IDisposable
{
    private const int MaxAttempts = 10;
    private const int RoundSize = 500;
    private readonly Dictionary<string, IOutboxSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentByChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastByChat = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _single = new(1, 1);

    /// <summary>
    /// Sends what is due now, within each channel's limits; what the limits hold back stays pending for the next
    /// call (the pump calls again shortly), so a fan-out of thousands at 08:00 is paced, never dropped.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        await _single.WaitAsync(cancellationToken);
        try
        {
            return await DispatchLockedAsync(cancellationToken);
        }
        finally
        {
            _single.Release();
        }
    }

    private async Task<int> DispatchLockedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A round looks at the oldest due messages only: at most a few seconds' worth at any channel's rate.
        var due = db.Outbox.Query()
            .Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= now)
            .OrderBy(m => m.DueAt).Limit(RoundSize).ToList()
            .Where(m => m.NextAttemptAt is null || m.NextAttemptAt <= now).ToList();
        var sent = 0;
        foreach (var message in due)
        {
            if (!_senders.TryGetValue(message.Channel, out var sender)) continue;
            if (!MaySend(sender, message)) continue;
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

    public void Dispose() => _single.Dispose();

    /// <summary>Counts this send against the channel's limits, or says it must wait.</summary>
    private bool MaySend(IOutboxSender sender, OutboxMessage message)
    {
        var limits = sender.Limits;
        if (limits == ChannelLimits.Unlimited) return true;
        var now = time.GetUtcNow();
        if (!_recentByChannel.TryGetValue(sender.Channel, out var recent)) _recentByChannel[sender.Channel] = recent = new Queue<DateTimeOffset>();
        while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(1)) recent.Dequeue();
        if (recent.Count >= limits.PerSecond) return false;
        var chat = $"{message.Channel}:{message.ChatId}";
        if (_lastByChat.TryGetValue(chat, out var last) && now - last < limits.PerChat) return false;
        recent.Enqueue(now);
        _lastByChat[chat] = now;
        return true;
    }

    private static PushedMessage ToPushed(OutboxMessage m) =>
        new(m.Channel, m.ChatId, new Reply(m.Text) { Buttons = [.. m.Buttons.Select(row => (IReadOnlyList<Button>)[.. row.Select(b => new Button(b.Text, b.Data))])] });
}
