using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ThiDua.Core.Import;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// `import FILE [--out data/campaigns/x.json]`: drafts a campaign record from a plan (.txt, .docx, .pdf), writes it
/// and the plan's text where the data layout says (so it loads as written on the next start) and lists what a
/// person must check. An existing record or text is never overwritten.
/// </summary>
public static class ImportCommand
{
    /// <summary>Exit codes (README): a draft written or printed; a file or target refused with its reason; a fault of the bot's own.</summary>
    public const int Drafted = 0, Unexpected = 1, Refused = 2;

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        if (commandLine.Positional is not [var file])
        {
            await errors.WriteLineAsync("Dùng: import TỆP [--out data/campaigns/ten-ke-hoach.json] (TỆP: .txt, .docx, .pdf, hoặc ảnh quét .jpg, .png)");
            return Refused;
        }
        try
        {
            return await DraftAsync(file, commandLine, output, errors);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or StartupException)
        {
            await errors.WriteLineAsync($"Không nhập được kế hoạch từ '{file}': {ex.Message}");
            return Refused;
        }
        catch (Exception ex)
        {
            // Never a stack trace and exit 134: a fault of the importer itself still says what happened, with its own code.
            await errors.WriteLineAsync($"Không nhập được kế hoạch từ '{file}': lỗi không mong đợi của trình nhập ({ex.GetType().Name}: {ex.Message}).");
            return Unexpected;
        }
    }

    private static async Task<int> DraftAsync(string file, CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        var limits = CoreServices.ImportOptionsFrom(Configuration(commandLine));
        var data = DataFolderFor(commandLine.Out);
        // A scan's doubtful words are repaired towards the words of the plans in the data folder; its pages are reported as they start.
        var scans = new ScanReader(limits, () => ScanReader.Vocabulary(Directory.Exists(Path.Combine(data, "plans")) ? Directory.EnumerateFiles(Path.Combine(data, "plans"), "*.txt").Select(File.ReadAllText) : []));
        var pages = new PagesTo(errors);
        var (text, draft) = await PlanFileImport.RunAsync(file, AdministrativeUnits.Load(data), limits, TimeProvider.System, CancellationToken.None, scans, pages);
        var c = draft.Campaign;
        var problems = new List<DataFileError>();
        if (commandLine.Out is { } target)
        {
            (c, problems) = PlanFiles.Write(target, c, text);
            if (problems.Any(p => p.Field == "(file)"))
            {
                foreach (var p in problems) await errors.WriteLineAsync($"'{p.File}' {p.Problem}");
                return Refused;
            }
            await output.WriteLineAsync($"Đã ghi bản nháp: {target} (văn bản: {c.Document.SourceFile} trong thư mục dữ liệu)");
        }
        else
        {
            c = PlanFiles.Named(c);
            await output.WriteLineAsync(JsonSerializer.Serialize(c, KnowledgeJson.Options));
            problems = CampaignValidator.Validate(c, c.Id + ".json");
        }

        await errors.WriteLineAsync($"Bản nháp: {c.ShortName} — {(c.Document.Number ?? "chưa có số")}, {c.Period.Start:d/M/yyyy}–{c.Period.End:d/M/yyyy}, {c.Phases.Count} đợt, {c.Awards.Count} hình thức, {c.Dossier?.Components.Count ?? 0} thành phần hồ sơ, {c.Deadlines.Count} mốc.");
        await errors.WriteLineAsync($"Cần kiểm tra ({draft.Flags.Count}):");
        foreach (var flag in draft.Flags) await errors.WriteLineAsync($"  ⚠ {flag.Field}: {flag.Problem}");
        foreach (var problem in problems)
            await errors.WriteLineAsync($"  ✗ {problem.Field}: {problem.Problem}");
        if (commandLine.Out is not null)
            await errors.WriteLineAsync(problems.Count == 0
                ? "Bản nháp nạp được như đã ghi: lần khởi động sau, bot trả lời theo kế hoạch này (hãy rà soát các mục ⚠ trước khi dùng thật)."
                : "Bản nháp còn lỗi ✗: sửa trong tệp rồi khởi động lại; bot bỏ qua tệp lỗi và báo lỗi theo từng trường.");
        return Drafted;
    }

    /// <summary>The settings the bot reads (Import:* limits, Storage:*): appsettings.json beside the program, the environment, the command line.</summary>
    internal static IConfiguration Configuration(CommandLine commandLine) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine([.. commandLine.ConfigurationArgs])
        .Build();

    /// <summary>
    /// The data folder whose administrative units name a plan's province when the plan names only its commune (and
    /// whose plans' words repair a scan): the one the draft is written into (the parent of campaigns/), else the copy
    /// next to the program.
    /// </summary>
    private static string DataFolderFor(string? target)
    {
        var beside = target is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(target)));
        return beside is not null && Directory.Exists(Path.Combine(beside, "places")) ? beside : Path.Combine(AppContext.BaseDirectory, "data");
    }

    /// <summary>A scan's pages on the error stream as they start ("Đang đọc trang 3/9…"), so a long OCR run is seen to move.</summary>
    private sealed class PagesTo(TextWriter errors) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            lock (errors) errors.WriteLine($"Đang đọc trang {value.Page}/{value.Pages} (ảnh quét, OCR)…");
        }
    }
}
