using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests;

/// <summary>The console as a person uses it to try the bot: files by path, a clock moved on, reminders between answers.</summary>
public sealed class ConsoleChannelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-console-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task Session(string now, Func<TypedInput, SharedOutput, Task> steps)
    {
        using var input = new TypedInput();
        using var output = new SharedOutput();
        var run = BotProgram.RunAsync(["--now", now, $"--Storage:DatabasePath={Path.Combine(_folder, "bot.db")}"], input, output);
        try
        {
            await steps(input, output);
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task A_file_is_sent_by_path_and_a_missing_one_is_explained()
    {
        var paper = Path.Combine(_folder, "to-trinh.txt");
        await File.WriteAllTextAsync(paper, "Tờ trình đề nghị khen thưởng");
        await Session("2024-04-20T09:00:00+07:00", async (input, output) =>
        {
            input.Type("/tep /khong/co/tep.pdf");
            await output.WaitFor("Không gửi được: không có tệp \"/khong/co/tep.pdf\"");
            input.Type($"/tep {paper} Tờ trình");
            // The core has the file: with no nomination yet it says what to do first.
            await output.WaitFor("Chưa có đề nghị nào để đính kèm tệp");
        });
    }

    [Fact]
    public async Task A_demo_clock_set_before_the_last_demo_on_the_same_database_is_said_at_start_and_reminders_start_over()
    {
        await Session("2024-06-20T09:00:00+07:00", async (input, output) =>
        {
            input.Type("/nhacviec");
            await output.WaitFor("Chọn kế hoạch");
            input.Type("4"); // Lào Cai
            await output.WaitFor("Đã bật nhắc hạn cho Lào Cai");
            input.Type("/dongho 2024-06-22T08:00");
            await output.WaitFor("(Đồng hồ: 2024-06-22T08:00)");
            Assert.Contains("còn 7 ngày nữa", output.Text);
        });
        await Session("2024-06-20T09:00:00+07:00", async (input, output) =>
        {
            await output.WaitFor("bắt đầu lại nhắc hạn từ thời điểm này");
            input.Type("/nhacviec");
            await output.WaitFor("Bấm để bật/tắt");
            var before = output.Text.Length;
            input.Type("/dongho 2024-06-22T08:00");
            await output.WaitFor("(Đồng hồ: 2024-06-22T08:00)");
            var pushed = output.Text[before..];
            Assert.Contains("còn 7 ngày nữa", pushed);
            // The menu's buttons keep numbers 1…5; the reminder's come after them.
            Assert.Contains("[6] Xem chi tiết", pushed);
            Assert.DoesNotContain("[1] Xem chi tiết", pushed);
        });
    }
}
