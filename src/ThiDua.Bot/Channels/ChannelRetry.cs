namespace ThiDua.Bot.Channels;

/// <summary>How channels retry start-up calls: doubling waits up to a minute; what <c>isFatal</c> says (a refused token) is never retried.</summary>
internal static class ChannelRetry
{
    public static TimeSpan Doubling(int failures) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1)));

    public static async Task UntilDoneAsync(Func<CancellationToken, Task> call, Func<Exception, bool> isFatal, Func<Exception, int, TimeSpan> backoff, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await call(cancellationToken);
                return;
            }
            catch (Exception ex) when (!isFatal(ex) && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                await Task.Delay(backoff(ex, failures), time, cancellationToken);
            }
        }
    }
}
