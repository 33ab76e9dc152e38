using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Reminders;
using ThiDua.Core.Telemetry;

namespace ThiDua.Core.Tests;

/// <summary>
/// What the ThiDua.Bot meter says when things happen, read by a MeterListener on this test's own meter only (other
/// tests running alongside make meters of the same name): the numbers an operator's dashboard and alarms stand on.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private readonly TestMeters _meters = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> _recorded = new();

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _meters) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new Dictionary<string, string?>();
        foreach (var tag in tags) named[tag.Key] = tag.Value?.ToString();
        _recorded.Enqueue((instrument.Name, value, named));
    }

    private double Sum(string name, params (string Key, string Value)[] tags) =>
        _recorded.Where(r => r.Name == name && tags.All(t => r.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(r => r.Value);

    /// <summary>The gauges' current values (what a scrape reads now).</summary>
    private Dictionary<string, double> Observe(string name, string tag)
    {
        _recorded.Clear();
        _listener.RecordObservableInstruments();
        return _recorded.Where(r => r.Name == name).ToDictionary(r => r.Tags[tag] ?? "", r => r.Value);
    }

    [Fact]
    public void Every_message_is_counted_and_timed_and_a_decline_is_counted_with_its_reason()
    {
        using var bot = new TestBot(meters: _meters);
        var answered = bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì?");
        Assert.Null(answered.Declined);
        var declined = bot.Ask("kế hoạch thi đua của tỉnh Bình Định");
        Assert.Equal("not_loaded", declined.Declined);

        Assert.Equal(2, Sum("thidua.messages.handled", ("channel", "test")));
        Assert.Equal(2, _recorded.Count(r => r.Name == "thidua.answer.duration" && r.Tags["channel"] == "test"));
        Assert.Equal(1, Sum("thidua.answers.declined", ("channel", "test"), ("reason", "not_loaded")));
        Assert.Equal(1, Sum("thidua.answers.declined"));
    }

    [Fact]
    public void Nominations_are_counted_by_status_from_the_database()
    {
        using var bot = new TestBot(meters: _meters);
        Assert.Equal(0, Observe("thidua.nominations", "status")["Draft"]);
        var first = bot.Ask("Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ huấn luyện");
        bot.Press(first, "Nam");
        bot.Ask("1985");
        var summary = bot.Ask("UBND xã X");
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", bot.Press(summary, "Xác nhận").Text);

        // A scrape within the snapshot period reads no database: the count comes after it.
        bot.Time.Advance(BotMetrics.SnapshotFor);
        var byStatus = Observe("thidua.nominations", "status");
        Assert.Equal(1, byStatus["Draft"]);
        Assert.Equal(0, byStatus["Submitted"]);
        Assert.Equal(Enum.GetValues<Nominations.NominationStatus>().Length, byStatus.Count);
    }

    [Fact]
    public async Task The_outbox_counts_flood_limits_retries_and_dead_letters_and_shows_its_depth_and_age()
    {
        using var bot = new TestBot(meters: _meters);
        var answers = new Queue<SendResult>([SendResult.WaitFor(TimeSpan.FromSeconds(3)), SendResult.Rejected("Bad Request: chat not found")]);
        var outbox = new OutboxDispatcher(bot.Database, [new AnsweringSender(answers)], bot.Time, NullLogger<OutboxDispatcher>.Instance, metrics: bot.Metrics);
        var now = bot.Time.GetUtcNow();
        bot.Database.Outbox.Insert(OutboxWriter.FromReply("m1", "test", "c1", new Reply("một"), now, now));

        await outbox.DispatchDueAsync();
        Assert.Equal(1, Sum("thidua.outbox.rate_limited", ("channel", "test")));
        Assert.Equal(1, Sum("thidua.outbox.retries", ("channel", "test"), ("reason", "rate_limited")));
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Observe("thidua.outbox.depth", "channel")["test"]);
        Assert.Equal(60, Observe("thidua.outbox.oldest_age", "channel")["test"]);

        await outbox.DispatchDueAsync();
        Assert.Equal(1, Sum("thidua.outbox.dead_letters", ("channel", "test")));
        bot.Time.Advance(BotMetrics.SnapshotFor);
        Assert.False(Observe("thidua.outbox.depth", "channel").ContainsKey("test"));

        // A channel the outbox sends through reads 0 when nothing waits: a dashboard sees "empty", not "no data".
        bot.Metrics!.SendsThrough(["test"]);
        bot.Time.Advance(BotMetrics.SnapshotFor);
        Assert.Equal(0, Observe("thidua.outbox.depth", "channel")["test"]);
        Assert.Equal(0, Observe("thidua.outbox.oldest_age", "channel")["test"]);
    }

    [Fact]
    public async Task Reminders_due_and_reminders_sent_are_both_counted()
    {
        var vietnam = TimeSpan.FromHours(7);
        using var bot = new TestBot(new DateTimeOffset(2024, 6, 20, 9, 0, 0, vietnam), meters: _meters);
        var reminders = new ReminderService(bot.Database, new Knowledge.KnowledgeProvider(bot.Knowledge), new ReminderOptions(), NullLogger<ReminderService>.Instance, bot.Metrics);
        var outbox = new OutboxDispatcher(bot.Database, [new AnsweringSender(new Queue<SendResult>())], bot.Time, NullLogger<OutboxDispatcher>.Instance, metrics: bot.Metrics);
        reminders.Run(bot.Time.GetUtcNow(), afterDowntime: true);
        Assert.Contains("Đã bật nhắc hạn", bot.Press("r|on|lao-cai-217").Text);

        var at = new DateTimeOffset(2024, 6, 22, 8, 0, 0, vietnam);
        bot.Time.SetUtcNow(at);
        reminders.Run(at, afterDowntime: false);
        Assert.Equal(1, Sum("thidua.reminders.due"));
        Assert.Equal(0, Sum("thidua.reminders.sent"));
        await outbox.DispatchDueAsync();
        Assert.Equal(1, Sum("thidua.reminders.sent", ("channel", "test")));
    }

    /// <summary>Answers each send with the next result given, then "sent".</summary>
    private sealed class AnsweringSender(Queue<SendResult> answers) : IOutboxSender
    {
        public string Channel => "test";
        public ChannelLimits Limits => ChannelLimits.Unlimited;

        public Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(answers.TryDequeue(out var next) ? next : SendResult.Sent);
    }

    /// <summary>An IMeterFactory of the test's own: its meters' scope is how the listener tells them from other tests'.</summary>
    private sealed class TestMeters : IMeterFactory
    {
        private readonly List<Meter> _made = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            lock (_made) _made.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            lock (_made) foreach (var meter in _made) meter.Dispose();
        }
    }
}
