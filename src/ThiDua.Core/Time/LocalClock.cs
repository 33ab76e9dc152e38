namespace ThiDua.Core.Time;

/// <summary>"Now" and "today" in Asia/Ho_Chi_Minh, whatever the machine's zone, from an injectable TimeProvider.</summary>
public sealed class LocalClock(TimeProvider time)
{
    public static TimeZoneInfo VietnamZone { get; } = FindVietnamZone();

    public TimeProvider TimeProvider => time;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), VietnamZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

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
