using System.Diagnostics;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>Wakes waiters whenever something changed, so a test waits for a condition without polling on a timer.</summary>
internal sealed class Signal
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse()
    {
        TaskCompletionSource old;
        lock (_lock)
        {
            old = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    /// <summary>Checks again after every <see cref="Pulse"/> until <paramref name="done"/> holds; fails with <paramref name="describe"/> after the timeout.</summary>
    public async Task WaitUntilAsync(Func<bool> done, Func<string> describe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWait;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task next;
            lock (_lock) next = _changed.Task;
            if (done()) return;
            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) throw new Xunit.Sdk.XunitException(describe());
            await next.WaitAsync(left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
