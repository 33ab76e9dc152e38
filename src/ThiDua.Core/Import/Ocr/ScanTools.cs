using System.ComponentModel;
using System.Diagnostics;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Runs tesseract and pdftoppm as child processes: arguments as a list (never a shell line), one OCR thread each
/// (pages run side by side instead), killed with their children when the import is cancelled or runs out of time.
/// </summary>
public static class ScanTools
{
    public const string InstallCommand = "sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

    /// <summary>The OCR programs are not installed (or tesseract lacks its Vietnamese data): says what to install.</summary>
    public static InvalidDataException Missing(string detail) =>
        new($"tệp là ảnh quét, cần đọc bằng OCR, nhưng máy chủ chưa cài chương trình đọc ảnh ({detail}); quản trị viên cài bằng lệnh: {InstallCommand}");

    internal sealed record Output(int ExitCode, string Stdout, string Stderr);

    internal static async Task<Output> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // Tesseract's own threads fight over two cores; the reader runs pages in parallel instead.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw Missing($"không chạy được “{program}”");
        }
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
            return new Output(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* already gone */ }
            throw;
        }
    }
}
