using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Legal;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>
/// Start-up: validate data/campaigns, bring LiteDB up to date (changed campaigns only; user data untouched),
/// then build the knowledge base from what the database holds. A broken file keeps its last good version.
/// </summary>
public sealed class KnowledgeLoader(BotDatabase db, ILogger<KnowledgeLoader> logger, TimeProvider time)
{
    public KnowledgeBase Load(string dataFolder)
    {
        var result = CampaignFileLoader.LoadFolder(dataFolder);
        foreach (var error in result.Errors)
            logger.LogError("Dữ liệu kế hoạch lỗi, bỏ qua: {File}: {Field}: {Problem}", error.File, error.Field, error.Problem);
        foreach (var loaded in result.Campaigns) Upsert(loaded);
        RemoveDeletedFiles(dataFolder);

        var campaigns = new List<Campaign>();
        foreach (var stored in db.Campaigns.FindAll())
        {
            try
            {
                if (JsonSerializer.Deserialize<Campaign>(stored.Json, KnowledgeJson.Options) is { } c) campaigns.Add(c);
            }
            catch (JsonException ex)
            {
                logger.LogError(ex, "Kế hoạch {Id} lưu trong cơ sở dữ liệu không đọc được, bỏ qua", stored.Id);
            }
        }
        var glossaryPath = Path.Combine(dataFolder, "glossary.json");
        var glossary = Glossary.Empty;
        try { glossary = Glossary.Load(glossaryPath); }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogError("Bảng từ viết tắt {File} lỗi, chạy không có nó: {Problem}", glossaryPath, ex.Message);
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in campaigns)
        {
            var path = Path.Combine(dataFolder, c.Document.SourceFile);
            if (File.Exists(path)) texts[c.Id] = File.ReadAllText(path);
            // Published from an import: the text was kept with the record.
            else if (db.Campaigns.FindById(c.Id) is { } stored && db.PlanTexts.Get(stored.PlanText, stored.PlanTextFile) is { } kept) texts[c.Id] = kept;
        }
        var (legal, legalErrors) = LegalKnowledge.Load(dataFolder, glossary);
        foreach (var error in legalErrors)
            logger.LogError("Dữ liệu pháp lý lỗi: {File}: {Field}: {Problem}", error.File, error.Field, error.Problem);
        logger.LogInformation("Đã nạp {Count} kế hoạch ({Errors} tệp lỗi), {Changes} thay đổi pháp lý, {Rules} quy định chung",
            campaigns.Count, result.Errors.Count, legal.Changes.Count(), legal.Rules.Count());
        var places = AdministrativeUnits.Empty;
        try { places = AdministrativeUnits.Load(dataFolder); }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogError("Danh mục đơn vị hành chính lỗi, chạy không có nó: {Problem}", ex.Message);
        }
        return new KnowledgeBase(campaigns, glossary, texts, legal, places);
    }

    /// <summary>A campaign loaded from a file that is no longer there is removed (a broken file keeps its last good version).</summary>
    private void RemoveDeletedFiles(string dataFolder)
    {
        foreach (var stored in db.Campaigns.FindAll().ToList())
        {
            if (!stored.Source.StartsWith("campaigns", StringComparison.Ordinal) || File.Exists(Path.Combine(dataFolder, stored.Source))) continue;
            db.Campaigns.Delete(stored.Id);
            logger.LogWarning("Kế hoạch {Id} bị gỡ vì tệp {File} không còn", stored.Id, stored.Source);
        }
    }

    private void Upsert(LoadedCampaign loaded)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(loaded.Json)));
        var existing = db.Campaigns.FindById(loaded.Campaign.Id);
        if (existing?.Hash == hash) return;
        db.Campaigns.Upsert(new StoredCampaign
        {
            Id = loaded.Campaign.Id,
            Hash = hash,
            Json = loaded.Json,
            Source = loaded.File,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        });
        logger.LogInformation("Cập nhật kế hoạch {Id} từ {File}", loaded.Campaign.Id, loaded.File);
    }
}
