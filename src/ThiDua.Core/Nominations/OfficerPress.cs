using ThiDua.Core.Conversations;

namespace ThiDua.Core.Nominations;

/// <summary>What an officer's button does to one of their nominations; written in lower case ("n|submitok|12").</summary>
public enum NominationAction
{
    Open,
    /// <summary>Asks to confirm the submission.</summary>
    Submit,
    /// <summary>Submits, once confirmed.</summary>
    SubmitOk,
    Withdraw,
    Edit,
    Attach,
}

/// <summary>
/// A press on an officer's own nominations (/cuatoi). Data carries ids only ("n|open|12"); every press is checked
/// against the access rules again, so forged data reaches nothing the officer may not see.
/// </summary>
public abstract record OfficerPress : ButtonPayload, IPayloadFamily<OfficerPress>
{
    public static string Prefix => "n";

    public static OfficerPress Unit { get; } = new UnitList();

    /// <summary>"n|open|12", "n|withdraw|12"…</summary>
    public sealed record Act(NominationAction Action, int NominationId) : OfficerPress
    {
        public override string Data => Write(Prefix, Code(Action), Write(NominationId));
    }

    /// <summary>A file just sent, given its place in the dossier: "n|comp|12|to-trinh|ab12cd34" (the upload's id).</summary>
    public sealed record AttachAs(int NominationId, KeyRef Component, string Upload) : OfficerPress
    {
        public override string Data => Write(Prefix, "comp", Write(NominationId), Component.Written, Upload);
    }

    /// <summary>The trích ngang spreadsheet: "n|export" (which plan is asked), "n|export|lao-cai-217|nhap" (with drafts).</summary>
    public sealed record Export(string? CampaignId = null, bool WithDrafts = false) : OfficerPress
    {
        public override string Data => CampaignId is null ? Write(Prefix, "export") : WithDrafts ? Write(Prefix, "export", CampaignId, "nhap") : Write(Prefix, "export", CampaignId);
    }

    /// <summary>"n|unit": the unit's nominations, read-only except one's own.</summary>
    public sealed record UnitList : OfficerPress
    {
        public override string Data => Write(Prefix, "unit");
    }

    public static OfficerPress? FromFields(string[] fields) => fields switch
    {
        ["export"] => new Export(),
        ["export", var campaign] => new Export(campaign),
        ["export", var campaign, "nhap"] => new Export(campaign, WithDrafts: true),
        ["unit"] => new UnitList(),
        ["comp", var id, var component, var upload] when Number(id) is { } n => new AttachAs(n, new KeyRef(component), upload),
        [var action, var id] when Code<NominationAction>(action) is { } a && Number(id) is { } n => new Act(a, n),
        _ => null,
    };
}
