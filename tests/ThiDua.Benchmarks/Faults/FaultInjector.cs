using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Benchmarks.Faults;

internal enum FaultKind { ServerError, FloodLimit, Hang, DropBefore, DropAfter, HangTwice }

/// <summary>
/// Faults on the fake Bot API server, one at a time per method (the next is set once a call took the last), about
/// one a second while the bot runs: 500, 429 with retry_after 1, a hang past the bot's timeout, a connection dropped
/// before or after the message was handled, and now and then two hangs for one chat's next sends (the same message
/// twice without an answer: failed, kept in /loi). Polling also gets them on getUpdates. Seeded; counts what was taken.
/// </summary>
internal sealed class FaultInjector(FakeTelegramServer server, Random random, bool polling)
{
    /// <summary>Longer than the bot waits (PollTimeoutSeconds 1 + RequestTimeoutSeconds 1).</summary>
    private static readonly TimeSpan HangFor = TimeSpan.FromSeconds(4);
    private readonly Dictionary<string, FaultKind> _last = new(StringComparer.Ordinal);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public Dictionary<FaultKind, int> Taken { get; } = Enum.GetValues<FaultKind>().ToDictionary(k => k, _ => 0);

    /// <param name="waiting">Chats whose officer waits for an answer: a double hang is set on one of them.</param>
    public void Tick(DateTimeOffset now, IReadOnlyList<long> waiting)
    {
        if (now < _next) return;
        _next = now + TimeSpan.FromMilliseconds(200 + random.Next(1600));
        var method = polling && random.Next(4) == 0 ? "getUpdates" : "sendMessage";
        if (server.FaultsWaiting(method) > 0) return;
        var roll = random.Next(100);
        var kind = roll switch
        {
            < 30 => FaultKind.ServerError,
            < 50 => FaultKind.FloodLimit,
            < 62 => FaultKind.Hang,
            < 76 => FaultKind.DropBefore,
            < 92 => FaultKind.DropAfter,
            _ => FaultKind.HangTwice,
        };
        if (kind == FaultKind.HangTwice && (method != "sendMessage" || waiting.Count == 0)) kind = FaultKind.Hang;
        switch (kind)
        {
            case FaultKind.ServerError: server.FailNext(method, 500, "Internal Server Error"); break;
            case FaultKind.FloodLimit: server.FailNext(method, 429, "Too Many Requests: retry after 1", retryAfterSeconds: 1); break;
            case FaultKind.Hang: server.DelayNext(method, HangFor); break;
            case FaultKind.DropBefore: server.DropConnectionNext(method); break;
            case FaultKind.DropAfter: server.DropConnectionNext(method, afterHandling: true); break;
            case FaultKind.HangTwice:
                var chat = waiting[random.Next(waiting.Count)];
                server.DelayNext(method, HangFor, chat);
                server.DelayNext(method, HangFor, chat);
                break;
        }
        Taken[kind]++;
        _last[method] = kind;
    }

    /// <summary>No more faults; those no call took are not counted.</summary>
    public void Stop()
    {
        foreach (var (method, kind) in _last)
        {
            var left = server.FaultsWaiting(method);
            if (left == 0) continue;
            Taken[kind]--;
            if (kind == FaultKind.HangTwice && left == 1) Taken[FaultKind.Hang]++;     // one of the pair was taken
        }
        server.ClearFaults();
    }
}
