using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Access;

/// <summary>
/// At most <see cref="MaxFailuresPerHour"/> wrong invitation or link codes per identity in any hour; past that,
/// every code (right ones too) is refused until the oldest failure is an hour old. Stored, so a restart does not
/// reset it.
/// </summary>
public sealed class CodeAttemptLimit(BotDatabase db, LocalClock clock)
{
    public const int MaxFailuresPerHour = 5;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>When this identity may try again, or null when it may now.</summary>
    public DateTimeOffset? BlockedUntil(string userKey)
    {
        var recent = Recent(userKey);
        return recent.Count >= MaxFailuresPerHour ? new DateTimeOffset(DateTime.SpecifyKind(recent[^MaxFailuresPerHour], DateTimeKind.Utc)) + Window : null;
    }

    /// <summary>Records a wrong code; returns how many this identity typed in the last hour.</summary>
    public int Failed(string userKey)
    {
        var recent = Recent(userKey);
        recent.Add(clock.TimeProvider.GetUtcNow().UtcDateTime);
        db.CodeAttempts.Upsert(new CodeAttempts { UserKey = userKey, Failures = recent });
        return recent.Count;
    }

    private List<DateTime> Recent(string userKey)
    {
        var since = clock.TimeProvider.GetUtcNow().UtcDateTime - Window;
        return [.. (db.CodeAttempts.FindById(userKey)?.Failures ?? []).Where(f => f > since).Order()];
    }
}
