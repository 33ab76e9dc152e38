using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Tests;

/// <summary>Onboarding, roles and the access rules as people meet them: who may see, change, review, invite and hand over.</summary>
public class AccessTests
{
    private static readonly DateTimeOffset May2024 = new(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static string Entry(string name) =>
        $"Đề nghị BK CT tỉnh cho đ/c {name}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ";

    private static int Save(TestBot bot, string chat, string name)
    {
        bot.Ask(Entry(name), chat);
        Assert.Contains("Đã lưu", bot.Press("f|ok", chat).Text);
        return bot.Database.Nominations.FindAll().Max(n => n.Id);
    }

    private static TestBot WithReviewer(out string reviewer)
    {
        var bot = new TestBot(May2024, admins: "test:admin");
        reviewer = "rev";
        bot.Register(reviewer, "Trần Văn Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "lao-cai-217");
        return bot;
    }

    [Fact]
    public void A_registration_step_sent_again_is_asked_again_not_read_as_the_next_answer()
    {
        // Found by `-- faults`: a message handled again after a kill (its first handling saved the step, its answer
        // was not sent yet) was read as the next step's answer: the nomination as the name, the name or the nomination as the unit.
        using var bot = new TestBot(May2024, registered: false);
        var asked = bot.Ask(Entry("Nguyễn Văn An"));
        Assert.Equal(asked.Text, bot.Ask(Entry("Nguyễn Văn An")).Text);
        var unit = bot.Ask("Lò Thị Hoa");
        Assert.Contains("Đơn vị của bạn", unit.Text);
        Assert.Equal(unit.Text, bot.Ask("Lò Thị Hoa").Text);
        Assert.Equal(unit.Text, bot.Ask(Entry("Nguyễn Văn An")).Text);    // typed again at the unit's question

        var done = bot.SendText("UBND xã Nậm Chày");

        Assert.Contains("Đã đăng ký: Lò Thị Hoa — UBND xã Nậm Chày", done.Replies[0].Text);
        Assert.Equal("UBND xã Nậm Chày", bot.Database.Officers.FindById("test:c1")!.Unit);
    }

    [Fact]
    public void Questions_need_no_registration_but_a_nomination_asks_name_and_unit_once_then_goes_on()
    {
        using var bot = new TestBot(May2024, registered: false);
        Assert.Contains("Tờ trình", bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì").Text);

        var asked = bot.Ask(Entry("Nguyễn Văn An"));
        Assert.Contains("Nghị định 13/2023/NĐ-CP", asked.Text);
        Assert.Contains("Họ và tên", asked.Text);
        Assert.Contains("gõ lại họ và tên", bot.Ask("12345").Text);
        Assert.Contains("Đơn vị của bạn", bot.Ask("Lò Thị Hoa").Text);

        var done = bot.SendText("UBND xã Nậm Chày");
        Assert.Contains("Đã đăng ký: Lò Thị Hoa — UBND xã Nậm Chày", done.Replies[0].Text);
        Assert.Contains("Đơn vị mới", done.Replies[0].Text);
        // The nomination typed before registering continues, with the unit filled in.
        Assert.Contains("UBND xã Nậm Chày", done.Replies[1].Text);
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", bot.Press("f|ok").Text);

        // A second officer picks the unit by button once a reviewer confirmed it: that is a request to join, not
        // membership (it used to be), so they see only their own nominations until someone confirms them.
        bot.Database.Units.Update(bot.Database.Units.FindById("ubnd xa nam chay") is { } unit ? Confirm(unit) : throw new InvalidOperationException());
        bot.Ask("/dangky", "c2");
        var pick = bot.Ask("Vàng Thị Mai", "c2");
        Assert.Contains(pick.Buttons.SelectMany(r => r), b => b.Text == "UBND xã Nậm Chày");
        var joined = bot.Press(pick, "UBND xã Nậm Chày", "c2").Text;
        Assert.Contains("Đã đăng ký: Vàng Thị Mai — UBND xã Nậm Chày", joined);
        Assert.Contains("chưa có cán bộ được xác nhận", joined);
        Assert.True(bot.Database.Officers.FindById("test:c2").JoinPending);
        Assert.Contains("chưa được xác nhận", bot.Press("n|unit", "c2").Text);
    }

    private static Unit Confirm(Unit unit)
    {
        unit.Confirmed = true;
        return unit;
    }

    [Fact]
    public void An_invitation_binds_unit_and_role_and_only_the_right_people_can_make_one()
    {
        using var bot = WithReviewer(out var reviewer);
        // An officer invites colleagues of their own unit only (one use each), never another unit's.
        Assert.Contains("chỉ mời được cán bộ của đơn vị mình", bot.Ask("/moi UBND xã Bản Vược", "officer").Text);
        Assert.Contains("Mã mời cán bộ UBND xã X", bot.Ask("/moi", "officer").Text);
        Assert.Contains("dùng một lần", bot.Ask("/moi", "officer").Text);
        Assert.Contains("Chỉ quản trị viên", bot.Ask("/moi thamdinh lao-cai-217", reviewer).Text);

        var invite = bot.Ask("/moi UBND xã Bản Vược", reviewer).Text;
        var code = System.Text.RegularExpressions.Regex.Match(invite, @"/start ([A-Z0-9]{8})").Groups[1].Value;
        using var fresh = new TestBot(May2024, registered: false);
        fresh.Database.Invitations.Insert(bot.Database.Invitations.FindById(code));
        fresh.Database.Units.Insert(bot.Database.Units.FindById("ubnd xa ban vuoc"));
        Assert.Contains("cán bộ đơn vị của UBND xã Bản Vược", fresh.Ask($"/start {code}", "new").Text);
        Assert.Contains("Đã đăng ký: Lý Văn Mới — UBND xã Bản Vược", fresh.Ask("Lý Văn Mới", "new").Text);
        Assert.Contains("không đúng hoặc đã hết hạn", fresh.Ask("/start ZZZZ9999", "other").Text);

        var admin = bot.Ask("/moi thamdinh Lào Cai", "admin").Text;
        Assert.Contains("mọi kế hoạch của Lào Cai", admin);
        bot.Time.Advance(TimeSpan.FromDays(15));
        var expired = System.Text.RegularExpressions.Regex.Match(admin, @"/start ([A-Z0-9]{8})").Groups[1].Value;
        Assert.Contains("hết hạn", bot.Ask($"/start {expired}", "late").Text);
    }

    [Fact]
    public void A_reviewer_returns_with_a_reason_the_officer_is_told_and_an_award_records_the_decision()
    {
        using var bot = WithReviewer(out var reviewer);
        var id = Save(bot, "c1", "Nguyễn Văn An");
        bot.Press($"n|submitok|{id}");

        bot.SendButton($"v|m|{id}|UnderReview", reviewer);
        bot.SendButton($"v|r|{id}", reviewer);
        var returned = bot.SendText("Thiếu biên bản họp Hội đồng", reviewer);
        var notice = Assert.Single(returned.Pushed);
        Assert.Equal(("test", "c1"), (notice.Channel, notice.ChatId));
        Assert.Contains("Lý do trả lại: Thiếu biên bản họp Hội đồng", notice.Reply.Text);

        Assert.Contains("Nộp lại", string.Join(' ', bot.Press($"n|open|{id}").Buttons.SelectMany(r => r).Select(b => b.Text)));
        bot.Press($"n|submitok|{id}");
        bot.SendButton($"v|m|{id}|UnderReview", reviewer);
        bot.SendButton($"v|m|{id}|Presented", reviewer);
        Assert.Contains("Số và ngày quyết định", bot.Press($"v|d|{id}", reviewer).Text);
        Assert.Contains("Chưa đọc được", bot.Ask("sắp có", reviewer).Text);
        var awarded = bot.SendText("Quyết định 1234/QĐ-UBND ngày 20/12/2024", reviewer);
        Assert.Contains("Quyết định số 1234/QĐ-UBND ngày 20/12/2024", Assert.Single(awarded.Pushed).Reply.Text);

        var n = bot.Database.Nominations.FindById(id);
        Assert.Equal(NominationStatus.Awarded, n.Status);
        Assert.Equal(new DateOnly(2024, 12, 20), n.DecisionDate);
        Assert.Equal(
            [NominationStatus.Submitted, NominationStatus.UnderReview, NominationStatus.Returned, NominationStatus.Submitted, NominationStatus.UnderReview, NominationStatus.Presented, NominationStatus.Awarded],
            n.History.Select(h => h.To).ToArray());
        Assert.All(n.History.Skip(1).Where(h => h.To != NominationStatus.Submitted), h => Assert.Equal("test:rev", h.ByKey));
    }

    [Fact]
    public void Forged_buttons_from_anyone_without_the_right_change_nothing()
    {
        using var bot = WithReviewer(out _);
        var id = Save(bot, "c1", "Nguyễn Văn An");
        bot.Press($"n|submitok|{id}");
        bot.Register("stranger", "Người Lạ", "UBND phường Khác");
        bot.Register("otherReviewer", "Thẩm Định Khác", "Ban TĐKT Hải Dương", Role.Reviewer, "hai-duong-70-dbp");
        var before = bot.Database.Nominations.FindById(id).History.Count;
        var random = new Random(11);
        string[] prefixes = ["v|m", "v|r", "v|d", "v|o", "v|f", "n|withdraw", "n|edit", "n|submit", "n|open", "h|t", "h|f", "i|rev", "i|ok", "g|erase"];
        foreach (var chat in new[] { "stranger", "otherReviewer" })
            for (var i = 0; i < 200; i++)
            {
                var data = $"{prefixes[random.Next(prefixes.Length)]}|{(random.Next(3) == 0 ? id : random.Next(-5, 50))}|{(random.Next(2) == 0 ? "Awarded" : "test:c1")}";
                bot.Press(data, chat);
            }
        var after = bot.Database.Nominations.FindById(id);
        Assert.Equal(NominationStatus.Submitted, after.Status);
        Assert.Equal(before, after.History.Count);
        Assert.Equal("test:c1", after.OwnerKey);
        Assert.Equal(Role.Officer, bot.Database.Officers.FindById("test:stranger").Role);
    }

    [Fact]
    public void Handover_moves_an_officers_nominations_to_a_colleague_of_the_same_unit_only()
    {
        using var bot = WithReviewer(out var reviewer);
        var id = Save(bot, "c1", "Nguyễn Văn An");
        bot.Press($"n|submitok|{id}");
        bot.Register("c2", "Đồng Nghiệp", TestBot.DefaultUnit);
        bot.Register("c3", "Khác Đơn Vị", "UBND phường Khác");

        Assert.Contains("Chỉ cán bộ thẩm định", bot.Ask("/bangiao", "c2").Text);
        Assert.Contains("Chỉ bàn giao được cho cán bộ cùng đơn vị", bot.Press("h|t|test:c1|test:c3", reviewer).Text);
        var units = bot.Ask("/bangiao", reviewer);
        var officers = bot.Press(units, TestBot.DefaultUnit, reviewer);
        var takers = bot.Press(officers, "Cán bộ Thử Nghiệm", reviewer);
        Assert.DoesNotContain(takers.Buttons.SelectMany(r => r), b => b.Text == "Khác Đơn Vị");
        var done = bot.SendButton(takers.Buttons[0][0].Data, reviewer);

        Assert.Contains("bàn giao từ Cán bộ Thử Nghiệm cho Đồng Nghiệp", done.Replies[0].Text);
        Assert.Equal(2, done.Pushed.Count);
        Assert.Equal("test:c2", bot.Database.Nominations.FindById(id).OwnerKey);
        Assert.Contains("LC-2024-0001", bot.Ask("/cuatoi", "c2").Text);
    }

    [Fact]
    public void Xoadulieu_deletes_the_person_and_drafts_but_submitted_nominations_stay_with_the_unit()
    {
        using var bot = new TestBot(May2024);
        var submitted = Save(bot, "c1", "Nguyễn Văn An");
        bot.Press($"n|submitok|{submitted}");
        Save(bot, "c1", "Trần Văn Nháp");
        bot.Press("r|on|lao-cai-217");

        var shown = bot.Ask("/xoadulieu");
        Assert.Contains("Họ tên: Cán bộ Thử Nghiệm", shown.Text);
        Assert.Contains("Kế hoạch đang nhắc hạn: 1", shown.Text);
        Assert.Contains("Đã xóa dữ liệu cá nhân", bot.Press(shown, "Xóa dữ liệu").Text);

        Assert.Null(bot.Database.Officers.FindById("test:c1"));
        Assert.Empty(bot.Database.Follows.FindAll());
        var left = Assert.Single(bot.Database.Nominations.FindAll());
        Assert.Equal("Nguyễn Văn An", left.NomineeName);
        Assert.Equal("unit:ubnd xa x", left.OwnerKey);
        bot.Register("colleague", "Đồng Nghiệp", TestBot.DefaultUnit);
        Assert.Contains("LC-2024-0001", bot.Press("n|unit", "colleague").Text);
    }

    [Fact]
    public async Task Linked_telegram_and_zalo_identities_share_nominations_and_reminders_go_to_one_of_them()
    {
        using var bot = new TestBot(May2024);
        var id = Save(bot, "c1", "Nguyễn Văn An");
        bot.Press("r|on|lao-cai-217");
        var code = System.Text.RegularExpressions.Regex.Match(bot.Ask("/lienket").Text, @"/lienket ([A-Z0-9]{8})").Groups[1].Value;

        // Both sides agree, each seeing who the other is (typing the code alone used to link them).
        var zalo = new IncomingMessage { Channel = "zalo", ChatId = "z1", UserId = "z1", UserName = "Lan", Text = $"/lienket {code}" };
        var asked = (await bot.Engine.HandleAsync(zalo)).Replies[0];
        Assert.Contains("do Cán bộ Thử Nghiệm — UBND xã X (tài khoản test) tạo", asked.Text);
        var sent = await bot.Engine.HandleAsync(zalo with { Text = null, ButtonData = asked.Buttons[0][0].Data });
        Assert.Contains("“Lan” (chưa đăng ký) (tài khoản Zalo) muốn liên kết", Assert.Single(sent.Pushed).Reply.Text);
        Assert.Empty(bot.Database.Follows.Find(f => f.Channel == "zalo"));
        Assert.Contains("Đã liên kết", bot.Press(Assert.Single(sent.Pushed).Reply.Buttons[0][0].Data).Text);
        var list = (await bot.Engine.HandleAsync(zalo with { Text = "/cuatoi" })).Replies[0].Text;
        Assert.Contains("LC-2024-0001", list);
        var follow = Assert.Single(bot.Database.Follows.FindAll());
        Assert.Equal(("zalo", "z1"), (follow.Channel, follow.ChatId));
        // A link code works once.
        Assert.Contains("không đúng hoặc đã hết hạn", (await bot.Engine.HandleAsync(zalo with { ChatId = "z2", UserId = "z2" })).Replies[0].Text);
        Assert.Equal("test:c1", bot.Database.Nominations.FindById(id).OwnerKey);
    }
}
