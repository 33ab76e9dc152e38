using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using ThiDua.Core.Conversations;
using ThiDua.Core.Outbox;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// Telegram's way out of the outbox: text in HTML parse mode (escaped), buttons as inline keyboards, files as
/// documents, edits in place where the core asks. Telegram's answers become outbox outcomes: 429 waits the time
/// it names, 403 marks the chat inactive, other 4xx are final, network faults and 5xx are retried.
/// </summary>
public sealed class TelegramSender(TelegramConnection connection, TelegramButtons buttons, TelegramChats chats, ILogger<TelegramSender> logger) : IOutboxSender
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public string Channel => TelegramUpdateReader.Channel;

    /// <summary>Telegram's documented limits: about 30 messages/s overall, one per second per chat, 20 per minute per group; 4,096 characters.</summary>
    public static ChannelLimits Documented { get; } = new(30, TimeSpan.FromSeconds(1), 20, 4096);

    public ChannelLimits Limits { get; } = connection.Options.Pacing
        ? Documented
        : ChannelLimits.Unlimited with { MaxTextLength = Documented.MaxTextLength };

    /// <summary>Group and supergroup ids are negative.</summary>
    public bool IsGroup(string chatId) => chatId.StartsWith('-');

    public async Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.ChatId, out var chatId)) return SendResult.Rejected("mã chat không phải số");
        if (chats.IsInactive(message.ChatId)) return SendResult.Blocked;
        try
        {
            await DeliverAsync(chatId, message, cancellationToken);
            return SendResult.Sent;
        }
        catch (ApiRequestException ex)
        {
            return Outcome(message.ChatId, ex);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (MayHaveArrived(ex))
            {
                // No answer after the request went out: Telegram may show it already. The outbox decides (once more at most).
                return SendResult.MayHaveArrived($"Telegram không trả lời ({ex.GetType().Name})");
            }
            logger.LogWarning("Không kết nối được Telegram ({Error}); sẽ gửi lại", ex.GetType().Name);
            return SendResult.RetryLater;
        }
        catch (IOException ex)
        {
            return SendResult.Rejected($"không đọc được tệp gửi kèm ({ex.GetType().Name})");
        }
    }

    private async Task DeliverAsync(long chatId, PushedMessage message, CancellationToken cancellationToken)
    {
        var reply = message.Reply;
        var keyboard = buttons.Keyboard(reply.Buttons);
        if (reply.File is { } file)
        {
            await using var content = System.IO.File.OpenRead(file.Path);
            await connection.Client.SendDocument(chatId, InputFile.FromStream(content, file.FileName), caption: TelegramHtml.Caption(reply.Text),
                parseMode: ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return;
        }
        var html = TelegramHtml.Escape(reply.Text);
        if (message.ReplacesMessageId is { } edited && int.TryParse(edited, out var messageId))
        {
            try
            {
                await connection.Client.EditMessageText(chatId, messageId, html, ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                // Too old or deleted to edit: the reply still arrives, as a new message.
            }
        }
        await connection.Client.SendMessage(chatId, html, ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
    }

    /// <summary>Only a connection that was never made (refused, name not found) proves the message did not leave.</summary>
    private static bool MayHaveArrived(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }) return false;
        return true;
    }

    private SendResult Outcome(string chatId, ApiRequestException ex)
    {
        switch (ex.ErrorCode)
        {
            case 429:
                return SendResult.WaitFor(TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 5)));
            case 403:
                chats.Mark(chatId, active: false);
                return SendResult.Blocked;
            case >= 400 and < 500 when ex.ErrorCode != 409:
                return SendResult.Rejected($"{ex.ErrorCode} {ex.Message}");
            default:
                logger.LogWarning("Telegram lỗi {Code} ({Description}); sẽ gửi lại", ex.ErrorCode, ex.Message);
                return SendResult.RetryLater;
        }
    }
}
