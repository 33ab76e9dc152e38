using System.Globalization;
using System.Text.Json;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Knowledge;

namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>
/// `import-accuracy [TRUTH_DIR] [--misses]`: imports every plan through the command line's own entry point
/// (`import FILE --out DATA/campaigns/&lt;id&gt;.json`, into a fresh data folder) and prints, per field, truth items,
/// imported items, correct, precision and recall: for the five seeds (truth: data/campaigns, the importer was tuned on
/// them), then for each split of TRUTH_DIR (default tests/eval/import-truth). --misses lists what did not pair, for the
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
        var totals = Fields.All.ToDictionary(f => f.Name, _ => (Truth: 0, Imported: 0, Correct: 0), StringComparer.Ordinal);
        var refused = new List<string>();
        var detail = new List<string>();
        foreach (var plan in plans)
        {
            var (imported, error) = await ImportAsync(plan.TextPath, plan.Truth.Plan, work);
            if (error is not null) refused.Add($"  import {plan.Truth.Plan} refused: {error}");
            var facts = imported is null ? new PlanFacts { Plan = plan.Truth.Plan, Judged = plan.Truth.Judged } : PlanFacts.Of(imported, plan.Truth.Plan, plan.Truth.Judged);
            foreach (var field in Fields.All)
            {
                var tally = field.Score(plan.Truth, facts);
                var (t, i, c) = totals[field.Name];
                totals[field.Name] = (t + tally.Truth, i + tally.Imported, c + tally.Correct);
                detail.AddRange(tally.Missed.Select(m => $"  {plan.Truth.Plan} {field.Name}  − {m}"));
                detail.AddRange(tally.Extra.Select(m => $"  {plan.Truth.Plan} {field.Name}  + {m}"));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"{title}: {plans.Count} plans");
        Console.WriteLine($"  {"field",-13} {"truth",6} {"imported",9} {"correct",8} {"precision",10} {"recall",7}");
        foreach (var (name, (t, i, c)) in totals)
            Console.WriteLine(Row(name, t, i, c));
        Console.WriteLine(Row("all fields", totals.Values.Sum(x => x.Truth), totals.Values.Sum(x => x.Imported), totals.Values.Sum(x => x.Correct)));
        if (refused.Count > 0)
            Console.WriteLine(misses ? string.Join(Environment.NewLine, refused) : $"  {refused.Count} of {plans.Count} imports refused (counted as nothing imported)");
        if (misses)
            foreach (var line in detail) Console.WriteLine(line);
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
