namespace ThiDua.Core.Tests.Answering;

/// <summary>
/// Documents a plan cites (its grounds, other plans it carries on), asked about by their number: answered from what
/// the plan says of them, never declined as a plan that is missing and never answered with the plan's own details.
/// </summary>
public class CitedDocumentTests
{
    [Fact]
    public void A_cited_directive_asked_by_its_number_is_answered_with_its_date_from_the_plan_grounds()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Chỉ thị 34-CT/TW mà kế hoạch quận Dương Kinh nêu được ban hành khi nào?");

        Assert.StartsWith("• Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_plan_the_loaded_plan_carries_on_is_described_from_its_citation_not_declined()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch 1023 có nhắc kế hoạch 1663/KH-UBND, đó là kế hoạch về việc gì");

        Assert.DoesNotContain("Chưa có kế hoạch số 1663", reply.Text);
        Assert.Contains("Kế hoạch số 1663/KH-UBND ngày 06/4/2021 của UBND tỉnh về đẩy mạnh phong trào thi đua yêu nước", reply.Text);
    }

    [Fact]
    public void A_cited_number_asked_as_a_plan_says_it_is_not_loaded_and_which_loaded_plans_cite_it()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch 1663 nói gì");

        Assert.StartsWith("Chưa có kế hoạch số 1663 trong dữ liệu; 1 kế hoạch đã nạp nhắc đến văn bản này:", reply.Text);
        Assert.Contains("Điện Biên", reply.Text);
        Assert.Contains("06/4/2021", reply.Text);
    }

    [Fact]
    public void A_number_no_plan_has_or_cites_is_still_declined()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Kế hoạch 456/KH-UBND nói gì?");

        Assert.StartsWith("Chưa có kế hoạch số 456/KH-UBND trong dữ liệu", reply.Text);
    }

    [Fact]
    public void Plans_grounded_on_a_guidance_are_listed_each_with_the_ground_that_names_it()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("những kế hoạch nào căn cứ hướng dẫn 836 của Bộ Nội vụ");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("2/5 kế hoạch", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("• Hải Dương", StringComparison.Ordinal) && l.Contains("836/HD-BNV", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• Lào Cai", StringComparison.Ordinal) && l.Contains("836/HD-BNV", StringComparison.Ordinal));
    }

    [Fact]
    public void A_decree_asked_by_number_and_year_matches_its_full_number()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kh nao can cu nghi dinh 98/2023");

        var lines = reply.Text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("• Điện Biên", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• Phường Cam Phú", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("• Hải Dương", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentences_holding_only_the_words_that_asked_for_the_grounds_do_not_bury_the_grounds()
    {
        using var bot = new TestBot();
        // "văn bản pháp luật" asks for the grounds; the plan's sentences on "chính sách pháp luật" are not them.
        var reply = bot.Ask("Kế hoạch 1023/KH-UBND căn cứ vào những văn bản pháp luật nào?");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("Căn cứ pháp lý", lines[0]);
        Assert.StartsWith("• Luật Thi đua, Khen thưởng số 06/2022/QH15", lines[1]);
        Assert.Contains("98/2023/NĐ-CP", reply.Text);
    }
}
