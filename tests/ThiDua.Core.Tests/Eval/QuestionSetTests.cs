using ThiDua.Core.Knowledge;
using Xunit.Abstractions;

namespace ThiDua.Core.Tests.Eval;

/// <summary>
/// The development question sets (tests/eval/*.dev*.jsonl, written from the plans' texts by people who had not seen
/// the answers), asked of the bot as an officer would, with the reviewed plans and with the same plans imported from
/// their text through the documented import path. Each run prints what failed; the floors keep the scores from
/// sliding back. The held-out sets (*.test*.jsonl) are never run here: they are scored only, with ../shared/qa/check.
/// </summary>
public class QuestionSetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("seeds.dev.jsonl", 0.95)]
    [InlineData("seeds.dev2.jsonl", 0.93)]
    [InlineData("seeds.dev3.jsonl", 0.93)]
    [InlineData("seeds.dev4.jsonl", 0.95)]
    [InlineData("seeds.dev5.jsonl", 0.9)]
    public void Dev_questions_about_the_reviewed_plans(string file, double floor) =>
        Score(file, TestBot.LoadKnowledge(TimeProvider.System), floor);

    [Fact]
    public void Dev_questions_about_the_same_plans_imported_from_their_text_with_no_hand_edits()
    {
        using var data = new ImportedData();
        foreach (var text in Directory.GetFiles(Path.Combine(RepoPaths.Data, "plans"), "*.txt"))
            data.Import(text);
        Score("seeds.dev.jsonl", data.Load(), 0.92);
    }

    [Fact]
    public void Dev_questions_about_real_plans_known_only_by_their_openings()
    {
        using var data = new ImportedData(withReviewedPlans: true);
        foreach (var plan in DevOpenings()) data.Import(Path.Combine(RepoPaths.Root, "tests", "eval", "openings", plan + ".txt"));
        Score("openings.dev.jsonl", data.Load(), 0.95);
    }

    [Fact]
    public void Dev_questions_about_whole_2025_style_plans_imported_with_no_hand_edits() =>
        // Four whole plans written in the style of real 2025 ones (tests/eval/fullplans/SOURCES.md), beside the reviewed five.
        ScoreWholePlans("fullplans.dev.jsonl", 0.9, "fullplans");

    [Fact]
    public void Dev_questions_about_a_second_set_of_whole_plans_imported_beside_the_first() =>
        // Three more (tests/eval/fullplans2/SOURCES.md), written after the first set was tuned on: loaded with it and the reviewed five.
        ScoreWholePlans("fullplans2.dev.jsonl", 0.9, "fullplans", "fullplans2");

    [Fact]
    public void Dev_questions_about_a_third_set_of_whole_plans_imported_beside_the_other_two() =>
        // Four more (tests/eval/fullplans3/SOURCES.md: a plan pasted from a PDF, a ward's task table, a bloc's scoring, a mass organisation).
        ScoreWholePlans("fullplans3.dev.jsonl", 0.85, "fullplans", "fullplans2", "fullplans3");

    [Fact]
    public void Dev_questions_about_a_fourth_set_of_whole_plans_imported_beside_the_other_three() =>
        // Four more (tests/eval/fullplans4/SOURCES.md: a decision issuing a plan with an appendix, a Sở Y tế, a commune, a Hội nghị).
        ScoreWholePlans("fullplans4.dev.jsonl", 0.85, "fullplans", "fullplans2", "fullplans3", "fullplans4");

    /// <summary>Every plan text of the folders imported as the command line does, beside the reviewed five, then the cases scored.</summary>
    private void ScoreWholePlans(string file, double floor, params string[] folders)
    {
        using var data = new ImportedData(withReviewedPlans: true);
        foreach (var folder in folders)
            foreach (var text in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "eval", folder), "*.txt")) data.Import(text);
        Score(file, data.Load(), floor);
    }

    /// <summary>The plans the openings' dev split is about (its "plan" fields).</summary>
    private static IEnumerable<string> DevOpenings() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "eval", "openings.dev.jsonl")).Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("plan").GetString()!).Distinct();

    private void Score(string file, KnowledgeBase knowledge, double floor)
    {
        var cases = QuestionSet.Load(file);
        var failed = 0;
        foreach (var c in cases)
        {
            using var bot = new TestBot(c.Now ?? DateTimeOffset.Parse(QuestionSet.DefaultNow, System.Globalization.CultureInfo.InvariantCulture), knowledge: knowledge);
            // Every turn is asked in order (a lazy Select(…).Last() would ask only the last one).
            Conversations.Reply reply = null!;
            foreach (var turn in c.Turns) reply = bot.Ask(turn, chat: c.Id);
            var missing = QuestionSet.Judge(c, reply);
            if (missing.Count == 0) continue;
            failed++;
            output.WriteLine($"FAIL {c.Id}: {string.Join(", ", missing)} | {c.Turns[^1]} | {reply.Text.Replace('\n', ' ')[..Math.Min(200, reply.Text.Length)]}");
        }
        var score = (double)(cases.Count - failed) / cases.Count;
        output.WriteLine($"{file}: {cases.Count - failed}/{cases.Count} ({score:P0})");
        Assert.True(score >= floor, $"{file}: {cases.Count - failed}/{cases.Count} is below the floor of {floor:P0}");
    }
}
