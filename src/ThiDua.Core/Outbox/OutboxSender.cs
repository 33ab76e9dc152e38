using ThiDua.Core.Conversations;

namespace ThiDua.Core.Outbox;

public enum SendOutcome
{
    Sent,
    /// <summary>A passing fault (network, 5xx, flood limit): send again later.</summary>
    RetryLater,
    /// <summary>The person blocked the bot or left: stop sending to that chat.</summary>
    Blocked,
    /// <summary>The channel refused this message for good (malformed, chat gone): retrying cannot help.</summary>
    Rejected,
    /// <summary>The request went out and no answer came (a hang, a dropped connection): it may have arrived or not.</summary>
    Unknown,
}

/// <summary>What a channel answered to one send; a flood limit says how long the whole channel must wait.</summary>
public readonly record struct SendResult(SendOutcome Outcome, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Sent => new(SendOutcome.Sent);
    public static SendResult RetryLater => new(SendOutcome.RetryLater);
    public static SendResult Blocked => new(SendOutcome.Blocked);
    public static SendResult WaitFor(TimeSpan retryAfter) => new(SendOutcome.RetryLater, retryAfter);
    public static SendResult Rejected(string error) => new(SendOutcome.Rejected, Error: error);
    public static SendResult MayHaveArrived(string error) => new(SendOutcome.Unknown, Error: error);
}

/// <summary>
/// How fast and how much a channel may be sent: overall per second, the least time between two messages to one
/// chat, messages per minute to one group chat, and the longest text one message may carry. Each channel adapter
/// declares its own (<see cref="IOutboxSender.Limits"/>); the outbox paces by what it declares.
/// </summary>
public sealed record ChannelLimits(int PerSecond, TimeSpan PerChat, int PerGroupPerMinute = int.MaxValue, int MaxTextLength = int.MaxValue)
{
    public static ChannelLimits Unlimited { get; } = new(int.MaxValue, TimeSpan.Zero);

    public bool Paces => PerSecond != int.MaxValue || PerChat > TimeSpan.Zero || PerGroupPerMinute != int.MaxValue;
}

/// <summary>A channel's way out (Telegram, Zalo, console, script): each plugs in here; the core knows none of their APIs.</summary>
public interface IOutboxSender
{
    string Channel { get; }
    ChannelLimits Limits => ChannelLimits.Unlimited;
    /// <summary>Group chats have their own, lower per-minute limit.</summary>
    bool IsGroup(string chatId) => false;
    Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken);
    /// <summary>
    /// Each outcome is saved as soon as it is known, so a crash repeats at most the one message in flight. Local
    /// channels (console, script) save in groups instead: a LiteDB commit costs about a millisecond.
    /// </summary>
    bool SavesEachOutcome => true;
}
