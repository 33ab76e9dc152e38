using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Channels.Telegram;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Benchmarks;

/// <summary>
/// Updates through the Telegram adapter: the real host polls a fake Bot API server on loopback, the core answers,
/// replies go to the outbox and out to the fake, pacing off. Timed from the first update queued.
/// </summary>
internal static class TelegramThroughput
{
    public static async Task<int> RunAsync(int count)
    {
        foreach (var chats in new[] { 1, 100 })
        {
            var code = await RunOnceAsync(count, chats);
            if (code != 0) return code;
        }
        return 0;
    }

    private static async Task<int> RunOnceAsync(int count, int chats)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var db = Path.Combine(Path.GetTempPath(), $"thidua-bench-{Guid.NewGuid():N}.db");
        string[] args =
        [
            "run", $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", $"--Storage:DatabasePath={db}",
            "--Telegram:Pacing=false", "--Telegram:PollTimeoutSeconds=1", "--now", "2024-04-20T09:00:00+07:00",
        ];
        using var host = BotProgram.Build(ThiDua.Bot.Hosting.CommandLine.Parse(args), configure: b => b.Logging.SetMinimumLevel(LogLevel.Error));
        await host.StartAsync();
        await server.WaitForCallAsync("setMyCommands", timeout: TimeSpan.FromSeconds(30));
        var inbox = host.Services.GetRequiredService<TelegramInbox>();

        var sw = Stopwatch.StartNew();
        long last = 0;
        for (var i = 0; i < count; i++) last = server.EnqueueText(10_000 + i % chats, 10_000 + i % chats, Questions.Mixed[i % Questions.Mixed.Length]);
        var handled = TimeSpan.Zero;
        while (sw.Elapsed < TimeSpan.FromMinutes(5))
        {
            // The polling offset moves past an update in the transaction that puts its reply in the outbox.
            if (handled == TimeSpan.Zero && inbox.Offset > last) handled = sw.Elapsed;
            if (handled != TimeSpan.Zero && server.Messages.Count >= count) break;
            await Task.Delay(5);
        }
        var delivered = sw.Elapsed;
        await host.StopAsync();
        File.Delete(db);
        File.Delete(db + ".lock");
        File.Delete(Path.ChangeExtension(db, null) + "-log.db");
        Console.WriteLine($"telegram adapter, {chats} chat(s): {count:N0} updates handled (replies in the outbox) in {handled.TotalSeconds:F2} s = {count / handled.TotalSeconds:N0} updates/s; " +
            $"{server.Messages.Count:N0} replies delivered to the fake server in {delivered.TotalSeconds:F2} s = {server.Messages.Count / delivered.TotalSeconds:N0}/s");
        return server.Messages.Count >= count ? 0 : 1;
    }
}
