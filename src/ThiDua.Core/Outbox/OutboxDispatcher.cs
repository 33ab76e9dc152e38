using LiteDB;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Failures;
using ThiDua.Core.Reminders;
using ThiDua.Core.Storage;
using ThiDua.Core.Telemetry;

namespace ThiDua.Core.Outbox;

/// <summary>
/// Sends what is due in the outbox through each channel's sender, in order per chat. A passing failure is retried
/// with growing waits and never lost; a flood limit pauses the whole channel for the time it names; a chat that
/// blocked the bot is marked and not retried. Time comes from the TimeProvider.
/// </summary>
public sealed class OutboxDispatcher(BotDatabase db, IEnumerable<IOutboxSender> senders, TimeProvider time, ILogger<OutboxDispatcher> logger, FailureLog? failures = null, BotMetrics? metrics = null) : IDisposable
{
    private const int MaxAttempts = 10;
    private const int RoundSize = 500;
    private readonly Dictionary<string, IOutboxSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly OutboxPacer _pacer = new();
    private readonly Dictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _heldUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _single = new(1, 1);
    private TaskCompletionSource _work = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Something was enqueued: wake the pump now rather than at its next tick.</summary>
    public void Notify() => _work.TrySetResult();

    /// <summary>Waits for <see cref="Notify"/> or the interval, whichever comes first.</summary>
    public async Task WaitForWorkAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var work = _work.Task;
        if (!work.IsCompleted)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(interval, time, cts.Token);
            await Task.WhenAny(work, delay);
            await cts.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (_work.Task.IsCompleted) _work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

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
        // A round reads the oldest due messages only (an index range scan): a few seconds' worth at any channel's rate.
        var due = db.Outbox.Query()
            .Where("$.PendingAt BETWEEN @0 AND @1", new BsonValue(DateTime.MinValue), new BsonValue(now))
            .Limit(RoundSize).ToList()
            .OrderBy(m => m.DueAt).ThenBy(m => m.Sequence).ToList();
        var sent = 0;
        var changed = new List<OutboxMessage>();
        foreach (var message in SplitOversized(due))
        {
            if (!_senders.TryGetValue(message.Channel, out var sender)) continue;
            // A chat whose earlier message waits for a retry waits as a whole: its messages never overtake each other.
            // Both against the instant the round read with: a hold that ends mid-round must not free a chat whose held
            // message the round did not read (it was not due yet), or its later messages would overtake it.
            if (IsHeld(message, now) || IsPaused(sender.Channel, now)) continue;
            if (!_pacer.MaySend(sender, message.ChatId, time.GetUtcNow())) continue;
            var result = await SendAsync(sender, message, cancellationToken);
            message.Attempts++;
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = time.GetUtcNow().UtcDateTime;
                    if (ReminderService.IsReminder(message.Key)) metrics?.ReminderSent(message.Channel);
                    sent++;
                    break;
                case SendOutcome.Blocked:
                    message.Status = OutboxStatus.Blocked;
                    logger.LogInformation("Chat {Chat} của {Channel} đã chặn bot; không gửi nữa", db.Pseudonyms.OfChat(message.Channel, message.ChatId), message.Channel);
                    break;
                case SendOutcome.Rejected:
                    message.Status = OutboxStatus.Failed;
                    message.LastError = result.Error;
                    metrics?.DeadLetter(message.Channel);
                    logger.LogWarning("{Channel} từ chối tin {Key}: {Error}", message.Channel, db.Pseudonyms.Of(message.Key), result.Error);
                    break;
                case SendOutcome.Unknown when ++message.Unanswered > 1:
                    // Twice without an answer: not sent a third time, and not dropped in silence either.
                    message.Status = OutboxStatus.Failed;
                    message.LastError = $"{result.Error} (hai lần không có trả lời)";
                    KeepUndelivered(message);
                    metrics?.DeadLetter(message.Channel);
                    logger.LogError("{Channel} không trả lời hai lần cho tin {Key} tới {Chat}; tin được giữ trong /loi", message.Channel, db.Pseudonyms.Of(message.Key), db.Pseudonyms.OfChat(message.Channel, message.ChatId));
                    break;
                case SendOutcome.Unknown:
                    // It may have arrived: sent once more, so a person gets it twice at worst rather than never.
                    message.LastError = result.Error;
                    metrics?.Retried(message.Channel, "no_answer");
                    message.NextAttemptAt = now + RetryWait(message.Attempts);
                    _heldUntil[ChatKey(message)] = message.NextAttemptAt.Value;
                    logger.LogWarning("{Channel} không trả lời cho tin {Key}; gửi lại một lần (có thể trùng)", message.Channel, db.Pseudonyms.Of(message.Key));
                    break;
                default:
                    message.Status = message.Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                    if (message.Status == OutboxStatus.Failed) metrics?.DeadLetter(message.Channel);
                    else metrics?.Retried(message.Channel, result.RetryAfter is null ? "error" : "rate_limited");
                    if (result.RetryAfter is { } retryAfter)
                    {
                        // A flood limit covers the whole bot, not this chat: the channel pauses for the time it names.
                        _pausedUntil[sender.Channel] = time.GetUtcNow() + retryAfter;
                        metrics?.RateLimited(sender.Channel);
                        logger.LogWarning("{Channel} yêu cầu chờ {Seconds} giây (giới hạn tần suất)", sender.Channel, retryAfter.TotalSeconds);
                    }
                    message.NextAttemptAt = now + (result.RetryAfter ?? RetryWait(message.Attempts));
                    _heldUntil[ChatKey(message)] = message.NextAttemptAt.Value;
                    break;
            }
            changed.Add(message);
            // A platform's sender records each outcome at once, so a crash can repeat at most the one message in flight.
            if (changed.Count >= (sender.SavesEachOutcome ? 1 : 25)) Save(changed);
        }
        Save(changed);
        return sent;
    }

    /// <summary>
    /// An undelivered message is kept where administrators look (/loi), its failed status saved in the same transaction:
    /// a crash between the two would list it and still send it a third time, or fail it in silence. Running it again
    /// puts it back in the outbox.
    /// </summary>
    private void KeepUndelivered(OutboxMessage message)
    {
        if (failures is null) return;
        try
        {
            failures.RecordAdapter(UndeliveredSource, message.ChatId, message.Key, $"{message.Channel}: {message.LastError}", with: () => db.Outbox.Update(message));
        }
        catch (LiteException ex)
        {
            logger.LogError(ex, "Không ghi lại được tin {Key} chưa gửi được", db.Pseudonyms.Of(message.Key));
        }
    }

    public const string UndeliveredSource = "outbox";

    /// <summary>/loi's "run again" for an undelivered message: pending again, from a clean count.</summary>
    public Task<string> SendAgainAsync(string key, CancellationToken cancellationToken)
    {
        if (db.Outbox.FindById(key) is not { } message) return Task.FromResult("tin không còn trong hàng đợi");
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.Unanswered = 0;
        message.NextAttemptAt = null;
        db.InTransaction(() => db.Outbox.Update(message));
        Notify();
        return Task.FromResult("đã đưa lại vào hàng đợi gửi");
    }

    private void Save(List<OutboxMessage> changed)
    {
        if (changed.Count == 0) return;
        db.InTransaction(() => db.Outbox.Update(changed));
        changed.Clear();
    }

    private bool IsHeld(OutboxMessage message, DateTime roundStart)
    {
        var chat = ChatKey(message);
        if (!_heldUntil.TryGetValue(chat, out var until)) return false;
        // The retried message itself is due again at that instant, and goes first (the round is in enqueue order).
        if (roundStart >= until)
        {
            _heldUntil.Remove(chat);
            return false;
        }
        return true;
    }

    private async Task<SendResult> SendAsync(IOutboxSender sender, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(OutboxWriter.ToPushed(message), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the exception's type is kept: channel exceptions may quote URLs that carry tokens.
            logger.LogWarning("Gửi {Key} qua {Channel} lỗi ({Error}), sẽ thử lại", db.Pseudonyms.Of(message.Key), message.Channel, ex.GetType().Name);
            message.LastError = ex.GetType().Name;
            return SendResult.RetryLater;
        }
    }

    /// <summary>Texts longer than their channel takes are split into parts in the outbox before anything is sent.</summary>
    private IEnumerable<OutboxMessage> SplitOversized(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            if (!_senders.TryGetValue(message.Channel, out var sender) || message.Text.Length <= sender.Limits.MaxTextLength)
            {
                yield return message;
                continue;
            }
            var parts = OutboxWriter.Split(message, sender.Limits.MaxTextLength);
            db.InTransaction(() =>
            {
                db.Outbox.Delete(message.Key);
                db.Outbox.InsertBulk(parts);
                return parts.Count;
            });
            foreach (var part in parts) yield return part;
        }
    }

    /// <summary>5 s, 20 s, 80 s, about 5 and 21 minutes, then hourly: a blip costs a reply seconds, an outage is not hammered.</summary>
    public static TimeSpan RetryWait(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(4, attempts - 1)));

    private bool IsPaused(string channel, DateTime roundStart) => _pausedUntil.TryGetValue(channel, out var until) && roundStart < until.UtcDateTime;

    private static string ChatKey(OutboxMessage m) => $"{m.Channel}:{m.ChatId}";

    public void Dispose() => _single.Dispose();
}
