using ThiDua.Core.Conversations;

namespace ThiDua.Core.Nominations;

/// <summary>Registering nominations and an officer's own list: /dangky, /huy, /cuatoi, /xuat, the form's "f|" and the desk's "n|" buttons.</summary>
public sealed class NominationsFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        // t.me/<bot>?start=dangky, sent from a group to move form entry here.
        routes.Command("start", (turn, args) => args == NominationFlow.DeepLinkPayload ? Start(context, turn, "/dangky", "") : null);
        routes.Command("dangky", (turn, _) => Start(context, turn, turn.Message.Text!, turn.Message.Text!));
        routes.Command("huy", (turn, _) => [context.Onboarding.Active(turn.Actor.Key) is not null ? context.Onboarding.Cancel(turn.Actor.Key) : context.Nominations.Cancel(turn.Message.PersonKey)]);
        routes.Command("cuatoi", (turn, _) => context.Gate(turn, turn.Message.Text) ?? [context.Desk.List(turn.Knowledge, turn.Actor)]);
        routes.Command("xuat", (turn, args) => context.Gate(turn, turn.Message.Text) ?? [context.Desk.ExportCommand(turn.Knowledge, turn.Actor, args)]);
        // "Hồ sơ còn thiếu" under a reminder, pressed by someone who never registered: they have no nominations, and a
        // reminder's button is no place to start a registration they did not ask for.
        routes.Button(CommandPress.OwnNominations, (turn, _) => turn.Actor.IsRegistered
            ? [context.Desk.List(turn.Knowledge, turn.Actor)]
            : [new Reply("Bạn chưa có đề nghị khen thưởng nào. Muốn đăng ký đề nghị, gõ /dangky (tôi sẽ hỏi đơn vị của bạn trước).")]);
        routes.Button<FormPress>((turn, press) => (press is { StartsForm: true } ? context.Gate(turn, button: press.Data) : null)
            ?? [context.Nominations.Press(turn.Knowledge, turn.Message, press)]);
        routes.Button<OfficerPress>((turn, press) => [context.Desk.Press(turn.Knowledge, turn.Message, turn.Actor, turn.State, press)]);
    }

    private static List<Reply> Start(FeatureContext context, Turn turn, string gated, string text) =>
        context.Gate(turn, gated) ?? [context.Nominations.Start(turn.Knowledge, turn.Message, text, lastTalkedAbout: turn.State.CampaignId is { } id ? turn.Knowledge.Find(id) : null)];
}
