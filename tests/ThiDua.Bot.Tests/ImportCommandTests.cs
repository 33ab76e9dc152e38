using ThiDua.Bot.Hosting;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Tests;
using ThiDua.Core.Tests.Scans;

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
    public async Task A_plan_becomes_a_draft_with_its_text_in_the_data_layout_and_an_existing_file_is_never_overwritten()
    {
        // The binary carries a copy of data/ next to it.
        var plan = Path.Combine(AppContext.BaseDirectory, "data", "plans", "hai-duong-70-dbp.txt");
        var data = Path.Combine(_folder, "data");
        var draft = Path.Combine(data, "campaigns", "hai-duong-moi.json");

        var (exit, output, errors) = await Run(plan, "--out", draft);
        Assert.Equal(0, exit);
        Assert.Contains("Đã ghi bản nháp", output);
        Assert.Contains("Cần kiểm tra", errors);
        Assert.Contains("document.number", errors);
        Assert.Contains("nạp được như đã ghi", errors);
        var written = await File.ReadAllTextAsync(draft);
        Assert.Contains("\"issuedMonth\": \"2024-03\"", written);
        Assert.Contains("\"sourceFile\": \"plans/hai-duong-moi.txt\"", written);
        Assert.Equal(await File.ReadAllTextAsync(plan), await File.ReadAllTextAsync(Path.Combine(data, "plans", "hai-duong-moi.txt")));
        // It loads as written: no hand edits.
        var loaded = CampaignFileLoader.LoadFolder(data);
        Assert.Empty(loaded.Errors);
        Assert.Equal("hai-duong-moi", Assert.Single(loaded.Campaigns).Campaign.Id);

        (exit, _, errors) = await Run(plan, "--out", draft);
        Assert.Equal(2, exit);
        Assert.Contains("không ghi đè", errors);
        Assert.Equal(written, await File.ReadAllTextAsync(draft));
    }

    [Fact]
    public async Task An_imported_plan_answers_on_the_next_start()
    {
        // A copy of the data folder, the reviewed Lào Cai plan left out so its text arrives only through import.
        var data = Path.Combine(_folder, "data");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "data"), data);
        File.Delete(Path.Combine(data, "campaigns", "lao-cai-217.json"));
        var text = Path.Combine(_folder, "ke-hoach-lao-cai.txt");
        File.Move(Path.Combine(data, "plans", "lao-cai-217.txt"), text);

        var (exit, _, errors) = await Run(text, "--out", Path.Combine(data, "campaigns", "lao-cai-moi.json"));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("✗", errors);

        using var bot = new ScriptSession("--now", "2024-04-20T09:00:00+07:00", $"--Knowledge:DataPath={data}", $"--Storage:DatabasePath={Path.Combine(_folder, "bot.db")}");
        var answer = ScriptSession.FirstText(await bot.Text("c1", "kh 217 lào cai ai ký, ký ngày nào"));
        Assert.Contains("Trịnh Xuân Trường", answer);
        Assert.Contains("15/4/2024", answer);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
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

    /// <summary>Each file crashed or stalled `import` (an unhandled XmlException, a stack overflow, out of memory: exit 134).</summary>
    [Fact]
    public async Task Files_made_to_crash_or_stall_the_reader_are_refused_with_their_reason_and_the_refusal_exit_code()
    {
        var longText = Path.Combine(_folder, "dai.txt");
        HostileFiles.WriteLongText(longText, megabytes: 19);
        var cases = new (string Name, byte[]? Content, string Reason)[]
        {
            ("long-nhau.docx", HostileFiles.NestedDocx(), "lồng nhau quá sâu"),
            ("bom.docx", HostileFiles.ZipBomb(), "giải nén ra hơn 100 MB"),
            ("ky-tu-la.docx", HostileFiles.ControlCharacterDocx(), "tệp .docx hỏng"),
            ("3000-trang.pdf", HostileFiles.ManyPagesPdf(), "quá 200 trang"),
            ("dai.txt", null, "văn bản dài quá"),
        };
        foreach (var (name, content, reason) in cases)
        {
            var file = Path.Combine(_folder, name);
            if (content is not null) await File.WriteAllBytesAsync(file, content);
            var (exit, output, errors) = await Run(file, "--out", Path.Combine(_folder, "data", "campaigns", "x.json"));
            Assert.True(exit == ImportCommand.Refused, $"{name}: exit {exit}, {errors}");
            Assert.Contains($"Không nhập được kế hoạch từ '{file}'", errors);
            Assert.Contains(reason, errors);
            Assert.DoesNotContain("Unhandled", errors);
            Assert.Empty(output);
        }
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task The_limits_are_read_from_the_configuration_like_the_bots()
    {
        var pdf = Path.Combine(_folder, "30-trang.pdf");
        await File.WriteAllBytesAsync(pdf, HostileFiles.ManyPagesPdf(30));
        var (exit, _, errors) = await Run(pdf, "--Import:MaxPdfPages=20");
        Assert.Equal(ImportCommand.Refused, exit);
        Assert.Contains("quá 20 trang", errors);

        (exit, _, errors) = await Run(pdf, "--Import:MaxSeconds=0");
        Assert.Equal(ImportCommand.Refused, exit);
        Assert.Contains("Import:MaxSeconds phải từ 1 đến 3600", errors);
    }

    [Fact]
    public async Task A_scanned_plan_is_read_by_ocr_with_its_pages_reported_and_drafted_like_a_text_plan()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "plans", "lao-cai-217.txt"));
        var scan = Path.Combine(_folder, "lao-cai-quet.pdf");
        await File.WriteAllBytesAsync(scan, PlanScanner.ImagePdf(PlanScanner.Pages(text, new ScanLook(), maxPages: 2)));
        var draft = Path.Combine(_folder, "data", "campaigns", "lao-cai-quet.json");

        var (exit, _, errors) = await Run(scan, "--out", draft);

        Assert.True(exit == ImportCommand.Drafted, errors);
        Assert.Contains("Đang đọc trang 1/2 (ảnh quét, OCR)…", errors);
        Assert.Contains("⚠ document: đọc từ bản quét bằng OCR (2 trang", errors);
        Assert.Contains("\"number\": \"217/KH-UBND\"", await File.ReadAllTextAsync(draft));
    }

    [Fact]
    public async Task Without_tesseract_a_scan_is_refused_with_what_to_install()
    {
        var scan = Path.Combine(_folder, "quet.pdf");
        await File.WriteAllBytesAsync(scan, PlanScanner.ImagePdf(PlanScanner.Pages("Kế hoạch thi đua năm 2024", new ScanLook(), maxPages: 1)));

        var (exit, _, errors) = await Run(scan, "--Import:Tesseract=/nonexistent/tesseract");

        Assert.Equal(ImportCommand.Refused, exit);
        Assert.Contains(ThiDua.Core.Import.Ocr.ScanTools.InstallCommand, errors);
    }
}
