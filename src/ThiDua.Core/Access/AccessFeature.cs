using ThiDua.Core.Conversations;

namespace ThiDua.Core.Access;

/// <summary>Who may do what: invitations (/start CODE, /moi), units (/donvi), linked accounts (/lienket), one's own data (/xoadulieu).</summary>
public sealed class AccessFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        InvitationDesk Invitations() => new(context.Db, context.Clock, context.Access, context.Membership);
        routes.Command("start", (turn, args) => args.Length > 0 ? [ApplyCode(context, turn, args)] : null);
        routes.Command("moi", (turn, args) => [Invitations().Invite(turn.Knowledge, turn.Actor, args)]);
        routes.Command("donvi", (turn, _) => [context.Membership.Pending(turn.Actor)]);
        routes.Command("lienket", (turn, args) => [args.Length == 0 ? context.Links.Code(turn.Actor) : ApplyCode(context, turn, args)]);
        routes.Command("xoadulieu", (turn, _) => [context.Onboarding.ShowData(turn.Actor)]);
        routes.Button("i|", (turn, data) => [Invitations().Press(turn.Knowledge, turn.Actor, data, turn.Pushed)]);
        routes.Button("u|", (turn, data) => [context.Membership.Press(turn.Actor, data, turn.Pushed)]);
        routes.Button("l|", (turn, data) => [context.Links.Press(turn.Actor, data, turn.Pushed)]);
        routes.Button("g|", (turn, data) => PressRegistration(context, turn, data));
    }

    /// <summary>An invitation code, or a code linking this account to one on another channel.</summary>
    private static Reply ApplyCode(FeatureContext context, Turn turn, string code) =>
        context.Onboarding.ApplyInvitation(turn.Actor, code, owner => context.Links.Requested(owner, turn.Actor, turn.Message.UserName));

    private static List<Reply> PressRegistration(FeatureContext context, Turn turn, string data)
    {
        var actor = turn.Actor;
        switch (data.Split('|'))
        {
            case [_, "unit", var unit]:
                var (reply, done) = context.Onboarding.PickUnit(actor.Key, unit, turn.Pushed);
                return done is null ? [reply] : [reply, .. context.Replay(turn, done)];
            case [_, "cancel"]:
                return [context.Onboarding.Cancel(actor.Key)];
            case [_, "erase"]:
                return [context.Onboarding.Erase(actor, turn.Message)];
            default:
                return [new Reply("Đã giữ nguyên dữ liệu của bạn.")];
        }
    }
}
