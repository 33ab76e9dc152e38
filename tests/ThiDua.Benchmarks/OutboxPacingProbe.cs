using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Outbox;
using ThiDua.Core.Conversations;
using ThiDua.Core.Reminders;
using ThiDua.Core.Storage;

namespace ThiDua.Benchmarks;

/// <summary>
/// The outbox against a channel limit: 10,000 messages in virtual time (achieved rate, and the most sent in any
/// one-second window), then a small batch in real time to check the pacing holds on a real clock.
/// </summary>
internal static class OutboxPacingProbe
{
    private sealed class CountingSender(TimeProvider clock, ChannelLimits limits) : IOutboxSender
    {
        public List<DateTimeOffset> Times { get; } = [];
        public string Channel => "bench";
        public ChannelLimits Limits => limits;

        public Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
        {
            Times.Add(clock.GetUtcNow());
            return Task.FromResult(SendResult.Sent);
        }
    }

    public static async Task<int> RunAsync()
    {
        var limits = ThiDua.Bot.Channels.Telegram.TelegramSender.Documented;
        var fake = new FakeTimeProvider(new DateTimeOffset(2024, 6, 22, 1, 0, 0, TimeSpan.Zero));
        var (virtualTimes, _) = await Drain(fake, limits, 10_000, async () => { fake.Advance(TimeSpan.FromMilliseconds(50)); await Task.CompletedTask; });
        Report("virtual time", virtualTimes, limits);

        var real = TimeProvider.System;
        var sw = Stopwatch.StartNew();
        var (realTimes, _) = await Drain(real, limits, 90, () => Task.Delay(50));
        sw.Stop();
        Report($"real time ({sw.Elapsed.TotalSeconds:F1} s wall)", realTimes, limits);
        return 0;
    }

    private static async Task<(List<DateTimeOffset>, int)> Drain(TimeProvider time, ChannelLimits limits, int count, Func<Task> tick)
    {
        using var db = new BotDatabase(new MemoryStream());
        var sender = new CountingSender(time, limits);
        using var outbox = new OutboxDispatcher(db, [sender], time, NullLogger<OutboxDispatcher>.Instance);
        var now = time.GetUtcNow().UtcDateTime;
        db.Outbox.InsertBulk(Enumerable.Range(0, count).Select(i => new OutboxMessage { Key = $"k{i}", Channel = "bench", ChatId = $"c{i}", Text = "x", DueAt = now, CreatedAt = now }));
        var rounds = 0;
        while (sender.Times.Count < count && rounds++ < 1_000_000)
        {
            await outbox.DispatchDueAsync();
            await tick();
        }
        return (sender.Times, rounds);
    }

    private static void Report(string label, List<DateTimeOffset> times, ChannelLimits limits)
    {
        var seconds = (times[^1] - times[0]).TotalSeconds + 1;
        var rate = times.Count / seconds;
        var maxWindow = 0;
        for (int i = 0, j = 0; i < times.Count; i++)
        {
            while (times[i] - times[j] >= TimeSpan.FromSeconds(1)) j++;
            maxWindow = Math.Max(maxWindow, i - j + 1);
        }
        Console.WriteLine($"outbox, {label}: {times.Count:N0} messages in {seconds:F1} s = {rate:F1}/s ({100 * rate / limits.PerSecond:F1} % of {limits.PerSecond}/s); most in any 1 s window: {maxWindow} (over the limit: {Math.Max(0, maxWindow - limits.PerSecond)})");
    }
}
