using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Import;

/// <summary>A plan file to read off the conversation loop, and the chat its outcome goes to.</summary>
public sealed record ImportJob(string Key, string Channel, string ChatId, Func<CancellationToken, Task<Reply>> Draft);

/// <summary>
/// Plan files read in the background, so a slow file never holds other chats' messages (a channel handles a batch of
/// chats together). Files are read one after another: a plan takes under a second, the machine has few cores, and
/// each read is bounded by <see cref="ImportOptions"/>. The acknowledgement and then the outcome go through the outbox
/// to the chat that sent the file; the acknowledgement is enqueued first, so the draft can never overtake it.
/// </summary>
public sealed class ImportQueue(BotDatabase db, OutboxDispatcher outbox, TimeProvider time, ILogger<ImportQueue> logger)
{
    /// <summary>Files waiting or being read at once; past this a reviewer is asked to send again later.</summary>
    public const int Capacity = 8;

    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    /// <summary>Raised once a job's outcome is in the outbox (tests wait on it).</summary>
    public event Action<ImportJob, Reply>? Delivered;

    /// <returns>False when <see cref="Capacity"/> files are already waiting: nothing was enqueued.</returns>
    public bool TryEnqueue(IncomingMessage message, Reply acknowledgement, Func<CancellationToken, Task<Reply>> draft)
    {
        if (Interlocked.Increment(ref _pending) > Capacity)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }
        var job = new ImportJob($"import:{Guid.NewGuid():N}", message.Channel, message.ChatId, draft);
        Deliver(job, ":0", acknowledgement);
        _jobs.Writer.TryWrite(job);
        return true;
    }

    /// <summary>The worker's loop: each job read, its outcome (a draft, a refusal, an apology) delivered.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            Reply outcome;
            try
            {
                outcome = await job.Draft(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Đọc tệp kế hoạch cho {Channel}:{Chat} lỗi", job.Channel, job.ChatId);
                outcome = new Reply("Xin lỗi, tôi gặp lỗi khi đọc tệp kế hoạch này. Không có gì thay đổi: bạn gửi lại, hoặc gửi bản .docx hay .pdf khác.");
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
            Deliver(job, ":1", outcome);
            Delivered?.Invoke(job, outcome);
        }
    }

    private void Deliver(ImportJob job, string part, Reply reply)
    {
        var now = time.GetUtcNow();
        db.InTransaction(() =>
        {
            OutboxWriter.EnqueueOnce(db, [OutboxWriter.FromReply(job.Key + part, job.Channel, job.ChatId, reply, now, now)]);
            return 1;
        });
        outbox.Notify();
    }
}

/// <summary>Runs the import queue for the life of the host.</summary>
public sealed class ImportWorker(ImportQueue queue) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => queue.RunAsync(stoppingToken);
}
