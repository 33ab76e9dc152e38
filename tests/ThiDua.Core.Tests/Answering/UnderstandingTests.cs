namespace ThiDua.Core.Tests.Answering;

/// <summary>Questions read for what they ask: two plans at once, a plan's table row, a day it celebrates, plans by a property.</summary>
public class UnderstandingTests
{
    [Fact]
    public void Two_plans_named_together_are_answered_side_by_side()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("hồ sơ lào cai và hải dương gồm những gì");

        var laoCai = reply.Text.IndexOf("Hồ sơ đề nghị khen thưởng — Lào Cai", StringComparison.Ordinal);
        var haiDuong = reply.Text.IndexOf("Hồ sơ đề nghị khen thưởng — Hải Dương", StringComparison.Ordinal);
        Assert.True(laoCai >= 0 && haiDuong > laoCai, reply.Text);
        Assert.Contains("01 bộ hồ sơ giấy", reply.Text);
    }

    [Fact]
    public void A_sentence_that_holds_the_question_leads_over_the_kind_its_cue_words_point_at()
    {
        using var bot = new TestBot();
        // "về đâu" most often asks where a dossier goes; this plan's own sentence on problems says where they go.
        var reply = bot.Ask("kh hai duong neu co vuong mac thi phan anh ve dau");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("Kế hoạch ghi: “Trong quá triển khai thực hiện, nếu có vấn đề phát sinh, vướng mắc", lines[1]);
        Assert.Contains("Sở Nội vụ (Ban Thi đua - Khen thưởng) để được hướng dẫn", lines[1]);
    }

    [Fact]
    public void A_fact_of_another_kind_that_holds_the_question_leads_the_answer()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("dien bien nam 2024 co di hoc tap kinh nghiem tinh ban khong");

        Assert.StartsWith("• Quý III: Tổ chức học tập và trao đổi kinh nghiệm về công tác thi đua, khen thưởng tại một số địa phương ngoài tỉnh", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_list_that_already_shows_what_was_asked_gets_no_line_repeated_over_it()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("tiêu chuẩn cá nhân và tập thể của kh hải dương");

        Assert.DoesNotContain("• Tiêu chuẩn tập thể :", reply.Text);
        Assert.Contains("Cá nhân:", reply.Text);
    }

    [Fact]
    public void An_event_the_question_names_is_among_the_deadlines_though_events_are_left_out_of_the_list()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kh 1023: tong ket cum thi dua 7 tinh mien nui phia bac nam 2023 dien ra o tinh nao");

        Assert.StartsWith("Các mốc thời hạn", reply.Text);
        Assert.Contains("năm 2023 (tại tỉnh Lạng Sơn)", reply.Text);
    }

    [Fact]
    public void Where_a_report_goes_is_said_apart_from_where_the_dossier_goes()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("báo cáo kết quả đợt thi đua của Lào Cai gửi cơ quan nào");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("Báo cáo gửi: Ủy ban nhân dân tỉnh (qua Bộ Chỉ huy Quân sự tỉnh) và Sở Nội vụ (Ban Thi đua - Khen thưởng)", lines[1]);
        Assert.Contains("đợt 2 trước ngày 25/12/2024", lines[1]);
        Assert.Contains("Nộp về: Bộ CHQS tỉnh", reply.Text);
    }

    [Fact]
    public void A_task_table_row_is_quoted_under_its_quarter()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kh 1023 ký giao ước thi đua năm 2025 khi nào");

        Assert.Contains("Nhiệm vụ thực hiện trong quý IV", reply.Text);
        Assert.Contains("ký kết giao ước thi đua các khối-cụm của tỉnh năm 2025", reply.Text);
    }

    [Fact]
    public void A_day_a_named_plan_celebrates_is_what_is_asked()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch cam phú 35 năm ngày hội quốc phòng toàn dân tính từ ngày nào");

        Assert.Contains("35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 – 22/12/2024)", reply.Text);
    }

    [Fact]
    public void Plans_are_listed_by_who_issued_them()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("những kế hoạch nào do cấp tỉnh ban hành?");

        Assert.StartsWith("3/5 kế hoạch do cấp tỉnh ban hành", reply.Text);
        Assert.DoesNotContain("Cam Phú", reply.Text);
        Assert.DoesNotContain("Dương Kinh", reply.Text);
    }

    [Fact]
    public void Plans_are_listed_by_the_anniversary_they_celebrate()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("những kế hoạch nào kỷ niệm 70 năm Điện Biên Phủ");

        Assert.StartsWith("4/5 kế hoạch chào mừng 70 năm Chiến thắng Điện Biên Phủ", reply.Text);
        Assert.DoesNotContain("Dương Kinh", reply.Text);
    }

    [Fact]
    public void A_question_in_two_halves_gets_both()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kh 217 lao cai ai ky, ky ngay nao");

        Assert.Contains("Trịnh Xuân Trường", reply.Text);
        Assert.Contains("15/4/2024", reply.Text);
    }

    [Fact]
    public void A_quarter_named_lists_that_quarters_tasks_only()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kh 1023 điện biên quý I có những nhiệm vụ gì");

        Assert.StartsWith("Nhiệm vụ Quý I —", reply.Text);
        // "Quý I" is not inside "Quý III" or "Quý IV": the trình khen for the school year is a third-quarter task.
        Assert.DoesNotContain("năm học 2023-2024", reply.Text);
        Assert.DoesNotContain("Quý III", reply.Text);
    }

    [Fact]
    public void Plans_with_a_deadline_in_a_month_are_listed_with_that_deadline_only()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch nào có hạn trong tháng 6");

        Assert.StartsWith("2/5 kế hoạch có hạn trong tháng 6", reply.Text);
        Assert.Contains("20/6/2024", reply.Text);
        // Điện Biên's March deadline is not a reason it has one in June.
        Assert.DoesNotContain("15/3/2024", reply.Text);
    }

    [Fact]
    public void A_day_that_names_the_plan_is_also_what_the_question_asks()
    {
        using var bot = new TestBot();
        bot.Ask("Điện Biên năm 2024 kỷ niệm những ngày lễ lớn nào?");
        var reply = bot.Ask("75 năm thành lập Đảng bộ tỉnh là ngày nào");

        Assert.Contains("75 năm thành lập Đảng bộ tỉnh Điện Biên (10/10/1949 – 10/10/2024)", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_follow_up_in_a_chat_about_a_plan_is_answered_from_that_plan_not_from_the_law()
    {
        using var bot = new TestBot();
        bot.Ask("Cho hỏi về kế hoạch thi đua 70 năm giải phóng Hải Phòng của quận Dương Kinh");
        var reply = bot.Ask("vậy ai thẩm định hồ sơ khen thưởng?");

        Assert.StartsWith("Thẩm định, xét duyệt — Quận Dương Kinh", reply.Text);
        Assert.Contains("Phòng Nội vụ quận Dương Kinh", reply.Text);
    }
}
