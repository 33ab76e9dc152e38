using System.Text;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>
/// Issue 16, item 7, through the Telegram adapter: the declared file_size is not trusted (a file declared as 100
/// bytes and served as 25 MB is stopped while downloading), and names with NUL or over 255 bytes are normalised
/// at upload so a reviewer can open the file.
/// </summary>
public sealed class DossierFileTelegramTests : FakeTelegramSession
{
    private const long Officer = 1001;
    private const long Admin = 9000;

    private async Task<ChannelHost> StartWithNomination()
    {
        var bot = await ChannelHost.StartAsync(Server, Database.Path, "2024-05-01T09:00:00+07:00", $"--Access:Admins:0=telegram:{Admin}");
        Server.EnqueueText(Officer, Officer, "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        await Reply(Officer, "Họ và tên");
        Server.EnqueueText(Officer, Officer, "Lò Thị Lan");
        await Reply(Officer, "Đơn vị của bạn");
        Server.EnqueueText(Officer, Officer, "UBND xã Bản Vược");
        var card = await Server.WaitForMessageAsync(m => m.ChatId == Officer && m.ReplyMarkup?.ToJsonString().Contains("f|ok", StringComparison.Ordinal) == true);
        Server.EnqueueCallback(Officer, Officer, card.MessageId, "f|ok");
        await Reply(Officer, "LC-2024-0001");
        return bot;
    }

    [Fact]
    public async Task A_file_declared_small_but_served_past_the_limit_is_stopped_and_nothing_is_stored()
    {
        await using var bot = await StartWithNomination();
        var content = new byte[25 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(content);
        Server.EnqueueDocument(Officer, Officer, "to-trinh.pdf", content, "application/pdf", caption: "Tờ trình", declaredSize: 100);
        await Reply(Officer, "quá lớn");

        var db = bot.Get<BotDatabase>();
        Assert.Empty(db.Files.FindAll());
        Assert.Empty(db.Nominations.FindById(1).Attachments);
    }

    [Fact]
    public async Task A_name_with_NUL_and_over_255_bytes_is_normalised_and_the_reviewer_can_open_the_file()
    {
        await using var bot = await StartWithNomination();
        var name = "Tờ\0trình/" + new string('ư', 200) + ".pdf";
        Server.EnqueueDocument(Officer, Officer, name, "%PDF-1.4 tờ trình"u8.ToArray(), "application/pdf", caption: "Tờ trình");
        await Reply(Officer, "✅ Tờ trình");
        // The new unit and its officer are confirmed by the administrator, then the officer submits.
        var notice = await Reply(Admin, "đơn vị mới");
        Server.EnqueueCallback(Admin, Admin, notice.MessageId, "u|ok|1");
        await Reply(Officer, "đã xác nhận bạn là cán bộ");
        Server.EnqueueCallback(Officer, Officer, 1, "n|submitok|1");
        await Reply(Officer, "Đã nộp");

        var stored = Assert.Single(bot.Get<BotDatabase>().Nominations.FindById(1).Attachments).FileName;
        Assert.DoesNotContain('\0', stored);
        Assert.DoesNotContain('/', stored);
        Assert.True(Encoding.UTF8.GetByteCount(stored) <= 255, $"{Encoding.UTF8.GetByteCount(stored)} bytes");
        Assert.StartsWith("Tờ trình ư", stored);
        Assert.EndsWith(".pdf", stored);

        Server.EnqueueCallback(Admin, Admin, 1, "v|f|1|0");
        var sent = await Server.WaitForMessageAsync(m => m.ChatId == Admin && m.Method == "sendDocument");
        Assert.Equal("%PDF-1.4 tờ trình"u8.ToArray(), sent.DocumentContent);
    }
}
