using ThiDua.Core.Conversations;

namespace ThiDua.Core.Review;

/// <summary>Appraising nominations: /duyet, a reviewer's /xuat, /bangiao, and the "v|" and "h|" buttons.</summary>
public sealed class ReviewFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        HandoverDesk Handover() => new(context.Db, context.Clock, context.Access);
        routes.Command("duyet", (turn, _) => [context.Review.Start(turn.Knowledge, turn.Actor)]);
        // Reviewers export from their queue (by unit, status…); officers export their own (NominationsFeature).
        routes.Command("xuat", (turn, _) => turn.Actor.IsReviewer ? [context.Review.Start(turn.Knowledge, turn.Actor)] : null);
        routes.Command("bangiao", (turn, _) => [Handover().Start(turn.Knowledge, turn.Actor)]);
        routes.Awaited<ReturnReason>((turn, awaited, text) => [context.Review.AnswerAwaited(turn.Knowledge, turn.Actor, turn.State, awaited, text, turn.Pushed)]);
        routes.Awaited<DecisionNumber>((turn, awaited, text) => [context.Review.AnswerAwaited(turn.Knowledge, turn.Actor, turn.State, awaited, text, turn.Pushed)]);
        routes.Button<ReviewPress>((turn, press) => [context.Review.Press(turn.Knowledge, turn.Actor, turn.State, press, turn.Pushed)]);
        routes.Button<HandoverPress>((turn, press) => [Handover().Press(turn.Knowledge, turn.Actor, press, turn.Pushed)]);
    }
}
