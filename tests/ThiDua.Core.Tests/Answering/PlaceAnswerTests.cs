namespace ThiDua.Core.Tests.Answering;

/// <summary>What became of a place on 1/7/2025, said from the administrative-unit lists, with the plans loaded for it.</summary>
public class PlaceAnswerTests
{
    private static readonly DateTimeOffset August2025 = new(2025, 8, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_province_that_was_kept_is_said_to_be_kept_with_its_plan_and_its_status()
    {
        using var bot = new TestBot(August2025);
        var reply = bot.Ask("Điện Biên có bị sáp nhập không");

        Assert.Contains("Tỉnh Điện Biên giữ nguyên, không sáp nhập", reply.Text);
        Assert.Contains("Điện Biên – công tác thi đua, khen thưởng năm 2024 (1/1/2024 – 31/12/2024, đã kết thúc", reply.Text);
        Assert.Contains("danh mục đơn vị hành chính", reply.Text);
    }

    [Fact]
    public void A_merged_province_names_what_it_joined()
    {
        using var bot = new TestBot(August2025);
        var reply = bot.Ask("tỉnh Hải Dương sáp nhập vào đâu");

        Assert.Contains("Tỉnh Hải Dương nhập vào thành phố Hải Phòng", reply.Text);
        Assert.Contains("Hải Dương – thi đua cao điểm 70 năm Chiến thắng ĐBP", reply.Text);
    }

    [Fact]
    public void A_district_lists_the_wards_its_communes_became()
    {
        using var bot = new TestBot(August2025);
        var reply = bot.Ask("quận Dương Kinh giờ gồm những phường nào");

        Assert.Contains("không còn cấp huyện", reply.Text);
        foreach (var ward in new[] { "phường Hưng Đạo", "phường Dương Kinh", "phường Đồ Sơn" }) Assert.Contains(ward, reply.Text);
    }

    [Fact]
    public void Cam_Phu_is_the_ward_of_Khanh_Hoa_not_Cam_Pha_or_Cam_Phu_of_Quang_Ninh()
    {
        using var bot = new TestBot(August2025);
        var reply = bot.Ask("phường Cam Phú sau sáp nhập thế nào");

        Assert.Contains("Phường Cam Phú thuộc thành phố Cam Ranh, tỉnh Khánh Hòa", reply.Text);
        Assert.Contains("nhập vào phường Cam Ranh", reply.Text);
        Assert.DoesNotContain("Quảng Ninh", reply.Text);
    }
}
