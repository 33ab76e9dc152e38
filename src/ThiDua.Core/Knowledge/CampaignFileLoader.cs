using System.Text.Json;

namespace ThiDua.Core.Knowledge;

/// <summary>A problem in a data file, named precisely enough to fix it: file, field path, what is wrong.</summary>
public sealed record DataFileError(string File, string Field, string Problem)
{
    public override string ToString() => $"{File}: {Field}: {Problem}";
}

public sealed record LoadedCampaign(Campaign Campaign, string File, string Json);

public sealed record CampaignLoadResult(IReadOnlyList<LoadedCampaign> Campaigns, IReadOnlyList<DataFileError> Errors);

/// <summary>Reads data/campaigns/*.json; a broken file is reported and skipped, the others still load.</summary>
public static class CampaignFileLoader
{
    public static CampaignLoadResult LoadFolder(string dataFolder)
    {
        var campaigns = new List<LoadedCampaign>();
        var errors = new List<DataFileError>();
        var folder = Path.Combine(dataFolder, "campaigns");
        if (!Directory.Exists(folder))
        {
            errors.Add(new DataFileError(folder, "(folder)", "không tìm thấy thư mục dữ liệu kế hoạch"));
            return new CampaignLoadResult(campaigns, errors);
        }
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(dataFolder, path);
            string json;
            try { json = File.ReadAllText(path); }
            catch (IOException ex) { errors.Add(new DataFileError(name, "(file)", ex.Message)); continue; }
            var (campaign, fileErrors) = Parse(json, name, dataFolder);
            if (campaign is not null && seenIds.TryGetValue(campaign.Id, out var other))
                fileErrors.Add(new DataFileError(name, "id", $"'{campaign.Id}' is already used by {other}"));
            if (fileErrors.Count > 0 || campaign is null) { errors.AddRange(fileErrors); continue; }
            seenIds[campaign.Id] = name;
            campaigns.Add(new LoadedCampaign(campaign, name, json));
        }
        return new CampaignLoadResult(campaigns, errors);
    }

    /// <summary>Parses and validates one campaign file. dataFolder, when given, is used to check the source file exists.</summary>
    public static (Campaign? Campaign, List<DataFileError> Errors) Parse(string json, string fileName, string? dataFolder = null)
    {
        Campaign? campaign;
        try
        {
            campaign = JsonSerializer.Deserialize<Campaign>(json, KnowledgeJson.Options);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "(json)" : ex.Path;
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1})" : "";
            return (null, [new DataFileError(fileName, field, FirstSentence(ex.Message) + where)]);
        }
        if (campaign is null) return (null, [new DataFileError(fileName, "(json)", "file is empty (null)")]);
        var errors = CampaignValidator.Validate(campaign, fileName, dataFolder);
        return (campaign, errors);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
