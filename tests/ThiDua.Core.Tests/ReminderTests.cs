using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Outbox;
using ThiDua.Core.Conversations;
using ThiDua.Core.Reminders;

namespace ThiDua.Core.Tests;

/// <summary>Deadline reminders: when they fire, exactly once, catch-up within grace, and the outbox's retries.</summary>
public class ReminderTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private sealed class RecordingSender(Func<PushedMessage, SendResult>? answer = null, ChannelLimits? limits = null, TimeProvider? clock = null) : IOutboxSender
    {
        public List<PushedMessage> Sent { get; } = [];
        public List<(DateTimeOffset At, string Chat)> Times { get; } = [];
        public string Channel => "test";
        public ChannelLimits Limits => limits ?? ChannelLimits.Unlimited;

        public Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
        {
            var result = answer?.Invoke(message) ?? SendResult.Sent;
            if (result == SendResult.Sent)
            {
                Sent.Add(message);
                if (clock is not null) Times.Add((clock.GetUtcNow(), message.ChatId));
            }
            return Task.FromResult(result);
        }
    }

    private static (ReminderService Service, OutboxDispatcher Outbox, RecordingSender Sender) Wire(TestBot bot, Func<PushedMessage, SendResult>? answer = null)
    {
        var sender = new RecordingSender(answer);
        var service = new ReminderService(bot.Database, new Knowledge.KnowledgeProvider(bot.Knowledge), new ReminderOptions(), NullLogger<ReminderService>.Instance);
        var outbox = new OutboxDispatcher(bot.Database, [sender], bot.Time, NullLogger<OutboxDispatcher>.Instance);
        return (service, outbox, sender);
    }

    private static async Task<List<PushedMessage>> AdvanceTo(TestBot bot, ReminderService service, OutboxDispatcher outbox, RecordingSender sender, DateTimeOffset to, bool afterDowntime = false)
    {
        bot.Time.SetUtcNow(to);
        var before = sender.Sent.Count;
        service.Run(to, afterDowntime);
        await outbox.DispatchDueAsync();
        return sender.Sent.Skip(before).ToList();
    }

    [Fact]
    public async Task Following_Lao_Cai_brings_the_7_3_1_0_day_reminders_for_the_first_report_each_once()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var (service, outbox, sender) = Wire(bot);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        Assert.Contains("Đã bật nhắc hạn", bot.Press("r|on|lao-cai-217").Text);

        var at22 = await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam));
        var report7 = Assert.Single(at22);
        Assert.Contains("Báo cáo kết quả thực hiện phong trào thi đua Đợt 1", report7.Reply.Text);
        Assert.Contains("Thứ Bảy, 29/6/2024 — còn 7 ngày nữa", report7.Reply.Text);
        Assert.Contains("“đợt 1 trước ngày 30/6/2024”", report7.Reply.Text);
        Assert.Contains(report7.Reply.Buttons.SelectMany(r => r), b => b.Data == "r|off|lao-cai-217");

        Assert.Empty(await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam)));
        var rest = new List<PushedMessage>();
        foreach (var day in new[] { 26, 28, 29 }) rest.AddRange(await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, day, 8, 0, 0, Vietnam)));
        Assert.Equal(["còn 3 ngày nữa", "ngày mai", "hôm nay"], rest.Select(m => m.Reply.Text.Contains("còn 3 ngày nữa", StringComparison.Ordinal) ? "còn 3 ngày nữa" : m.Reply.Text.Contains("ngày mai", StringComparison.Ordinal) ? "ngày mai" : "hôm nay").ToArray());
    }

    [Fact]
    public async Task A_restart_sends_what_was_missed_within_grace_once_and_skips_older()
    {
        using var temp = new TempDatabase();
        var path = temp.Path;
        using (var before = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam), path))
        {
            var (service, _, _) = Wire(before);
            service.Run(before.Time.GetUtcNow(), afterDowntime: true);
            before.Press("r|on|lao-cai-217");
        }
        // Down from 20/6 to 26/6 10:00: the 3-day reminder (26/6 08:00) is 2 h late, the 7-day one (22/6) is days late.
        using var after = new TestBot(new DateTimeOffset(2024, 6, 26, 10, 0, 0, Vietnam), path);
        var (again, outbox, sender) = Wire(after);
        again.Run(after.Time.GetUtcNow(), afterDowntime: true);
        await outbox.DispatchDueAsync();
        var late = Assert.Single(sender.Sent);
        Assert.Contains("còn 3 ngày nữa", late.Reply.Text);
        Assert.Contains("Nhắc muộn", late.Reply.Text);

        again.Run(after.Time.GetUtcNow(), afterDowntime: true);
        await outbox.DispatchDueAsync();
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_and_a_blocked_chat_is_not_retried()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var attempts = 0;
        var (service, outbox, sender) = Wire(bot, _ => ++attempts == 1 ? SendResult.RetryLater : SendResult.Sent);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        bot.Press("r|on|lao-cai-217");
        Assert.Empty(await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam)));
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        await outbox.DispatchDueAsync();
        Assert.Single(sender.Sent);

        using var blockedBot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var (s2, o2, blocked) = Wire(blockedBot, _ => SendResult.Blocked);
        s2.Run(blockedBot.Time.GetUtcNow(), afterDowntime: true);
        blockedBot.Press("r|on|lao-cai-217");
        await AdvanceTo(blockedBot, s2, o2, blocked, new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam));
        Assert.Equal(OutboxStatus.Blocked, Assert.Single(blockedBot.Database.Outbox.FindAll()).Status);
    }

    [Fact]
    public void Turning_reminders_off_stops_them()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var (service, _, _) = Wire(bot);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        bot.Press("r|on|lao-cai-217");
        Assert.Contains("Đã tắt", bot.Press("r|off|lao-cai-217").Text);
        Assert.Equal(0, service.Run(new DateTimeOffset(2024, 7, 1, 9, 0, 0, Vietnam), afterDowntime: false));
    }

    [Fact]
    public async Task Personal_reminders_are_confirmed_with_date_and_time_listed_removed_and_sent_once()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var (service, outbox, sender) = Wire(bot);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);

        var byDate = bot.Ask("nhắc tôi ngày 25/6 nộp báo cáo sơ kết");
        Assert.Contains("Đã đặt nhắc: nộp báo cáo sơ kết", byDate.Text);
        Assert.Contains("Thứ Ba, 25/6/2024 lúc 08:00", byDate.Text);
        var beforeDeadline = bot.Ask("nhắc tôi trước hạn nộp báo cáo Lào Cai 2 ngày");
        Assert.Contains("Thứ Năm, 27/6/2024 lúc 08:00", beforeDeadline.Text);
        Assert.Contains("đợt 1 trước ngày 30/6/2024", beforeDeadline.Text);
        var at3pm = bot.Ask("nhắc mình ngày 21/6 lúc 15h gọi Ban TĐKT");
        Assert.Contains("Thứ Sáu, 21/6/2024 lúc 15:00", at3pm.Text);

        Assert.Contains("gọi Ban TĐKT", bot.Ask("/nhacnho").Text);
        Assert.Contains("Đã xóa nhắc", bot.Press(at3pm, "Xóa nhắc này").Text);
        Assert.DoesNotContain("gọi Ban TĐKT", bot.Ask("/nhacnho").Text);

        var sent = await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, 28, 9, 0, 0, Vietnam));
        Assert.Equal(2, sent.Count);
        Assert.Contains("nộp báo cáo sơ kết", sent[0].Reply.Text);
        Assert.Empty(await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, 29, 9, 0, 0, Vietnam)));
    }

    [Theory]
    [InlineData("nhắc tôi ngày 31/2 họp")]
    [InlineData("nhắc tôi gì đó")]
    [InlineData("nhắc tôi ngày 19/6 họp")]
    public void Unclear_or_past_personal_reminders_are_refused_plainly(string text)
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var reply = bot.Ask(text);
        Assert.DoesNotContain("Đã đặt nhắc", reply.Text);
        Assert.Empty(bot.Database.PersonalReminders.FindAll());
    }

    [Fact]
    public async Task A_follower_can_choose_a_shorter_schedule()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, Vietnam));
        var (service, outbox, sender) = Wire(bot);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        var on = bot.Press("r|on|lao-cai-217");
        Assert.Contains("Đã đổi lịch nhắc", bot.Press(on, "Nhắc trước 1-0 ngày").Text);
        var sent = new List<PushedMessage>();
        for (var day = 21; day <= 29; day++) sent.AddRange(await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 6, day, 8, 0, 0, Vietnam)));
        // No 7- or 3-day reminder: only the day before (28/6) and the morning of (29/6).
        Assert.Equal(["ngày mai", "hôm nay"], sent.Select(m => m.Reply.Text.Contains("ngày mai", StringComparison.Ordinal) ? "ngày mai" : m.Reply.Text.Contains("hôm nay", StringComparison.Ordinal) ? "hôm nay" : "khác").ToArray());
    }

    [Fact]
    public async Task A_fan_out_is_paced_to_the_channel_limits_in_virtual_time()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 22, 8, 0, 0, Vietnam));
        var sender = new RecordingSender(limits: ThiDua.Bot.Channels.Telegram.TelegramSender.Documented, clock: bot.Time);
        using var outbox = new OutboxDispatcher(bot.Database, [sender], bot.Time, NullLogger<OutboxDispatcher>.Instance);
        var now = bot.Time.GetUtcNow().UtcDateTime;
        var messages = Enumerable.Range(0, 300).Select(i => new OutboxMessage { Key = $"k{i}", Channel = "test", ChatId = $"chat{i % 295}", Text = "x", DueAt = now, CreatedAt = now });
        bot.Database.Outbox.InsertBulk(messages);

        for (var tick = 0; tick < 150 && sender.Sent.Count < 300; tick++)
        {
            await outbox.DispatchDueAsync();
            bot.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(300, sender.Sent.Count);
        var start = sender.Times[0].At;
        // Never more than 30 in any one-second window, and the whole batch takes about 300 / 30 = 10 seconds.
        Assert.All(sender.Times, t => Assert.True(sender.Times.Count(o => o.At >= t.At && o.At - t.At < TimeSpan.FromSeconds(1)) <= 30));
        Assert.InRange((sender.Times[^1].At - start).TotalSeconds, 9, 10.5);
        // The five chats that get two messages get them at least a second apart.
        foreach (var chat in sender.Times.GroupBy(t => t.Chat).Where(g => g.Count() > 1))
            Assert.True(chat.Last().At - chat.First().At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_officer_whose_unit_is_known_gets_only_the_obligations_addressed_to_it()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 7, 20, 9, 0, 0, Vietnam));
        var (service, outbox, sender) = Wire(bot);
        service.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        bot.Database.Officers.Upsert(new Access.OfficerProfile { UserKey = "test:ward", Unit = "UBND phường Hưng Đạo" });
        bot.Database.Officers.Upsert(new Access.OfficerProfile { UserKey = "test:dept", Unit = "Sở Văn hóa, Thể thao và Du lịch" });
        bot.Press("r|on|duong-kinh-70-gphp", chat: "ward");
        bot.Press("r|on|duong-kinh-70-gphp", chat: "dept");

        var sent = await AdvanceTo(bot, service, outbox, sender, new DateTimeOffset(2024, 8, 1, 9, 0, 0, Vietnam));
        Assert.NotEmpty(sent);
        // The wards' own deadline (their plan, within July 2024) reaches the ward officer only.
        Assert.All(sent, m => Assert.Equal("ward", m.ChatId));
        Assert.Contains(sent, m => m.Reply.Text.Contains("UBND các phường gửi Kế hoạch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UBND xã Bản Vược", Knowledge.UnitKind.Commune)]
    [InlineData("Ủy ban nhân dân phường Cam Phú", Knowledge.UnitKind.Commune)]
    [InlineData("Sở Nội vụ", Knowledge.UnitKind.Department)]
    [InlineData("Ban Chỉ huy quân sự xã X", Knowledge.UnitKind.ArmedForces)]
    [InlineData("Trường THCS Kim Đồng", Knowledge.UnitKind.School)]
    public void Unit_kinds_are_read_from_unit_names(string unit, Knowledge.UnitKind kind) => Assert.Equal(kind, UnitKinds.FromUnitName(unit));

    [Fact]
    public void Reminders_fire_at_8_in_Vietnam_whatever_the_machine_zone() =>
        Assert.Equal(new DateTimeOffset(2024, 6, 22, 1, 0, 0, TimeSpan.Zero), ReminderPlanner.FireAt(new DateOnly(2024, 6, 22), new TimeOnly(8, 0)).ToUniversalTime());
}
