using System.Globalization;
using System.Text.Json;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Knowledge;

namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>
/// `import-accuracy [TRUTH_DIR] [--misses] [--scanned]`: imports every plan through the command line's own entry point
/// (`import FILE --out DATA/campaigns/&lt;id&gt;.json`, into a fresh data folder) and prints, per field, truth items,
/// imported items, correct, precision and recall: for the five seeds (truth: data/campaigns, the importer was tuned on
/// them), then for each split of TRUTH_DIR (default tests/eval/import-truth); with --scanned, for the seeds' scanned
/// copies instead of the splits. --misses lists what did not pair, for the
/// seeds and the dev split only: the test split is held out and shows only its totals (and how many imports were refused).
/// </summary>
internal static class ImportAccuracyRun
{
    private sealed record Plan(PlanFacts Truth, string TextPath);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = DataFolder.Root;
        var truthDir = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(root, "tests", "eval", "import-truth"));
        var misses = args.Contains("--misses", StringComparer.Ordinal);
        var work = Path.Combine(Path.GetTempPath(), $"thidua-import-accuracy-{Guid.NewGuid():N}");
        // The fresh data folder has the administrative units, as `--out data/campaigns/<id>.json` would find them.
        Directory.CreateDirectory(Path.Combine(work, "places"));
        foreach (var f in Directory.GetFiles(Path.Combine(DataFolder.Path, "places"))) File.Copy(f, Path.Combine(work, "places", Path.GetFileName(f)));
        try
        {
            var reviewed = Fields.All.Select(f => f.Name.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
            var seeds = Directory.GetFiles(Path.Combine(DataFolder.Path, "campaigns"), "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<Campaign>(File.ReadAllText(f), KnowledgeJson.Options)!)
                .Select(c => new Plan(PlanFacts.Of(c, c.Id, reviewed), Path.Combine(DataFolder.Path, c.Document.SourceFile))).ToList();
            var truths = Directory.GetFiles(truthDir, "*.json").Order(StringComparer.Ordinal).Select(TruthFile.Read).ToList();
            if (Check(truths, truthDir) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }
            await ReportAsync("seeds: tuned on (truth data/campaigns, text data/plans)", seeds, work, misses);
            if (args.Contains("--scanned", StringComparer.Ordinal))
            {
                await ReportScannedAsync(seeds, work, misses);
                return 0;
            }
            foreach (var split in truths.Select(t => t.Split).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var plans = truths.Where(t => t.Split == split).Select(t => new Plan(t.Facts, t.TextPath)).ToList();
                var heldOut = split == "test";
                await ReportAsync($"{split}: unseen real plans, openings ({Path.GetRelativePath(root, truthDir)}){(heldOut ? ", held out: totals only" : "")}", plans, work, misses && !heldOut);
            }
            // A refused import is a result (nothing imported, every truth item missed), not a failure of the measurement.
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Each plan's split as SOURCES.md and the case files have it, and none of the plans kept to measure the bot.</summary>
    private static string? Check(List<TruthFile> truths, string truthDir)
    {
        foreach (var t in truths)
        {
            var cases = Path.Combine(truthDir, "..", $"openings.{t.Split}.jsonl");
            if (File.Exists(cases) && !File.ReadLines(cases).Where(l => l.Length > 0).Any(l => PlanOf(l) == t.Facts.Plan))
                return $"{t.Facts.Plan}: split '{t.Split}' disagrees with {Path.GetFileName(cases)}";
            var place = FieldMatch.Key(t.Facts.Issuer + " " + t.Facts.Province);
            if (t.Facts.Issued?.StartsWith("2025", StringComparison.Ordinal) == true && (place.Contains("dak lak", StringComparison.Ordinal) || place.Contains("can tho", StringComparison.Ordinal) || place.Contains("nghe an", StringComparison.Ordinal)))
                return $"{t.Facts.Plan}: a 2025 plan of Đắk Lắk, Cần Thơ or Nghệ An is kept to measure the bot, not the importer";
            if (!File.Exists(t.TextPath)) return $"{t.Facts.Plan}: no text at {t.TextPath}";
        }
        return null;
    }

    private static string? PlanOf(string caseLine)
    {
        using var json = JsonDocument.Parse(caseLine);
        return json.RootElement.TryGetProperty("plan", out var plan) ? plan.GetString() : null;
    }

    private static async Task ReportAsync(string title, List<Plan> plans, string work, bool misses)
    {
        var totals = new FieldTotals();
        var refused = new List<string>();
        foreach (var plan in plans)
        {
            var (imported, error) = await ImportAsync(plan.TextPath, plan.Truth.Plan, work);
            if (error is not null) refused.Add($"  import {plan.Truth.Plan} refused: {error}");
            totals.Add(plan.Truth, imported is null ? new PlanFacts { Plan = plan.Truth.Plan, Judged = plan.Truth.Judged } : PlanFacts.Of(imported, plan.Truth.Plan, plan.Truth.Judged));
        }
        Print(title, plans.Count, totals, refused, misses);
    }

    /// <summary>
    /// The seeds as scans (<see cref="Core.Tests.Scans.ScannedSeeds"/>: rendered, tilted, speckled, sealed, image-only PDF), each
    /// imported into a data folder holding the other four plans' texts (the vocabulary OCR repairs towards, never the
    /// plan's own).
    /// </summary>
    private static async Task ReportScannedAsync(List<Plan> seeds, string work, bool misses)
    {
        var totals = new FieldTotals();
        var refused = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = 0;
        foreach (var plan in seeds)
        {
            var folder = Path.Combine(work, "scanned-" + plan.Truth.Plan);
            Directory.CreateDirectory(Path.Combine(folder, "plans"));
            CopyFolder(Path.Combine(work, "places"), Path.Combine(folder, "places"));
            foreach (var other in seeds.Where(o => o != plan)) File.Copy(other.TextPath, Path.Combine(folder, "plans", Path.GetFileName(other.TextPath)));
            var scan = Path.Combine(folder, plan.Truth.Plan + ".pdf");
            var images = Core.Tests.Scans.ScannedSeeds.Pages(plan.Truth.Plan, await File.ReadAllTextAsync(plan.TextPath));
            pages += images.Count;
            await File.WriteAllBytesAsync(scan, Core.Tests.Scans.PlanScanner.ImagePdf(images));
            var (imported, error) = await ImportAsync(scan, plan.Truth.Plan, folder);
            if (error is not null) refused.Add($"  import {plan.Truth.Plan} refused: {error}");
            totals.Add(plan.Truth, imported is null ? new PlanFacts { Plan = plan.Truth.Plan, Judged = plan.Truth.Judged } : PlanFacts.Of(imported, plan.Truth.Plan, plan.Truth.Judged));
        }
        Print($"seeds, scanned copies ({pages} pages, image-only PDF, OCR {clock.Elapsed.TotalSeconds:F0} s)", seeds.Count, totals, refused, misses);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    private static void Print(string title, int count, FieldTotals totals, List<string> refused, bool misses)
    {
        Console.WriteLine();
        Console.WriteLine($"{title}: {count} plans");
        Console.WriteLine($"  {"field",-13} {"truth",6} {"imported",9} {"correct",8} {"precision",10} {"recall",7}");
        foreach (var (name, (t, i, c)) in totals.ByField)
            Console.WriteLine(Row(name, t, i, c));
        var (at, ai, ac) = totals.All;
        Console.WriteLine(Row("all fields", at, ai, ac));
        if (refused.Count > 0)
            Console.WriteLine(misses ? string.Join(Environment.NewLine, refused) : $"  {refused.Count} of {count} imports refused (counted as nothing imported)");
        if (misses)
            foreach (var line in totals.Detail) Console.WriteLine(line);
    }

    private static string Row(string name, int truth, int imported, int correct) =>
        $"  {name,-13} {truth,6} {imported,9} {correct,8} {Percent(correct, imported),10} {Percent(correct, truth),7}";

    private static string Percent(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>`import FILE --out WORK/campaigns/&lt;id&gt;.json` through the bot's own command line; its messages kept, not printed.</summary>
    private static async Task<(Campaign? Draft, string? Error)> ImportAsync(string text, string id, string work)
    {
        var target = Path.Combine(work, "campaigns", id + ".json");
        var errors = new StringWriter();
        var saved = Console.Error;
        Console.SetError(errors);
        int code;
        try
        {
            code = await BotProgram.RunAsync(["import", text, "--out", target], output: new StringWriter());
        }
        finally
        {
            Console.SetError(saved);
        }
        if (code != 0 || !File.Exists(target))
            return (null, $"exit {code.ToString(CultureInfo.InvariantCulture)}: {errors.ToString().Trim()}");
        return (JsonSerializer.Deserialize<Campaign>(await File.ReadAllTextAsync(target), KnowledgeJson.Options), null);
    }
}
