using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>A plan headed by short unnumbered lines in sentence case ("Thời gian và các đợt thi đua", "Hồ sơ và thời hạn").</summary>
public sealed class SentenceCaseHeadingTests : IDisposable
{
    private readonly ImportedData _data = new();
    private readonly KnowledgeBase _knowledge;

    public SentenceCaseHeadingTests()
    {
        _data.Import(Path.Combine(RepoPaths.Root, "tests", "eval", "fullplans2", "hung-yen-svhttdl-1187.txt"));
        _knowledge = _data.Load();
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Its_parts_are_read_under_their_headings_and_a_phase_from_the_signing_runs_from_the_issue_date()
    {
        var plan = Assert.Single(_knowledge.Campaigns);

        var first = Assert.Single(plan.Phases, p => p.Id == "dot-1");
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 27)), (first.Start, first.End));
        var second = Assert.Single(plan.Phases, p => p.Id == "dot-2");
        Assert.Equal(new DateOnly(2026, 3, 28), second.Start);
        Assert.NotNull(second.EndEstimatedFrom);
        Assert.Equal("Thời gian và các đợt thi đua", first.Section);
    }

    [Fact]
    public void The_first_phase_end_is_answered()
    {
        using var bot = new TestBot(new DateTimeOffset(2025, 12, 22, 9, 0, 0, TimeSpan.FromHours(7)), knowledge: _knowledge);
        var reply = bot.Ask("đợt 1 thi đua ngành văn hóa hưng yên kết thúc ngày nào");

        Assert.Contains("Đợt 1: 15/12/2025 – 27/3/2026", reply.Text);
        Assert.DoesNotContain("không chia", reply.Text);
    }
}

/// <summary>A record that lacks phases the plan's text names never makes the bot say the plan has none.</summary>
public class UnreadPhasesTests
{
    [Fact]
    public void Phases_missing_from_the_record_are_quoted_from_the_text_not_denied()
    {
        var loaded = TestBot.LoadKnowledge(TimeProvider.System);
        var knowledge = new KnowledgeBase(loaded.Campaigns.Select(c => c.Id == "lao-cai-217" ? c with { Phases = [] } : c), loaded.Glossary, loaded.PlanTexts, loaded.Legal, loaded.Places);
        using var bot = new TestBot(knowledge: knowledge);

        foreach (var question in new[] { "lào cai có mấy đợt thi đua", "đợt 3 của lào cai bắt đầu khi nào" })
        {
            var reply = bot.Ask(question);
            Assert.DoesNotContain("không chia", reply.Text);
            Assert.Contains("“1. Đợt 1", reply.Text);
        }
    }
}
