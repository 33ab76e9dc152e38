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
        static Score Found<T>(string field, IEnumerable<T> wanted, Func<T, bool> found) => wanted.ToList() is var w ? new(field, w.Count(found), w.Count) : null!;
        var scores = new List<Score>
        {
            new("document.number", Same(imported.Document.Number, reviewed.Document.Number) ? 1 : 0, 1),
            new("document.issuedOn", imported.Document.IssuedOn == reviewed.Document.IssuedOn && imported.Document.IssuedMonth == reviewed.Document.IssuedMonth && imported.Document.IssuedYear == reviewed.Document.IssuedYear ? 1 : 0, 1),
            new("document.issuer", Same(imported.Document.Issuer, reviewed.Document.Issuer) ? 1 : 0, 1),
            new("document.title", Overlap(imported.Document.Title, reviewed.Document.Title) >= 0.9 ? 1 : 0, 1),
            new("document.signer", Same(imported.Document.Signer, reviewed.Document.Signer) ? 1 : 0, 1),
            new("level", imported.Level == reviewed.Level ? 1 : 0, 1),
            new("area.province", Same(imported.Area.Province, reviewed.Area.Province) ? 1 : 0, 1),
            new("area.district", Same(imported.Area.District, reviewed.Area.District) && Same(imported.Area.Commune, reviewed.Area.Commune) ? 1 : 0, 1),
            new("period.start", imported.Period.Start == reviewed.Period.Start ? 1 : 0, 1),
            new("period.end", imported.Period.End == reviewed.Period.End ? 1 : 0, 1),
            new("phases", reviewed.Phases.Count(p => imported.Phases.Any(i => i.Start == p.Start && i.End == p.End)) + (imported.Phases.Count == reviewed.Phases.Count ? 1 : 0), reviewed.Phases.Count + 1),
            Found("phases.closing", reviewed.Phases.Where(p => p.Closing is not null), p => imported.Phases.Any(i => i.Id == p.Id && i.Closing is not null && Overlap(i.Closing, p.Closing!) >= 0.8)),
            Found("themes", reviewed.Themes, t => imported.Themes.Any(i => i.PhaseId == t.PhaseId && Overlap(i.Text, t.Text) >= 0.8)),
        };
        // Deadlines: each reviewed obligation's due date found among the imported ones (anniversary events excluded).
        var due = reviewed.Deadlines.Where(d => d.Kind != DeadlineKind.Event).Select(d => d.DueDate).Distinct().ToList();
        scores.Add(new("deadlines.dueDate", due.Count(d => imported.Deadlines.Any(i => i.DueDate == d)), due.Count));
        var obligations = reviewed.Deadlines.Where(d => d.Kind is DeadlineKind.Report or DeadlineKind.Submission or DeadlineKind.UnitPlan).ToList();
        scores.Add(Found("deadlines.kind", obligations, d => imported.Deadlines.Any(i => i.DueDate == d.DueDate && i.Kind == d.Kind)));
        scores.Add(Found("deadlines.who", obligations, d => imported.Deadlines.Any(i => i.DueDate == d.DueDate && Overlap(i.Who, d.Who) >= 0.5)));
        scores.Add(Found("deadlines.sendTo", reviewed.Deadlines.Where(d => d.SendTo is not null && d.Kind != DeadlineKind.FinalReview), d => imported.Deadlines.Any(i => i.DueDate == d.DueDate && i.SendTo is not null && Overlap(i.SendTo, d.SendTo!) >= 0.5)));
        var dossier = reviewed.Dossier?.Components ?? [];
        scores.Add(new("dossier.components", dossier.Count(c => imported.Dossier?.Components.Any(i => i.Id.StartsWith(c.Id.Split('-')[0], StringComparison.Ordinal)) == true) + (dossier.Count == 0 && imported.Dossier is null ? 1 : 0), Math.Max(1, dossier.Count)));
        if (reviewed.Dossier is { } d)
        {
            scores.Add(new("dossier.formats", d.Formats.Count(f => imported.Dossier?.Formats.Contains(f) == true) + (d.Formats.Count == imported.Dossier?.Formats.Count ? 1 : 0), d.Formats.Count + 1));
            scores.Add(new("dossier.copiesText", Same(d.CopiesText, imported.Dossier?.CopiesText) ? 1 : 0, 1));
        }
        scores.Add(new("awards", reviewed.Awards.Count(a => imported.Awards.Any(i => Overlap(i.Name, a.Name) >= 0.6)), reviewed.Awards.Count));
        scores.Add(Found("awards.decidedBy", reviewed.Awards, a => imported.Awards.Any(i => Overlap(i.Name, a.Name) >= 0.6 && Overlap(i.DecidedBy, a.DecidedBy) >= 0.6)));
        scores.Add(Found("awards.phaseIds", reviewed.Awards.Where(a => a.PhaseIds.Count > 0), a => imported.Awards.Any(i => Overlap(i.Name, a.Name) >= 0.6 && i.PhaseIds.Order().SequenceEqual(a.PhaseIds.Order()))));
        scores.Add(new("anniversaries", reviewed.Anniversaries.Count(a => imported.Anniversaries.Any(i => i.AnniversaryDate == a.AnniversaryDate && Overlap(i.Name, a.Name) >= 0.6)), reviewed.Anniversaries.Count));
        scores.Add(new("criteria", reviewed.Criteria.Select(c => c.AppliesTo).Distinct().Count(k => imported.Criteria.Any(i => i.AppliesTo == k)), reviewed.Criteria.Select(c => c.AppliesTo).Distinct().Count()));
        scores.Add(Found("criteria.items", reviewed.Criteria.SelectMany(c => c.Items.Select(item => (c.AppliesTo, item))), x => imported.Criteria.Any(i => i.AppliesTo == x.AppliesTo && i.Items.Any(item => Overlap(item, x.item) >= 0.9))));
        scores.Add(new("quotas", reviewed.Quotas.Count(q => imported.Quotas.Any(i => i.Max == q.Max && i.Scope == q.Scope && i.AppliesTo == q.AppliesTo && (q.AwardId is null || i.AwardId == q.AwardId))), reviewed.Quotas.Count));
        scores.Add(Found("targets", reviewed.Targets, t => imported.Targets.Any(i => Overlap(i.Text, t.Text) >= 0.8)));
        scores.Add(Found("legalBases", reviewed.LegalBases, b => imported.LegalBases.Any(i => b.DocumentNumber is null ? Overlap(i.Text, b.Text) >= 0.8 : Same(i.DocumentNumber, b.DocumentNumber) && i.Date == b.Date)));
        scores.Add(Found("responsibilities.who", reviewed.Responsibilities.Where(x => !x.Section.Contains('(', StringComparison.Ordinal)), x => imported.Responsibilities.Any(i => Overlap(i.Who, x.Who) >= 0.6)));
        scores.Add(Found("responsibilities.duties", reviewed.Responsibilities.Where(x => !x.Section.Contains('(', StringComparison.Ordinal)).SelectMany(x => x.Duties.Select(duty => (x.Who, duty))),
            x => imported.Responsibilities.Any(i => Overlap(i.Who, x.Who) >= 0.6 && i.Duties.Any(duty => Overlap(duty, x.duty) >= 0.7))));
        scores.Add(Found("bodies", reviewed.Bodies.Where(b => b.Role is BodyRole.Lead or BodyRole.Appraising or BodyRole.Receiving or BodyRole.Deciding), b => imported.Bodies.Any(i => i.Role == b.Role && Overlap(i.Name, b.Name) >= 0.5)));
        scores.Add(Found("tasks", reviewed.Tasks, t => imported.Tasks.Any(i => i.Period == t.Period && i.Due == t.Due && Overlap(i.Text, t.Text) >= 0.8)));
        scores.Add(Found("contacts", reviewed.Contacts, c => imported.Contacts.Any(i => Overlap(i.Name, c.Name) >= 0.6)));
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

        // Floors measured on 01/12/2026 (issue 15): every field the importer reads, at what it reached; raise them as it improves.
        Assert.True(overall >= 0.98, $"overall accuracy {overall:P0}");
        var floors = new Dictionary<string, double>(StringComparer.Ordinal) { ["awards.decidedBy"] = 0.75, ["bodies"] = 0.95 };
        Assert.All(byField, f => Assert.True(f.Ratio >= floors.GetValueOrDefault(f.Field, 1.0), $"{f.Field} {f.Right}/{f.Total}"));
    }

    [Fact]
    public void Every_draft_is_a_valid_campaign_record_and_says_what_to_check()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Data, "plans"), "*.txt"))
        {
            var draft = PlanImporter.Import(File.ReadAllText(file));
            var problems = CampaignValidator.Validate(draft.Campaign, Path.GetFileName(file));
            Assert.True(problems.Count == 0, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")));
            // What it asks the officer to check is about this draft: how many awards and dates it read by itself, and
            // each award whose decider the plan does not name (a flag list that is never empty would prove nothing).
            var c = draft.Campaign;
            Assert.Contains(draft.Flags, f => f.Field == "awards" && f.Problem.StartsWith($"{c.Awards.Count} hình thức đọc tự động", StringComparison.Ordinal));
            Assert.Contains(draft.Flags, f => f.Field == "deadlines" && f.Problem.StartsWith($"{c.Deadlines.Count} mốc đọc tự động", StringComparison.Ordinal));
            Assert.All(c.Awards.Where(a => a.DecidedBy.Length == 0), a => Assert.Contains(draft.Flags, f => f.Problem.Contains($"\"{a.Name}\"", StringComparison.Ordinal)));
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
