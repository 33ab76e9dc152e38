using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>What to do with one update: hand a message to the core, answer it directly, or leave it.</summary>
public sealed record TelegramInput(string ChatId)
{
    public IncomingMessage? Message { get; init; }
    /// <summary>A reply given without the core (a refusal the channel alone can judge).</summary>
    public Reply? DirectReply { get; init; }
    /// <summary>A pressed button's query, always answered so the app stops its spinner.</summary>
    public string? CallbackQueryId { get; init; }
    /// <summary>The message whose button was pressed, for replies that replace it.</summary>
    public int? PressedMessageId { get; init; }
    /// <summary>The chat blocked (false) or unblocked (true) the bot.</summary>
    public bool? ChatActive { get; init; }
}

/// <summary>
/// Turns a Telegram update into the core's channel-neutral message. In groups the bot reacts only to commands
/// (its own, when suffixed @name), mentions of it and replies to it; what it cannot read is refused in private
/// chats and ignored in groups.
/// </summary>
public sealed class TelegramUpdateReader(TelegramConnection connection, TelegramButtons buttons)
{
    public const string Channel = "telegram";
    /// <summary>The Bot API lets bots download files up to 20 MB.</summary>
    public const long MaxDownloadBytes = 20 * 1024 * 1024;

    public static readonly string Unsupported =
        "Tôi chỉ đọc được tin nhắn chữ, tệp tài liệu (PDF, Word, Excel) và ảnh. Bạn gõ câu hỏi, hoặc /help để xem hướng dẫn.";

    public TelegramInput? Read(Update update)
    {
        if (update.CallbackQuery is { } query) return ReadButton(query);
        if (update.MyChatMember is { } member)
            return new TelegramInput(member.Chat.Id.ToString(CultureInfo.InvariantCulture)) { ChatActive = member.NewChatMember.Status is not (ChatMemberStatus.Kicked or ChatMemberStatus.Left) };
        return update.Message is { } message ? ReadMessage(message) : null;
    }

    private TelegramInput ReadButton(CallbackQuery query)
    {
        var chatId = (query.Message?.Chat.Id ?? query.From.Id).ToString(CultureInfo.InvariantCulture);
        return new TelegramInput(chatId)
        {
            CallbackQueryId = query.Id,
            PressedMessageId = query.Message?.Id,
            Message = query.Data is { Length: > 0 } data ? Incoming(chatId, query.From) with { ButtonData = buttons.Resolve(data) } : null,
        };
    }

    private TelegramInput? ReadMessage(Message message)
    {
        var chatId = message.Chat.Id.ToString(CultureInfo.InvariantCulture);
        var group = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
        if (message.Chat.Type == ChatType.Channel || message.From is not { IsBot: false } from) return null;
        var text = message.Text ?? message.Caption;
        if (group)
        {
            text = AddressedText(message, text);
            if (text is null) return null;
        }
        else if (text is not null && IsCommandForAnotherBot(text)) return null;
        if (text is not null) text = WithoutBotSuffix(text);

        var incoming = Incoming(chatId, from) with { Text = text };
        if (message.Document is { } document)
            return TooLarge(chatId, document.FileSize) ?? new TelegramInput(chatId)
            {
                Message = incoming with { File = new IncomingFile(document.FileName ?? "tep", document.MimeType, document.FileSize ?? 0, Download(document.FileId)) { Reference = document.FileId } },
            };
        if (message.Photo is { Length: > 0 } photo)
        {
            var largest = photo.MaxBy(p => (long)p.Width * p.Height)!;
            return TooLarge(chatId, largest.FileSize) ?? new TelegramInput(chatId)
            {
                Message = incoming with { File = new IncomingFile($"anh-{message.Id}.jpg", "image/jpeg", largest.FileSize ?? 0, Download(largest.FileId)) { Reference = largest.FileId } },
            };
        }
        if (message.Text is not null) return new TelegramInput(chatId) { Message = incoming };
        // Stickers, voice, video, locations…: a short note in private; silence in groups (and for service messages).
        var isContent = message.Type is not (MessageType.NewChatMembers or MessageType.LeftChatMember or MessageType.NewChatTitle
            or MessageType.NewChatPhoto or MessageType.PinnedMessage or MessageType.GroupChatCreated or MessageType.MigrateFromChatId or MessageType.MigrateToChatId);
        return group || !isContent ? null : new TelegramInput(chatId) { DirectReply = new Reply(Unsupported) };
    }

    private static TelegramInput? TooLarge(string chatId, long? size) => size > MaxDownloadBytes
        ? new TelegramInput(chatId) { DirectReply = new Reply("Tệp lớn hơn 20 MB: Telegram không cho bot tải về. Bạn nén hoặc tách tệp (hoặc chụp ảnh các trang chính) rồi gửi lại nhé.") }
        : null;

    /// <summary>In a group: the text if it is a command, mentions the bot or replies to it (mention removed); else null.</summary>
    private string? AddressedText(Message message, string? text)
    {
        if (message.ReplyToMessage?.From?.Id == connection.BotId && connection.BotId != 0) return text ?? "";
        if (text is null) return null;
        if (text.StartsWith('/')) return IsCommandForAnotherBot(text) ? null : text;
        var mention = "@" + connection.BotUsername;
        if (connection.BotUsername.Length > 0 && text.Contains(mention, StringComparison.OrdinalIgnoreCase))
            return text.Replace(mention, "", StringComparison.OrdinalIgnoreCase).Trim();
        return null;
    }

    /// <summary>"/hoso@OtherBot" is for another bot in the group.</summary>
    private bool IsCommandForAnotherBot(string text)
    {
        if (!text.StartsWith('/')) return false;
        var head = text.Split(' ', '\n')[0];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && !head[(at + 1)..].Equals(connection.BotUsername, StringComparison.OrdinalIgnoreCase);
    }

    private static string WithoutBotSuffix(string text)
    {
        if (!text.StartsWith('/')) return text;
        var end = text.IndexOfAny([' ', '\n']);
        var head = end < 0 ? text : text[..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? text : head[..at] + (end < 0 ? "" : text[end..]);
    }

    private IncomingMessage Incoming(string chatId, User from) => new()
    {
        Channel = Channel,
        ChatId = chatId,
        UserId = from.Id.ToString(CultureInfo.InvariantCulture),
        UserName = from.FirstName,
        // From a group, form entry is moved to the private chat this link opens.
        PrivateChatLink = connection.BotUsername.Length > 0 ? $"https://t.me/{connection.BotUsername}?start={NominationFlow.DeepLinkPayload}" : null,
    };

    /// <summary>Downloads at most <see cref="MaxDownloadBytes"/>, whatever size the update or getFile declared (a file_id lasts: again after a restart too).</summary>
    public Func<CancellationToken, Task<Stream>> Download(string fileId) => async cancellationToken =>
    {
        var file = await global::Telegram.Bot.TelegramBotClientExtensions.GetFile(connection.Client, fileId, cancellationToken);
        if (file.FilePath is null) throw new IOException("Telegram không trả đường dẫn tệp");
        if (file.FileSize > MaxDownloadBytes) throw new FileTooLargeException(MaxDownloadBytes);
        var buffer = new CappedBuffer(MaxDownloadBytes);
        try
        {
            await connection.Client.DownloadFile(file.FilePath, buffer, cancellationToken);
        }
        catch (Exception) when (buffer.Exceeded)
        {
            // The library may wrap the destination's refusal; what matters is that the file was too large.
            await buffer.DisposeAsync();
            throw new FileTooLargeException(MaxDownloadBytes);
        }
        buffer.Position = 0;
        return buffer;
    };
}
