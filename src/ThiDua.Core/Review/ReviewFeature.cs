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
        routes.Button("v|", (turn, data) => [context.Review.Press(turn.Knowledge, turn.Actor, turn.State, data, turn.Pushed)]);
        routes.Button("h|", (turn, data) => [Handover().Press(turn.Knowledge, turn.Actor, data, turn.Pushed)]);
    }
}
