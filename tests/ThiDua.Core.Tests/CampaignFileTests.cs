using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>Bad data files are named precisely and skipped; good ones still load.</summary>
public class CampaignFileTests
{
    /// <summary>A data folder of its own, with the Lào Cai plan text the campaign file points at.</summary>
    private static DirectoryInfo NewDataFolder()
    {
        var folder = Directory.CreateTempSubdirectory("thidua-data-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "campaigns"));
        Directory.CreateDirectory(Path.Combine(folder.FullName, "plans"));
        File.Copy(Path.Combine(TestBot.DataFolder, "plans", "lao-cai-217.txt"), Path.Combine(folder.FullName, "plans", "lao-cai-217.txt"));
        return folder;
    }

    private static string ValidJson => File.ReadAllText(Path.Combine(TestBot.DataFolder, "campaigns", "lao-cai-217.json"));

    [Fact]
    public void A_broken_file_is_reported_with_file_and_field_and_the_others_still_load()
    {
        var folder = NewDataFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "campaigns", "good.json"), ValidJson);
            File.WriteAllText(Path.Combine(folder.FullName, "campaigns", "broken.json"), "{ \"id\": ");
            File.WriteAllText(Path.Combine(folder.FullName, "campaigns", "bad-date.json"), ValidJson.Replace("\"2024-06-20\"", "\"20/6/2024\"", StringComparison.Ordinal).Replace("lao-cai-217\"", "lao-cai-x\"", StringComparison.Ordinal));

            var result = CampaignFileLoader.LoadFolder(folder.FullName);

            Assert.Single(result.Campaigns);
            Assert.Contains(result.Errors, e => e.File.EndsWith("broken.json", StringComparison.Ordinal));
            var badDate = Assert.Single(result.Errors, e => e.File.EndsWith("bad-date.json", StringComparison.Ordinal));
            Assert.Contains("phases", badDate.Field);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public void A_changed_file_updates_its_campaign_a_broken_one_keeps_the_last_good_version_and_a_removed_one_goes()
    {
        var folder = NewDataFolder();
        try
        {
            var file = Path.Combine(folder.FullName, "campaigns", "lao-cai-217.json");
            File.WriteAllText(file, ValidJson);
            using var db = new Storage.BotDatabase(new MemoryStream());
            var loader = new KnowledgeLoader(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<KnowledgeLoader>.Instance, TimeProvider.System);
            Assert.Single(loader.Load(folder.FullName).Campaigns);

            File.WriteAllText(file, ValidJson.Replace("Lào Cai – thi đua cao điểm", "Lào Cai – đợt cao điểm", StringComparison.Ordinal));
            Assert.StartsWith("Lào Cai – đợt cao điểm", loader.Load(folder.FullName).Campaigns.Single().ShortName);

            File.WriteAllText(file, "{ broken");
            Assert.StartsWith("Lào Cai – đợt cao điểm", loader.Load(folder.FullName).Campaigns.Single().ShortName);

            File.Delete(file);
            Assert.Empty(loader.Load(folder.FullName).Campaigns);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Theory]
    [InlineData("\"id\": \"lao-cai-217\"", "\"id\": \"Lào Cai!\"", "id")]
    [InlineData("\"codePrefix\": \"LC\"", "\"codePrefix\": \"lc-long\"", "codePrefix")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 9", "schemaVersion")]
    public void Semantic_errors_name_the_field(string from, string to, string field)
    {
        var json = ValidJson.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(ValidJson, json);
        var (_, errors) = CampaignFileLoader.Parse(json, "x.json");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void A_reference_to_a_missing_phase_is_caught()
    {
        var json = ValidJson.Replace("\"phaseId\": \"dot-1\"", "\"phaseId\": \"dot-9\"", StringComparison.Ordinal);
        var (_, errors) = CampaignFileLoader.Parse(json, "x.json");
        Assert.Contains(errors, e => e.Problem.Contains("dot-9", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        var (campaign, errors) = CampaignFileLoader.Parse("{\"id\":\"x\"}", "x.json");
        Assert.Null(campaign);
        Assert.Single(errors);
        Assert.Equal("x.json", errors[0].File);
    }
}
