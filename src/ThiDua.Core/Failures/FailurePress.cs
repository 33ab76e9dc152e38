using ThiDua.Core.Conversations;

namespace ThiDua.Core.Failures;

/// <summary>What a button on a kept failure does ("e|run|12").</summary>
public enum FailureAction
{
    /// <summary>An administrator runs the failed message again.</summary>
    Run,
    /// <summary>The person it failed for puts back the form or registration set aside.</summary>
    Restore,
}

/// <summary>A press on a failure kept in /loi: "e|run|12", "e|restore|12".</summary>
public sealed record FailurePress(FailureAction Action, int FailureId) : ButtonPayload, IPayloadFamily<FailurePress>
{
    public static string Prefix => "e";

    public override string Data => Write(Prefix, Code(Action), Write(FailureId));

    public static FailurePress? FromFields(string[] fields) =>
        fields is [var action, var id] && Code<FailureAction>(action) is { } a && Number(id) is { } n ? new FailurePress(a, n) : null;
}
