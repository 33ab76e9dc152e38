using System.Globalization;

namespace ThiDua.Bot.Hosting;

/// <summary>Time for the whole process: the real clock, or one set by Clock:Now / --now for demos and tests.</summary>
public static class ClockSetup
{
    public static DateTimeOffset? ParseNow(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            // An instant without an offset means Vietnamese local time.
            if (!value.Contains('+', StringComparison.Ordinal) && !value.EndsWith('Z') && !HasNegativeOffset(value))
                instant = new DateTimeOffset(instant.DateTime, Core.Time.LocalClock.VietnamZone.GetUtcOffset(instant.DateTime));
            // Plans, reminders and backups count days from it: a clock at the edge of the calendar would overflow them.
            if (instant.Year is < 2000 or > 2100)
                throw new CommandLineException($"Clock:Now / --now '{Printable(value)}' nằm ngoài khoảng dùng được (năm 2000–2100)");
            return instant;
        }
        throw new CommandLineException($"Clock:Now / --now '{Printable(value)}' không phải thời điểm ISO-8601 (ví dụ 2024-04-20T09:00:00+07:00)");
    }

    private static string Printable(string value) => Core.Text.PrintableText.Of(value).Replace('\uFFFD', ' ');

    private static bool HasNegativeOffset(string value) => value.Length > 6 && value[^6] == '-' && value[^3] == ':';
}

/// <summary>The scripted channel's clock: frozen at one instant until a script moves it, so runs repeat exactly.</summary>
public sealed class FrozenTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Set(DateTimeOffset instant) => _now = instant;
}

/// <summary>Real time, shifted so that it starts at the configured instant and flows on from there.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    /// <summary>Jumps forward (demos on the console: "/dongho 2024-06-22T08:00"); time then flows on from there.</summary>
    public void JumpTo(DateTimeOffset instant) => _shift = instant - System.GetUtcNow();
}
