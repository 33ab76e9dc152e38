using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>
/// Real 2025 plans (Gia Lai, Sở GD&amp;ĐT Ninh Bình, Thái Nguyên, phường Vĩnh Yên) the bot never saw until they were
/// imported with no hand edits: what an officer asks of them and what the plan's own sentences answer.
/// </summary>
public sealed class RealPlanTests(RealPlans plans) : IClassFixture<RealPlans>
{
    private static readonly DateTimeOffset September2025 = new(2025, 9, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private TestBot Bot() => new(September2025, knowledge: plans.Knowledge);

    [Fact]
    public void Copies_counted_per_award_form_are_quoted_from_the_plan_not_read_as_the_plans_number()
    {
        using var bot = Bot();
        // Unaccented, "sở mấy bộ" reads "so may bo": the copies ("mấy bộ") are asked, not the plan's number ("số mấy").
        var reply = bot.Ask("so gd ninh binh ho so giay khen cua giam doc so may bo");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("Hồ sơ đề nghị khen thưởng — Ninh Bình", lines[0]);
        Assert.Equal("Số bộ — kế hoạch ghi: “Hồ sơ đề nghị Giấy khen của Giám đốc Sở, danh hiệu Chiến sĩ thi đua cơ sở: 01 bộ.”", lines[1]);
        Assert.DoesNotContain("Người ký", reply.Text);
    }

    [Fact]
    public void A_copy_count_already_quoted_is_not_shown_again_inside_a_longer_line()
    {
        using var bot = Bot();
        var reply = bot.Ask("hồ sơ đề nghị Huân chương Lao động của Thái Nguyên phải nộp mấy bộ");

        Assert.Single(reply.Text.Split('\n'), l => l.Contains("03 bộ bản chính", StringComparison.Ordinal));
        Assert.StartsWith("Số bộ — kế hoạch ghi: “Hồ sơ đề nghị Thủ tướng Chính phủ tặng Bằng khen", reply.Text.Split('\n')[1]);
    }

    [Fact]
    public void Plans_that_run_into_a_year_are_listed_with_their_period()
    {
        using var bot = Bot();
        var reply = bot.Ask("những kế hoạch nào còn kéo dài sang năm 2026");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("2/4 kế hoạch kéo dài sang năm 2026", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("• Thái Nguyên", StringComparison.Ordinal) && l.Contains("2026", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• Ninh Bình", StringComparison.Ordinal) && l.Contains("14/7/2026", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("• Gia Lai", StringComparison.Ordinal));
    }

    [Fact]
    public void Plans_that_cite_a_document_are_listed_with_the_sentence_that_cites_it()
    {
        using var bot = Bot();
        var reply = bot.Ask("có kế hoạch nào nhắc tới quyết định 923/QĐ-TTg không");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("1/4 kế hoạch nhắc đến văn bản số 923/qd-ttg", lines[0]);
        Assert.StartsWith("• Thái Nguyên", lines[1]);
        Assert.Contains("Quyết định số 923/QĐ-TTg ngày 14 tháng 5 năm 2025 của Thủ tướng Chính phủ", lines[1]);
    }

    [Fact]
    public void An_anniversary_asked_without_its_outcome_finds_the_plans_that_celebrate_it_and_is_named_once()
    {
        using var bot = Bot();
        // Gia Lai names "80 năm Cách mạng tháng Tám thành công"; officers say "80 năm Cách mạng tháng Tám".
        var reply = bot.Ask("kế hoạch nào hướng tới 80 năm Cách mạng tháng Tám");

        var lines = reply.Text.Split('\n');
        Assert.StartsWith("2/4 kế hoạch chào mừng 80 năm Cách mạng tháng Tám (", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("• Gia Lai", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• Phường Vĩnh Yên", StringComparison.Ordinal));
    }

    [Fact]
    public void A_province_written_by_its_initials_names_its_plan()
    {
        using var bot = Bot();
        var reply = bot.Ask("hs khen thưởng tn gồm những gì");

        Assert.StartsWith("Hồ sơ đề nghị khen thưởng — Thái Nguyên", reply.Text);
    }

    [Fact]
    public void Collectives_and_individuals_of_one_limit_are_one_line_and_a_limit_per_hamlet_is_per_unit()
    {
        using var bot = Bot();
        var reply = bot.Ask("phường vĩnh yên được đề nghị khen bao nhiêu");

        Assert.Contains("• tối đa 10 tập thể và 20 cá nhân (toàn kế hoạch). Nguyên văn: “Số lượng: không quá 10 tập thể và 20 cá nhân.”", reply.Text);
        Assert.Contains("• tối đa 1 cá nhân (mỗi đơn vị). Nguyên văn: “Mỗi tổ dân phố đề nghị không quá 01 cá nhân.”", reply.Text);
    }

    [Fact]
    public void Limits_listed_under_a_lead_in_that_names_the_award_are_that_awards_and_a_work_target_is_no_limit()
    {
        var thaiNguyen = plans.Knowledge.Campaigns.Single(c => c.Area.Province == "Thái Nguyên");

        // "Lựa chọn 01 tập thể và 01 cá nhân … đề nghị Thủ tướng Chính phủ trình Chủ tịch nước tặng Huân chương Lao động hạng Ba"
        Assert.Contains(thaiNguyen.Quotas, q => q.Max == 1 && q.Text.Contains("Huân chương", StringComparison.Ordinal)
            && thaiNguyen.Awards.Single(a => a.Id == q.AwardId).Name.StartsWith("Huân chương Lao động", StringComparison.Ordinal));
        // The phase-1 limits sit under the heading of that phase.
        Assert.Contains(thaiNguyen.Quotas, q => q is { Max: 30, Scope: QuotaScope.Phase, PhaseId: not null });
        // "tỷ lệ hồ sơ trễ hạn dưới 2%" is what units must reach, not a share of those awarded.
        Assert.DoesNotContain(thaiNguyen.QuotaShares, s => s.Text.Contains("trễ hạn", StringComparison.Ordinal));
    }

    [Fact]
    public void How_many_phases_is_answered_beside_the_phase_asked_and_a_phase_ended_by_an_event_ends_before_the_next()
    {
        using var bot = Bot();
        var reply = bot.Ask("kế hoạch 245 thái nguyên có mấy giai đoạn, giai đoạn 2 khi nào kết thúc");

        var lines = reply.Text.Split('\n');
        // Giai đoạn 1 runs "đến khi tổ chức thành công Đại hội … XIV": it ends the day before Giai đoạn 2 starts, said as an estimate.
        Assert.Equal("Kế hoạch chia 2 giai đoạn: Giai đoạn 1 (20/8/2025 – 31/1/2026 (ước tính)); Giai đoạn 2 (1/2/2026 – 30/6/2026).", lines[1]);
        Assert.StartsWith("Giai đoạn 2: 1/2/2026 – 30/6/2026", lines[2]);
    }

    [Fact]
    public void A_department_whose_plan_is_not_loaded_is_declined_not_answered_from_another_departments_plan()
    {
        using var bot = Bot();
        var reply = bot.Ask("kế hoạch thi đua của sở y tế ninh bình hạn đăng ký khi nào");

        Assert.StartsWith("Chưa có kế hoạch nào của Sở Y tế tỉnh Ninh Bình trong dữ liệu", reply.Text);
        Assert.Contains("1520/KH-SGDĐT", reply.Text);
        Assert.DoesNotContain("20/10/2025", reply.Text);
    }

    [Fact]
    public void A_department_a_plan_gives_tasks_to_is_asked_about_within_that_plan()
    {
        using var bot = Bot();
        var reply = bot.Ask("trong kế hoạch thái nguyên sở khoa học và công nghệ có nhiệm vụ gì");

        Assert.StartsWith("Nhiệm vụ của Sở Khoa học và Công nghệ — Thái Nguyên", reply.Text);
        Assert.Contains("• Cung cấp số liệu về mức độ chuyển đổi số", reply.Text);
    }

    [Fact]
    public void An_address_the_plan_never_gives_is_said_missing_and_one_it_gives_is_shown()
    {
        using var bot = Bot();

        Assert.Contains("Kế hoạch không nêu địa chỉ nơi nhận hồ sơ; chỉ ghi nơi nhận: Văn phòng Sở Giáo dục và Đào tạo (bộ phận Thi đua - Khen thưởng).",
            bot.Ask("địa chỉ nộp hồ sơ khen thưởng của sở gd ninh bình ở đâu").Text);
        var thaiNguyen = bot.Ask("địa chỉ nộp hồ sơ khen thưởng thái nguyên").Text;
        Assert.DoesNotContain("không nêu địa chỉ", thaiNguyen);
        Assert.Contains("số 18 đường Nha Trang", thaiNguyen);
    }

    [Fact]
    public void Units_of_a_ward_asked_about_are_answered_from_its_plan_not_told_where_the_ward_lies()
    {
        using var bot = Bot();
        var reply = bot.Ask("các đơn vị thuộc phường vĩnh yên đăng ký công trình, phần việc chào mừng đại hội hạn chót ngày nào");

        Assert.DoesNotContain("thuộc tỉnh Phú Thọ", reply.Text);
        Assert.Contains("trước ngày 20/7/2025", reply.Text);
    }

    [Fact]
    public void Money_asked_of_an_award_is_said_not_set_by_the_plan_first_with_what_the_plan_says_of_it()
    {
        using var bot = Bot();
        var reply = bot.Ask("bằng khen chủ tịch tỉnh đợt tổng kết thái nguyên thưởng bao nhiêu tiền");

        // The award asked about may lead (its line holds most of the question's words); the money comes next, before the deadlines.
        var lines = reply.Text.Split('\n');
        var notSet = Array.FindIndex(lines, l => l.StartsWith("Kế hoạch không nêu mức tiền thưởng", StringComparison.Ordinal));
        Assert.InRange(notSet, 1, 3);
        Assert.Contains("theo quy định hiện hành", lines[notSet + 1]);
        Assert.True(notSet < Array.FindIndex(lines, l => l.StartsWith("Các mốc thời hạn", StringComparison.Ordinal)), reply.Text);
    }

    [Fact]
    public void An_award_form_whose_decider_the_plan_leaves_unnamed_shows_no_empty_decider()
    {
        using var bot = Bot();
        var reply = bot.Ask("gia lai giấy khen ai quyết định");

        Assert.Contains("• Giấy khen", reply.Text);
        Assert.DoesNotContain("quyết định: .", reply.Text);
    }
}
