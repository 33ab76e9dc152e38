namespace ThiDua.Core.Legal;

// data/legal/changes.json and data/legal/rules.json: what changed since the 2024 plans, and the law's general rules.
// Each entry names its source document and article, so the next change is one reviewed entry, not code.

public sealed record LegalSource
{
    public required string Document { get; init; }
    public required string Article { get; init; }
    public string? Url { get; init; }
}

public enum ChangeKind { DocumentReplaced, LevelAbolished, ProvinceMerged, DepartmentMerged, UnitRearranged }

public sealed record LegalChange
{
    public required string Id { get; init; }
    public required ChangeKind Kind { get; init; }
    /// <summary>What changed: "Nghị định 98/2023/NĐ-CP", "cấp huyện", "tỉnh Hải Dương".</summary>
    public required string Subject { get; init; }
    /// <summary>Folded phrases that show an answer rests on the subject ("98/2023/nd-cp", "ubnd quan").</summary>
    public required List<string> Matches { get; init; }
    public string? ReplacedBy { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    /// <summary>The one line the bot adds, e.g. "Nghị định 98/2023/NĐ-CP đã được thay thế bởi …".</summary>
    public required string Note { get; init; }
    public required LegalSource Source { get; init; }
}

public sealed record LegalRule
{
    public required string Id { get; init; }
    public required string Topic { get; init; }
    /// <summary>Folded phrases officers use for the topic.</summary>
    public required List<string> Keywords { get; init; }
    public required string Text { get; init; }
    public required LegalSource Source { get; init; }
    /// <summary>Optional: the rule holds only from this day (e.g. a decree's entry into force).</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Optional: the rule no longer holds from this day.</summary>
    public DateOnly? ValidUntil { get; init; }
}

internal sealed record ChangesFile(int SchemaVersion, List<LegalChange> Changes);

internal sealed record RulesFile(int SchemaVersion, List<LegalRule> Rules);
