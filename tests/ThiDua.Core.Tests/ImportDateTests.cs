using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>The Vietnamese ways plans write times, read into due dates the reminders can use.</summary>
public class ImportDateTests
{
    [Theory]
    [InlineData("tổ chức ngày 10/3/2024 tại hội trường", "2024-03-10", DueRule.OnOrBefore, null)]
    [InlineData("Thời gian: từ ngày 10 tháng 3 năm 2024 đến hết ngày 10/5/2024.", "2024-05-10", DueRule.OnOrBefore, "2024-03-10")]
    [InlineData("gửi báo cáo trước ngày 20/11", "2024-11-19", DueRule.Before, null)]
    [InlineData("chậm nhất ngày 15/3 gửi kế hoạch", "2024-03-15", DueRule.OnOrBefore, null)]
    [InlineData("sơ kết trong tháng 7/2024", "2024-07-31", DueRule.WithinMonth, "2024-07-01")]
    [InlineData("Nhiệm vụ thực hiện trong Quý II", "2024-06-30", DueRule.WithinQuarter, "2024-04-01")]
    [InlineData("tổng kết vào dịp 13/5/2025", "2025-05-13", DueRule.Approximate, null)]
    [InlineData("Đợt 2: từ 21/6/2024 - 31/12/2024", "2024-12-31", DueRule.OnOrBefore, "2024-06-21")]
    public void Each_form_gives_the_last_day_on_time(string text, string due, DueRule rule, string? start)
    {
        var mention = Assert.Single(DateMentions.Find(text, 2024));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), mention.Due);
        Assert.Equal(rule, mention.Rule);
        Assert.Equal(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), mention.Start);
    }

    [Theory]
    [InlineData("Lời kêu gọi số 51/LĐCP ngày 15 tháng 02 năm 2024", 1)]
    [InlineData("Hướng dẫn số 836/HD-BNV ngày 21/02/2024", 1)]
    [InlineData("ngày 31/2/2024 và 45/13", 0)]
    public void Document_numbers_and_impossible_dates_are_not_dates(string text, int count) =>
        Assert.Equal(count, DateMentions.Find(text, 2024).Count);

    [Fact]
    public void Markdown_table_pipes_and_page_numbers_from_websites_are_cleaned_and_broken_lines_joined()
    {
        var lines = PlanTextCleaner.Clean("**I. MỤC ĐÍCH**\n| STT | Nội dung |\n|---|---|\n| 1 | Tờ trình |\n- 3 -\nHồ sơ gửi về Sở\nNội vụ trước ngày 20/11.\nphát động\n\nthi đua sôi nổi.");
        Assert.Equal("I. MỤC ĐÍCH", lines[0]);
        Assert.Contains("1 — Tờ trình", lines);
        Assert.DoesNotContain(lines, l => l.Contains("---", StringComparison.Ordinal) || l == "- 3 -");
        Assert.Contains("phát động thi đua sôi nổi.", lines);
    }
}
