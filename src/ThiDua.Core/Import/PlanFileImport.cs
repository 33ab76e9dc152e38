using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Import;

/// <summary>A plan file's text and the draft made from it.</summary>
public sealed record ImportedFile(string Text, ImportDraft Draft);

/// <summary>
/// Reads a plan file and drafts it within <see cref="ImportOptions"/>: on a worker thread, stopped after MaxSeconds
/// (timed by the TimeProvider). Every refusal, the time limit included, is an <see cref="InvalidDataException"/>
/// whose message says why, for the chat and the command line alike.
/// </summary>
public static class PlanFileImport
{
    public static async Task<ImportedFile> RunAsync(
        Func<CancellationToken, Task<Stream>> open, string fileName, AdministrativeUnits? places, ImportOptions limits, TimeProvider time, CancellationToken cancellationToken)
    {
        // The timer exists before the work starts, so a fake clock moved once the file is open always stops it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.MaxSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var work = Task.Run(async () =>
        {
            await using var content = await open(linked.Token);
            var (text, note) = PlanFileReader.ReadNoted(content, fileName, limits, linked.Token);
            var draft = PlanImporter.Import(text, places, linked.Token);
            return new ImportedFile(text, note is null ? draft : draft with { Flags = [new ImportFlag("document", note), .. draft.Flags] });
        }, linked.Token);
        try
        {
            // Waiting on the token, not only on the work: a reader that misses a check still cannot hold the caller.
            return await work.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The abandoned work stops at its next check; its outcome is observed so it is not reported as unobserved.
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new InvalidDataException($"đọc tệp quá {limits.MaxSeconds} giây (giới hạn Import:MaxSeconds) nên đã dừng: một kế hoạch thường đọc xong dưới một giây, tệp này có thể hỏng hoặc quá phức tạp");
        }
        catch (Exception ex) when (ex is OutOfMemoryException or InsufficientExecutionStackException)
        {
            throw new InvalidDataException("tệp cần quá nhiều bộ nhớ để đọc: không phải một kế hoạch thông thường", ex);
        }
    }

    /// <summary>A file on this machine (the command line's `import FILE`), with the same limits.</summary>
    public static Task<ImportedFile> RunAsync(string path, AdministrativeUnits? places, ImportOptions limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = PlanFileReader.Existing(path);
        return RunAsync(_ => Task.FromResult<Stream>(info.OpenRead()), info.Name, places, limits, time, cancellationToken);
    }
}
