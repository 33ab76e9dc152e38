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
        routes.Button<InvitationPress>((turn, press) => [Invitations().Press(turn.Knowledge, turn.Actor, press, turn.Pushed)]);
        routes.Button<JoinPress>((turn, press) => [context.Membership.Press(turn.Actor, press, turn.Pushed)]);
        routes.Button<LinkPress>((turn, press) => [context.Links.Press(turn.Actor, press, turn.Pushed)]);
        routes.Button<RegistrationPress>((turn, press) => PressRegistration(context, turn, press));
    }

    /// <summary>An invitation code, or a code linking this account to one on another channel.</summary>
    private static Reply ApplyCode(FeatureContext context, Turn turn, string code) =>
        context.Onboarding.ApplyInvitation(turn.Actor, code, owner => context.Links.Requested(owner, turn.Actor, turn.Message.UserName));

    private static List<Reply> PressRegistration(FeatureContext context, Turn turn, RegistrationPress? press)
    {
        var actor = turn.Actor;
        switch (press)
        {
            case RegistrationPress.PickUnit(var unit):
                var (reply, done) = context.Onboarding.PickUnit(actor.Key, unit, turn.Pushed);
                return done is null ? [reply] : [reply, .. context.Replay(turn, done)];
            case var _ when press == RegistrationPress.Cancel:
                return [context.Onboarding.Cancel(actor.Key)];
            case var _ when press == RegistrationPress.Erase:
                return [context.Onboarding.Erase(actor, turn.Message)];
            default:
                return [new Reply("Đã giữ nguyên dữ liệu của bạn.")];
        }
    }
}
