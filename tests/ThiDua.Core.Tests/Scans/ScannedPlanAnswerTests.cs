using System.Text.Json;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests.Scans;

/// <summary>
/// Questions of the dev set (tests/eval/seeds.dev.jsonl) about seed plans imported from their scanned copies get the
/// key facts the same plans imported from their text get: a scanned plan answers as a text plan does.
/// </summary>
public sealed class ScannedPlanAnswerTests
{
    private static readonly DateTimeOffset April2024 = new(2024, 4, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Plans = ["lao-cai-217", "hai-duong-70-dbp", "cam-phu-70-dbp"];

    /// <summary>Dev-set questions whose facts the text imports give (checked below) and the scanned imports must give too.</summary>
    private static readonly string[] Cases = ["s-dev-001", "s-dev-002", "s-dev-003", "s-dev-007", "s-dev-019", "s-dev-020", "s-dev-021"];

    [Fact]
    public async Task Questions_about_scanned_plans_get_the_facts_the_text_imports_give()
    {
        using var text = new ImportedData();
        foreach (var plan in Plans) text.Import(Path.Combine(RepoPaths.Data, "plans", plan + ".txt"));
        using var scanned = new ImportedData();
        foreach (var plan in Plans) scanned.Add(plan, (await ScannedSeedImports.GetAsync(plan)).Imported);
        using var fromText = new TestBot(April2024, knowledge: text.Load());
        using var fromScan = new TestBot(April2024, knowledge: scanned.Load());

        var cases = File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "eval", "seeds.dev.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement).Where(c => Cases.Contains(c.GetProperty("id").GetString())).ToList();
        Assert.Equal(Cases.Length, cases.Count);
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var question = c.GetProperty("turns")[0].GetString()!;
            var expect = c.GetProperty("expect").EnumerateArray().Select(g => g.EnumerateArray().Select(a => a.GetString()!).ToList()).ToList();
            Assert.True(Has(fromText.Ask(question).Text, expect), $"text import: {question}");
            var answer = fromScan.Ask(question).Text;
            if (!Has(answer, expect)) misses.Add($"{c.GetProperty("id").GetString()} {question}: {answer}");
        }
        Assert.True(misses.Count == 0, string.Join("\n\n", misses));
    }

    /// <summary>As ../shared/qa/check judges: every group has one of its phrases in the folded answer.</summary>
    private static bool Has(string answer, List<List<string>> expect)
    {
        var folded = VietnameseText.Fold(answer);
        return expect.All(group => group.Any(phrase => folded.Contains(VietnameseText.Fold(phrase), StringComparison.Ordinal)));
    }
}
