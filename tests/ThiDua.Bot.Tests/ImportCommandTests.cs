namespace ThiDua.Bot.Tests;

/// <summary>`import FILE --out …` from the command line: a draft and its checklist, never an overwritten plan.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> Run(params string[] args)
    {
        using var process = BotProcess.Start(["import", .. args]);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, errors);
    }

    [Fact]
    public async Task A_plan_becomes_a_draft_file_with_what_to_check_and_an_existing_file_is_never_overwritten()
    {
        // The binary carries a copy of data/ next to it.
        var plan = Path.Combine(AppContext.BaseDirectory, "data", "plans", "hai-duong-70-dbp.txt");
        var draft = Path.Combine(_folder, "hai-duong.json");

        var (exit, output, errors) = await Run(plan, "--out", draft);
        Assert.Equal(0, exit);
        Assert.Contains("Đã ghi bản nháp", output);
        Assert.Contains("Cần kiểm tra", errors);
        Assert.Contains("document.number", errors);
        var written = await File.ReadAllTextAsync(draft);
        Assert.Contains("\"issuedMonth\": \"2024-03\"", written);

        (exit, _, errors) = await Run(plan, "--out", draft);
        Assert.Equal(2, exit);
        Assert.Contains("không ghi đè", errors);
        Assert.Equal(written, await File.ReadAllTextAsync(draft));
    }

    [Fact]
    public async Task Empty_missing_and_unreadable_files_get_a_reason()
    {
        var empty = Path.Combine(_folder, "rong.txt");
        await File.WriteAllTextAsync(empty, "");
        var scanned = Path.Combine(_folder, "anh.pdf");
        await File.WriteAllBytesAsync(scanned, "%PDF-1.4\n%%EOF"u8.ToArray());

        foreach (var (file, reason) in new[] { (empty, "rỗng"), (Path.Combine(_folder, "khong-co.txt"), "không có tệp"), (scanned, "PDF") })
        {
            var (exit, _, errors) = await Run(file);
            Assert.Equal(2, exit);
            Assert.Contains(reason, errors);
        }
    }
}
