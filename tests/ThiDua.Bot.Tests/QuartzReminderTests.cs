using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests;

/// <summary>The real host with the real Quartz scheduler: a followed deadline's reminder reaches the console when the job runs.</summary>
public class QuartzReminderTests
{
    [Fact]
    public async Task The_7_day_reminder_is_pushed_to_the_console_by_the_Quartz_job()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-quartz-").FullName, "bot.db");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        // Ten seconds before 08:00 on 22/6/2024, a week before the đợt 1 report. The cron never fires by itself in a
        // test run: the job is triggered through the scheduler, so it is the job (not start-up catch-up) that sends.
        using var host = BotProgram.Build(CommandLine.Parse(["--now", "2024-06-22T07:59:50+07:00", $"--Storage:DatabasePath={db}", "--Reminders:Cron=0 0 0 1 1 ? 2099"]), input, output);
        var exit = host.Services.GetRequiredService<ExitStatus>();
        var run = host.RunAsync();
        try
        {
            input.Type("/nhacviec");
            await output.WaitFor("Chọn kế hoạch");
            input.Type("4"); // Lào Cai, the fourth plan listed
            await output.WaitFor("Đã bật nhắc hạn cho Lào Cai");
            Assert.DoesNotContain("⏰ Nhắc hạn", output.Text);

            // The bot's clock passes 08:00 at once (the console's clock flows on from --now), and the job runs.
            ((ShiftedTimeProvider)host.Services.GetRequiredService<TimeProvider>()).JumpTo(DateTimeOffset.Parse("2024-06-22T08:00:01+07:00", System.Globalization.CultureInfo.InvariantCulture));
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(new JobKey("reminders"));
            await output.WaitFor("⏰ Nhắc hạn: Báo cáo kết quả thực hiện phong trào thi đua Đợt 1");
            Assert.Contains("còn 7 ngày nữa", output.Text);
        }
        finally
        {
            input.Type("/thoat");
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, exit.Code);
            Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
        }
    }
}
