using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Tests;

/// <summary>Registering nominations in chat, as an officer would on a phone.</summary>
public class NominationTests
{
    private const string QuickEntry =
        "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ huấn luyện";

    /// <summary>Officers write the phase as the plan does or as they speak: "đợt II", "đợt hai", "giai đoạn 2" all mean the second.</summary>
    [Theory]
    [InlineData("đợt II")]
    [InlineData("đợt hai")]
    [InlineData("giai đoạn 2")]
    public void A_phase_written_in_roman_numerals_or_words_is_the_phase_meant(string phase)
    {
        using var bot = new TestBot();
        bot.Ask($"Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, {phase} Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ");
        Assert.Equal("dot-2", bot.Database.Forms.FindById("test:c1")!.PhaseId);
    }

    [Fact]
    public void Quick_entry_with_missing_fields_is_saved_in_three_more_messages()
    {
        using var bot = new TestBot();
        var first = bot.Ask(QuickEntry);
        Assert.Contains("Họ tên: Nguyễn Văn An", first.Text);
        Assert.Contains("Chức vụ: Chỉ huy trưởng", first.Text);
        Assert.Contains("Đơn vị công tác: Ban CHQS xã X", first.Text);
        Assert.Contains("Đợt: Đợt 1", first.Text);
        Assert.Contains("Hình thức: Bằng khen của Chủ tịch UBND tỉnh", first.Text);

        bot.Press(first, "Nam");                 // giới tính
        bot.Ask("1985");                         // năm sinh
        var summary = bot.Ask("UBND xã X");      // đơn vị đề nghị
        Assert.Contains("Tóm tắt đề nghị", summary.Text);
        var saved = bot.Press(summary, "Xác nhận");
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", saved.Text);
        Assert.Contains("❌ Tờ trình", saved.Text);
        Assert.Contains("01 bộ hồ sơ giấy", saved.Text);

        var stored = Assert.Single(bot.Database.Nominations.FindAll());
        Assert.Equal("Ban CHQS xã X", stored.NomineeUnit);
        Assert.Equal("UBND xã X", stored.ProposingUnit);
        Assert.Equal(1985, stored.BirthYear);
        Assert.Equal("Nam", stored.Gender);
    }

    [Theory]
    [InlineData("de nghi bk ct tinh cho dong chi Lo Van Sinh, Pho chu tich UBND xa Y, dot 2 lao cai", "Lo Van Sinh", "Pho chu tich")]
    [InlineData("Đề nghị Bằng khen Chủ tịch UBND tỉnh Lào Cai cho bà H'Hen Niê, Giáo viên Trường THCS Z (sinh năm 1990), đợt 2", "H'Hen Niê", "Giáo viên")]
    [InlineData("đăng ký khen thưởng cho ông Vàng A Páo, Trưởng thôn Sín Chải, Lào Cai", "Vàng A Páo", "Chức vụ: Trưởng thôn\n• Đơn vị công tác: thôn Sín Chải")]
    public void Slots_are_read_from_varied_phrasings(string message, string name, string position)
    {
        using var bot = new TestBot();
        var reply = bot.Ask(message);
        Assert.Contains($"Họ tên: {name}", reply.Text);
        Assert.Contains(position, reply.Text);
        Assert.Contains("Lào Cai", reply.Text);
    }

    [Fact]
    public void Guided_form_works_by_buttons_except_names_and_text()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("/dangky");
        Assert.Contains("kế hoạch nào", reply.Text);
        reply = bot.Press(reply, "Lào Cai");
        Assert.Contains("đợt nào", reply.Text);
        reply = bot.Press(reply, "Đợt 2");
        reply = bot.Press(reply, "Tập thể");
        Assert.Contains("Hình thức", reply.Text);
        reply = bot.Press(reply, "Bằng khen của Chủ tịch");
        Assert.Contains("Tên tập thể", reply.Text);
        reply = bot.Ask("Ban Chỉ huy Quân sự xã Bản Vược");
        reply = bot.Ask("UBND xã Bản Vược");
        Assert.Contains("thành tích", reply.Text);
        reply = bot.Ask("Hoàn thành xuất sắc nhiệm vụ diễn tập khu vực phòng thủ năm 2024");
        reply = bot.Ask("UBND huyện Bát Xát");
        var saved = bot.Press(reply, "Xác nhận");
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", saved.Text);
        Assert.Equal(Beneficiary.Collective, Assert.Single(bot.Database.Nominations.FindAll()).Beneficiary);
    }

    [Fact]
    public void A_question_about_criteria_offers_to_register_for_that_plan()
    {
        using var bot = new TestBot();
        var answer = bot.Ask("tiêu chuẩn khen thưởng Lào Cai");
        var start = bot.Press(answer, "Đăng ký đề nghị");
        Assert.Contains("Kế hoạch: Lào Cai", start.Text);
        Assert.Contains("đợt nào", start.Text);
    }

    [Theory]
    [InlineData("Ksor Y Phước")]
    [InlineData("Lò Văn Sinh")]
    [InlineData("H'Hen Niê")]
    [InlineData("Vàng A Páo")]
    [InlineData("nguyễn thị MINH khai")]
    public void Real_Vietnamese_names_are_accepted(string name) =>
        Assert.True(FieldRules.TryPersonName(name, out _, out _), name);

    [Theory]
    [InlineData("asdfghjkl qwertyuiop")]
    [InlineData("12345")]
    [InlineData("!!!")]
    [InlineData("An")]
    [InlineData("<script>alert(1)</script>")]
    public void Garbage_names_are_refused_and_the_form_keeps_what_was_entered(string garbage)
    {
        using var bot = new TestBot();
        bot.Ask("/dangky lào cai đợt 1");
        bot.Press("f|ben|i");
        var ask = bot.Press("f|award|bk-ct-tinh");
        Assert.Contains("Họ và tên", ask.Text);
        var refused = bot.Ask(garbage);
        Assert.Contains("Họ và tên", refused.Text);
        var form = bot.Database.Forms.FindAll().Single();
        Assert.Equal("lao-cai-217", form.CampaignId);
        Assert.Equal(FormField.NomineeName, form.Awaiting);
    }

    [Fact]
    public void A_form_the_plan_does_not_offer_is_refused_with_the_forms_it_offers()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Đề nghị Bằng khen Thủ tướng cho đ/c Trần Văn Bình, Lào Cai đợt 1");
        Assert.Contains("không có hình thức “Bằng khen của Thủ tướng Chính phủ”", reply.Text);
        Assert.Contains("Bằng khen của Chủ tịch UBND tỉnh", reply.Text);
    }

    [Fact]
    public void Edit_by_text_and_cancel()
    {
        using var bot = new TestBot();
        Fill(bot);
        var edited = bot.Ask("sửa chức vụ: Phó Chỉ huy trưởng");
        Assert.Contains("Chức vụ: Phó Chỉ huy trưởng", edited.Text);
        var cancelled = bot.Ask("/huy");
        Assert.Contains("Đã hủy", cancelled.Text);
        Assert.Empty(bot.Database.Forms.FindAll());
        Assert.Empty(bot.Database.Nominations.FindAll());
    }

    [Fact]
    public void A_question_mid_form_is_answered_and_tiep_tuc_returns_to_the_form()
    {
        using var bot = new TestBot();
        bot.Ask(QuickEntry);
        var answer = bot.Ask("hồ sơ gồm những gì?");
        Assert.Contains("Tờ trình", answer.Text);
        Assert.Contains("tiếp tục", answer.Text);
        var back = bot.Ask("tiếp tục");
        Assert.Contains("Giới tính", back.Text);
    }

    [Fact]
    public void A_question_without_a_question_mark_is_not_taken_as_a_field_value()
    {
        using var bot = new TestBot();
        bot.Ask("/dangky lào cai đợt 1");
        bot.Press("f|ben|i");
        bot.Press("f|award|bk-ct-tinh");
        var answer = bot.Ask("hồ sơ gồm những gì");
        Assert.Contains("Tờ trình", answer.Text);
        Assert.Null(bot.Database.Forms.FindAll().Single().NomineeName);
        Assert.Contains("Họ và tên", bot.Ask("tiếp tục").Text);
    }

    [Fact]
    public void Dangky_again_offers_to_resume_or_start_over()
    {
        using var bot = new TestBot();
        bot.Ask(QuickEntry);
        var again = bot.Ask("/dangky");
        Assert.Contains("đăng ký dở", again.Text);
        var resumed = bot.Press(again, "Tiếp tục");
        Assert.Contains("Giới tính", resumed.Text);
    }

    [Fact]
    public void The_form_survives_a_restart()
    {
        using var temp = new TempDatabase();
        var path = temp.Path;
        using (var before = new TestBot(databasePath: path)) before.Ask(QuickEntry);
        using var after = new TestBot(databasePath: path);
        var resumed = after.Ask("tiếp tục");
        Assert.Contains("Giới tính", resumed.Text);
        after.Press(resumed, "Nữ");
        var summary = after.Ask("bỏ qua");
        // The unit comes from the officer's registration: the summary card follows.
        Assert.Contains(summary.Buttons.SelectMany(r => r), b => b.Data == "f|ok");
        Assert.Contains("UBND xã X", summary.Text);
    }

    [Fact]
    public void The_same_person_twice_is_flagged_not_silently_doubled()
    {
        using var bot = new TestBot();
        Save(bot);
        bot.Ask(QuickEntry);
        var summary = bot.Ask("bỏ qua");
        summary = bot.Ask("bỏ qua");
        var dup = bot.Press(summary, "Xác nhận");
        Assert.Contains("trùng với LC-2024-0001", dup.Text);
        Assert.Single(bot.Database.Nominations.FindAll());
        var kept = bot.Press(dup, "Vẫn lưu");
        Assert.Contains("LC-2024-0002", kept.Text);
    }

    [Fact]
    public void The_same_person_twice_is_flagged_for_an_officer_whose_unit_is_not_confirmed_yet()
    {
        // Found by `-- faults`: an officer told nothing (the confirmation lost to a kill) types the nomination again.
        using var bot = new TestBot(registered: false);
        bot.Ask(QuickEntry);
        bot.Ask("Nguyễn Thị Lan");
        Assert.Contains("Đơn vị mới", bot.SendText("UBND xã Bản Mới").Replies[0].Text);
        bot.Ask("bỏ qua");
        bot.Ask("bỏ qua");
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", bot.Press("f|ok").Text);

        bot.Ask(QuickEntry);
        bot.Ask("bỏ qua");
        bot.Ask("bỏ qua");
        var dup = bot.Press("f|ok");

        Assert.Contains("trùng với LC-2024-0001", dup.Text);
        Assert.Single(bot.Database.Nominations.FindAll());
    }

    [Fact]
    public void Xac_nhan_pressed_again_answers_with_the_same_confirmation_until_a_new_form_starts()
    {
        // Found by `-- faults`: the press handled again after a kill (the nomination saved, its answer not sent yet)
        // answered "Biểu mẫu này đã xong hoặc đã hủy", and the officer never learnt the code.
        using var bot = new TestBot();
        Fill(bot);
        var saved = bot.Press("f|ok");
        var again = bot.Press("f|ok");

        Assert.Contains("Đã lưu đề nghị LC-2024-0001", saved.Text);
        Assert.Equal(saved.Text, again.Text);
        Assert.Single(bot.Database.Nominations.FindAll());

        bot.Ask(QuickEntry.Replace("Nguyễn Văn An", "Trần Văn Bình", StringComparison.Ordinal));
        bot.Ask("/huy");
        Assert.Contains("Biểu mẫu này đã xong hoặc đã hủy", bot.Press("f|ok").Text);
    }

    [Fact]
    public void Quota_and_past_deadlines_are_warned_before_saving()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 7, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        for (var i = 0; i < 10; i++)
        {
            bot.Ask($"Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn Số{(char)('A' + i)}, Cán bộ UBND xã X, đợt 1 Lào Cai, thành tích: hoàn thành tốt nhiệm vụ");
            bot.Press("f|skip"); bot.Press("f|skip");
            if (i == 0) bot.Ask("UBND xã X");
            bot.Press("f|ok");
        }
        Assert.Equal(10, bot.Database.Nominations.Count());
        bot.Ask("Đề nghị BK CT tỉnh cho đ/c Trần Thị Mười Một, Cán bộ UBND xã X, đợt 1 Lào Cai, thành tích: hoàn thành tốt nhiệm vụ");
        bot.Press("f|skip");
        var summary = bot.Press("f|skip");
        Assert.Contains("Vượt số lượng: đã có 10 đề nghị, kế hoạch cho tối đa 10", summary.Text);
        Assert.Contains("Đợt 1 đã kết thúc ngày 20/6/2024", summary.Text);
    }

    private static void Fill(TestBot bot)
    {
        bot.Ask(QuickEntry);
        bot.Ask("bỏ qua");
        bot.Ask("bỏ qua");
        bot.Ask("UBND xã X");
    }

    private static void Save(TestBot bot)
    {
        Fill(bot);
        Assert.Contains("Đã lưu", bot.Press("f|ok").Text);
    }
}
