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

    public bool IsRegistered => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(UnitKey);
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
