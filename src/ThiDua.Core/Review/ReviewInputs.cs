using ThiDua.Core.Conversations;

namespace ThiDua.Core.Review;

/// <summary>What a reviewer types about one nomination after a button asked for it.</summary>
public abstract record ReviewerInput(int NominationId) : AwaitedInput;

/// <summary>"return|12": the reviewer's next message is the reason nomination 12 is returned.</summary>
public sealed record ReturnReason(int NominationId) : ReviewerInput(NominationId), IPayloadFamily<ReturnReason>
{
    public static string Prefix => "return";

    public override string Data => Write(Prefix, Write(NominationId));

    public static ReturnReason? FromFields(string[] fields) => fields is [var id] && Number(id) is { } n ? new ReturnReason(n) : null;
}

/// <summary>"decide|12": the reviewer's next message is the number and date of the decision awarding nomination 12.</summary>
public sealed record DecisionNumber(int NominationId) : ReviewerInput(NominationId), IPayloadFamily<DecisionNumber>
{
    public static string Prefix => "decide";

    public override string Data => Write(Prefix, Write(NominationId));

    public static DecisionNumber? FromFields(string[] fields) => fields is [var id] && Number(id) is { } n ? new DecisionNumber(n) : null;
}
