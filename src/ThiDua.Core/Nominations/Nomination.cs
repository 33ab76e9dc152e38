using LiteDB;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Nominations;

/// <summary>
/// Where a nomination stands: nháp → đã nộp → đang thẩm định → (trả lại → nộp lại) → đã trình → đã khen / không khen;
/// an officer may withdraw it until it is presented. Stored by name, so adding states keeps old files readable.
/// </summary>
public enum NominationStatus { Draft, Submitted, Withdrawn, UnderReview, Returned, Presented, Awarded, NotAwarded }

/// <summary>One step of a nomination's history: who moved it, when, from what to what, and why.</summary>
public sealed class StatusChange
{
    public DateTime At { get; set; }
    public string ByKey { get; set; } = "";
    public string? ByName { get; set; }
    public NominationStatus From { get; set; }
    public NominationStatus To { get; set; }
    public string? Note { get; set; }
}

/// <summary>The nominee's facts, shared by the form in progress and the saved nomination.</summary>
public class NomineeDetails
{
    public string? CampaignId { get; set; }
    public string? PhaseId { get; set; }
    public Beneficiary? Beneficiary { get; set; }
    public string? AwardId { get; set; }
    /// <summary>Full name of the individual, or the collective's name.</summary>
    public string? NomineeName { get; set; }
    public string? Position { get; set; }
    /// <summary>The nominee's own workplace (not the proposing unit).</summary>
    public string? NomineeUnit { get; set; }
    public string? Gender { get; set; }
    public int? BirthYear { get; set; }
    public string? Achievement { get; set; }
    /// <summary>The officer's unit, which proposes the nomination.</summary>
    public string? ProposingUnit { get; set; }

    public void CopyTo(NomineeDetails other)
    {
        other.CampaignId = CampaignId; other.PhaseId = PhaseId; other.Beneficiary = Beneficiary; other.AwardId = AwardId;
        other.NomineeName = NomineeName; other.Position = Position; other.NomineeUnit = NomineeUnit; other.Gender = Gender;
        other.BirthYear = BirthYear; other.Achievement = Achievement; other.ProposingUnit = ProposingUnit;
    }
}

/// <summary>A saved nomination (đề nghị khen thưởng), with its readable code (LC-2024-0007) and attached files.</summary>
public sealed class Nomination : NomineeDetails, INominationFacts
{
    [BsonId] public int Id { get; set; }
    public string Code { get; set; } = "";
    /// <summary>"channel:userId" of the officer who has it now (a handover changes it).</summary>
    public string OwnerKey { get; set; } = "";
    /// <summary>Who first registered it, kept through handovers; older files have none (their owner then counts).</summary>
    public string? CreatedByKey { get; set; }
    public NominationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    /// <summary>The audit trail of status changes, oldest first.</summary>
    public List<StatusChange> History { get; set; } = [];
    /// <summary>Why a reviewer returned it (the latest return).</summary>
    public string? ReturnReason { get; set; }
    /// <summary>The award decision (số quyết định) and its date, once awarded.</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    /// <summary>Folded nominee name and proposing unit, indexed, so duplicate and quota checks query instead of scanning.</summary>
    public string NameKey { get; set; } = "";
    public string UnitKey { get; set; } = "";

    // Worked out, not stored (explicit, so LiteDB's mapper does not write them).
    string INominationFacts.CodeKey => Text.VietnameseText.Fold(Code);
    bool INominationFacts.WasSubmitted => SubmittedAt is not null || History.Any(h => h.To == NominationStatus.Submitted);
    IReadOnlyCollection<string> INominationFacts.AttachedComponents => [.. Attachments.Select(a => a.ComponentId)];
}

public sealed class Attachment
{
    /// <summary>The dossier component it fulfils ("to-trinh", "bao-cao-thanh-tich").</summary>
    public string ComponentId { get; set; } = "";
    public string FileId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    /// <summary>Taken when the file was received and checked each time it is served; null for files from before.</summary>
    public string? Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A form in progress, one per chat, kept in LiteDB so it survives a restart.</summary>
public sealed class NominationForm : NomineeDetails
{
    /// <summary>"channel:chatId".</summary>
    [BsonId] public string Key { get; set; } = "";
    public string OwnerKey { get; set; } = "";
    /// <summary>The field the last question asked for; null when the summary card is showing.</summary>
    public FormField? Awaiting { get; set; }
    /// <summary>The saved nomination being edited, if this form edits one.</summary>
    public int? EditingNominationId { get; set; }
    public bool Paused { get; set; }
    /// <summary>Optional fields the officer chose to skip (giới tính, năm sinh).</summary>
    public List<FormField> Skipped { get; set; } = [];
    /// <summary>Plans offered first when the form asks which plan: the officer's own, their unit's area's, the ones a message named.</summary>
    public List<string> PreferredCampaigns { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The form a person saved last (written with the nomination, in one transaction): Xác nhận pressed again on it,
/// a double tap or the same message handled again after a crash, answers with the same confirmation.
/// Dropped when the person starts a new form.
/// </summary>
public sealed class SavedForm
{
    /// <summary>The form's key (the person in the chat).</summary>
    [BsonId] public string Key { get; set; } = "";
    public int NominationId { get; set; }
    /// <summary>The form edited a saved draft rather than making a new one.</summary>
    public bool Edited { get; set; }
}

/// <summary>The form's questions, in the order they are asked.</summary>
public enum FormField { Campaign, Phase, Beneficiary, Award, NomineeName, Position, NomineeUnit, Gender, BirthYear, Achievement, ProposingUnit }
