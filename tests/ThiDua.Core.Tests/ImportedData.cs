using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Tests;

/// <summary>A data folder of its own: glossary, law and places of the repo, plans added through the import path.</summary>
internal sealed class ImportedData : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-eval-").FullName;

    public ImportedData(bool withReviewedPlans = false)
    {
        foreach (var part in new[] { "legal", "places" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, part));
            foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Data, part))) File.Copy(f, Path.Combine(_folder, part, Path.GetFileName(f)));
        }
        File.Copy(Path.Combine(RepoPaths.Data, "glossary.json"), Path.Combine(_folder, "glossary.json"));
        Directory.CreateDirectory(Path.Combine(_folder, "campaigns"));
        Directory.CreateDirectory(Path.Combine(_folder, "plans"));
        if (!withReviewedPlans) return;
        foreach (var part in new[] { "campaigns", "plans" })
            foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Data, part))) File.Copy(f, Path.Combine(_folder, part, Path.GetFileName(f)));
    }

    /// <summary>What `import FILE --out DATA/campaigns/NAME.json` does.</summary>
    public void Import(string planFile)
    {
        var text = PlanFileReader.Read(planFile);
        var name = Path.GetFileNameWithoutExtension(planFile);
        var (_, problems) = PlanFiles.Write(Path.Combine(_folder, "campaigns", name + ".json"), PlanImporter.Import(text, AdministrativeUnits.Load(_folder)).Campaign, text);
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")));
    }

    /// <summary>What `import FILE --out DATA/campaigns/NAME.json` writes, for a file already imported (a scan read once per test run).</summary>
    public void Add(string name, ImportedFile imported)
    {
        var (_, problems) = PlanFiles.Write(Path.Combine(_folder, "campaigns", name + ".json"), imported.Draft.Campaign, imported.Text);
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")));
    }

    public KnowledgeBase Load() => TestBot.LoadKnowledge(TimeProvider.System, _folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
