using ThiDua.Core.Conversations;

namespace ThiDua.Core.Failures;

/// <summary>Messages the bot failed on: the administrators' /loi and its "e|" buttons (run again, restore a set-aside form).</summary>
public sealed class FailuresFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        // A failed message run again goes through the whole engine, as if just sent.
        FailureDesk Desk() => new(context.Failures, context.Access, context.HandleAgain);
        routes.Command("loi", (turn, _) => [Desk().List(turn.Actor)]);
        routes.SlowButton<FailurePress>(async (turn, press, cancellationToken) => [await Desk().PressAsync(turn.Actor, turn.Message, press, turn.Pushed, cancellationToken)]);
    }
}
