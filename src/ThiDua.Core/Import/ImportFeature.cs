using ThiDua.Core.Conversations;

namespace ThiDua.Core.Import;

/// <summary>Importing a new plan from a file: /nhapkehoach and the review's "k|" buttons (the file itself arrives through the engine).</summary>
public sealed class ImportFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        routes.Command("nhapkehoach", (turn, _) => [context.Import.Start(turn.Actor, turn.State)]);
        routes.Awaited<DraftValue>((turn, awaited, text) => [context.Import.Edit(turn.Actor, turn.State, awaited, text)]);
        routes.Button<ImportPress>((turn, press) => [context.Import.Press(turn.Knowledge, turn.Actor, turn.State, press)]);
        routes.Button<AlbumPress>((turn, press) => [.. context.Import.ReadAlbum(turn.Actor, turn.State, turn.Message, press)]);
    }
}
