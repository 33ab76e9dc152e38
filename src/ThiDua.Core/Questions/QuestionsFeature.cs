using ThiDua.Core.Answers;
using ThiDua.Core.Conversations;

namespace ThiDua.Core.Questions;

/// <summary>Questions about the plans: /start's welcome, help, one command per common question, and the "q|" buttons.</summary>
public sealed class QuestionsFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        routes.Command("start", (turn, _) => [GeneralAnswers.Welcome(turn.Knowledge, turn.Today, turn.Message.UserName)]);
        routes.Commands(Commands.HelpCommands, (turn, _) => [GeneralAnswers.Help(turn.Knowledge, turn.Today)]);
        foreach (var (name, kind) in Commands.Questions)
            routes.Command(name, (turn, args) => [kind == QuestionKind.ListCampaigns && args.Length == 0
                ? GeneralAnswers.ListCampaigns(turn.Knowledge, turn.Today)
                : QuestionAnswerer.Answer(turn.Knowledge, args, turn.State, turn.Today, kind)]);
        routes.Button(CommandPress.Help, (turn, _) => [GeneralAnswers.Help(turn.Knowledge, turn.Today)]);
        routes.Button<QuestionPress>(Ask);
    }

    private static List<Reply> Ask(Turn turn, QuestionPress? press)
    {
        var (kb, state, today) = (turn.Knowledge, turn.State, turn.Today);
        if (press is (var kind, var campaignId, var phase, var beneficiary, var skip))
        {
            if (kind == QuestionKind.ListCampaigns) return [GeneralAnswers.ListCampaigns(kb, today, skip)];
            if (campaignId is null && kind == QuestionKind.NextDeadlines) return [GeneralAnswers.NextDeadlinesEverywhere(kb, today)];
            if (campaignId is not null && kb.Find(campaignId) is { } campaign)
            {
                // A pick after "which plan?" answers the question as it was asked (its details, the body it named).
                var asked = state.PendingKind == kind.Code() && state.PendingText is { } pending ? QuestionAnswerer.ParserFor(kb).Parse(pending) : null;
                return [QuestionAnswerer.AnswerAbout(kb, campaign, kind, state, today, phase ?? asked?.PhaseNumber, beneficiary ?? asked?.Beneficiary, asked, skip)];
            }
        }
        return [GeneralAnswers.Help(kb, today, ConversationEngine.StaleButton)];
    }
}
