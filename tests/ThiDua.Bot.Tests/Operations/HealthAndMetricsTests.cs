using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>What an office's monitor sees on the web port: /healthz, /readyz with each check named, /metrics when switched on.</summary>
public sealed partial class HealthAndMetricsTests
{
    [GeneratedRegex(@"^thidua_messages_handled_total\{[^}]*channel=""console""[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex ConsoleMessagesHandled();

    [Fact]
    public async Task A_ready_bot_answers_healthz_and_readyz_names_every_check_and_metrics_is_off_by_default()
    {
        await using var bot = await WebHost.StartAsync();
        Assert.Equal(200, (await bot.GetAsync("/healthz")).Status);
        var (status, body) = await bot.GetAsync("/readyz");
        Assert.Equal(200, status);
        Assert.StartsWith("Healthy\n", body, StringComparison.Ordinal);
        Assert.Contains("database: Healthy — cơ sở dữ liệu mở và ghi được", body);
        Assert.Contains("knowledge: Healthy — đã nạp 5 kế hoạch", body);
        Assert.Contains("channels: Healthy", body);
        Assert.Contains("reminders: Healthy", body);
        // The console printed the same summary when it started.
        Assert.Contains("Trạng thái / readiness: Healthy\ndatabase: Healthy", bot.Output.Text.ReplaceLineEndings("\n"));

        Assert.Equal(404, (await bot.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_reminder_job_when_it_missed_its_daily_slot()
    {
        // 07:00 on 22/6/2024 with reminders at 08:00 each day: the job (real Quartz) never fires by itself in the test.
        await using var bot = await WebHost.StartAsync("--now", "2024-06-22T07:00:00+07:00", "--Reminders:Cron=0 0 8 * * ?");
        Assert.Equal(200, (await bot.GetAsync("/readyz")).Status);

        // The clock is two days on and the job has not run since start: the 08:00 of 22/6 was missed.
        ((ShiftedTimeProvider)bot.Host.Services.GetRequiredService<TimeProvider>()).JumpTo(DateTimeOffset.Parse("2024-06-24T09:00:00+07:00", CultureInfo.InvariantCulture));
        var (status, body) = await bot.GetAsync("/readyz");
        Assert.Equal(503, status);
        Assert.StartsWith("Unhealthy\n", body, StringComparison.Ordinal);
        Assert.Contains("reminders: Unhealthy — nhắc hạn không chạy đúng lịch '0 0 8 * * ?'", body);
        Assert.Contains("lẽ ra chạy lúc 2024-06-22 01:00:00 UTC", body);
        Assert.Contains("database: Healthy", body);
        // Liveness is not readiness: the process still answers.
        Assert.Equal(200, (await bot.GetAsync("/healthz")).Status);
    }

    [Fact]
    public async Task With_Metrics_Prometheus_on_a_handled_console_message_shows_in_metrics()
    {
        await using var bot = await WebHost.StartAsync("--Metrics:Prometheus=true");
        bot.Input.Type("han nop ho so lao cai");
        await bot.Output.WaitFor("Các mốc thời hạn — Lào Cai");

        var (status, body) = await bot.GetAsync("/metrics");
        Assert.Equal(200, status);
        var handled = ConsoleMessagesHandled().Match(body);
        Assert.True(handled.Success, body);
        // The start-up /start and the question at least (other tests' hosts in this process may add to the same meter name).
        Assert.True(long.Parse(handled.Groups[1].Value, CultureInfo.InvariantCulture) >= 2, handled.Value);
        Assert.Contains("# TYPE thidua_answer_duration_seconds histogram", body);
        Assert.Contains("thidua_nominations{", body);
        // The console sends through the outbox: its queue is shown even when empty.
        Assert.Matches(@"thidua_outbox_depth\{[^}]*channel=""console""[^}]*\} \d+", body);
        Assert.Contains("service_name=\"thidua-bot\"", body);
    }

    [Fact]
    public async Task A_Telegram_channel_failing_at_first_is_logged_as_retrying_and_named_connected_in_readyz_once_it_connects()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        server.FailNext("getMe", 502, "Bad Gateway", times: 1);
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-ready-").FullName, "bot.db");
        await using var host = await ChannelHost.StartAsync(server, db, "2024-05-02T09:00:00+07:00", "--Urls=http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(host.WebAddress + "/") };

        // Retrying is said in the body, with the error's type only (no address: it would carry the token).
        await host.Logs.WaitForAsync(l => l.Contains("Chưa kết nối Telegram được", StringComparison.Ordinal));
        await host.Logs.WaitForAsync(l => l.Contains("nhận cập nhật bằng long polling", StringComparison.Ordinal));
        // Once the channel has had its first answer (here an error, retried a second later), the summary is logged
        // for whoever reads the service's log: ready, degraded, the channel retrying.
        await host.Logs.WaitForAsync(l => l.Contains("Sẵn sàng / ready: Degraded", StringComparison.Ordinal) && l.Contains("telegram đang thử lại (ApiRequestException 502)", StringComparison.Ordinal));
        var ready = await http.GetStringAsync("readyz");
        Assert.Contains("channels: Healthy — telegram đã kết nối", ready);
        Assert.DoesNotContain(server.Token, ready);
    }

    [Fact]
    public void A_channel_is_not_ready_while_connecting_degraded_while_retrying_and_healthy_when_connected()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2024-05-02T02:00:00Z", CultureInfo.InvariantCulture));
        var status = new ChannelStatus([new EnabledChannel("telegram"), new EnabledChannel("zalo")], time);
        var health = new ChannelHealth(status);
        string Check(out Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus state)
        {
            var result = health.CheckHealthAsync(new()).GetAwaiter().GetResult();
            state = result.Status;
            return result.Description ?? "";
        }

        Assert.Equal("telegram đang kết nối, zalo đang kết nối", Check(out var state));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, state);
        status.Connected("telegram");
        time.Advance(TimeSpan.FromSeconds(5));
        status.Retrying("zalo", "HttpRequestException");
        Assert.Equal("telegram đã kết nối, zalo đang thử lại (HttpRequestException) từ 02:00:05 UTC", Check(out state));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, state);
        status.Connected("zalo");
        Check(out state);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state);
        status.Refused("zalo", "401");
        Assert.Contains("zalo bị từ chối (401)", Check(out state));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, state);
    }
}
