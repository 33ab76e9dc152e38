using System.Text.Json;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// `import FILE [--out data/campaigns/x.json]`: drafts a campaign record from a plan (.txt, .docx, .pdf) and
/// lists what a person must check. Nothing published changes: an existing output file is never overwritten,
/// and the draft only answers questions once someone reviews it and puts it in data/campaigns.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        if (commandLine.Positional is not [var file])
        {
            await errors.WriteLineAsync("Dùng: import TỆP [--out data/campaigns/ten-ke-hoach.json] (TỆP: .txt, .docx hoặc .pdf)");
            return 2;
        }
        ImportDraft draft;
        try
        {
            draft = PlanImporter.Import(PlanFileReader.Read(file), Path.GetFileName(file));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Không nhập được kế hoạch từ '{file}': {ex.Message}");
            return 2;
        }
        var json = JsonSerializer.Serialize(draft.Campaign, KnowledgeJson.Options);
        if (commandLine.Out is { } target)
        {
            if (File.Exists(target))
            {
                await errors.WriteLineAsync($"'{target}' đã có: không ghi đè kế hoạch đã có. Chọn tên khác cho bản nháp.");
                return 2;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            await File.WriteAllTextAsync(target, json + "\n");
            await output.WriteLineAsync($"Đã ghi bản nháp: {target}");
        }
        else await output.WriteLineAsync(json);

        var c = draft.Campaign;
        await errors.WriteLineAsync($"Bản nháp: {c.ShortName} — {(c.Document.Number ?? "chưa có số")}, {c.Period.Start:d/M/yyyy}–{c.Period.End:d/M/yyyy}, {c.Phases.Count} đợt, {c.Awards.Count} hình thức, {c.Dossier?.Components.Count ?? 0} thành phần hồ sơ, {c.Deadlines.Count} mốc.");
        await errors.WriteLineAsync($"Cần kiểm tra ({draft.Flags.Count}):");
        foreach (var flag in draft.Flags) await errors.WriteLineAsync($"  ⚠ {flag.Field}: {flag.Problem}");
        foreach (var problem in CampaignValidator.Validate(c, Path.GetFileName(commandLine.Out ?? file)))
            await errors.WriteLineAsync($"  ✗ {problem.Field}: {problem.Problem}");
        return 0;
    }
}
