using System.Text.Json.Nodes;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>
/// Issue 16, item 2, through the Telegram adapter in a supergroup: an unregistered member replies with an edit
/// to an officer's summary card and presses its "Xác nhận"; the form stays the officer's.
/// </summary>
public sealed class GroupChatTelegramTests : FakeTelegramSession
{
    private const long Officer = 1001;
    private const long Stranger = 2002;
    private const long Group = -1001234567890;

    private static string Button(SentMessage message, string label) =>
        (message.ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray()) ?? [])
            .First(b => b!["text"]!.GetValue<string>().Contains(label, StringComparison.Ordinal))!["callback_data"]!.GetValue<string>();

    [Fact]
    public async Task Another_member_of_a_supergroup_can_neither_edit_nor_confirm_an_officers_form()
    {
        await using var bot = await ChannelHost.StartAsync(Server, Database.Path, "2024-05-01T09:00:00+07:00");
        Server.EnqueueText(Officer, Officer, "/dangky");
        await Reply(Officer, "Họ và tên");
        Server.EnqueueText(Officer, Officer, "Lò Thị Lan");
        await Reply(Officer, "Đơn vị của bạn");
        Server.EnqueueText(Officer, Officer, "UBND xã Bản Vược");
        await Reply(Officer, "Đã đăng ký");

        Server.EnqueueText(Group, Officer, "/dangky@thidua_test_bot Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ", chatType: "supergroup");
        var card = await Reply(Group, "Tóm tắt đề nghị");
        Assert.Contains("https://t.me/thidua_test_bot?start=dangky", card.Text);

        Server.EnqueueText(Group, Stranger, "sửa thành tích: phá hoại", chatType: "supergroup", replyToBotMessageId: card.MessageId, firstName: "Khách");
        var answered = await Server.WaitForMessageAsync(m => m.ChatId == Group && m.MessageId > card.MessageId);
        Assert.DoesNotContain("phá hoại", answered.Text);
        Server.EnqueueCallback(Group, Stranger, card.MessageId, Button(card, "Xác nhận"));
        await Reply(Group, "chỉ người đó bấm được");

        Server.EnqueueCallback(Group, Officer, card.MessageId, Button(card, "Xác nhận"));
        await Reply(Group, "Đã lưu đề nghị LC-2024-0001");

        var n = Assert.Single(bot.Get<BotDatabase>().Nominations.FindAll());
        Assert.Equal(("telegram:1001", "hoàn thành xuất sắc nhiệm vụ"), (n.OwnerKey, n.Achievement));
    }
}
