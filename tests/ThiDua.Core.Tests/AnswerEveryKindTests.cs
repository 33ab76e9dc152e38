using ThiDua.Core.Answers;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests;

/// <summary>Every kind of question on every plan: phone-sized, cited, and carrying the plan's own facts.</summary>
public class AnswerEveryKindTests
{
    private static readonly KnowledgeBase Knowledge = TestBot.LoadKnowledge(TimeProvider.System);
    private static readonly DateOnly April2024 = new(2024, 4, 20);

    public static TheoryData<string, QuestionKind> PlansAndKinds()
    {
        var data = new TheoryData<string, QuestionKind>();
        foreach (var campaign in Knowledge.Campaigns)
            foreach (var kind in Enum.GetValues<QuestionKind>().Where(k => k is not QuestionKind.None and not QuestionKind.ListCampaigns))
                data.Add(campaign.Id, kind);
        return data;
    }

    [Fact]
    public void All_five_seed_plans_are_loaded_without_errors()
    {
        var result = CampaignFileLoader.LoadFolder(TestBot.DataFolder);
        Assert.Empty(result.Errors);
        Assert.Equal(5, result.Campaigns.Count);
    }

    [Theory]
    [MemberData(nameof(PlansAndKinds))]
    public void Answer_is_short_cited_and_from_the_plan(string campaignId, QuestionKind kind)
    {
        var campaign = Knowledge.Find(campaignId)!;
        var reply = CampaignAnswers.Answer(new AnswerRequest(campaign, kind, April2024));

        Assert.InRange(reply.Text.Length, 40, AnswerBuilder.MaxLength);
        Assert.EndsWith($"{KnowledgeBase.PlanName(campaign)})", reply.Text);
        Assert.StartsWith("(Theo ", reply.Text.Split('\n')[^1]);
        Assert.InRange(reply.Buttons.Sum(r => r.Count), 2, 4);
        var expected = ExpectedFact(campaign, kind);
        if (expected is not null) Assert.Contains(VietnameseText.Fold(expected), VietnameseText.Fold(reply.Text));
    }

    [Theory]
    [MemberData(nameof(PlansAndKinds))]
    public void Answers_in_2026_say_the_plan_is_over(string campaignId, QuestionKind kind)
    {
        var campaign = Knowledge.Find(campaignId)!;
        var reply = CampaignAnswers.Answer(new AnswerRequest(campaign, kind, new DateOnly(2026, 11, 23)));
        Assert.Contains("kết thúc", reply.Text);
        Assert.DoesNotContain("đang diễn ra", reply.Text);
    }

    /// <summary>A fact the answer must carry, taken from the data (so it holds for any plan), or null when the kind has no list to show.</summary>
    private static string? ExpectedFact(Campaign c, QuestionKind kind) => kind switch
    {
        QuestionKind.TimeFrame => VietnameseDates.Format(c.Period.Start),
        QuestionKind.Theme => c.Themes.FirstOrDefault()?.Text[..Math.Min(20, c.Themes[0].Text.Length)],
        QuestionKind.Criteria => c.Criteria.FirstOrDefault()?.Items[0][..Math.Min(25, c.Criteria[0].Items[0].Length)],
        QuestionKind.Awards => c.Awards.FirstOrDefault()?.Name[..Math.Min(25, c.Awards[0].Name.Length)],
        QuestionKind.Quotas => c.Quotas.FirstOrDefault()?.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Dossier => c.Dossier?.Components[0].Name[..Math.Min(20, c.Dossier.Components[0].Name.Length)] ?? "không liệt kê",
        QuestionKind.Deadlines => c.Deadlines.Any(d => d.Kind != DeadlineKind.Event) ? VietnameseDates.Format(c.Deadlines.Where(d => d.Kind != DeadlineKind.Event).Min(d => d.DueDate)) : null,
        QuestionKind.LegalBasis => c.LegalBases.FirstOrDefault()?.Text[..Math.Min(20, c.LegalBases[0].Text.Length)],
        QuestionKind.Contacts => c.Contacts.FirstOrDefault()?.Name ?? "không nêu",
        _ => null,
    };
}
