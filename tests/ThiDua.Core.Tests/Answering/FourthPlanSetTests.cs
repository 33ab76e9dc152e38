using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>
/// What officers ask of a plan issued with a decision (the decision's header and signature, the plan's own parts,
/// its appendix of forms), of a Hội nghị plan that allots delegates in dot-leader rows and counts its awards in a
/// sentence, and of a commune plan that counts copies for one award form only and names no fund total.
/// </summary>
public sealed class FourthPlanSetTests(FourthPlanSet plans) : IClassFixture<FourthPlanSet>
{
    private static readonly DateTimeOffset May2026 = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private TestBot Bot() => new(May2026, knowledge: plans.Knowledge);

    private Campaign LamDong => plans.Knowledge.Campaigns.Single(c => c.Document.Number == "2207/QĐ-UBND");

    [Fact]
    public void A_plan_issued_with_a_decision_is_read_from_the_plan_with_the_decision_s_number_and_signer()
    {
        var c = LamDong;

        Assert.StartsWith("Kế hoạch tổ chức Phong trào thi đua \"Doanh nghiệp Lâm Đồng đoàn kết", c.Document.Title);
        Assert.Equal("Phan Quốc Thiện", c.Document.Signer);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), (c.Period.Start, c.Period.End));
        Assert.Contains(c.Awards, a => a.Name == "Huân chương Lao động hạng Ba");
        Assert.Equal(5, c.Dossier!.Components.Count);
        // "trước ngày 31/3 hằng năm" in a plan of 11/2025 for 2026–2028 is in 2026; the day things are counted to
        // ("tính đến ngày 31 tháng 12 của năm trước") is no deadline.
        Assert.Contains(c.Deadlines, d => d.Wording == "trước ngày 31/3" && d.DueDate.Year == 2026);
        Assert.DoesNotContain(c.Deadlines, d => d.Title.StartsWith("Đối tượng", StringComparison.Ordinal) || d.DueDate < c.Document.IssuedOn);
    }

    [Fact]
    public void The_appendix_of_forms_after_the_plan_is_answered_from()
    {
        using var bot = Bot();
        var reply = bot.Ask("mau so 02 bao cao thanh tich cua dn (kh kem qd 2207 lam dong) dc viet toi da may trang");

        Assert.Contains("không quá 08 trang", reply.Text);
    }

    [Fact]
    public void A_row_laid_out_with_dot_leaders_answers_how_many_delegates_a_unit_sends()
    {
        using var bot = Bot();
        var reply = bot.Ask("cong an tinh thanh hoa dc cu may dai bieu di hn bieu duong");

        Assert.Contains("“Công an tỉnh: 14 đại biểu”", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_count_given_in_a_sentence_is_the_answer_and_never_said_missing()
    {
        using var bot = Bot();
        var reply = bot.Ask("bk ct ubnd tinh thanh hoa tang bao nhieu ca nhan tai hoi nghi bieu duong dien hinh tien tien");

        Assert.Contains("Bằng khen cho 78 cá nhân", reply.Text);
        Assert.DoesNotContain("không nêu", reply.Text);
    }

    [Fact]
    public void How_much_asked_of_a_sentence_with_no_figure_says_the_plan_gives_none()
    {
        using var bot = Bot();
        var reply = bot.Ask("dai bieu di hn bieu duong thanh hoa dc ho tro tien an nghi di lai bao nhieu");

        Assert.StartsWith("Kế hoạch không nêu con số cụ thể.", reply.Text.Split('\n')[1]);
        Assert.Contains("theo quy định hiện hành", reply.Text);
    }

    [Fact]
    public void Copies_counted_for_one_form_only_are_said_missing_for_the_form_asked_and_given_for_the_others()
    {
        using var bot = Bot();
        var uncounted = bot.Ask("hs de nghi gk ct ubnd xa my loc nop may bo");
        var counted = bot.Ask("hs de nghi bk ttcp pt doanh nghiep lam dong lam may bo");
        var flag = bot.Ask("hs de nghi co thi dua ubnd tinh trong pt doanh nghiep lam dong lam may bo");

        Assert.Contains("Kế hoạch không nêu số bộ cho hồ sơ đề nghị Giấy khen.", uncounted.Text);
        Assert.Contains("Số bộ kế hoạch nêu cho các hồ sơ khác — kế hoạch ghi: “Hồ sơ đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", uncounted.Text);
        Assert.Contains("03 bộ bản chính", counted.Text);
        Assert.DoesNotContain("không nêu", counted.Text);
        Assert.Contains("Kế hoạch không nêu số bộ cho hồ sơ đề nghị Cờ thi đua.", flag.Text);
    }

    [Fact]
    public void A_fund_asked_for_its_total_where_the_plan_gives_only_prizes_says_the_sum_is_not_given()
    {
        using var bot = Bot();
        var reply = bot.Ask("quy thi dua khen thuong nam 2026 cua xa my loc tong cong bao nhieu tien");

        Assert.Contains("Kế hoạch không nêu số tiền cho điều bạn hỏi.", reply.Text);
        Assert.Contains("Quỹ thi đua, khen thưởng của xã năm 2026", reply.Text);
    }

    [Fact]
    public void A_sum_asked_in_a_chat_about_a_plan_is_the_plan_s_sentence_not_the_law_s_general_rate()
    {
        using var bot = Bot();
        bot.Ask("xa my loc co bao nhieu ap");
        var reply = bot.Ask("ap xep thu hai, thu ba pt ntm dc thuong bn");

        Assert.Contains("mỗi ấp được thưởng 40.000.000 đồng", reply.Text);
        Assert.DoesNotContain("quy định chung của pháp luật", reply.Text);
        Assert.DoesNotContain("không nêu", reply.Text);
    }

    [Fact]
    public void A_department_s_plan_asked_in_a_province_where_only_another_body_s_plan_is_loaded_is_declined()
    {
        using var bot = Bot();
        var reply = bot.Ask("kh thi dua nam 2026 cua so y te thanh hoa han dang ky khi nao");

        Assert.StartsWith("Chưa có kế hoạch nào của Sở Y tế", reply.Text);
        Assert.Contains("Thanh Hóa", reply.Text.Split('\n')[0]);
    }

    [Fact]
    public void Plans_asked_across_for_how_they_set_prize_money_are_found_by_the_sentence_that_says_it()
    {
        using var bot = Bot();
        var reply = bot.Ask("kh nao ghi tien thuong tinh theo so lan muc luong co so");

        Assert.StartsWith("1/", reply.Text);
        Assert.Contains("Xã Mỹ Lộc", reply.Text);
        Assert.Contains("lần mức lương cơ sở", reply.Text);
    }
}
