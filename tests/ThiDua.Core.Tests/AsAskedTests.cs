using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Reminders;

namespace ThiDua.Core.Tests;

/// <summary>
/// What the officer asked is what is done, and said: an award form typed is taken only when it fits, a reminder
/// lands on the deadline named, /dangky and /xuat follow the plan the command names, a late reminder says it is late.
/// </summary>
public class AsAskedTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static NominationForm Form(TestBot bot) => bot.Database.Forms.FindAll().Single();

    [Fact]
    public void A_typed_award_form_the_plan_lacks_is_refused_and_the_chosen_one_stays()
    {
        using var bot = new TestBot();
        bot.Ask("/dangky hải dương");
        bot.Press("f|ben|i");
        bot.Press("f|award|bk-ct-tinh");

        var refused = bot.Ask("sửa hình thức: huân chương lao động");
        Assert.Contains("không có hình thức “Huân chương”", refused.Text);
        Assert.Contains("Bằng khen của Thủ tướng Chính phủ; Bằng khen của Chủ tịch UBND tỉnh", refused.Text);
        Assert.Equal("bk-ct-tinh", Form(bot).AwardId);
    }

    [Fact]
    public void A_typed_award_form_that_fits_two_is_asked_back_and_one_that_fits_is_named()
    {
        using var bot = new TestBot();
        bot.Ask("/dangky hải dương");
        var ask = bot.Press("f|ben|i");
        Assert.Contains("Hình thức khen thưởng đề nghị?", ask.Text);

        var ambiguous = bot.Ask("bằng khen");
        Assert.Contains("ứng với nhiều hình thức", ambiguous.Text);
        Assert.Null(Form(bot).AwardId);

        var taken = bot.Ask("bk thủ tướng");
        Assert.StartsWith("Hình thức đã chọn: Bằng khen của Thủ tướng Chính phủ", taken.Text);
        Assert.Equal("bk-ttcp", Form(bot).AwardId);
    }

    [Fact]
    public void The_Prime_Ministers_bang_khen_typed_in_Lao_Cai_is_never_stored_as_the_chairmans()
    {
        using var bot = new TestBot();
        bot.Ask("/dangky lào cai đợt 1");
        bot.Press("f|ben|i");

        var refused = bot.Ask("sửa hình thức: bằng khen thủ tướng");
        Assert.Contains("không có hình thức “Bằng khen của Thủ tướng Chính phủ”", refused.Text);
        Assert.Contains("Các hình thức của kế hoạch: Bằng khen của Chủ tịch UBND tỉnh", refused.Text);
        Assert.DoesNotContain("Hình thức đã chọn", refused.Text);
    }

    [Fact]
    public void A_reminder_before_a_phases_report_lands_on_that_phase_and_twice_is_once()
    {
        using var bot = new TestBot();
        var set = bot.Ask("nhắc tôi trước hạn nộp báo cáo đợt 2 lào cai 5 ngày");
        Assert.Contains("Báo cáo kết quả thực hiện phong trào thi đua Đợt 2", set.Text);
        Assert.Contains("19/12/2024", set.Text);

        var again = bot.Ask("nhắc tôi trước hạn nộp báo cáo đợt 2 lào cai 5 ngày");
        Assert.StartsWith("Bạn đã đặt nhắc này rồi", again.Text);
        Assert.Single(bot.Database.PersonalReminders.FindAll());

        var otherOrder = bot.Ask("nhắc tôi 3 ngày trước hạn báo cáo đợt 2 lào cai");
        Assert.Contains("Đợt 2", otherOrder.Text);
        Assert.Contains("21/12/2024", otherOrder.Text);
    }

    [Fact]
    public void A_reminder_on_a_phase_the_plan_lacks_is_refused()
    {
        using var bot = new TestBot();
        var refused = bot.Ask("nhắc tôi trước hạn báo cáo đợt 3 lào cai 2 ngày");
        Assert.Contains("không có đợt 3", refused.Text);
        Assert.Empty(bot.Database.PersonalReminders.FindAll());
    }

    [Fact]
    public void Dangky_asks_for_the_plan_instead_of_taking_the_last_one_talked_about()
    {
        using var bot = new TestBot();
        bot.Ask("hồ sơ hải dương gồm những gì");
        var ask = bot.Ask("/dangky");
        Assert.Contains("Đề nghị khen thưởng theo kế hoạch nào?", ask.Text);
        Assert.Null(Form(bot).CampaignId);

        bot.Ask("/huy");
        bot.Ask("/dangky lào cai");
        Assert.Equal("lao-cai-217", Form(bot).CampaignId);
    }

    [Fact]
    public void Xuat_exports_the_plan_the_command_names()
    {
        using var bot = new TestBot();
        SaveNomination(bot, "lào cai đợt 1");
        SaveNomination(bot, "hải dương");
        bot.Ask("thời gian hải dương");

        var export = bot.Ask("/xuat lao cai");
        Assert.Contains("Lào Cai", export.Text);
        Assert.DoesNotContain("Hải Dương", export.Text);
        Assert.NotNull(export.File);

        var ask = bot.Ask("/xuat");
        Assert.Contains("kế hoạch nào", ask.Text);
        Assert.Null(ask.File);
    }

    /// <summary>Saves and submits one nomination for the plan named.</summary>
    private static void SaveNomination(TestBot bot, string plan)
    {
        bot.Ask($"Đề nghị bằng khen chủ tịch tỉnh cho đ/c Trần Văn Bình, Chỉ huy trưởng Ban CHQS xã X, nam, sinh 1980, {plan}, thành tích: hoàn thành xuất sắc nhiệm vụ huấn luyện năm 2024");
        var summary = bot.Ask("bỏ qua");
        for (var i = 0; i < 4 && !summary.Buttons.SelectMany(r => r).Any(b => b.Text == "Xác nhận"); i++) summary = bot.Ask("bỏ qua");
        Assert.Contains("Đã lưu", bot.Press(summary, "Xác nhận").Text);
        Assert.Contains("Đã nộp", bot.Press($"n|submitok|{bot.Database.Nominations.Max(n => n.Id)}").Text);
    }

    [Fact]
    public async Task A_clock_moved_past_three_steps_of_one_deadline_sends_one_reminder_that_says_it_is_late()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 1, 9, 0, 0, Vietnam));
        var service = new ReminderService(bot.Database, new Knowledge.KnowledgeProvider(bot.Knowledge), new ReminderOptions(), NullLogger<ReminderService>.Instance);
        var sender = new ListSender();
        var outbox = new OutboxDispatcher(bot.Database, [sender], bot.Time, NullLogger<OutboxDispatcher>.Instance);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: false);
        bot.Press("r|on|lao-cai-217");

        var at = new DateTimeOffset(2024, 6, 22, 9, 0, 0, Vietnam);
        bot.Time.SetUtcNow(at);
        service.Run(at, afterDowntime: false);
        await outbox.DispatchDueAsync();

        var phaseEnd = sender.Sent.Where(m => m.Reply.Text.Contains("Kết thúc Đợt 1", StringComparison.Ordinal)).ToList();
        var late = Assert.Single(phaseEnd);
        Assert.Contains("đã qua hạn 2 ngày", late.Reply.Text);
        Assert.Contains("Nhắc muộn: lẽ ra gửi", late.Reply.Text);
        Assert.DoesNotContain(sender.Sent, m => m.Reply.Text.Contains("Kết thúc Đợt 1", StringComparison.Ordinal) && m.Reply.Text.Contains("còn 3 ngày nữa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_demo_clock_on_a_database_used_in_real_time_still_reminds_and_a_second_earlier_demo_starts_over()
    {
        using var temp = new TempDatabase();
        // A plain run in real time (2026) covers everything up to 2026.
        using (var real = new TestBot(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Vietnam), temp.Path))
            Service(real, simulated: false).Run(real.Time.GetUtcNow(), afterDowntime: true);

        var (first, sent) = await Demo(temp.Path);
        Assert.Null(first.Notice);
        Assert.Contains(sent, m => m.Reply.Text.Contains("Đợt 1", StringComparison.Ordinal) && m.Reply.Text.Contains("còn 7 ngày nữa", StringComparison.Ordinal));

        // The same demo again: its clock is before where the last demo stopped, so it is a new demo.
        var (second, again) = await Demo(temp.Path);
        Assert.Contains("bắt đầu lại nhắc hạn", second.Notice);
        Assert.Contains(again, m => m.Reply.Text.Contains("còn 7 ngày nữa", StringComparison.Ordinal));
    }

    private static ReminderService Service(TestBot bot, bool simulated) =>
        new(bot.Database, new Knowledge.KnowledgeProvider(bot.Knowledge), new ReminderOptions { Simulated = simulated }, NullLogger<ReminderService>.Instance);

    /// <summary>A demo run on the file: started on 20/6/2024, Lào Cai followed, the clock moved to 22/6 08:00.</summary>
    private static async Task<(ReminderService Service, List<PushedMessage> Sent)> Demo(string path)
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam), path);
        var service = Service(bot, simulated: true);
        var sender = new ListSender();
        var outbox = new OutboxDispatcher(bot.Database, [sender], bot.Time, NullLogger<OutboxDispatcher>.Instance);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        bot.Press("r|on|lao-cai-217");
        var to = new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam);
        bot.Time.SetUtcNow(to);
        service.Run(to, afterDowntime: false);
        await outbox.DispatchDueAsync();
        return (service, sender.Sent);
    }

    [Fact]
    public void A_chosen_schedule_shows_in_nhacviec_and_survives_turning_the_plan_on_again()
    {
        using var bot = new TestBot();
        var on = bot.Press("r|on|lao-cai-217");
        bot.Press(on, "Nhắc trước 3-1-0 ngày");
        Assert.Contains("• Lào Cai – thi đua cao điểm 70 năm ĐBP, 80 năm QĐND: 3 ngày trước, 1 ngày trước, sáng ngày đến hạn", bot.Ask("/nhacviec").Text);
        Assert.Contains("3 ngày trước, 1 ngày trước, sáng ngày đến hạn", bot.Press("r|on|lao-cai-217").Text);
    }

    [Fact]
    public void Small_things_say_what_is_true()
    {
        using var bot = new TestBot();
        // A tập thể's form names its fields as a tập thể's.
        bot.Ask("/dangky lào cai đợt 1");
        bot.Press("f|ben|c");
        var edit = bot.Press("f|edit");
        Assert.Contains(edit.Buttons.SelectMany(r => r), b => b.Text == "Tên tập thể");
        Assert.DoesNotContain(edit.Buttons.SelectMany(r => r), b => b.Text == "Họ tên");
        // A year out of range is out of range, not "not four digits".
        bot.Ask("/huy");
        bot.Ask("/dangky lào cai đợt 1");
        bot.Press("f|ben|i");
        Assert.Contains("Năm sinh 1884 không hợp lý", bot.Ask("sửa năm sinh: 1884").Text);

        // "Hồ sơ còn thiếu" under a reminder, pressed by someone never registered, starts no registration.
        using var stranger = new TestBot(registered: false);
        var reply = stranger.Press("cmd|cuatoi");
        Assert.StartsWith("Bạn chưa có đề nghị khen thưởng nào", reply.Text);
        Assert.Empty(stranger.Database.Officers.FindAll());
    }

    private sealed class ListSender : IOutboxSender
    {
        public List<PushedMessage> Sent { get; } = [];
        public string Channel => "test";
        public ChannelLimits Limits => ChannelLimits.Unlimited;

        public Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult(SendResult.Sent);
        }
    }
}
