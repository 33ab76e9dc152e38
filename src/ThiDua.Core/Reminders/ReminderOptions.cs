namespace ThiDua.Core.Reminders;

/// <summary>Reminders:* in appsettings.json.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Days before a deadline to remind; 0 is the morning of the day.</summary>
    public int[] OffsetsDays { get; set; } = [7, 3, 1, 0];

    /// <summary>Local time (Asia/Ho_Chi_Minh) reminders go out.</summary>
    public TimeOnly SendAt { get; set; } = new(8, 0);

    /// <summary>After downtime, reminders missed by less than this are still sent (marked late); older ones are skipped.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Set by the host when the clock is given (Clock:Now, --now): a demo's or a test's time. Its bookkeeping is kept
    /// apart from real time's, so a demo on a real database neither sends real reminders early nor is silenced by them.
    /// </summary>
    public bool Simulated { get; set; }

    /// <summary>What is wrong with these settings, named in Vietnamese; null when nothing is.</summary>
    public string? Problem() =>
        OffsetsDays.Where(d => d is < 0 or > 60).Select(d => (int?)d).FirstOrDefault() is { } bad
            ? $"Cấu hình Reminders:OffsetsDays có giá trị '{bad}' không phải số ngày (0–60)."
            : Grace < TimeSpan.Zero ? "Cấu hình Reminders:Grace không được âm." : null;
}
