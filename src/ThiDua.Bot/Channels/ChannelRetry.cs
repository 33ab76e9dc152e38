using Polly;
using Polly.Retry;

namespace ThiDua.Bot.Channels;

/// <summary>
/// The one way a channel retries a call to its platform: Polly, one pipeline per kind of call (start-up and polling
/// here; Zalo's reads and sends in <see cref="Zalo.ZaloApi"/>). A reply waiting in the outbox is retried by the
/// outbox itself, from the database, so that retry survives a restart.
/// </summary>
internal static class ChannelRetry
{
    /// <summary>
    /// Start-up and polling calls: tried until they succeed, the waits doubling from 1 s up to a minute, or what the
    /// platform asks for (a 429's retry_after). What <paramref name="isFatal"/> says (a refused token) is never retried.
    /// </summary>
    public static ResiliencePipeline UntilDone(Func<Exception, bool> isFatal, Func<Exception, TimeSpan?> platformWait, Action<Exception, TimeSpan> onRetry, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromMinutes(1),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && !isFatal(e)
                && (e is not OperationCanceledException || !args.Context.CancellationToken.IsCancellationRequested)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? platformWait(e) : null),
            OnRetry = args =>
            {
                onRetry(args.Outcome.Exception!, args.RetryDelay);
                return default;
            },
        }).Build();
}
