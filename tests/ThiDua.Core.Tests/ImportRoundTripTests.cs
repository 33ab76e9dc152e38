using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;
using Xunit.Abstractions;

namespace ThiDua.Core.Tests;

/// <summary>
/// Importing each of the five original plan texts and comparing, field by field, with the reviewed records in
/// data/campaigns: the accuracy per field is printed, and the floors below keep it from sliding back.
/// </summary>
public class ImportRoundTripTests(ITestOutputHelper output)
{
    private sealed record Score(string Field, int Right, int Total)
    {
        public double Ratio => Total == 0 ? 1 : (double)Right / Total;
    }

    private static List<Score> Compare(Campaign imported, Campaign reviewed)
    {
        static bool Same(string? a, string? b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);
        var scores = new List<Score>
        {
            new("document.number", Same(imported.Document.Number, reviewed.Document.Number) ? 1 : 0, 1),
            new("document.issuedOn", imported.Document.IssuedOn == reviewed.Document.IssuedOn ? 1 : 0, 1),
            new("level", imported.Level == reviewed.Level ? 1 : 0, 1),
            new("area.province", Same(imported.Area.Province, reviewed.Area.Province) ? 1 : 0, 1),
            new("period.start", imported.Period.Start == reviewed.Period.Start ? 1 : 0, 1),
            new("period.end", imported.Period.End == reviewed.Period.End ? 1 : 0, 1),
            new("phases", reviewed.Phases.Count(p => imported.Phases.Any(i => i.Start == p.Start && i.End == p.End)) + (imported.Phases.Count == reviewed.Phases.Count ? 1 : 0), reviewed.Phases.Count + 1),
        };
        // Deadlines: each reviewed obligation's due date found among the imported ones (anniversary events excluded).
        var due = reviewed.Deadlines.Where(d => d.Kind != DeadlineKind.Event).Select(d => d.DueDate).Distinct().ToList();
        scores.Add(new("deadlines.dueDate", due.Count(d => imported.Deadlines.Any(i => i.DueDate == d)), due.Count));
        var dossier = reviewed.Dossier?.Components ?? [];
        scores.Add(new("dossier.components", dossier.Count(c => imported.Dossier?.Components.Any(i => i.Id.StartsWith(c.Id.Split('-')[0], StringComparison.Ordinal)) == true) + (dossier.Count == 0 && imported.Dossier is null ? 1 : 0), Math.Max(1, dossier.Count)));
        scores.Add(new("awards", reviewed.Awards.Count(a => imported.Awards.Any(i => Overlap(i.Name, a.Name) >= 0.6)), reviewed.Awards.Count));
        scores.Add(new("anniversaries", reviewed.Anniversaries.Count(a => imported.Anniversaries.Any(i => i.AnniversaryDate == a.AnniversaryDate && Overlap(i.Name, a.Name) >= 0.6)), reviewed.Anniversaries.Count));
        scores.Add(new("criteria", reviewed.Criteria.Select(c => c.AppliesTo).Distinct().Count(k => imported.Criteria.Any(i => i.AppliesTo == k)), reviewed.Criteria.Select(c => c.AppliesTo).Distinct().Count()));
        scores.Add(new("quotas", reviewed.Quotas.Count(q => imported.Quotas.Any(i => i.Max == q.Max)), reviewed.Quotas.Count));
        return scores;
    }

    /// <summary>Share of the reviewed name's words that the imported name has.</summary>
    private static double Overlap(string imported, string reviewed)
    {
        var have = VietnameseText.Words(imported).ToHashSet(StringComparer.Ordinal);
        var want = VietnameseText.Words(reviewed).Where(w => w.Length > 1).ToList();
        return want.Count == 0 ? 0 : (double)want.Count(have.Contains) / want.Count;
    }

    [Fact]
    public void The_five_seed_plans_import_close_to_their_reviewed_records()
    {
        var reviewed = TestBot.LoadKnowledge(TimeProvider.System).Campaigns;
        var all = new List<Score>();
        foreach (var campaign in reviewed)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Data, campaign.Document.SourceFile));
            var draft = PlanImporter.Import(text);
            var scores = Compare(draft.Campaign, campaign);
            all.AddRange(scores);
            output.WriteLine($"{campaign.Id}: " + string.Join(", ", scores.Select(s => $"{s.Field} {s.Right}/{s.Total}")) + $"; {draft.Flags.Count} flags");
        }
        var byField = all.GroupBy(s => s.Field).Select(g => new Score(g.Key, g.Sum(s => s.Right), g.Sum(s => s.Total))).ToList();
        foreach (var field in byField) output.WriteLine($"{field.Field,-22} {field.Right,3}/{field.Total,-3} {field.Ratio:P0}");
        var overall = (double)byField.Sum(f => f.Right) / byField.Sum(f => f.Total);
        output.WriteLine($"overall {overall:P0}");

        // Floors measured on 30/11/2026; raise them as the importer improves.
        Assert.True(overall >= 0.8, $"overall accuracy {overall:P0}");
        Assert.All(byField.Where(f => f.Field is "document.number" or "document.issuedOn" or "level" or "deadlines.dueDate" or "phases"), f => Assert.True(f.Ratio >= 0.8, $"{f.Field} {f.Ratio:P0}"));
    }

    [Fact]
    public void Every_draft_is_a_valid_campaign_record_and_says_what_to_check()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Data, "plans"), "*.txt"))
        {
            var draft = PlanImporter.Import(File.ReadAllText(file));
            var problems = CampaignValidator.Validate(draft.Campaign, Path.GetFileName(file));
            Assert.True(problems.Count == 0, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")));
            Assert.NotEmpty(draft.Flags);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\u00c3\u00a1\u00c2\u00bb\u00c2\u00a7y ban nh\u00c3\u00a2n d\u00c3\u00a2n")]
    public void Empty_or_garbled_text_is_refused_with_a_reason(string text)
    {
        var ex = Assert.Throws<InvalidDataException>(() => PlanImporter.Import(text));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }
}
