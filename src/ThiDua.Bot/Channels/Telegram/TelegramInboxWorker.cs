using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>Webhook mode: handles the posts stored in the inbox as they arrive, and those left by a crash at start.</summary>
public sealed class TelegramInboxWorker(TelegramInbox inbox, TelegramProcessor processor, TimeProvider time, ILogger<TelegramInboxWorker> logger) : BackgroundService
{
    private TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => _stored.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var stored = _stored.Task;
            try
            {
                var pending = inbox.Pending(1000);
                if (pending.Count > 0)
                {
                    await processor.HandleAsync(pending, inbox.CommitPosted, stoppingToken);
                    continue;
                }
                if (time.GetUtcNow() - lastPrune > TimeSpan.FromHours(1))
                {
                    inbox.PruneHandled();
                    lastPrune = time.GetUtcNow();
                }
                // Woken by the next post; the timeout only guards against a missed wake-up.
                await Task.WhenAny(stored, Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken));
                if (stored.IsCompleted) _stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError("Xử lý cập nhật Telegram lỗi; thử lại sau: {Error}", processor.Redacted(ex));
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }
}
