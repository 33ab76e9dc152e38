namespace ThiDua.Core.Tests;

/// <summary>Transcripts an officer would recognise: which plan, follow-ups, ambiguity, "as of now".</summary>
public class ConversationTests
{
    [Theory]
    [InlineData("Hồ sơ đề nghị khen thưởng của Lào Cai gồm những gì?")]
    [InlineData("ho so de nghi khen thuong lao cai gom nhung gi")]
    [InlineData("HS khen thưởng LC gồm gì")]
    [InlineData("kh 217 can nhung giay to gi")]
    public void Dossier_question_is_understood_with_or_without_diacritics_and_abbreviations(string question)
    {
        using var bot = new TestBot();
        var reply = bot.Ask(question);
        Assert.Contains("Tờ trình", reply.Text);
        Assert.Contains("01 bộ hồ sơ giấy", reply.Text);
        Assert.Contains("Kế hoạch 217/KH-UBND ngày 15/4/2024 của UBND tỉnh Lào Cai", reply.Text);
    }

    [Fact]
    public void The_province_Dien_Bien_is_not_the_Dien_Bien_Phu_victory()
    {
        using var bot = new TestBot();
        var province = bot.Ask("kế hoạch thi đua khen thưởng năm 2024 của tỉnh Điện Biên");
        Assert.Contains("1023/KH-UBND", province.Text);

        var anniversary = bot.Ask("kế hoạch thi đua chào mừng 70 năm chiến thắng Điện Biên Phủ", chat: "c2");
        Assert.Contains("Bạn hỏi kế hoạch nào", anniversary.Text);
        Assert.True(anniversary.Buttons.Count >= 2, "every plan celebrating the victory is offered");
        Assert.Contains(anniversary.Buttons.SelectMany(r => r), b => b.Data.Contains("lao-cai-217", StringComparison.Ordinal));
    }

    [Fact]
    public void Ambiguous_question_is_answered_after_the_officer_picks_a_plan()
    {
        using var bot = new TestBot();
        var ask = bot.Ask("hồ sơ khen thưởng đợt thi đua 70 năm ĐBP gồm những gì?");
        Assert.Contains("kế hoạch nào", ask.Text);
        var answer = bot.Press(ask, "Lào Cai");
        Assert.Contains("Tờ trình", answer.Text);
        Assert.Contains("217/KH-UBND", answer.Text);
    }

    [Fact]
    public void A_plan_named_in_the_next_message_answers_the_pending_question()
    {
        using var bot = new TestBot();
        var ask = bot.Ask("tiêu chuẩn khen thưởng là gì?");
        Assert.Contains("kế hoạch nào", ask.Text);
        var answer = bot.Ask("Lào Cai");
        Assert.Contains("Tiêu chuẩn", answer.Text);
        Assert.Contains("217/KH-UBND", answer.Text);
    }

    [Fact]
    public void Follow_ups_keep_the_plan_and_the_question()
    {
        using var bot = new TestBot();
        var collective = bot.Ask("tiêu chuẩn khen thưởng tập thể của Lào Cai");
        Assert.Contains("Tiêu chuẩn khen thưởng tập thể", collective.Text);
        Assert.Contains("Nội bộ đoàn kết", collective.Text);

        var individual = bot.Ask("còn cá nhân thì sao?");
        Assert.Contains("Tiêu chuẩn khen thưởng cá nhân", individual.Text);
        Assert.Contains("217/KH-UBND", individual.Text);

        var phase2 = bot.Ask("thời gian đợt 2 thì sao?");
        Assert.Contains("21/6/2024", phase2.Text);
        Assert.Contains("31/12/2024", phase2.Text);

        var deadline = bot.Ask("hạn nộp báo cáo?");
        Assert.Contains("25/12/2024", deadline.Text);
    }

    [Fact]
    public void An_award_form_only_one_plan_offers_names_that_plan()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("bằng khen thủ tướng cần tiêu chuẩn gì?");
        Assert.Contains("Hải Dương", reply.Text);
        Assert.Contains("Nội bộ đoàn kết", reply.Text);
    }

    [Fact]
    public void A_body_named_in_the_question_names_its_plan()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("bộ chqs tỉnh làm gì");
        // Only the plans that give the provincial military command a role are offered.
        Assert.Equal(["hai-duong-70-dbp", "lao-cai-217"], reply.Buttons.SelectMany(r => r).Select(b => b.Data.Split('|')[2]).Order().ToArray());
        var answer = bot.Press(reply, "Lào Cai");
        Assert.Contains("Nhiệm vụ của Bộ Chỉ huy Quân sự tỉnh", answer.Text);
    }

    [Fact]
    public void Who_signed_and_when_is_in_the_overview()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("ai ký kế hoạch lào cai");
        Assert.Contains("Trịnh Xuân Trường", reply.Text);
        Assert.Contains("15/4/2024", reply.Text);
    }

    [Theory]
    [InlineData("Cam Phú báo cáo kết quả gửi ai, trước ngày nào?", "20/11/2024")]
    [InlineData("phường ở Dương Kinh nộp kế hoạch khi nào", "tháng 07 năm 2024")]
    [InlineData("Hải Dương được khen tối đa bao nhiêu cá nhân", "36 cá nhân")]
    [InlineData("đợt thi đua Hải Dương kết thúc ngày nào", "10/5/2024")]
    [InlineData("khẩu hiệu thi đua của quận Dương Kinh", "Đảng bộ, chính quyền, quân và dân quận Dương Kinh")]
    [InlineData("nhiệm vụ quý 3 của tỉnh Điện Biên", "Hội nghị sơ kết cụm thi đua 7 tỉnh miền núi biên giới Phía Bắc năm 2024")]
    [InlineData("hồ sơ Hải Dương theo mẫu báo cáo nào", "khen thưởng đột xuất")]
    [InlineData("ai thẩm định hồ sơ ở quận Dương Kinh", "Phòng Nội vụ quận Dương Kinh")]
    [InlineData("kế hoạch của phường cam phú do ai ký", "Đỗ Xuân Chiến")]
    [InlineData("kh 1023 có chia đợt không", "không chia thành các đợt")]
    [InlineData("kế hoạch hải dương ban hành tháng mấy", "tháng 3/2024")]
    [InlineData("báo cáo kết quả đợt thi đua hải dương gửi sở nào", "Sở Lao động, Thương binh và Xã hội")]
    [InlineData("tỉnh điện biên có kỷ niệm chương gì", "Kỷ niệm chương “Vì sự nghiệp xây dựng và phát triển tỉnh Điện Biên”")]
    [InlineData("điện biên năm 2024 kỷ niệm những ngày nào", "115 năm thành lập tỉnh")]
    [InlineData("tôi là cán bộ xã, tôi phải làm gì theo kế hoạch dương kinh", "Nhiệm vụ của Ủy ban nhân dân các phường")]
    [InlineData("phòng văn hóa thông tin quận làm gì", "Quận Dương Kinh")]
    [InlineData("cụm thi đua 7 tỉnh miền núi biên giới tổng kết khi nào", "1023/KH-UBND")]
    public void Questions_on_each_plan_are_answered_from_its_data(string question, string expected)
    {
        using var bot = new TestBot();
        Assert.Contains(expected, bot.Ask(question).Text);
    }

    [Fact]
    public void A_quarter_s_tasks_are_that_quarter_s_and_no_other()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("nhiệm vụ quý 3 của tỉnh Điện Biên").Text;
        // Both from the Quý III rows of the plan's table (the title alone repeats the question's quarter).
        Assert.Contains("Hội nghị sơ kết cụm thi đua 7 tỉnh miền núi biên giới Phía Bắc năm 2024", reply);
        Assert.Contains("Tổ chức học tập và trao đổi kinh nghiệm về công tác thi đua, khen thưởng tại một số địa phương ngoài tỉnh", reply);
        Assert.DoesNotContain("Ban hành Kế hoạch công tác thi đua khen thưởng năm 2024", reply);            // Quý I
        Assert.DoesNotContain("Ban hành Báo cáo tổng kết công tác TĐKT năm 2024", reply);                   // Quý IV
    }

    [Fact]
    public void Context_survives_a_restart()
    {
        using var temp = new TempDatabase();
        var path = temp.Path;
        using (var before = new TestBot(databasePath: path)) before.Ask("thời gian thi đua Lào Cai");
        using var after = new TestBot(databasePath: path);
        Assert.Contains("217/KH-UBND", after.Ask("hồ sơ gồm những gì?").Text);
    }

    [Theory]
    [InlineData("có cần biên bản họp hội đồng không")]
    [InlineData("nộp hồ sơ giấy hay điện tử")]
    public void A_question_any_plan_could_answer_is_not_pinned_on_one(string question)
    {
        using var bot = new TestBot();
        Assert.Contains("kế hoạch nào", bot.Ask(question).Text);
    }

    [Fact]
    public void Context_is_per_chat()
    {
        using var bot = new TestBot();
        bot.Ask("thời gian thi đua Lào Cai", chat: "a");
        var other = bot.Ask("hồ sơ gồm những gì?", chat: "b");
        Assert.Contains("kế hoạch nào", other.Text);
    }

    [Fact]
    public void As_of_April_2024_the_Lao_Cai_campaign_is_running()
    {
        using var bot = new TestBot(TestBot.April2024);
        var reply = bot.Ask("đợt thi đua Lào Cai bắt đầu và kết thúc khi nào?");
        Assert.Contains("10/4/2024", reply.Text);
        Assert.Contains("đang diễn ra", reply.Text);
    }

    [Fact]
    public void Today_every_2024_campaign_is_said_to_be_over()
    {
        using var bot = new TestBot(TestBot.Today2026);
        var list = bot.Ask("Có những kế hoạch thi đua nào?");
        Assert.Equal(5, list.Buttons.Count);
        Assert.DoesNotContain("đang diễn ra", list.Text);
        Assert.Contains("đã kết thúc", list.Text);

        var next = bot.Ask("hạn sắp tới là gì?");
        Assert.Contains("Không còn hạn nào sắp tới", next.Text);
    }

    [Fact]
    public void Time_moving_on_changes_the_answer()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 23, 8, 0, 0, TimeSpan.FromHours(7)));
        var before = bot.Ask("hạn báo cáo đợt 1 Lào Cai");
        Assert.Contains("còn 6 ngày nữa", before.Text);
        bot.Time.Advance(TimeSpan.FromDays(7));
        var after = bot.Ask("hạn báo cáo đợt 1 Lào Cai");
        Assert.Contains("đã qua", after.Text);
    }

    [Fact]
    public void Days_are_counted_in_Vietnamese_time_not_UTC()
    {
        // 23:30 on 28/6 in Hanoi is still 28/6; in UTC it is 16:30 on 28/6. At 00:30 on 29/6 Hanoi, UTC is still 28/6.
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 29, 0, 30, 0, TimeSpan.FromHours(7)));
        var reply = bot.Ask("hạn báo cáo đợt 1 Lào Cai");
        Assert.Contains("hôm nay", reply.Text);
    }

    [Fact]
    public void Unknown_text_gets_a_plain_not_found_and_suggestions()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("xyzzy qwerty asdf");
        Assert.Contains("chưa tìm thấy", reply.Text);
        Assert.NotEmpty(reply.Buttons);
    }

    [Fact]
    public void Full_text_search_quotes_and_cites_the_plan_when_no_fact_fits()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Cuộc thi tìm hiểu hiệp định Giơ-ne-vơ ở Lào Cai");
        Assert.Contains("Giơ-ne-vơ", reply.Text);
        Assert.Contains("217/KH-UBND", reply.Text);
        Assert.Contains("mục III", reply.Text);
    }

    [Theory]
    [InlineData("/lenhkhongco")]
    [InlineData("/")]
    public void Unknown_commands_are_refused_politely(string command)
    {
        using var bot = new TestBot();
        var reply = bot.Ask(command);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Fact]
    public void Commands_take_the_plan_as_argument()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("/hoso@ThiDuaBot lào cai");
        Assert.Contains("Tờ trình", reply.Text);
        var list = bot.Ask("/kehoach");
        Assert.Equal(5, list.Buttons.Count);
    }

    [Fact]
    public void Huge_and_empty_messages_get_a_clear_answer()
    {
        using var bot = new TestBot();
        Assert.Contains("dài quá", bot.Ask(new string('a', 100_000)).Text);
        Assert.Contains("chưa nhập", bot.Ask("   ").Text);
    }
}
