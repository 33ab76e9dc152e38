using System.Text.Json;
using ThiDua.Core.Import;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Tests.Scans;

/// <summary>A seed plan's reviewed record, and what importing its scanned copy made of it.</summary>
public sealed record ScannedSeed(string Id, Campaign Reviewed, ImportedFile Imported);

/// <summary>
/// The five seed plans scanned (<see cref="ScannedSeeds"/>) and imported through the import path chat and command
/// line share (<see cref="PlanFileImport"/> with a <see cref="ScanReader"/>), once per test run: OCR takes seconds a
/// page, so every test about scanned seeds reads the same imports. Each is repaired towards the other four plans'
/// words, never its own.
/// </summary>
public static class ScannedSeedImports
{
    private static readonly Lazy<Task<IReadOnlyList<ScannedSeed>>> All = new(ImportAllAsync);

    public static Task<IReadOnlyList<ScannedSeed>> GetAsync() => All.Value;

    public static async Task<ScannedSeed> GetAsync(string id) => (await GetAsync()).Single(s => s.Id == id);

    private static async Task<IReadOnlyList<ScannedSeed>> ImportAllAsync()
    {
        var places = AdministrativeUnits.Load(RepoPaths.Data);
        var reviewed = Directory.GetFiles(Path.Combine(RepoPaths.Data, "campaigns"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<Campaign>(File.ReadAllText(f), KnowledgeJson.Options)!).ToList();
        var texts = reviewed.ToDictionary(c => c.Id, c => File.ReadAllText(Path.Combine(RepoPaths.Data, c.Document.SourceFile)), StringComparer.Ordinal);
        var limits = new ImportOptions();
        var seeds = new List<ScannedSeed>();
        foreach (var c in reviewed)
        {
            var pdf = PlanScanner.ImagePdf(ScannedSeeds.Pages(c.Id, texts[c.Id]));
            var scans = new ScanReader(limits, () => ScanReader.Vocabulary(texts.Where(t => t.Key != c.Id).Select(t => t.Value)));
            var imported = await PlanFileImport.RunAsync(_ => Task.FromResult<Stream>(new MemoryStream(pdf)), c.Id + ".pdf", places, limits, TimeProvider.System, CancellationToken.None, scans);
            seeds.Add(new ScannedSeed(c.Id, c, imported));
        }
        return seeds;
    }
}
