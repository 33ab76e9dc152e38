namespace ThiDua.Core.Tests;

/// <summary>Themes and slogans wherever a plan gives them, and the anniversaries it celebrates, with or without their dates.</summary>
public class ImportThemeTests
{
    [Fact]
    public void A_slogan_in_straight_quotes_under_its_heading_and_a_theme_heading_with_a_paragraph_are_themes()
    {
        var slogan = ImportFixtures.Plan("""
            II. NỘI DUNG THI ĐUA
            1. Khẩu hiệu thi đua: "Đoàn kết, sáng tạo, thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh".
            2. Nội dung thi đua
            a) Tuyên truyền sâu rộng về ý nghĩa của phong trào thi đua.
            """);
        Assert.Equal("Đoàn kết, sáng tạo, thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh", Assert.Single(slogan.Themes).Text);

        var heading = ImportFixtures.Plan("""
            I. CHỦ ĐỀ THI ĐUA
            Phát huy mạnh mẽ tinh thần đoàn kết, sáng tạo trong xây dựng và phát triển tỉnh Sơn La ngày càng bền vững.
            II. MỤC ĐÍCH, YÊU CẦU
            1. Tạo khí thế thi đua sôi nổi trong cán bộ, đảng viên và Nhân dân.
            """);
        var theme = Assert.Single(heading.Themes);
        Assert.Equal(("Phát huy mạnh mẽ tinh thần đoàn kết, sáng tạo trong xây dựng và phát triển tỉnh Sơn La ngày càng bền vững", "I"), (theme.Text, theme.Section));
    }

    [Fact]
    public void A_theme_in_a_sentence_counts_but_that_of_a_contest_or_an_earlier_congress_does_not()
    {
        var c = ImportFixtures.Plan("""
            I. MỤC ĐÍCH, YÊU CẦU
            1. Đánh giá kết quả phong trào thi đua từ sau Đại hội Thi đua yêu nước toàn quốc lần thứ X năm 2020 với chủ đề “Đoàn kết, sáng tạo thi đua xây dựng và bảo vệ Tổ quốc”.
            2. Phong trào thi đua năm 2025 với chủ đề “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”, hướng tới các ngày lễ lớn.
            II. NỘI DUNG THI ĐUA
            1. Tổ chức Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh với chủ đề “Tự hào truyền thống”.
            """);
        Assert.Equal(["Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển"], c.Themes.Select(t => t.Text));
    }

    [Fact]
    public void A_plan_without_a_theme_says_so()
    {
        var draft = ImportFixtures.Import("I. MỤC ĐÍCH, YÊU CẦU\n1. Tạo khí thế thi đua sôi nổi trong cán bộ, đảng viên và Nhân dân.\n");
        Assert.Empty(draft.Campaign.Themes);
        Assert.True(draft.Flagged("themes"));
    }

    [Fact]
    public void Anniversaries_with_their_dates_and_without_are_each_read_once()
    {
        var c = ImportFixtures.Plan("""
            I. MỤC ĐÍCH, YÊU CẦU
            1. Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9; 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025), 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025).
            2. Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước bảo đảm trang trọng, thiết thực.
            3. Tuyên truyền về 80 năm xây dựng, chiến đấu và trưởng thành của lực lượng vũ trang tỉnh.
            """);
        Assert.Equal(3, c.Anniversaries.Count);
        var south = Assert.Single(c.Anniversaries, a => a.Years == 50);
        Assert.Equal(("50 năm Ngày giải phóng miền Nam, thống nhất đất nước", new DateOnly(1975, 4, 30), new DateOnly(2025, 4, 30)), (south.Name, south.EventDate, south.AnniversaryDate));
        var ho = Assert.Single(c.Anniversaries, a => a.Years == 135);
        Assert.Equal(new DateOnly(2025, 5, 19), ho.AnniversaryDate);
        Assert.Contains("ngay sinh chu tich ho chi minh", ho.Keywords);
        var august = Assert.Single(c.Anniversaries, a => a.Years == 80);
        Assert.StartsWith("80 năm Cách mạng tháng Tám", august.Name, StringComparison.Ordinal);
        Assert.Null(august.AnniversaryDate);
        // The anniversary days within the plan's time are its events.
        Assert.Contains(c.Deadlines, d => d.Kind == Knowledge.DeadlineKind.Event && d.DueDate == new DateOnly(2025, 4, 30));
    }
}
