using System.Globalization;
using Humanizer;

namespace ThiDua.Core.Text;

/// <summary>Dates the way Vietnamese officers write them (10/3/2024), and distances in words (Humanizer's Vietnamese).</summary>
public static class VietnameseDates
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly string[] Weekdays = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string Format(DateOnly date) => date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1/10/2025 – 31/12/2025", with "(ước tính)" when the plan gave no end and the end was estimated.</summary>
    public static string Format(Knowledge.DateRange period) =>
        $"{Format(period.Start)} – {Format(period.End)}{(period.EndEstimatedFrom is null ? "" : " (ước tính)")}";

    public static string WithWeekday(DateOnly date) => $"{Weekdays[(int)date.DayOfWeek]}, {Format(date)}";

    /// <summary>"hôm nay", "ngày mai", "còn 3 ngày nữa", "hôm qua", "cách đây 7 tháng" — counted in calendar days.</summary>
    public static string Relative(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        if (days == 0) return "hôm nay";
        if (days == 1) return "ngày mai";
        if (days == -1) return "hôm qua";
        // Within six weeks officers count days ("còn 30 ngày"), not "một tháng".
        if (days is > 0 and <= 45) return $"còn {days} ngày nữa";
        if (days is < 0 and >= -45) return $"cách đây {-days} ngày";
        // Both as midnight UTC so Humanizer counts whole calendar days, not hours across zones.
        var target = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var origin = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var words = target.Humanize(utcDate: true, dateToCompareAgainst: origin, culture: Vietnamese);
        return days > 0 ? $"còn {words}" : words;
    }

    /// <summary>Where a period stands today: "đang diễn ra, còn 12 ngày nữa", "đã kết thúc, cách đây 7 tháng".</summary>
    public static string PeriodStatus(DateOnly start, DateOnly end, DateOnly today)
    {
        if (today < start) return $"chưa bắt đầu, {Relative(start, today)}";
        if (today > end) return $"đã kết thúc, {Relative(end, today)}";
        var left = end.DayNumber - today.DayNumber;
        return left <= 1 ? $"đang diễn ra, kết thúc {Relative(end, today)}" : $"đang diễn ra, {Relative(end, today)}";
    }
}
