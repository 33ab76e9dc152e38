using System.Text.Json;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Import;

/// <summary>
/// Where a plan lives in the data layout: its record in campaigns/&lt;id&gt;.json, its text in plans/&lt;id&gt;.txt, the
/// record's sourceFile pointing at the text. A drafted plan written here loads as written on the next start.
/// The command line writes here; a plan published from chat keeps the same names in LiteDB.
/// </summary>
public static class PlanFiles
{
    public static string SourceFileOf(string id) => $"plans/{id}.txt";

    /// <summary>The draft under the plan's canonical names: the id (from the file name when it is a valid one) and its source file.</summary>
    public static Campaign Named(Campaign draft, string? id = null)
    {
        var chosen = id is not null && CampaignValidator.IsValidId(id) ? id : draft.Id;
        return draft with { Id = chosen, Document = draft.Document with { SourceFile = SourceFileOf(chosen) } };
    }

    /// <summary>
    /// Writes the record to <paramref name="campaignFile"/> (under a "campaigns" folder) and the text beside it under
    /// "plans"; never overwrites either. Returns the problems that keep it from loading, empty when it will load.
    /// </summary>
    public static (Campaign Written, List<DataFileError> Problems) Write(string campaignFile, Campaign draft, string planText)
    {
        var full = Path.GetFullPath(campaignFile);
        var campaigns = Path.GetDirectoryName(full)!;
        var dataFolder = Path.GetDirectoryName(campaigns)!;
        var name = Path.GetFileNameWithoutExtension(full);
        var c = Named(draft, name);
        var textFile = Path.Combine(dataFolder, c.Document.SourceFile);
        var problems = new List<DataFileError>();
        if (!string.Equals(Path.GetFileName(campaigns), "campaigns", StringComparison.Ordinal))
            problems.Add(new DataFileError(campaignFile, "(file)", "bản nháp phải ở trong thư mục campaigns của thư mục dữ liệu (ví dụ data/campaigns/ten-ke-hoach.json)"));
        if (File.Exists(full)) problems.Add(new DataFileError(campaignFile, "(file)", "đã có: không ghi đè kế hoạch đã có. Chọn tên khác cho bản nháp."));
        if (File.Exists(textFile)) problems.Add(new DataFileError(textFile, "(file)", "đã có văn bản cùng tên: không ghi đè. Chọn tên khác cho bản nháp."));
        if (problems.Count > 0) return (c, problems);
        Directory.CreateDirectory(Path.GetDirectoryName(textFile)!);
        Directory.CreateDirectory(campaigns);
        File.WriteAllText(textFile, planText);
        File.WriteAllText(full, JsonSerializer.Serialize(c, KnowledgeJson.Options) + "\n");
        return (c, CampaignValidator.Validate(c, Path.GetRelativePath(dataFolder, full), dataFolder));
    }
}
