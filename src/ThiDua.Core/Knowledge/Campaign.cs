namespace ThiDua.Core.Knowledge;

// The campaign record: one reviewed JSON file per plan under data/campaigns/.
// Schema version 1 is frozen: later features may add optional fields, never rename or remove.
// Every fact carries `section`, the plan's own heading number ("V.3.3", "Phần mở đầu"), so answers can cite it.

public sealed record Campaign
{
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Stable id, lowercase a-z0-9 and '-', at most 24 characters (it travels in button data).</summary>
    public required string Id { get; init; }

    /// <summary>What officers call it, short enough for a button: "Lào Cai – 70 năm ĐBP, 80 năm QĐND".</summary>
    public required string ShortName { get; init; }

    /// <summary>Two to four capital letters for nomination codes (LC-2024-0007).</summary>
    public required string CodePrefix { get; init; }

    public required PlanDocument Document { get; init; }
    public required AdministrativeLevel Level { get; init; }
    public required Area Area { get; init; }

    /// <summary>Other names officers use for this plan or its area ("tỉnh Lào Cai", "lc").</summary>
    public List<string> Aliases { get; init; } = [];

    public List<LegalBasis> LegalBases { get; init; } = [];
    public List<SourcedText> Purposes { get; init; } = [];
    public List<SourcedText> Requirements { get; init; } = [];
    /// <summary>Theme or slogan; PhaseId set when the theme belongs to one phase.</summary>
    public List<SourcedText> Themes { get; init; } = [];
    public List<Anniversary> Anniversaries { get; init; } = [];
    /// <summary>The whole campaign's time frame (for a yearly plan, the year).</summary>
    public required DateRange Period { get; init; }
    public List<Phase> Phases { get; init; } = [];
    /// <summary>Contents of the emulation (nội dung thi đua / nhiệm vụ trọng tâm).</summary>
    public List<ContentItem> Contents { get; init; } = [];
    /// <summary>Dated or periodic tasks, e.g. Điện Biên's quarterly task table.</summary>
    public List<ScheduledTask> Tasks { get; init; } = [];
    /// <summary>Targets (chỉ tiêu thi đua).</summary>
    public List<SourcedText> Targets { get; init; } = [];
    public List<Criterion> Criteria { get; init; } = [];
    public List<AwardForm> Awards { get; init; } = [];
    public List<Quota> Quotas { get; init; } = [];
    /// <summary>Limits given as a share rather than a count ("không quá 15% tổng số cán bộ, công chức").</summary>
    public List<QuotaShare> QuotaShares { get; init; } = [];
    /// <summary>Null when the plan lists no dossier (the general rules under the law then apply).</summary>
    public Dossier? Dossier { get; init; }
    public List<Deadline> Deadlines { get; init; } = [];
    public List<Body> Bodies { get; init; } = [];
    public List<Contact> Contacts { get; init; } = [];
    public List<Responsibility> Responsibilities { get; init; } = [];
}

public enum AdministrativeLevel { Province, District, Commune }

public sealed record PlanDocument
{
    /// <summary>"217/KH-UBND"; null when the plan was issued without a number.</summary>
    public string? Number { get; init; }
    /// <summary>Full date when the plan gives one.</summary>
    public DateOnly? IssuedOn { get; init; }
    /// <summary>"2024-03" when only the month is given (Hải Dương: "ngày … tháng 3 năm 2024").</summary>
    public string? IssuedMonth { get; init; }
    /// <summary>The year alone, when the plan prints neither day nor month ("ngày … tháng … năm 2024").</summary>
    public int? IssuedYear { get; init; }
    /// <summary>"UBND tỉnh Lào Cai".</summary>
    public required string Issuer { get; init; }
    public required string Title { get; init; }
    public string? Signer { get; init; }
    public string? SignerTitle { get; init; }
    /// <summary>Original text, relative to the data folder: "plans/lao-cai-217.txt".</summary>
    public required string SourceFile { get; init; }
}

public sealed record Area
{
    /// <summary>The province as named in the plan (2024 boundaries).</summary>
    public required string Province { get; init; }
    public string? District { get; init; }
    public string? Commune { get; init; }
}

public record SourcedText
{
    public required string Text { get; init; }
    public required string Section { get; init; }
    public string? PhaseId { get; init; }
}

public sealed record LegalBasis
{
    /// <summary>"Hướng dẫn số 836/HD-BNV ngày 21/02/2024 của Bộ Nội vụ về …" as the plan words it.</summary>
    public required string Text { get; init; }
    /// <summary>"836/HD-BNV", "06/2022/QH15", "98/2023/NĐ-CP".</summary>
    public string? DocumentNumber { get; init; }
    public DateOnly? Date { get; init; }
    public required string Section { get; init; }
}

public sealed record Anniversary
{
    /// <summary>"70 năm Chiến thắng Điện Biên Phủ".</summary>
    public required string Name { get; init; }
    public int Years { get; init; }
    public DateOnly? EventDate { get; init; }
    public DateOnly? AnniversaryDate { get; init; }
    /// <summary>Phrases officers use for it ("điện biên phủ", "đbp"); matched without diacritics.</summary>
    public List<string> Keywords { get; init; } = [];
    public required string Section { get; init; }

    /// <summary>As an answer shows it: "70 năm Chiến thắng Điện Biên Phủ (7/5/1954 – 7/5/2024)".</summary>
    public string Described => Name + (EventDate is { } e && AnniversaryDate is { } d ? $" ({Text.VietnameseDates.Format(e)} – {Text.VietnameseDates.Format(d)})" : "");
}

public sealed record DateRange
{
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required string Section { get; init; }
    /// <summary>The plan's own words for the time when they are not two dates: "từ tháng 10/2025 đến khi tổ chức thành công Đại hội …", "từ nay đến hết năm", "trong năm 2025".</summary>
    public string? Wording { get; init; }
    /// <summary>Set when the plan gives no end and End is an estimate: what it was taken from ("mốc muộn nhất: Kỷ niệm … 22/12/2024").</summary>
    public string? EndEstimatedFrom { get; init; }
}

public sealed record Phase
{
    /// <summary>"dot-1", "dot-2".</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Theme { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    /// <summary>How the phase is wrapped up, as the plan says it ("Tổng kết đợt thi đua vào tháng 7/2024 …").</summary>
    public string? Closing { get; init; }
    public required string Section { get; init; }
    /// <summary>The plan's own words for the phase's time when they are not two dates ("từ tháng 4/2026 đến khi tổng kết").</summary>
    public string? Wording { get; init; }
    /// <summary>Set when the plan gives the phase no end and End is an estimate: what it was taken from.</summary>
    public string? EndEstimatedFrom { get; init; }
}

public sealed record ContentItem
{
    public required string Title { get; init; }
    public string? Text { get; init; }
    public required string Section { get; init; }
}

public sealed record ScheduledTask
{
    /// <summary>"Quý I", "Tháng 7/2024", "Cả năm".</summary>
    public required string Period { get; init; }
    public required string Text { get; init; }
    public string? Responsible { get; init; }
    /// <summary>Last day of the period or the task's own due date, when it has one.</summary>
    public DateOnly? Due { get; init; }
    public required string Section { get; init; }
}

public enum Beneficiary { Both, Collective, Individual }

public sealed record Criterion
{
    public required Beneficiary AppliesTo { get; init; }
    /// <summary>Null when the criteria hold for every award form of the plan.</summary>
    public string? AwardId { get; init; }
    public required List<string> Items { get; init; }
    public required string Section { get; init; }
    /// <summary>Who the criteria are for in the plan's words when that is neither collectives nor individuals: "hộ gia đình".</summary>
    public string? Group { get; init; }
}

public sealed record AwardForm
{
    /// <summary>"bk-ttcp", "bk-ct-tinh", "gk-ct-quan"…</summary>
    public required string Id { get; init; }
    /// <summary>"Bằng khen của Chủ tịch UBND tỉnh".</summary>
    public required string Name { get; init; }
    public required string DecidedBy { get; init; }
    public Beneficiary AppliesTo { get; init; } = Beneficiary.Both;
    /// <summary>Phases it is given for; empty means the whole campaign.</summary>
    public List<string> PhaseIds { get; init; } = [];
    public string? Note { get; init; }
    public required string Section { get; init; }

    /// <summary>"Bằng khen của Chủ tịch UBND tỉnh (Đợt 1) — quyết định: Chủ tịch UBND tỉnh. Note": a decider the plan never named is left out, not shown empty.</summary>
    public string Describe(string phases = "") =>
        $"{Name}{phases}{(string.IsNullOrWhiteSpace(DecidedBy) ? "" : " — quyết định: " + DecidedBy)}{(Note is null ? "" : ". " + Note)}";
}

public enum QuotaScope { Plan, Phase, Unit }

public sealed record Quota
{
    /// <summary>Null when the limit covers every award form of the plan.</summary>
    public string? AwardId { get; init; }
    public required int Max { get; init; }
    /// <summary>Plan: in total; Phase: for each phase (or for PhaseId only); Unit: for each proposing unit.</summary>
    public required QuotaScope Scope { get; init; }
    /// <summary>Both: collectives and individuals counted together.</summary>
    public Beneficiary AppliesTo { get; init; } = Beneficiary.Both;
    public string? PhaseId { get; init; }
    /// <summary>The plan's own words: "Số lượng khen thưởng không quá 10 tập thể, cá nhân".</summary>
    public required string Text { get; init; }
    public required string Section { get; init; }
}

/// <summary>A limit as a share: at most <see cref="Percent"/> % of what <see cref="Of"/> names.</summary>
public sealed record QuotaShare
{
    public string? AwardId { get; init; }
    public required decimal Percent { get; init; }
    /// <summary>What the share is of, in the plan's words: "tổng số cán bộ, công chức, viên chức của đơn vị".</summary>
    public string? Of { get; init; }
    public QuotaScope Scope { get; init; } = QuotaScope.Plan;
    public Beneficiary AppliesTo { get; init; } = Beneficiary.Both;
    /// <summary>The plan's own words.</summary>
    public required string Text { get; init; }
    public required string Section { get; init; }
}

public sealed record Dossier
{
    public required List<DossierComponent> Components { get; init; }
    /// <summary>"01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử".</summary>
    public string? CopiesText { get; init; }
    /// <summary>paper, electronic, portal.</summary>
    public List<SubmissionFormat> Formats { get; init; } = [];
    /// <summary>Where units send the dossier.</summary>
    public string? SubmitTo { get; init; }
    public string? PortalUrl { get; init; }
    /// <summary>Further instructions (who files online, where paper copies go).</summary>
    public List<string> Notes { get; init; } = [];
    public required string Section { get; init; }
}

public enum SubmissionFormat { Paper, Electronic, Portal }

public sealed record DossierComponent
{
    /// <summary>Stable id used by nomination checklists: "to-trinh", "bien-ban", "bao-cao-thanh-tich", "trich-ngang".</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public int? Copies { get; init; }
    /// <summary>Who prepares or certifies it, as the plan says.</summary>
    public string? PreparedBy { get; init; }
    /// <summary>Both, or only collective / individual nominees.</summary>
    public Beneficiary AppliesTo { get; init; } = Beneficiary.Both;
    public required string Section { get; init; }
}

public enum DeadlineKind { UnitPlan, Report, Submission, PhaseEnd, MidTermReview, FinalReview, Event, Other }

public enum DueRule
{
    /// <summary>"chậm nhất ngày X", "đến hết ngày X", "ngày X": due at the end of X.</summary>
    OnOrBefore,
    /// <summary>"trước ngày X": due at the end of the day before X (DueDate is that day).</summary>
    Before,
    /// <summary>"trong tháng 7/2024": due at the end of the month.</summary>
    WithinMonth,
    /// <summary>"Quý II": due at the end of the quarter.</summary>
    WithinQuarter,
    /// <summary>"dự kiến", "dịp 13/5": indicative, not a hard deadline.</summary>
    Approximate,
}

/// <summary>Kinds of units an obligation is addressed to; reminders filter on them.</summary>
public enum UnitKind
{
    All,
    /// <summary>Sở, ban, ngành, đoàn thể cấp tỉnh.</summary>
    Department,
    /// <summary>UBND huyện, quận, thị xã, thành phố thuộc tỉnh (abolished 01/7/2025).</summary>
    District,
    /// <summary>UBND xã, phường, thị trấn.</summary>
    Commune,
    /// <summary>Thôn, bản, khu phố, tổ dân phố.</summary>
    Village,
    /// <summary>Phòng, ban, đơn vị under a district or commune.</summary>
    Office,
    School,
    Enterprise,
    ArmedForces,
    /// <summary>The campaign's standing or lead agency (cơ quan thường trực).</summary>
    LeadAgency,
    /// <summary>The commendation body (Ban TĐKT, Sở/Phòng Nội vụ).</summary>
    Reviewer,
}

public sealed record Deadline
{
    /// <summary>Unique within the campaign: "bao-cao-dot-1".</summary>
    public required string Id { get; init; }
    public required DeadlineKind Kind { get; init; }
    /// <summary>What is due: "Báo cáo kết quả thực hiện phong trào thi đua đợt 1".</summary>
    public required string Title { get; init; }
    /// <summary>The plan's own wording of the time: "trước ngày 30/6/2024".</summary>
    public required string Wording { get; init; }
    public required DueRule Rule { get; init; }
    /// <summary>The last day on which it is still on time (for Before: the day before X).</summary>
    public required DateOnly DueDate { get; init; }
    /// <summary>Who must meet it, as the plan says.</summary>
    public required string Who { get; init; }
    public List<UnitKind> Audience { get; init; } = [UnitKind.All];
    public string? SendTo { get; init; }
    public string? PhaseId { get; init; }
    public required string Section { get; init; }
}

public enum BodyRole { Issuer, Lead, Receiving, Appraising, Deciding, Coordinating }

public sealed record Body
{
    public required BodyRole Role { get; init; }
    public required string Name { get; init; }
    public string? Note { get; init; }
    public required string Section { get; init; }
}

public sealed record Contact
{
    public required string Name { get; init; }
    public string? Role { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public required string Section { get; init; }
}

public sealed record Responsibility
{
    public required string Who { get; init; }
    public required List<string> Duties { get; init; }
    public required string Section { get; init; }
}
