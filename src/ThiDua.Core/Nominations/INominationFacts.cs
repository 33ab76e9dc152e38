using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Nominations;

/// <summary>
/// What says who may see a nomination, where it sits in lists and totals, and what its dossier lacks: small enough
/// to keep for every nomination stored (<see cref="Storage.NominationDigest"/>), so a table of 100,000 is not
/// read from disk at each page. A whole <see cref="Nomination"/> is one too.
/// </summary>
public interface INominationFacts
{
    int Id { get; }
    string Code { get; }
    /// <summary>The code folded as searched words are (<see cref="Text.VietnameseText.Fold"/>).</summary>
    string CodeKey { get; }
    string OwnerKey { get; }
    string UnitKey { get; }
    string NameKey { get; }
    string? ProposingUnit { get; }
    string? CampaignId { get; }
    string? PhaseId { get; }
    string? AwardId { get; }
    Beneficiary? Beneficiary { get; }
    NominationStatus Status { get; }
    DateTime CreatedAt { get; }
    DateTime? SubmittedAt { get; }

    /// <summary>Submitted at least once (a withdrawn draft that never was is still the unit's own).</summary>
    bool WasSubmitted { get; }

    /// <summary>The dossier components a file is attached for.</summary>
    IReadOnlyCollection<string> AttachedComponents { get; }
}
