using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>
/// What officers ask of a commune plan whose dossier is written on labelled lines ("a) Thành phần hồ sơ: …; …",
/// "b) Số lượng: …") and whose facts stand in lead-in headings, of a Sở's plan that dates an event only roughly, and
/// of a province's quota table in a follow-up.
/// </summary>
public sealed class SecondPlanSetTests(SecondPlanSet plans) : IClassFixture<SecondPlanSet>
{
    private static readonly DateTimeOffset January2026 = new(2026, 1, 19, 9, 0, 0, TimeSpan.FromHours(7));

    private TestBot Bot() => new(January2026, knowledge: plans.Knowledge);

    private Campaign ThuongLam => plans.Knowledge.Campaigns.Single(c => c.Document.Number == "07/KH-UBND");

    [Fact]
    public void A_dossier_written_on_labelled_lines_is_read_with_its_components_copies_and_where_it_goes()
    {
        var dossier = Assert.IsType<Dossier>(ThuongLam.Dossier);

        Assert.Equal(["to-trinh", "bien-ban", "bao-cao-thanh-tich", "trich-ngang"], dossier.Components.Select(c => c.Id));
        Assert.Equal("Biên bản họp bình xét", dossier.Components[1].Name);
        Assert.StartsWith("hồ sơ đề nghị Giấy khen của Chủ tịch Ủy ban nhân dân xã 01 bộ", dossier.CopiesText);
        // Reports go to Phòng Văn hóa - Xã hội; the dossier line says where the dossier goes.
        Assert.Equal("Văn phòng HĐND và UBND xã (công chức phụ trách thi đua, khen thưởng)", dossier.SubmitTo);
    }

    [Fact]
    public void Copies_the_plan_never_counts_for_the_dossier_asked_are_said_missing_then_the_counts_it_gives()
    {
        using var bot = Bot();
        var reply = bot.Ask("hs de nghi cong nhan thon ban van hoa xa thuong lam lam may bo");

        Assert.Contains("Kế hoạch không nêu số bộ cho hồ sơ này. Về hồ sơ đó, kế hoạch ghi: “Trưởng thôn, bản phối hợp", reply.Text);
        Assert.Contains("Số bộ kế hoạch nêu cho các hồ sơ khác: hồ sơ đề nghị Giấy khen", reply.Text);
    }

    [Fact]
    public void Copies_the_plan_counts_are_given_without_saying_anything_is_missing()
    {
        using var bot = Bot();
        var reply = bot.Ask("hs gk xa thuong lam may bo");

        Assert.Contains("Giấy khen của Chủ tịch Ủy ban nhân dân xã 01 bộ", reply.Text);
        Assert.DoesNotContain("không nêu", reply.Text);
    }

    [Fact]
    public void A_count_said_in_a_heading_over_a_list_is_the_answer_to_how_many()
    {
        using var bot = Bot();
        var reply = bot.Ask("Xã Thượng Lâm chia bao nhiêu cụm thi đua thôn, bản?");

        Assert.Equal("• “Các thôn, bản trên địa bàn xã được chia thành 04 cụm thi đua”", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void The_registration_deadline_is_first_when_registration_is_asked_in_officers_shorthand()
    {
        using var bot = Bot();
        var reply = bot.Ask("dk thi dua nam 2026 o xa thuong lam nop truoc ngay nao");

        Assert.StartsWith("• Các cơ quan, đơn vị thuộc xã và các thôn, bản tổ chức đăng ký thi đua, gửi bản đăng ký: trước ngày 30/01/2026", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_day_asked_of_an_event_the_plan_only_foresees_by_quarter_is_said_not_set()
    {
        using var bot = new TestBot(new DateTimeOffset(2025, 12, 22, 9, 0, 0, TimeSpan.FromHours(7)), knowledge: plans.Knowledge);
        var reply = bot.Ask("dai hoi tdtt tinh hung yen lan thu 1 be mac ngay nao");

        var lines = reply.Text.Split('\n');
        Assert.Equal("Kế hoạch không nêu ngày cụ thể, chỉ ghi thời gian dự kiến:", lines[1]);
        Assert.Contains("(dự kiến tổ chức trong quý III/2026)", lines[2]);
    }

    [Fact]
    public void A_follow_up_naming_only_individuals_keeps_the_unit_the_question_before_asked_about()
    {
        using var bot = new TestBot(new DateTimeOffset(2025, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)), knowledge: plans.Knowledge);
        var first = bot.Ask("tong ket pt cds dong thap moi xa phuong de nghi bk ct tinh may tap the");
        Assert.StartsWith("• Bằng khen của Chủ tịch UBND tỉnh: tối đa 1 tập thể (mỗi đơn vị). Nguyên văn: “Mỗi xã, phường", first.Text.Split('\n')[2]);

        var reply = bot.Ask("con ca nhan thi sao");

        Assert.StartsWith("• Bằng khen của Chủ tịch UBND tỉnh: tối đa 2 cá nhân (mỗi đơn vị). Nguyên văn: “Mỗi xã, phường: 01 tập thể, 02 cá nhân”", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void A_day_asked_of_a_milestone_set_only_to_a_month_is_said_not_set()
    {
        using var bot = Bot();
        var reply = bot.Ask("hội nghị tổng kết công tác thi đua năm 2026 của xã thượng lâm tổ chức ngày nào");

        Assert.Equal("Kế hoạch không nêu ngày cụ thể, chỉ ghi: trong tháng 01/2027 (dự kiến).", reply.Text.Split('\n')[1]);
    }
}
