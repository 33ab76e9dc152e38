using System.Diagnostics.Metrics;
using LiteDB;
using ThiDua.Core.Nominations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Telemetry;

/// <summary>
/// The bot's own measurements (meter "ThiDua.Bot"), channel-neutral: the host decides where they go (Prometheus on
/// the web port, or nowhere). Counters are recorded where the work happens; what the database holds (outbox depth
/// and age, nominations by status) is read when a reader asks, at most once per <see cref="SnapshotFor"/>.
/// Tags never carry a chat, a person or a text: only a channel, a status, a reason.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "ThiDua.Bot";

    /// <summary>A scrape every few seconds must not read the database each time.</summary>
    public static readonly TimeSpan SnapshotFor = TimeSpan.FromSeconds(15);

    private readonly Meter _meter;
    private readonly BotDatabase _db;
    private readonly TimeProvider _time;
    private readonly Counter<long> _handled, _declined, _rateLimited, _retries, _deadLetters, _remindersDue, _remindersSent;
    private readonly Histogram<double> _latency;
    private readonly Lock _snapshotLock = new();
    private (DateTimeOffset At, Snapshot Values)? _snapshot;
    private string[] _channels = [];

    public BotMetrics(IMeterFactory meters, BotDatabase db, TimeProvider time)
    {
        (_db, _time) = (db, time);
        _meter = meters.Create(MeterName);
        _handled = _meter.CreateCounter<long>("thidua.messages.handled", "{message}", "Tin nhắn lõi hội thoại đã xử lý, theo kênh");
        _latency = _meter.CreateHistogram<double>("thidua.answer.duration", "s", "Thời gian từ lúc nhận tin tới khi có câu trả lời",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _declined = _meter.CreateCounter<long>("thidua.answers.declined", "{answer}", "Câu trả lời nói kế hoạch không có, chưa nạp, hoặc không hiểu câu hỏi");
        _rateLimited = _meter.CreateCounter<long>("thidua.outbox.rate_limited", "{response}", "Lần kênh trả 429 (giới hạn tần suất)");
        _retries = _meter.CreateCounter<long>("thidua.outbox.retries", "{send}", "Lần gửi không thành, sẽ gửi lại");
        _deadLetters = _meter.CreateCounter<long>("thidua.outbox.dead_letters", "{message}", "Tin không gửi được nữa (giữ trong /loi hoặc kênh từ chối)");
        _remindersDue = _meter.CreateCounter<long>("thidua.reminders.due", "{reminder}", "Nhắc hạn đến giờ (kể cả nhắc quá cũ bị bỏ qua)");
        _remindersSent = _meter.CreateCounter<long>("thidua.reminders.sent", "{reminder}", "Nhắc hạn kênh đã nhận");
        _meter.CreateObservableGauge("thidua.outbox.depth", () => Read().Depth, "{message}", "Tin đang chờ gửi, theo kênh");
        _meter.CreateObservableGauge("thidua.outbox.oldest_age", () => Read().OldestAge, "s", "Tuổi của tin đến hạn chờ lâu nhất, theo kênh");
        _meter.CreateObservableGauge("thidua.nominations", () => Read().Nominations, "{nomination}", "Đề nghị khen thưởng, theo trạng thái");
    }

    public void Handled(string channel, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        _handled.Add(1, tag);
        _latency.Record(took.TotalSeconds, tag);
    }

    /// <param name="reason">not_loaded (no such plan, place or year), not_in_plan (the plan is silent), not_understood.</param>
    public void Declined(string channel, string reason) =>
        _declined.Add(1, new("channel", channel), new("reason", reason));

    public void RateLimited(string channel) => _rateLimited.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <param name="reason">rate_limited, error (a fault before or while sending), no_answer (it may have arrived).</param>
    public void Retried(string channel, string reason) => _retries.Add(1, new("channel", channel), new("reason", reason));

    public void DeadLetter(string channel) => _deadLetters.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>The channels that send from the outbox: their depth and age read 0 when nothing waits, rather than no series at all.</summary>
    public void SendsThrough(IEnumerable<string> channels) => _channels = [.. channels.Distinct(StringComparer.Ordinal)];

    public void RemindersDue(int count)
    {
        if (count > 0) _remindersDue.Add(count);
    }

    public void ReminderSent(string channel) => _remindersSent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    private sealed record Snapshot(List<Measurement<long>> Depth, List<Measurement<double>> OldestAge, List<Measurement<long>> Nominations);

    private Snapshot Read()
    {
        lock (_snapshotLock)
        {
            var now = _time.GetUtcNow();
            if (_snapshot is { } s && now - s.At < SnapshotFor) return s.Values;
            var values = Take(now.UtcDateTime);
            _snapshot = (now, values);
            return values;
        }
    }

    private Snapshot Take(DateTime now)
    {
        // Pending messages only, by the dispatcher's own index: sent ones are never read here.
        var pending = _db.Outbox.Query()
            .Where("$.PendingAt BETWEEN @0 AND @1", new BsonValue(DateTime.MinValue), new BsonValue(DateTime.MaxValue))
            .ToEnumerable().Select(m => (m.Channel, Pending: m.PendingAt!.Value, m.DueAt)).ToList();
        var channels = _channels.Union(pending.Select(p => p.Channel), StringComparer.Ordinal).ToList();
        var depth = channels.Select(c => new Measurement<long>(pending.Count(p => p.Channel == c), new KeyValuePair<string, object?>("channel", c))).ToList();
        // Age since the message was due (not since its next retry): how late the oldest one already is.
        var age = channels.Select(c => new Measurement<double>(
            pending.Where(p => p.Channel == c && p.Pending <= now).Select(p => (now - p.DueAt).TotalSeconds).DefaultIfEmpty(0).Max(),
            new KeyValuePair<string, object?>("channel", c))).ToList();
        // Each status through the Status index (made by the schema's first migration), not a read of every nomination.
        var nominations = Enum.GetValues<NominationStatus>()
            .Select(status => new Measurement<long>(_db.Nominations.Count(Query.EQ(nameof(Nomination.Status), status.ToString())), new KeyValuePair<string, object?>("status", status.ToString())))
            .ToList();
        return new Snapshot(depth, age, nominations);
    }

    public void Dispose() => _meter.Dispose();
}
