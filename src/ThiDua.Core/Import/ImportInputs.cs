using ThiDua.Core.Conversations;

namespace ThiDua.Core.Import;

/// <summary>"import-file": the reviewer's next file is a plan to import (after /nhapkehoach).</summary>
public sealed record PlanFileAwaited : AwaitedInput, IPayloadFamily<PlanFileAwaited>
{
    public static string Prefix => "import-file";

    public static PlanFileAwaited Instance { get; } = new();

    public override string Data => Prefix;

    public static PlanFileAwaited? FromFields(string[] fields) => fields.Length == 0 ? Instance : null;
}

/// <summary>"import-edit|a1b2c3": the reviewer's next message is the right value of the draft's current field.</summary>
public sealed record DraftValue(string DraftId) : AwaitedInput, IPayloadFamily<DraftValue>
{
    public static string Prefix => "import-edit";

    public override string Data => Write(Prefix, DraftId);

    public static DraftValue? FromFields(string[] fields) => fields is [var id] ? new DraftValue(id) : null;
}
