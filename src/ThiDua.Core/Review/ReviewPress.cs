using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Review;

/// <summary>What a reviewer's button does to a plan's queue; its code in the data ("v|fu|lao-cai-217").</summary>
public enum QueueAction
{
    /// <summary>"q": the queue, filtered.</summary>
    Queue,
    /// <summary>"x": the filtered queue as a spreadsheet.</summary>
    Spreadsheet,
    /// <summary>"t": the draft Tờ trình of what is under review or presented.</summary>
    ToTrinh,
    /// <summary>"s": totals by unit and award.</summary>
    Summary,
    /// <summary>"fu": pick a unit to filter by.</summary>
    PickUnit,
    /// <summary>"fa": pick an award to filter by.</summary>
    PickAward,
}

/// <summary>What a reviewer's button does to one nomination ("v|o|12").</summary>
public enum ReviewAction
{
    /// <summary>"o": its details.</summary>
    Open,
    /// <summary>"r": return it, asking why.</summary>
    Return,
    /// <summary>"d": awarded, asking the decision's number and date.</summary>
    Decide,
}

/// <summary>
/// A press on the review desk (/duyet). Data carries ids only, and every press is checked against the reviewer's
/// scope again: "v|q|lao-cai-217|u:xa-ban-vuoc" (a queue filtered by unit), "v|o|12", "v|m|12|UnderReview".
/// </summary>
public abstract record ReviewPress : ButtonPayload, IPayloadFamily<ReviewPress>
{
    public static string Prefix => "v";

    private static readonly Dictionary<QueueAction, string> QueueCodes = new()
    {
        [QueueAction.Queue] = "q",
        [QueueAction.Spreadsheet] = "x",
        [QueueAction.ToTrinh] = "t",
        [QueueAction.Summary] = "s",
        [QueueAction.PickUnit] = "fu",
        [QueueAction.PickAward] = "fa",
    };

    private static readonly Dictionary<ReviewAction, string> NominationCodes = new()
    {
        [ReviewAction.Open] = "o",
        [ReviewAction.Return] = "r",
        [ReviewAction.Decide] = "d",
    };

    /// <summary>A press on a plan's queue; the filter travels with the queue and its spreadsheet.</summary>
    public sealed record OnPlan(QueueAction Action, string CampaignId, Filter? Filter = null) : ReviewPress
    {
        public Filter Shown => Filter ?? Review.Filter.Open;

        public override string Data => Filter is null
            ? Write(Prefix, QueueCodes[Action], CampaignId)
            : Write(Prefix, QueueCodes[Action], CampaignId, Filter.Token);
    }

    public sealed record OnNomination(ReviewAction Action, int NominationId) : ReviewPress
    {
        public override string Data => Write(Prefix, NominationCodes[Action], Write(NominationId));
    }

    /// <summary>"v|f|12|0": the nomination's first attached file.</summary>
    public sealed record File(int NominationId, int Index) : ReviewPress
    {
        public override string Data => Write(Prefix, "f", Write(NominationId), Write(Index));
    }

    /// <summary>"v|m|12|Presented": moves it to a status that needs nothing typed.</summary>
    public sealed record Move(int NominationId, NominationStatus To) : ReviewPress
    {
        public override string Data => Write(Prefix, "m", Write(NominationId), To.ToString());
    }

    /// <summary>The nomination a press acts on; null for a press on a plan's queue.</summary>
    public int? Nomination => this switch
    {
        OnNomination n => n.NominationId,
        File f => f.NominationId,
        Move m => m.NominationId,
        _ => null,
    };

    public static ReviewPress? FromFields(string[] fields) => fields switch
    {
        [var code, var campaign] when QueueFor(code) is { } action => new OnPlan(action, campaign),
        [var code, var campaign, var filter, ..] when QueueFor(code) is { } action => new OnPlan(action, campaign, Filter.Parse(filter)),
        [var code, var id] when NominationFor(code) is { } action && Number(id) is { } n => new OnNomination(action, n),
        ["f", var id, var index] when Number(id) is { } n && Number(index) is { } i => new File(n, i),
        ["m", var id, var to] when Number(id) is { } n && StatusFlow.Parse(to) is { } status => new Move(n, status),
        _ => null,
    };

    private static QueueAction? QueueFor(string code) => QueueCodes.FirstOrDefault(p => p.Value == code) is { Value: not null } found ? found.Key : null;

    private static ReviewAction? NominationFor(string code) => NominationCodes.FirstOrDefault(p => p.Value == code) is { Value: not null } found ? found.Key : null;
}
