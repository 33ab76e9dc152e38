using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>A reviewer imports a plan from Telegram while other chats keep talking: the file is read off the conversation loop.</summary>
public sealed class ImportTelegramTests : FakeTelegramSession
{
    private const long Reviewer = 1001, Officer = 2002;

    [Fact]
    public async Task Other_chats_are_answered_while_a_plan_file_is_read_and_the_draft_follows_its_acknowledgement()
    {
        await using var bot = await ChannelHost.StartAsync(Server, Database.Path, "2024-05-01T09:00:00+07:00", $"--Access:Admins:0=telegram:{Reviewer}");
        Server.EnqueueText(Reviewer, Reviewer, "/nhapkehoach");
        await Reply(Reviewer, "Gửi tệp kế hoạch");

        // The file does not arrive until released: before, its chat's batch (and every chat polled with it) waited for it.
        var release = Server.HoldFileDownloads();
        var plan = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "plans", "hai-duong-70-dbp.txt"));
        Server.EnqueueDocument(Reviewer, Reviewer, "ke-hoach.txt", plan, "text/plain");
        var acknowledged = await Reply(Reviewer, "Đang đọc tệp “ke-hoach.txt”");
        await Server.WaitForCallAsync("getFile");
        Server.EnqueueText(Officer, Officer, "hồ sơ khen thưởng Lào Cai gồm gì");
        var answer = await Reply(Officer, "Tờ trình");
        Assert.DoesNotContain(Server.Messages, m => m.ChatId == Reviewer && (m.Text ?? "").Contains("Số và ngày ban hành", StringComparison.Ordinal));

        release();
        // Reading may take up to Import:MaxSeconds (30 s) on a busy machine: the draft is awaited that long, not less.
        var card = await Server.WaitForMessageAsync(m => m.ChatId == Reviewer && (m.Text ?? "").Contains("(1/7) Số và ngày ban hành", StringComparison.Ordinal), TimeSpan.FromSeconds(35));
        Assert.Contains("Bản nháp từ “ke-hoach.txt”", card.Text);
        Assert.True(acknowledged.MessageId < answer.MessageId && answer.MessageId < card.MessageId);
        // Its buttons act on the stored draft, like a draft answered in the turn.
        Assert.StartsWith("k|ok|", card.ReplyMarkup!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
    }
}
