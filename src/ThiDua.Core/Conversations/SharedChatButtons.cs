namespace ThiDua.Core.Conversations;

/// <summary>
/// In a group, the buttons of a reply belong to the person it answered: their data carries "~&lt;user id&gt;", and a
/// press by anyone else is refused. Question buttons ("q|…", "cmd|…") stay open to everyone in the group.
/// Private chats are untouched, so their button data stays exactly as before.
/// </summary>
public static class SharedChatButtons
{
    private const char OwnerMark = '~';

    public static IReadOnlyList<Reply> Tag(IReadOnlyList<Reply> replies, IncomingMessage message) =>
        message.InSharedChat ? [.. replies.Select(r => Tag(r, message.UserId))] : replies;

    private static Reply Tag(Reply reply, string userId) => reply.Buttons.Count == 0
        ? reply
        : reply with { Buttons = [.. reply.Buttons.Select(row => (IReadOnlyList<Button>)[.. row.Select(b => IsOpen(b.Data) ? b : b with { Data = $"{b.Data}{OwnerMark}{userId}" })])] };

    /// <summary>
    /// The button's own data, and whether someone other than the presser owns it. Untagged data (older
    /// buttons) acts on the presser's own things, like any button in a private chat.
    /// </summary>
    public static (string Data, bool OwnedByOther) Untag(string data, IncomingMessage message)
    {
        if (!message.InSharedChat || IsOpen(data)) return (data, false);
        var mark = data.LastIndexOf(OwnerMark);
        if (mark <= 0) return (data, false);
        return (data[..mark], data[(mark + 1)..] != message.UserId);
    }

    private static bool IsOpen(string data) =>
        data.StartsWith(Questions.QuestionPress.Prefix + "|", StringComparison.Ordinal) || data.StartsWith(CommandPress.Prefix + "|", StringComparison.Ordinal);
}
