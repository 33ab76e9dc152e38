using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ThiDua.Bot.Hosting;

/// <summary>A platform channel this host was started with (telegram, zalo): /readyz expects to hear from it.</summary>
public sealed record EnabledChannel(string Name);

/// <summary>
/// What each platform channel's receiver last said about its connection. A receiver that keeps retrying is still
/// "ready" (degraded): the bot answers as soon as the platform does, and replies wait in the outbox meanwhile.
/// </summary>
public sealed class ChannelStatus(IEnumerable<EnabledChannel> enabled, TimeProvider time)
{
    public enum State { Connecting, Connected, Retrying, Refused }

    public sealed record Entry(State State, DateTimeOffset Since, string? Error);

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, Entry> _entries = enabled.ToDictionary(c => c.Name, _ => new Entry(State.Connecting, time.GetUtcNow(), null), StringComparer.Ordinal);

    public void Connected(string channel) => Set(channel, State.Connected, null);

    /// <param name="error">The error's type or the platform's code, never a message that could quote an address.</param>
    public void Retrying(string channel, string error) => Set(channel, State.Retrying, error);

    public void Refused(string channel, string error) => Set(channel, State.Refused, error);

    /// <summary>Completes when no channel is still connecting (each has connected, or failed once and retries).</summary>
    public Task SettledAsync(CancellationToken cancellationToken)
    {
        lock (_lock) if (_entries.Values.All(e => e.State != State.Connecting)) _settled.TrySetResult();
        return _settled.Task.WaitAsync(cancellationToken);
    }

    public IReadOnlyDictionary<string, Entry> Now()
    {
        lock (_lock) return new Dictionary<string, Entry>(_entries, StringComparer.Ordinal);
    }

    private void Set(string channel, State state, string? error)
    {
        lock (_lock)
        {
            // "Since" is when this state began, so a poll that succeeds every second does not reset it.
            if (_entries.TryGetValue(channel, out var old) && old.State == state && old.Error == error) return;
            _entries[channel] = new Entry(state, time.GetUtcNow(), error);
            if (_entries.Values.All(e => e.State != State.Connecting)) _settled.TrySetResult();
        }
    }
}

/// <summary>Ready when every enabled channel is connected (healthy) or retrying (degraded); connecting or a refused token is not ready.</summary>
internal sealed class ChannelHealth(ChannelStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var entries = status.Now();
        if (entries.Count == 0) return Task.FromResult(HealthCheckResult.Healthy("không bật kênh Telegram/Zalo"));
        var words = string.Join(", ", entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {Word(e.Value)}"));
        var states = entries.Values.Select(e => e.State).ToList();
        var result = states.Any(s => s is ChannelStatus.State.Connecting or ChannelStatus.State.Refused) ? HealthCheckResult.Unhealthy(words)
            : states.Contains(ChannelStatus.State.Retrying) ? HealthCheckResult.Degraded(words)
            : HealthCheckResult.Healthy(words);
        return Task.FromResult(result);
    }

    private static string Word(ChannelStatus.Entry e) => e.State switch
    {
        ChannelStatus.State.Connected => "đã kết nối",
        ChannelStatus.State.Retrying => $"đang thử lại ({e.Error}) từ {e.Since:HH:mm:ss} UTC",
        ChannelStatus.State.Refused => $"bị từ chối ({e.Error})",
        _ => "đang kết nối",
    };
}
