namespace ThiDua.Core.Conversations;

// The channel-neutral contract between every channel adapter and the conversation core.

/// <summary>One thing a person did in a chat: typed text, pressed a button, or sent a file.</summary>
public sealed record IncomingMessage
{
    /// <summary>"telegram", "zalo", "console", "script".</summary>
    public required string Channel { get; init; }
    public required string ChatId { get; init; }
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public string? Text { get; init; }
    /// <summary>Opaque data of a pressed button (at most 64 bytes).</summary>
    public string? ButtonData { get; init; }
    public IncomingFile? File { get; init; }
    /// <summary>Where the person can talk to the bot privately (a Telegram deep link), when the channel has one.</summary>
    public string? PrivateChatLink { get; init; }
    /// <summary>
    /// The channel's id of what was received (Telegram's update id, Zalo's message id), the same when the platform
    /// delivers it again: work done later for it (a plan file read in the background) is keyed by it, so done once.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>Key of the conversation this message belongs to.</summary>
    public string ConversationKey => $"{Channel}:{ChatId}";

    /// <summary>A group chat: a private chat's id is its user's, so any other chat is shared with other people.</summary>
    public bool InSharedChat => ChatId != UserId;

    /// <summary>
    /// Key of this person's state in this chat (context, forms, typed input awaited): the chat's key in a private
    /// chat (as older files have it), the chat and the person in a group, so members never share a form.
    /// </summary>
    public string PersonKey => InSharedChat ? $"{ConversationKey}|{UserId}" : ConversationKey;
}

/// <summary>A file sent in chat. <see cref="OpenRead"/> may throw <see cref="FileTooLargeException"/> when the channel stops a download past its limit.</summary>
public sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<CancellationToken, Task<Stream>> OpenRead)
{
    /// <summary>The channel's own handle on the file (Telegram's file_id, Zalo's photo address), to fetch it again after a restart.</summary>
    public string? Reference { get; init; }
}

/// <summary>A channel stopped downloading a file because it grew past the size limit (whatever size was declared).</summary>
public sealed class FileTooLargeException(long limit) : IOException($"tệp lớn hơn {limit} byte")
{
    public long Limit { get; } = limit;
}

public sealed record Button(string Text, string Data);

/// <summary>One message the bot sends: plain text, optional rows of buttons, optional file.</summary>
public sealed record Reply(string Text)
{
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];
    public OutgoingFile? File { get; init; }
    /// <summary>
    /// The reply supersedes the message whose button was pressed (a toggle, a menu step): channels that can edit
    /// a sent message show it in place; others send it as a new message.
    /// </summary>
    public bool ReplacesPressedMessage { get; init; }
    /// <summary>Why the bot said it cannot answer (not_loaded, not_in_plan, not_understood), for the declines metric; null for an answer.</summary>
    public string? Declined { get; init; }
}

public sealed record OutgoingFile(string Path, string FileName, string ContentType);

/// <summary>A message to another chat, caused by this one (notices to reviewers, officers…).</summary>
public sealed record PushedMessage(string Channel, string ChatId, Reply Reply)
{
    /// <summary>The channel's id of a message this one should replace in place, if it can.</summary>
    public string? ReplacesMessageId { get; init; }
}

public sealed record ConversationResult(IReadOnlyList<Reply> Replies)
{
    public IReadOnlyList<PushedMessage> Pushed { get; init; } = [];
}

public interface IConversationCore
{
    Task<ConversationResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a chat or user id may be: short, printable. Ids become database keys (LiteDB refuses keys over 1,023 bytes),
/// so every channel checks them when a message arrives, before any record is keyed by them.
/// </summary>
public static class ChatIds
{
    public const int MaxLength = 200;

    /// <returns>Why the id cannot be used, or null when it can.</returns>
    public static string? Problem(string? id) =>
        string.IsNullOrEmpty(id) ? "rỗng"
        : id.Length > MaxLength ? $"dài quá ({id.Length:N0} ký tự, tối đa {MaxLength})"
        : id.Any(char.IsControl) ? "có ký tự điều khiển"
        : null;
}
