using LiteDB;

namespace ThiDua.Core.Access;

/// <summary>What a person may do. Administrators come from configuration (Access:Admins), never from chat.</summary>
public enum Role { Officer, Reviewer, Admin }

/// <summary>
/// A person using the bot from one channel identity ("telegram:123"): their name, unit and role. Stored in the
/// "officers" collection, which older files already have (with the unit only).
/// </summary>
public sealed class OfficerProfile
{
    [BsonId] public string UserKey { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>The unit's name as shown; <see cref="UnitKey"/> is its identity (folded).</summary>
    public string? Unit { get; set; }
    public string? UnitKey { get; set; }
    public Role Role { get; set; }
    /// <summary>A reviewer's reach: campaign ids, or "area:&lt;folded province&gt;" for every campaign of an area.</summary>
    public List<string> Scopes { get; set; } = [];
    public DateTime? RegisteredAt { get; set; }
    /// <summary>The same person's other identity (Telegram ↔ Zalo), joined by a link code.</summary>
    public string? LinkedTo { get; set; }
    /// <summary>Where this person's reminders go when two identities are linked.</summary>
    public bool RemindHere { get; set; } = true;
    /// <summary>
    /// The unit is the one they named, not yet confirmed by its officers or a reviewer (a join request waits):
    /// they work on their own nominations only. Older files have no such flag, so their officers stay members.
    /// </summary>
    public bool JoinPending { get; set; }

    public bool IsRegistered => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(UnitKey);

    /// <summary>A confirmed member of <see cref="UnitKey"/>: reads the unit's nominations, submits its own.</summary>
    public bool IsMember => IsRegistered && !JoinPending;
}

/// <summary>
/// Someone asking to be an officer of a unit they named: the unit's officers (or a reviewer) approve or refuse
/// with a button. For a unit nobody had named before, a reviewer confirms the unit itself.
/// </summary>
public sealed class JoinRequest
{
    [BsonId] public int Id { get; set; }
    public string UserKey { get; set; } = "";
    public string? UserName { get; set; }
    public string UnitKey { get; set; } = "";
    public string UnitName { get; set; } = "";
    /// <summary>The requester named a unit the bot did not know: only a reviewer can confirm it.</summary>
    public bool NewUnit { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Null while waiting; then who approved or refused, and when.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public bool Approved { get; set; }
}

/// <summary>A unit (xã/phường, phòng ban, trường…). Units typed by officers wait for a reviewer's confirmation.</summary>
public sealed class Unit
{
    /// <summary>The folded name: "ubnd xa ban vuoc".</summary>
    [BsonId] public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Confirmed { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An invitation code (/moi): binds whoever uses it to a unit and a role in one step.</summary>
public sealed class Invitation
{
    [BsonId] public string Code { get; set; } = "";
    public Role Role { get; set; }
    public string? UnitKey { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public int UsesLeft { get; set; }
    /// <summary>"link" codes join two identities of one person instead.</summary>
    public string? LinkFrom { get; set; }
}

/// <summary>
/// Someone typed a link code (/lienket CODE): the two identities become one person only once both agreed, each
/// having seen who the other is — the typist first, then the code's owner.
/// </summary>
public sealed class LinkRequest
{
    [BsonId] public int Id { get; set; }
    /// <summary>Who made the code.</summary>
    public string FromKey { get; set; } = "";
    /// <summary>Who typed it, and the name their channel gives them.</summary>
    public string ToKey { get; set; } = "";
    public string? ToName { get; set; }
    public DateTime ExpiresAt { get; set; }
    public bool TypistAgreed { get; set; }
    /// <summary>Linked, refused or cancelled: nothing more to press.</summary>
    public bool Closed { get; set; }
}

/// <summary>Wrong invitation or link codes one identity typed in the last hour, for the attempt limit.</summary>
public sealed class CodeAttempts
{
    [BsonId] public string UserKey { get; set; } = "";
    public List<DateTime> Failures { get; set; } = [];
}

/// <summary>A registration in progress: the name asked, then the unit; what the person wanted to do waits.</summary>
public sealed class Registration
{
    [BsonId] public string UserKey { get; set; } = "";
    public string? Name { get; set; }
    public bool AwaitingUnit { get; set; }
    /// <summary>The message that needed registration, replayed once it is done.</summary>
    public string? PendingText { get; set; }
    public string? PendingButton { get; set; }
}

public sealed class AccessOptions
{
    public const string Section = "Access";
    /// <summary>Bootstrap administrators as "channel:id" (telegram, zalo, console, script).</summary>
    public List<string> Admins { get; set; } = [];
}
