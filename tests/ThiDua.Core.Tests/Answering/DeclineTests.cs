namespace ThiDua.Core.Tests.Answering;

/// <summary>What is not loaded, not in the plan or not the bot's field is said so, never answered from something else.</summary>
public class DeclineTests
{
    [Fact]
    public void A_plan_number_that_is_not_loaded_is_declined_with_the_plans_that_are()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch 999 nói gì");

        Assert.Contains("Chưa có kế hoạch số 999", reply.Text);
        Assert.Contains("không trả lời thay bằng kế hoạch khác", reply.Text);
        Assert.DoesNotContain("Nơi nhận", reply.Text);
    }

    [Theory]
    [InlineData("Kế hoạch thi đua của tỉnh Bình Định năm 2025 có mấy đợt?", "tỉnh Bình Định")]
    // Syllables no loaded plan uses ("ngãi", "kon", "tum") are a place's name, not typos to repair into plan words.
    [InlineData("ke hoach thi dua cua tinh quang ngai co may dot", "tỉnh Quảng Ngãi")]
    [InlineData("kh thi đua tỉnh Kon Tum hạn nộp hồ sơ khi nào", "tỉnh Kon Tum")]
    public void A_province_with_no_plan_is_not_taken_for_one_that_has(string question, string province)
    {
        using var bot = new TestBot();
        var reply = bot.Ask(question);

        Assert.StartsWith($"Chưa có kế hoạch nào của {province}", reply.Text);
        Assert.DoesNotContain("Bạn hỏi về kế hoạch nào", reply.Text);
    }

    [Fact]
    public void A_year_the_place_has_no_plan_for_names_the_plan_it_has()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch năm 2023 của lào cai");

        Assert.Contains("Chưa có kế hoạch năm 2023 của Lào Cai", reply.Text);
        Assert.Contains("217/KH-UBND", reply.Text);
    }

    [Fact]
    public void An_off_topic_question_is_out_of_scope()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("giá vàng hôm nay");

        Assert.Contains("nằm ngoài phạm vi", reply.Text);
        Assert.Equal(5, reply.Buttons.SelectMany(r => r).Count());
    }

    [Fact]
    public void A_sum_the_plan_does_not_give_is_said_unstated_and_the_law_in_force_is_labelled_as_law()
    {
        using var bot = new TestBot(new DateTimeOffset(2025, 8, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        var reply = bot.Ask("kinh phí khen thưởng của hải dương bao nhiêu");

        Assert.Contains("Kế hoạch không nêu mức tiền thưởng", reply.Text);
        Assert.Contains("Quy định chung (của luật, không phải của kế hoạch)", reply.Text);
        Assert.Contains("Nghị định 152/2025/NĐ-CP", reply.Text);
    }

    [Fact]
    public void A_phase_the_plan_does_not_have_is_said_missing_with_the_phases_it_has()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("lào cai đợt 3 bắt đầu khi nào");

        Assert.StartsWith("Kế hoạch không có đợt 3: kế hoạch chỉ có 2 đợt", reply.Text);
        Assert.Contains("Đợt 2: 21/6/2024 – 31/12/2024", reply.Text);
    }

    [Fact]
    public void An_award_form_the_plan_does_not_offer_is_said_so_with_the_forms_it_offers()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch cam phú có huân chương lao động không");

        Assert.StartsWith("Kế hoạch không nêu Huân chương", reply.Text);
        Assert.Contains("Khen thưởng theo thẩm quyền của Chủ tịch UBND phường", reply.Text);
    }

    [Fact]
    public void Giay_khen_is_read_into_an_award_given_by_a_communes_authority()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Giấy khen trong kế hoạch Cam Phú được thưởng bao nhiêu tiền?");

        Assert.Contains("theo Điều 80 Luật Thi đua, khen thưởng", reply.Text);
        Assert.Contains("Kế hoạch không nêu mức tiền thưởng", reply.Text);
    }
}
