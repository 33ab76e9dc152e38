using ThiDua.Core.Conversations;

namespace ThiDua.Core.Review;

/// <summary>The steps of /bangiao: the unit, the officer leaving, the one taking over ("h|t|telegram:1|telegram:2").</summary>
public abstract record HandoverPress : ButtonPayload, IPayloadFamily<HandoverPress>
{
    public static string Prefix => "h";

    /// <summary>"h|u|&lt;unit key&gt;": whose officers to list.</summary>
    public sealed record OfUnit(KeyRef Unit) : HandoverPress
    {
        public override string Data => Write(Prefix, "u", Unit.Written);
    }

    /// <summary>"h|f|&lt;officer&gt;": the officer handing over.</summary>
    public sealed record From(KeyRef Officer) : HandoverPress
    {
        public override string Data => Write(Prefix, "f", Officer.Written);
    }

    /// <summary>"h|t|&lt;from&gt;|&lt;to&gt;": hand every nomination of one to the other.</summary>
    public sealed record Transfer(KeyRef Giver, KeyRef Taker) : HandoverPress
    {
        public override string Data => Write(Prefix, "t", Giver.Written, Taker.Written);
    }

    public static HandoverPress? FromFields(string[] fields) => fields switch
    {
        ["u", var unit] => new OfUnit(new KeyRef(unit)),
        ["f", var from] => new From(new KeyRef(from)),
        ["t", var from, var to] => new Transfer(new KeyRef(from), new KeyRef(to)),
        _ => null,
    };
}
