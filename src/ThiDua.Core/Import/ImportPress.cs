using ThiDua.Core.Conversations;

namespace ThiDua.Core.Import;

/// <summary>What a button of a plan draft's review does; written in lower case ("k|pub|&lt;draft&gt;").</summary>
public enum DraftAction
{
    /// <summary>The shown field is right: on to the next.</summary>
    Ok,
    /// <summary>Type the right value for the shown field.</summary>
    Edit,
    /// <summary>Publish the checked plan.</summary>
    Pub,
    /// <summary>Drop the draft.</summary>
    Del,
}

/// <summary>A press on an imported plan's draft: "k|ok|&lt;draft id&gt;"; only the reviewer who sent the file can.</summary>
public sealed record ImportPress(DraftAction Action, string DraftId) : ButtonPayload, IPayloadFamily<ImportPress>
{
    public static string Prefix => "k";

    public override string Data => Write(Prefix, Code(Action), DraftId);

    public static ImportPress? FromFields(string[] fields) =>
        fields is [var action, var draft] && Code<DraftAction>(action) is { } a ? new ImportPress(a, draft) : null;
}
