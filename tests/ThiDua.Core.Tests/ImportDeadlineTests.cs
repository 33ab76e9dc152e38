using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>Dated obligations as plans word them: who, what, where it goes, by when; cited documents' dates never; the year the plan's.</summary>
public class ImportDeadlineTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Reporting_lines_give_who_what_where_and_the_last_day_on_time()
    {
        var c = ImportFixtures.Plan("""
            VI. TỔ CHỨC THỰC HIỆN
            1. Các sở, ban, ngành, đoàn thể tỉnh: báo cáo kết quả thực hiện phong trào về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/11/2025.
            2. Ủy ban nhân dân các xã, phường: xây dựng kế hoạch triển khai gửi về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trong tháng 02/2025.
            3. Các cơ quan, đơn vị: hồ sơ đề nghị khen thưởng gửi về Sở Nội vụ (Ban Thi đua - Khen thưởng) chậm nhất ngày 30/11/2025.
            4. Sở Nội vụ: sơ kết 6 tháng vào tháng 7/2025; tổng kết phong trào trong Quý IV/2025.
            """);
        var report = Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.Report);
        Assert.Equal((D(2025, 11, 14), DueRule.Before, "trước ngày 15/11/2025"), (report.DueDate, report.Rule, report.Wording));
        Assert.Equal(("Các sở, ban, ngành, đoàn thể tỉnh", "Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"), (report.Who, report.SendTo));
        Assert.Equal([UnitKind.Department], report.Audience);
        Assert.Equal("VI.1", report.Section);

        var plan = Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.UnitPlan);
        Assert.Equal((D(2025, 2, 28), DueRule.WithinMonth), (plan.DueDate, plan.Rule));
        Assert.Equal([UnitKind.Commune], plan.Audience);

        var dossier = Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.Submission);
        Assert.Equal((D(2025, 11, 30), "Sở Nội vụ (Ban Thi đua - Khen thưởng)"), (dossier.DueDate, dossier.SendTo));

        Assert.Contains(c.Deadlines, d => d.Kind == DeadlineKind.MidTermReview && d.DueDate == D(2025, 7, 31));
        Assert.Contains(c.Deadlines, d => d.Kind == DeadlineKind.FinalReview && d.DueDate == D(2025, 12, 31) && d.Rule == DueRule.WithinQuarter);
        Assert.Contains(c.Bodies, b => b.Role == BodyRole.Receiving && b.Name == "Sở Nội vụ");
    }

    [Fact]
    public void The_date_of_a_cited_document_is_never_a_deadline_and_a_day_without_year_is_in_the_plans_year()
    {
        var c = ImportFixtures.Plan("""
            II. NỘI DUNG THI ĐUA
            1. Thực hiện Công văn số 125/UBND-NV ngày 10/3/2025 của Ủy ban nhân dân tỉnh, các cơ quan tiếp tục triển khai phong trào theo Kế hoạch số 42/KH-UBND ngày 24/01/2025.
            2. Quán triệt Luật Thi đua, khen thưởng ngày 15/6/2022 đến toàn thể cán bộ, công chức.
            VI. TỔ CHỨC THỰC HIỆN
            1. Ủy ban nhân dân các huyện: gửi báo cáo về Sở Nội vụ trước ngày 20/11.
            """);
        var due = Assert.Single(c.Deadlines);
        Assert.Equal((D(2025, 11, 19), "Sở Nội vụ"), (due.DueDate, due.SendTo));
        Assert.Contains(c.LegalBases, b => b.DocumentNumber == "42/KH-UBND" && b.Date == D(2025, 1, 24));
    }

    [Fact]
    public void A_task_table_copied_with_pipes_gives_tasks_with_their_time_lead_and_due_day()
    {
        var c = ImportFixtures.Plan("""
            III. NHIỆM VỤ CỤ THỂ
            | STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
            |---|---|---|---|---|
            | 1 | Ban hành Kế hoạch kiểm tra công tác thi đua, khen thưởng | Sở Nội vụ | Văn phòng UBND tỉnh | Quý I/2025 |
            | 2 | Tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm | Sở Nội vụ | Các sở, ngành | Tháng 7/2025 |
            | 3 | Tuyên truyền gương điển hình tiên tiến | Báo Sơn La | Đài PT-TH tỉnh | Thường xuyên |
            IV. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ: theo dõi, đôn đốc thực hiện Kế hoạch.
            """);
        Assert.Equal(
            [("Quý I/2025", "Ban hành Kế hoạch kiểm tra công tác thi đua, khen thưởng", (DateOnly?)D(2025, 3, 31)),
             ("Tháng 7/2025", "Tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm", D(2025, 7, 31)),
             ("Thường xuyên", "Tuyên truyền gương điển hình tiên tiến", null)],
            c.Tasks.Select(t => (t.Period, t.Text, t.Due)));
        Assert.Equal("Chủ trì: Sở Nội vụ; phối hợp: Văn phòng UBND tỉnh", c.Tasks[0].Responsible);
        Assert.Equal("III (bảng nhiệm vụ), Quý I/2025, STT 1", c.Tasks[0].Section);
        // The review conference is something to prepare for by then; the lead agency's own instruments are its business.
        var review = Assert.Single(c.Deadlines, d => d.DueDate == D(2025, 7, 31));
        Assert.Equal(DeadlineKind.MidTermReview, review.Kind);
        Assert.DoesNotContain(c.Deadlines, d => d.DueDate == D(2025, 3, 31));
    }

    [Fact]
    public void Task_rows_that_carry_their_own_quarter_without_a_header_row_are_read_too()
    {
        var c = ImportFixtures.Plan("""
            III. NHIỆM VỤ TRỌNG TÂM THEO THỜI GIAN
            | 1 | Quý I | Tổ chức ký kết giao ước thi đua giữa các khối, cụm | Sở Nội vụ |
            | 2 | Quý III | Gửi báo cáo sơ kết 9 tháng về Ban Thi đua - Khen thưởng Trung ương | Sở Nội vụ |
            IV. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ: theo dõi, đôn đốc thực hiện Kế hoạch.
            """);
        Assert.Equal([("Quý I", (DateOnly?)D(2025, 3, 31), "Chủ trì: Sở Nội vụ"), ("Quý III", D(2025, 9, 30), "Chủ trì: Sở Nội vụ")], c.Tasks.Select(t => (t.Period, t.Due, t.Responsible)));
        var report = Assert.Single(c.Deadlines, d => d.DueDate == D(2025, 9, 30));
        Assert.Equal((DeadlineKind.MidTermReview, "Ban Thi đua - Khen thưởng Trung ương"), (report.Kind, report.SendTo));
    }

    [Fact]
    public void A_task_table_copied_with_tabs_under_quarter_rows_gives_each_quarters_tasks()
    {
        var c = ImportFixtures.Plan(
            "III. NHIỆM VỤ CỤ THỂ, THỜI GIAN, ĐƠN VỊ THỰC HIỆN\n" +
            "Số TT\tNhiệm vụ cụ thể\tĐơn vị chủ trì tham mưu\tĐơn vị phối hợp\n" +
            "I\tNhiệm vụ thực hiện trong Quý I\t\t\n" +
            "1\tXét, khen thưởng thành tích năm 2024\tSở Nội vụ\tVăn phòng UBND tỉnh\n" +
            "2\tBan hành Kế hoạch thực hiện phong trào \"Bình dân học vụ số\" trên địa bàn\tSở Giáo dục và Đào tạo\tSở Nội vụ\n\n" +
            "\tcác xã, phường\t\t\n" +
            "II\tNhiệm vụ thực hiện trong Quý II\t\t\n" +
            "1\tTổ chức họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng\tSở Nội vụ\tThành viên Hội đồng\n" +
            "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi, đôn đốc thực hiện Kế hoạch.\n");
        Assert.Equal([("Quý I", (DateOnly?)D(2025, 3, 31)), ("Quý I", D(2025, 3, 31)), ("Quý II", D(2025, 6, 30))], c.Tasks.Select(t => (t.Period, t.Due)));
        Assert.Equal("Ban hành Kế hoạch thực hiện phong trào \"Bình dân học vụ số\" trên địa bàn các xã, phường", c.Tasks[1].Text);
        Assert.Equal("Chủ trì tham mưu: Sở Giáo dục và Đào tạo; phối hợp: Sở Nội vụ", c.Tasks[1].Responsible);
        Assert.Contains(c.Deadlines, d => d.DueDate == D(2025, 6, 30) && d.Rule == DueRule.WithinQuarter && d.Who.Contains("Sở Nội vụ", StringComparison.Ordinal));
        Assert.DoesNotContain(c.Deadlines, d => d.Title.StartsWith("Nhiệm vụ thực hiện", StringComparison.Ordinal));
    }
}
