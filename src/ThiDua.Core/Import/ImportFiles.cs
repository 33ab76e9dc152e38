using System.Collections.Concurrent;
using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Import;

/// <summary>
/// The files of queued imports. Fetched in the background (as received, or again from the channel by its reference
/// after a restart), then kept in the database until the job is done, so a restart or a run again from /loi reads the
/// same bytes without the platform.
/// </summary>
public sealed class ImportFiles(BotDatabase db, ILiteCollection<QueuedImport> jobs, IEnumerable<ImportFileSource> sources)
{
    private readonly ILiteStorage<string> _stored = db.Storage("import_files", "import_chunks");
    private readonly ConcurrentDictionary<string, IncomingFile> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportFileSource> _sources = sources.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    /// <summary>The file as the channel handed it over, for this process's reads until one has kept a copy.</summary>
    public void Received(QueuedImport job, IncomingFile file) => _received[job.Key] = file;

    /// <summary>
    /// Keeps bytes the bot already holds (the photos of a page album, bundled) before the job is inserted; call inside
    /// the transaction that inserts it, so the job never exists without its file.
    /// </summary>
    public void Keep(QueuedImport job, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        Store(job, stream);
    }

    private void Store(QueuedImport job, Stream content)
    {
        var id = $"import/{Guid.NewGuid():N}";
        _stored.Upload(id, job.FileName, content);
        job.StoredFileId = id;
    }

    /// <summary>Whether the file can still be had: kept, received in this process, or fetched again from its channel.</summary>
    public bool CanOpen(QueuedImport job) =>
        Stored(job) || _received.ContainsKey(job.Key) || (job.Reference is not null && _sources.ContainsKey(job.Channel));

    public IncomingFile FileOf(QueuedImport job) => new(job.FileName, null, 0, ct => OpenAsync(job, ct));

    /// <summary>Removes the kept copy; call inside the transaction that marks the job done.</summary>
    public void Delete(QueuedImport job)
    {
        if (job.StoredFileId is { } id) _stored.Delete(id);
        _received.TryRemove(job.Key, out _);
    }

    private bool Stored(QueuedImport job) => job.StoredFileId is { } id && _stored.Exists(id);

    /// <summary>The kept copy; else the file fetched (at most the plan reader's limit), kept, and its copy read.</summary>
    private async Task<Stream> OpenAsync(QueuedImport job, CancellationToken ct)
    {
        if (Stored(job)) return _stored.OpenRead(job.StoredFileId!);
        Func<CancellationToken, Task<Stream>> fetch = _received.TryGetValue(job.Key, out var file) ? file.OpenRead
            : job.Reference is { } reference && _sources.TryGetValue(job.Channel, out var source) ? token => source.Fetch(reference, token)
            : throw new IOException("tệp không còn để tải lại");
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"thidua-import-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await using (var content = await fetch(ct))
                if (!await DossierFiles.CopyAtMostAsync(content, copy, PlanFileReader.MaxBytes, ct)) throw new FileTooLargeException(PlanFileReader.MaxBytes);
            copy.Position = 0;
            db.InTransaction(() =>
            {
                Store(job, copy);
                return jobs.Update(job);
            });
            // From now on the kept copy is read (a run again included): the channel's handle is not held in memory.
            _received.TryRemove(job.Key, out _);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}
