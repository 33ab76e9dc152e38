using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Import;

/// <summary>A plan file's text and the draft made from it.</summary>
public sealed record ImportedFile(string Text, ImportDraft Draft);

/// <summary>
/// Reads a plan file and drafts it within <see cref="ImportOptions"/>: on a worker thread, stopped after MaxSeconds
/// (timed by the TimeProvider). A file without text (a scanned PDF, a photo of a page) is read by OCR
/// (<see cref="ScanReader"/>) and then drafted the same way, within MaxScanSeconds instead. Every refusal, the time
/// limit included, is an <see cref="InvalidDataException"/> whose message says why, for the chat and the command line alike.
/// </summary>
public static class PlanFileImport
{
    /// <param name="scans">Reads scans (its vocabulary repairs OCR); null reads them with the limits' programs and no vocabulary.</param>
    /// <param name="progress">Told as each page of a scan starts (the chat's "Đang đọc trang 3/9…").</param>
    public static async Task<ImportedFile> RunAsync(
        Func<CancellationToken, Task<Stream>> open, string fileName, AdministrativeUnits? places, ImportOptions limits, TimeProvider time, CancellationToken cancellationToken,
        ScanReader? scans = null, IProgress<ScanProgress>? progress = null)
    {
        // The timer exists before the work starts, so a fake clock moved once the file is open always stops it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.MaxSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var scanning = false;
        var work = Task.Run(async () =>
        {
            await using var content = await open(linked.Token);
            var (text, flags) = await TextOfAsync(content, fileName, limits, () =>
            {
                // A scan has its own budget from here: OCR takes seconds a page where a text layer takes milliseconds.
                scanning = true;
                timeout.CancelAfter(TimeSpan.FromSeconds(limits.MaxScanSeconds));
                return scans ?? new ScanReader(limits);
            }, progress, linked.Token);
            var draft = PlanImporter.Import(text, places, linked.Token);
            return new ImportedFile(text, draft with { Flags = [.. flags(draft), .. draft.Flags] });
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
            throw new InvalidDataException(scanning
                ? $"đọc bản quét quá {limits.MaxScanSeconds} giây (giới hạn Import:MaxScanSeconds) nên đã dừng, không lưu gì: gửi ít trang hơn (chỉ phần kế hoạch), hoặc bản .docx hay PDF có chữ"
                : $"đọc tệp quá {limits.MaxSeconds} giây (giới hạn Import:MaxSeconds) nên đã dừng: một kế hoạch thường đọc xong dưới một giây, tệp này có thể hỏng hoặc quá phức tạp");
        }
        catch (Exception ex) when (ex is OutOfMemoryException or InsufficientExecutionStackException)
        {
            throw new InvalidDataException("tệp cần quá nhiều bộ nhớ để đọc: không phải một kế hoạch thông thường", ex);
        }
    }

    /// <summary>The text the importer reads, and the flags that go with it: a note on the code page, or how a scan was read.</summary>
    private static async Task<(string Text, Func<ImportDraft, IEnumerable<ImportFlag>> Flags)> TextOfAsync(
        Stream content, string fileName, ImportOptions limits, Func<ScanReader> scanning, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        if (ScanReader.IsImage(fileName))
            return Scanned(await scanning().ReadImageAsync(content, progress, ct));
        // A bundle is unzipped, and a PDF may need reading twice (its text layer, then its pages by OCR): their bytes
        // are kept (at most 20 MB).
        using var seekable = new MemoryStream();
        await content.CopyToAsync(seekable, ct);
        seekable.Position = 0;
        if (PageBundle.IsBundle(fileName))
            return Scanned(await scanning().ReadImagesAsync(await PageBundle.PagesAsync(seekable, limits, ct), progress, ct));
        var read = PlanFileReader.ReadOrScanned(seekable, fileName, limits, ct);
        if (read.ScannedPages is { } pages)
        {
            seekable.Position = 0;
            return Scanned(await scanning().ReadPdfAsync(seekable, pages, progress, ct));
        }
        return (read.Text, _ => read.Note is null ? [] : [new ImportFlag("document", read.Note)]);
    }

    private static (string, Func<ImportDraft, IEnumerable<ImportFlag>>) Scanned(ScannedText scan) => (scan.Text, draft => ScanFlags.For(draft.Campaign, scan));

    /// <summary>A file on this machine (the command line's `import FILE`), with the same limits.</summary>
    public static Task<ImportedFile> RunAsync(string path, AdministrativeUnits? places, ImportOptions limits, TimeProvider time, CancellationToken cancellationToken,
        ScanReader? scans = null, IProgress<ScanProgress>? progress = null)
    {
        var info = PlanFileReader.Existing(path);
        return RunAsync(_ => Task.FromResult<Stream>(info.OpenRead()), info.Name, places, limits, time, cancellationToken, scans, progress);
    }
}
