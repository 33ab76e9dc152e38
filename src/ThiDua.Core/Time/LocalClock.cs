namespace ThiDua.Core.Time;

/// <summary>"Now" and "today" in Asia/Ho_Chi_Minh, whatever the machine's zone, from an injectable TimeProvider.</summary>
public sealed class LocalClock(TimeProvider time)
{
    public static TimeZoneInfo VietnamZone { get; } = FindVietnamZone();

    public TimeProvider TimeProvider => time;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), VietnamZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>
    /// A date as stored in LiteDB, in Vietnamese time: LiteDB reads dates back in the machine's local time, and a
    /// date without a kind is taken as UTC, the way the bot writes them.
    /// </summary>
    public static DateTimeOffset InVietnam(DateTime stored) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(stored.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(stored, DateTimeKind.Utc) : stored), VietnamZone);

    private static TimeZoneInfo FindVietnamZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: Vietnam has used UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}
