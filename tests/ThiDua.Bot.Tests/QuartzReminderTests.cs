using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests;

/// <summary>The real host with the real Quartz scheduler: a followed deadline's reminder reaches the console on time.</summary>
public class QuartzReminderTests
{
    [Fact]
    public async Task The_7_day_reminder_is_pushed_to_the_console_by_the_Quartz_job()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-quartz-").FullName, "bot.db");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        // Ten seconds before 08:00 on 22/6/2024, a week before the đợt 1 report; the job runs every second.
        var run = BotProgram.RunAsync(["--now", "2024-06-22T07:59:50+07:00", $"--Storage:DatabasePath={db}", "--Reminders:Cron=* * * * * ?"], input, output);
        try
        {
            input.Type("/nhacviec");
            await output.WaitFor("Chọn kế hoạch");
            input.Type("4"); // Lào Cai, the fourth plan listed
            await output.WaitFor("Đã bật nhắc hạn cho Lào Cai");
            await output.WaitFor("⏰ Nhắc hạn: Báo cáo kết quả thực hiện phong trào thi đua Đợt 1", TimeSpan.FromSeconds(40));
            Assert.Contains("còn 7 ngày nữa", output.Text);
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);

        }
    }
}
