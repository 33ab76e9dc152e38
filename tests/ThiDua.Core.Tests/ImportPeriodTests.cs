using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>The campaign's time and phases as plans word them; an end the plan does not give is estimated, recorded as such, and flagged.</summary>
public class ImportPeriodTests
{
    /// <summary>A plan whose title names no year, so the time must come from its own section.</summary>
    private const string Header = """
        ỦY BAN NHÂN DÂN
        TỈNH SƠN LA
        Số: 45/KH-UBND
        Sơn La, ngày 20 tháng 3 năm 2025
        KẾ HOẠCH
        Phát động phong trào thi đua “Dân vận khéo”
        Ủy ban nhân dân tỉnh ban hành Kế hoạch phát động phong trào thi đua “Dân vận khéo” như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        - Phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong công tác dân vận.

        """;

    private const string Reports = """

        V. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ
        - Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.
        """;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void From_one_day_to_another()
    {
        var c = ImportFixtures.Plan("II. THỜI GIAN THI ĐUA\nTừ ngày 01/4/2025 đến ngày 30/9/2025." + Reports, Header);
        Assert.Equal((D(2025, 4, 1), D(2025, 9, 30)), (c.Period.Start, c.Period.End));
        Assert.Null(c.Period.EndEstimatedFrom);
        Assert.Equal("II", c.Period.Section);
    }

    [Fact]
    public void Until_an_event_keeps_the_plans_words_and_estimates_the_end_from_its_latest_milestone_with_a_flag()
    {
        var draft = ImportFixtures.Import("II. THỜI GIAN THI ĐUA\nPhong trào được triển khai từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVI." + Reports, Header);
        var p = draft.Campaign.Period;
        Assert.Equal(D(2025, 10, 1), p.Start);
        Assert.Equal("từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVI", p.Wording);
        // Not the calendar year: the latest dated thing the plan names (the report due before 15/12/2025).
        Assert.Equal(D(2025, 12, 14), p.End);
        Assert.Contains("14/12/2025", p.EndEstimatedFrom, StringComparison.Ordinal);
        Assert.Contains(draft.Flags, f => f.Field == "period" && f.Problem.Contains("không có ngày kết thúc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thời gian thi đua: trong năm 2025.", "2025-01-01", "2025-12-31", "trong năm 2025")]
    [InlineData("Thời gian thi đua: từ nay đến hết năm 2025.", "2025-03-20", "2025-12-31", "từ nay đến hết năm 2025")]
    [InlineData("Thời gian thi đua: từ nay đến hết năm.", "2025-03-20", "2025-12-31", "từ nay đến hết năm")]
    [InlineData("Thời gian thực hiện: đến hết tháng 12/2025.", "2025-03-20", "2025-12-31", "đến hết tháng 12/2025")]
    [InlineData("Thời gian thi đua: từ tháng 4 đến hết tháng 11 năm 2025.", "2025-04-01", "2025-11-30", null)]
    public void Whole_years_from_now_and_months(string said, string start, string end, string? wording)
    {
        var draft = ImportFixtures.Import("II. THỜI GIAN THI ĐUA\n" + said + Reports, Header);
        var p = draft.Campaign.Period;
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (p.Start, p.End));
        Assert.Equal(wording, p.Wording);
        Assert.Null(p.EndEstimatedFrom);
        Assert.False(draft.Flagged("period"));
    }

    [Fact]
    public void A_plan_that_gives_no_time_is_estimated_from_issue_to_its_latest_milestone_and_flagged()
    {
        var draft = ImportFixtures.Import("II. NỘI DUNG THI ĐUA\n1. Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân." + Reports, Header);
        var p = draft.Campaign.Period;
        Assert.Equal((D(2025, 3, 20), D(2025, 12, 14)), (p.Start, p.End));
        Assert.NotNull(p.EndEstimatedFrom);
        Assert.True(draft.Flagged("period"));
    }

    [Fact]
    public void Phases_with_their_own_dates_themes_and_closings_and_one_that_ends_with_an_event()
    {
        var draft = ImportFixtures.Import("""
            II. THỜI GIAN THI ĐUA
            1. Giai đoạn 1 (từ tháng 4/2025 đến tháng 9/2025) với chủ đề: “Tăng tốc, bứt phá về đích”.
            - Sơ kết giai đoạn 1 vào tháng 10/2025, biểu dương các tập thể, cá nhân tiêu biểu.
            2. Giai đoạn 2: từ tháng 10/2025 đến khi tổng kết phong trào.
            III. NỘI DUNG THI ĐUA
            1. Chương trình tọa đàm thanh niên với chủ đề “Tuổi trẻ dân vận”.
            """ + Reports, Header);
        var c = draft.Campaign;
        Assert.Equal(["giai-doan-1", "giai-doan-2"], c.Phases.Select(p => p.Id));
        var first = c.Phases[0];
        Assert.Equal(("Giai đoạn 1", D(2025, 4, 1), D(2025, 9, 30)), (first.Name, first.Start, first.End));
        Assert.Equal("Tăng tốc, bứt phá về đích", first.Theme);
        Assert.StartsWith("Sơ kết giai đoạn 1 vào tháng 10/2025", first.Closing, StringComparison.Ordinal);
        var second = c.Phases[1];
        Assert.Equal(D(2025, 10, 1), second.Start);
        Assert.Equal("từ tháng 10/2025 đến khi tổng kết phong trào", second.Wording);
        Assert.Equal(D(2025, 12, 14), second.End);
        Assert.NotNull(second.EndEstimatedFrom);
        Assert.True(draft.Flagged("phases"));
        Assert.Equal((D(2025, 4, 1), D(2025, 12, 14)), (c.Period.Start, c.Period.End));
        // The theme of a talk inside the plan is not the plan's.
        var theme = Assert.Single(c.Themes);
        Assert.Equal(("Tăng tốc, bứt phá về đích", "giai-doan-1"), (theme.Text, theme.PhaseId));
    }

    [Fact]
    public void Phases_listed_in_one_paragraph_are_each_read()
    {
        var c = ImportFixtures.Plan("II. THỜI GIAN THI ĐUA\nĐợt 1: từ ngày 10/4 đến ngày 30/6/2025; Đợt 2: từ ngày 01/7 đến hết ngày 31/12/2025." + Reports, Header);
        Assert.Equal([("dot-1", D(2025, 4, 10), D(2025, 6, 30)), ("dot-2", D(2025, 7, 1), D(2025, 12, 31))], c.Phases.Select(p => (p.Id, p.Start, p.End)));
        Assert.Equal((D(2025, 4, 10), D(2025, 12, 31)), (c.Period.Start, c.Period.End));
        Assert.Contains(c.Deadlines, d => d.Kind == DeadlineKind.PhaseEnd && d.PhaseId == "dot-1" && d.DueDate == D(2025, 6, 30));
    }
}
