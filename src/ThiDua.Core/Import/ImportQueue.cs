using System.Globalization;
using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Failures;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Import;

/// <summary>
/// Plan files read in the background, so a slow file never holds other chats' messages (a channel handles a batch of
/// chats together). Files are read one after another: a plan takes under a second, the machine has few cores, and
/// each read is bounded by <see cref="ImportOptions"/>. The acknowledgement and then the outcome go through the outbox
/// to the chat that sent the file; the acknowledgement is enqueued first, so the draft can never overtake it.
/// Each job is kept in the database (<see cref="QueuedImport"/>): a restart reads what was waiting, once; a read that
/// throws is kept in /loi, its sender told, and an administrator's “Chạy lại” reads it again.
/// </summary>
public sealed class ImportQueue
{
    /// <summary>Files waiting or being read at once; past this a reviewer is asked to send again later.</summary>
    public const int Capacity = 8;
    /// <summary>Finished jobs are kept this long, so a message the platform delivers again still finds its job.</summary>
    private static readonly TimeSpan KeptDone = TimeSpan.FromDays(7);

    private readonly BotDatabase _db;
    private readonly OutboxDispatcher _outbox;
    private readonly PlanDrafts _drafts;
    private readonly FailureLog _failures;
    private readonly TimeProvider _time;
    private readonly ILogger<ImportQueue> _logger;
    private readonly ILiteCollection<QueuedImport> _jobs;
    private readonly ImportFiles _files;
    private readonly Channel<string> _keys = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    public ImportQueue(BotDatabase db, OutboxDispatcher outbox, PlanDrafts drafts, FailureLog failures, TimeProvider time, ILogger<ImportQueue> logger, IEnumerable<ImportFileSource> sources)
    {
        (_db, _outbox, _drafts, _failures, _time, _logger) = (db, outbox, drafts, failures, time, logger);
        _jobs = db.Collection<QueuedImport>("import_jobs");
        _files = new ImportFiles(db, _jobs, sources);
        // /loi's “Chạy lại” for a read that threw.
        failures.RegisterReplay(FailureLog.ImportSource, RunAgainAsync);
    }

    /// <summary>Raised as each page of a scan starts being read by OCR (tests wait on it).</summary>
    public event Action<QueuedImport, ScanProgress>? Reading;

    /// <summary>Raised once a job's outcome (a draft, a refusal, an apology) is in the outbox (tests wait on it).</summary>
    public event Action<QueuedImport, Reply>? Delivered;

    /// <returns>False when <see cref="Capacity"/> files are already waiting: nothing was enqueued.</returns>
    public bool TryEnqueue(IncomingMessage message, string ownerKey, IncomingFile file, Reply acknowledgement) =>
        TryEnqueue(message, ownerKey, file.FileName, file.Reference, acknowledgement, received: file, kept: null);

    /// <summary>
    /// Enqueues bytes the bot already holds (the photos of a page album, bundled), kept in the database with the job,
    /// so once this returns true the job reads them even after a restart, and the caller may drop its own copy.
    /// </summary>
    public bool TryEnqueueKept(IncomingMessage message, string ownerKey, string fileName, byte[] content, Reply acknowledgement) =>
        TryEnqueue(message, ownerKey, fileName, null, acknowledgement, received: null, kept: content);

    /// <param name="received">The channel's file, read from in this process until a copy is kept; null when <paramref name="kept"/> is that copy.</param>
    private bool TryEnqueue(IncomingMessage message, string ownerKey, string fileName, string? reference, Reply acknowledgement, IncomingFile? received, byte[]? kept)
    {
        var key = message.MessageId is { } id ? $"import:{message.Channel}:{message.ChatId}:{id}" : $"import:{Guid.NewGuid():N}";
        // Delivered again (a restart before the platform heard it was handled): already acknowledged, read or being read.
        if (_jobs.FindById(key) is not null) return true;
        if (Interlocked.Increment(ref _pending) > Capacity)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }
        var now = _time.GetUtcNow();
        var job = new QueuedImport
        {
            Key = key,
            Channel = message.Channel,
            ChatId = message.ChatId,
            UserId = message.UserId,
            OwnerKey = ownerKey,
            FileName = fileName,
            Reference = reference,
            Sequence = OutboxWriter.NextSequence(now),
            CreatedAt = now.UtcDateTime,
        };
        try
        {
            _db.InTransaction(() =>
            {
                if (kept is not null) _files.Keep(job, kept);
                _jobs.Insert(job);
                OutboxWriter.EnqueueOnce(_db, [OutboxWriter.FromReply(key + ":0", job.Channel, job.ChatId, acknowledgement, now, now)]);
                return 1;
            });
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
        _outbox.Notify();
        if (received is not null) _files.Received(job, received);
        _keys.Writer.TryWrite(key);
        return true;
    }

    /// <summary>The worker's loop: what a restart left waiting first, then each job read and its outcome delivered.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Resume();
        try
        {
            await foreach (var key in _keys.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ReadAsync(key, stoppingToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A file being read stays waiting in the database: the next start reads it.
        }
    }

    /// <summary>Runs a failed read again (an administrator's /loi); the outcome goes to the chat that sent the file.</summary>
    public Task<string> RunAgainAsync(string key, CancellationToken cancellationToken)
    {
        if (_jobs.FindById(key) is not { } job) return Task.FromResult("không còn việc đọc tệp này");
        if (job.State != ImportState.Failed)
            return Task.FromResult(job.State == ImportState.Waiting ? $"tệp “{job.FileName}” đang chờ đọc" : $"tệp “{job.FileName}” đã đọc xong");
        if (!_files.CanOpen(job)) return Task.FromResult($"bot không còn tệp “{job.FileName}” để đọc lại; người gửi cần gửi lại tệp");
        job.State = ImportState.Waiting;
        job.Attempt++;
        _db.InTransaction(() => _jobs.Update(job));
        Interlocked.Increment(ref _pending);
        _keys.Writer.TryWrite(job.Key);
        return Task.FromResult($"đã đưa tệp “{job.FileName}” vào hàng đọc lại, bản nháp (hoặc lý do không đọc được) sẽ gửi tới {job.Channel}:{job.ChatId}");
    }

    /// <summary>Queues the jobs a stop left waiting, oldest first, and forgets finished ones past <see cref="KeptDone"/>.</summary>
    private void Resume()
    {
        var old = (_time.GetUtcNow() - KeptDone).UtcDateTime;
        _db.InTransaction(() => _jobs.DeleteMany(j => j.State == ImportState.Done && j.DoneAt < old));
        foreach (var job in _jobs.Find(j => j.State == ImportState.Waiting).OrderBy(j => j.Sequence))
        {
            Interlocked.Increment(ref _pending);
            _keys.Writer.TryWrite(job.Key);
        }
    }

    private async Task ReadAsync(string key, CancellationToken stoppingToken)
    {
        // Queued twice (enqueued while the start resumed it): the first read finished it.
        if (_jobs.FindById(key) is not { State: ImportState.Waiting } job) return;
        try
        {
            var read = _files.CanOpen(job)
                ? await _drafts.ReadAsync(job.OwnerKey, _files.FileOf(job), stoppingToken, new PagesToChat(this, job))
                : new DraftRead(new Reply($"Bot đã khởi động lại trước khi tải xong tệp “{job.FileName}” và không tải lại được. Không có gì thay đổi: bạn gửi lại tệp nhé."), null);
            Complete(job, read);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError("Đọc tệp kế hoạch “{File}” cho {Chat} ({Channel}) lỗi, giữ lại trong /loi: {Error}", job.FileName, _db.Pseudonyms.OfChat(job.Channel, job.ChatId), job.Channel, _failures.Redacted(ex.ToString()));
            Fail(job, ex);
        }
    }

    /// <summary>The draft, the outcome in the outbox and the job done: one transaction, so a restart repeats none of them.</summary>
    private void Complete(QueuedImport job, DraftRead read)
    {
        var outcome = SharedChatButtons.Tag([Again(job, read.Reply)], job.From)[0];
        var now = _time.GetUtcNow();
        _db.InTransaction(() =>
        {
            read.Save?.Invoke();
            OutboxWriter.EnqueueOnce(_db, [OutboxWriter.FromReply(OutcomeKey(job), job.Channel, job.ChatId, outcome, now, now)]);
            job.State = ImportState.Done;
            job.DoneAt = now.UtcDateTime;
            _files.Delete(job);
            return _jobs.Update(job);
        });
        _outbox.Notify();
        Delivered?.Invoke(job, outcome);
    }

    /// <summary>Keeps the failure with the job (its file stays kept for a run again) and tells the sender; a database that cannot is logged.</summary>
    private void Fail(QueuedImport job, Exception error)
    {
        var now = _time.GetUtcNow();
        Reply apology;
        try
        {
            apology = _db.InTransaction(() =>
            {
                var failure = _failures.RecordBackground(FailureLog.ImportSource, job.From, job.FileName, job.Key, error);
                job.State = ImportState.Failed;
                job.FailureId = failure.Id;
                _jobs.Update(job);
                var told = new Reply($"Xin lỗi, tôi gặp lỗi khi đọc tệp kế hoạch “{job.FileName}” (đã ghi lại, mã lỗi #{failure.Id}). Không có gì thay đổi. "
                    + "Quản trị viên có thể cho đọc lại tệp này (lệnh /loi); khi đó tôi gửi bản nháp cho bạn. Bạn cũng có thể gửi lại tệp, hoặc gửi bản .docx hay .pdf khác.");
                OutboxWriter.EnqueueOnce(_db, [OutboxWriter.FromReply(OutcomeKey(job), job.Channel, job.ChatId, told, now, now)]);
                return told;
            });
        }
        catch (Exception recordError)
        {
            // Left waiting in the database: the next start tries it again.
            _logger.LogError("Không ghi lại được lỗi đọc tệp “{File}” cho {Chat} ({Channel}): {Error}", job.FileName, _db.Pseudonyms.OfChat(job.Channel, job.ChatId), job.Channel, _failures.Redacted(recordError.ToString()));
            return;
        }
        _outbox.Notify();
        Delivered?.Invoke(job, apology);
    }

    /// <summary>
    /// A scan's progress in its chat, through the outbox like the outcome: the first page (saying it is a scan and its
    /// limit), then about every fifth of the pages, so a 30-page scan sends six messages, not thirty.
    /// </summary>
    private sealed class PagesToChat(ImportQueue queue, QueuedImport job) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            var step = Math.Max(1, (value.Pages + 4) / 5);
            if (value.Page == 1 || (value.Page - 1) % step == 0 || value.Page == value.Pages)
            {
                var text = value.Page == 1
                    ? $"Tệp “{job.FileName}” là ảnh quét ({value.Pages} trang): tôi đọc bằng OCR, mất vài giây mỗi trang (tối đa {queue._drafts.Limits.MaxScanSeconds} giây). Đang đọc trang 1/{value.Pages}…"
                    : $"Đang đọc trang {value.Page}/{value.Pages}…";
                var now = queue._time.GetUtcNow();
                queue._db.InTransaction(() =>
                {
                    OutboxWriter.EnqueueOnce(queue._db, [OutboxWriter.FromReply($"{OutcomeKey(job)}:page{value.Page.ToString(CultureInfo.InvariantCulture)}", job.Channel, job.ChatId, new Reply(text), now, now)]);
                    return 1;
                });
                queue._outbox.Notify();
            }
            queue.Reading?.Invoke(job, value);
        }
    }

    private static string OutcomeKey(QueuedImport job) => $"{job.Key}:{job.Attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A read run again from /loi says which file and when it was sent, as the sender may not expect it now.</summary>
    private static Reply Again(QueuedImport job, Reply reply) => job.Attempt == 1
        ? reply
        : reply with { Text = $"(Đọc lại tệp “{job.FileName}” bạn gửi lúc {LocalClock.InVietnam(job.CreatedAt).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture)}, khi đó bot gặp lỗi.)\n{reply.Text}" };
}

/// <summary>Runs the import queue for the life of the host.</summary>
public sealed class ImportWorker(ImportQueue queue) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => queue.RunAsync(stoppingToken);
}
