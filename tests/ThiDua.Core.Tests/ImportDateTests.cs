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
    [InlineData("Giai đoạn 1: từ tháng 10/2024 đến tháng 3/2025", "2025-03-31", DueRule.OnOrBefore, "2024-10-01")]
    [InlineData("thời gian từ tháng 10 đến hết tháng 12 năm 2024", "2024-12-31", DueRule.OnOrBefore, "2024-10-01")]
    [InlineData("từ ngày 01/10/2024 đến hết tháng 12/2024", "2024-12-31", DueRule.OnOrBefore, "2024-10-01")]
    [InlineData("từ 10/3 đến 10/5/2024", "2024-05-10", DueRule.OnOrBefore, "2024-03-10")]
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

    [Theory]
    [InlineData("Thực hiện Kế hoạch số 42/KH-UBND ngày 24/01/2024 của UBND tỉnh về tổ chức các hoạt động")]
    [InlineData("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")]
    [InlineData("Thực hiện công văn số 1240/UBND-NV ngày 20 tháng 3 năm 2024 của UBND thành phố Cam Ranh")]
    [InlineData("Nghị định số 98/2023/NĐ- CP ngày 31/12/2023 của Chính phủ")]
    [InlineData("tiếp tục quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị")]
    public void The_date_of_a_cited_document_is_marked_cited(string text) => Assert.True(Assert.Single(DateMentions.Find(text, 2024)).Cited);

    [Theory]
    [InlineData("Báo cáo kết quả về Sở Nội vụ trước ngày 30/6/2024, theo Kế hoạch số 42/KH-UBND.")]
    [InlineData("gửi Kế hoạch chậm nhất ngày 15/3/2024")]
    [InlineData("tổ chức Hội nghị ngày 20/5/2024 tại Hội trường")]
    public void Dates_of_things_to_do_are_not_cited(string text) => Assert.False(Assert.Single(DateMentions.Find(text, 2024)).Cited);

    [Fact]
    public void A_day_without_a_year_before_the_plan_was_issued_is_in_the_next_year()
    {
        var issued = new DateOnly(2024, 7, 10);
        Assert.Equal(new DateOnly(2025, 3, 14), Assert.Single(DateMentions.Find("gửi hồ sơ trước ngày 15/3", 2024, issued)).Due);
        var november = Assert.Single(DateMentions.Find("báo cáo trước ngày 20/11", 2024, issued));
        Assert.Equal(new DateOnly(2024, 11, 19), november.Due);
        Assert.False(november.YearGiven);
    }

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
