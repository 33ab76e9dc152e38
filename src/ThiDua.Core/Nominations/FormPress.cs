using ThiDua.Core.Conversations;

namespace ThiDua.Core.Nominations;

/// <summary>What a button of the nomination form does; written in lower case in its data ("f|okdup").</summary>
public enum FormAction
{
    /// <summary>A new form (the plan asked for).</summary>
    New,
    /// <summary>A new form for the plan in the value ("Đăng ký đề nghị" under a plan's answer).</summary>
    Start,
    Resume,
    Restart,
    Cancel,
    Skip,
    Edit,
    /// <summary>Edit the field named in the value.</summary>
    Field,
    Ok,
    /// <summary>Save although a similar nomination exists.</summary>
    OkDup,
    /// <summary>The value answers the field being asked: plan, phase, beneficiary (i/c), award, gender.</summary>
    Camp,
    Phase,
    Ben,
    Award,
    Gender,
}

/// <summary>A press on the nomination form: "f|camp|lao-cai-217", "f|ben|i", "f|ok"…</summary>
public sealed record FormPress(FormAction Action, string? Value = null) : ButtonPayload, IPayloadFamily<FormPress>
{
    public static string Prefix => "f";

    /// <summary>Pressing it starts a form: who is pressing must be registered first.</summary>
    public bool StartsForm => Action is FormAction.New or FormAction.Start;

    public override string Data => Value is null ? Write(Prefix, Code(Action)) : Write(Prefix, Code(Action), Value);

    public static FormPress? FromFields(string[] fields) => fields switch
    {
        [var action] when Code<FormAction>(action) is { } a => new FormPress(a),
        [var action, var value] when Code<FormAction>(action) is { } a => new FormPress(a, value),
        _ => null,
    };
}
