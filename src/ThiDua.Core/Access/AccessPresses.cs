using ThiDua.Core.Conversations;

namespace ThiDua.Core.Access;

/// <summary>A yes or no on a request someone made (to join a unit, to link two accounts): "u|ok|12", "l|no|7".</summary>
public enum Verdict
{
    Ok,
    No,
}

/// <summary>Invitation codes (/moi): "i|unit|&lt;unit key&gt;" for a unit's officers, "i|rev|&lt;plan or province&gt;" for reviewers; "i|ok|&lt;unit key&gt;" confirms a unit typed before join requests existed.</summary>
public abstract record InvitationPress : ButtonPayload, IPayloadFamily<InvitationPress>
{
    public static string Prefix => "i";

    public sealed record ForUnit(KeyRef Unit) : InvitationPress
    {
        public override string Data => Write(Prefix, "unit", Unit.Written);
    }

    public sealed record ForReviewer(string Scope) : InvitationPress
    {
        public override string Data => Write(Prefix, "rev", Scope);
    }

    public sealed record ConfirmUnit(KeyRef Unit) : InvitationPress
    {
        public override string Data => Write(Prefix, "ok", Unit.Written);
    }

    public static InvitationPress? FromFields(string[] fields) => fields switch
    {
        ["unit", var unit] => new ForUnit(new KeyRef(unit)),
        ["rev", var scope] => new ForReviewer(scope),
        ["ok", var unit] => new ConfirmUnit(new KeyRef(unit)),
        _ => null,
    };
}

/// <summary>A unit's officer or a reviewer deciding who joins the unit: "u|ok|12", "u|no|12" (the join request).</summary>
public sealed record JoinPress(Verdict Verdict, int RequestId) : ButtonPayload, IPayloadFamily<JoinPress>
{
    public static string Prefix => "u";

    public override string Data => Write(Prefix, Code(Verdict), Write(RequestId));

    public static JoinPress? FromFields(string[] fields) =>
        fields is [var verdict, var id] && Code<Verdict>(verdict) is { } v && Number(id) is { } n ? new JoinPress(v, n) : null;
}

/// <summary>Linking one's accounts on two channels (/lienket): "l|ok|7", "l|no|7" answer a request, "l|un" undoes the link.</summary>
public abstract record LinkPress : ButtonPayload, IPayloadFamily<LinkPress>
{
    public static string Prefix => "l";

    public static LinkPress Unlink { get; } = new Undo();

    public sealed record Answer(Verdict Verdict, int RequestId) : LinkPress
    {
        public override string Data => Write(Prefix, Code(Verdict), Write(RequestId));
    }

    public sealed record Undo : LinkPress
    {
        public override string Data => Write(Prefix, "un");
    }

    public static LinkPress? FromFields(string[] fields) => fields switch
    {
        ["un"] => Unlink,
        [var verdict, var id] when Code<Verdict>(verdict) is { } v && Number(id) is { } n => new Answer(v, n),
        _ => null,
    };
}

/// <summary>Registering one's unit, and erasing one's data (/xoadulieu): "g|unit|&lt;unit key&gt;", "g|cancel", "g|erase", "g|keep".</summary>
public abstract record RegistrationPress : ButtonPayload, IPayloadFamily<RegistrationPress>
{
    public static string Prefix => "g";

    public static RegistrationPress Cancel { get; } = new Plain("cancel");
    public static RegistrationPress Erase { get; } = new Plain("erase");
    public static RegistrationPress Keep { get; } = new Plain("keep");

    public sealed record PickUnit(KeyRef Unit) : RegistrationPress
    {
        public override string Data => Write(Prefix, "unit", Unit.Written);
    }

    /// <summary>A step with nothing more to say: cancel, erase, keep.</summary>
    public sealed record Plain(string Name) : RegistrationPress
    {
        public override string Data => Write(Prefix, Name);
    }

    public static RegistrationPress? FromFields(string[] fields) => fields switch
    {
        ["unit", var unit] => new PickUnit(new KeyRef(unit)),
        ["cancel"] => Cancel,
        ["erase"] => Erase,
        ["keep"] => Keep,
        _ => null,
    };
}
