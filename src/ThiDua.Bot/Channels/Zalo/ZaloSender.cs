using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Conversations;
using ThiDua.Core.Outbox;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Zalo's way out of the outbox: text only (buttons become a numbered menu), at most 2,000 characters; files become
/// expiring download links when the host has a public address. A send that may have reached Zalo is never repeated.
/// </summary>
public sealed class ZaloSender(ZaloApi api, ZaloMenus menus, ILogger<ZaloSender> logger, FileLinks? links = null) : IOutboxSender
{
    public const int MaxText = 2000;
    /// <summary>Texts are split below Zalo's limit, leaving room for the numbered menu added to the last part.</summary>
    private const int SplitAt = 1500;

    public string Channel => ZaloProcessor.Channel;

    public ChannelLimits Limits { get; } = api.Options.Pacing
        ? new ChannelLimits(20, TimeSpan.FromSeconds(1), MaxTextLength: SplitAt)
        : ChannelLimits.Unlimited with { MaxTextLength = SplitAt };

    public async Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
    {
        var reply = message.Reply;
        var text = reply.Text;
        if (reply.File is { } file) text += "\n\n" + FileNote(file);
        text = menus.Render(message.ChatId, text, reply.Buttons);
        if (text.Length > MaxText) text = ThiDua.Core.Text.TextFit.Shorten(text, MaxText);
        try
        {
            await api.SendMessageAsync(message.ChatId, text, cancellationToken);
            return SendResult.Sent;
        }
        catch (ZaloApiException e)
        {
            switch (e.ErrorCode)
            {
                case 429:
                    return SendResult.WaitFor(TimeSpan.FromSeconds(30));
                case 403:
                    return SendResult.Blocked;
                case 0 when e.MayHaveArrived:
                    // Zalo may already show it. The outbox decides (once more at most).
                    return SendResult.MayHaveArrived($"Zalo không trả lời ({e.Description})");
                case 0 or >= 500 or 401:
                    logger.LogWarning("Zalo lỗi {Code} ({Description}); sẽ gửi lại", e.ErrorCode, e.Description);
                    return SendResult.RetryLater;
                default:
                    return SendResult.Rejected($"{e.ErrorCode} {e.Description}");
            }
        }
    }

    private string FileNote(OutgoingFile file) => links?.LinkFor(file.Path) is { } link
        ? $"📎 Tải “{file.FileName}” (liên kết hết hạn sau {FileLinks.Lifetime.TotalHours:0} giờ): {link}"
        : $"📎 Tệp “{file.FileName}” không gửi được qua Zalo. Mở bot trên Telegram (lệnh /xuat) hoặc nhờ cán bộ thẩm định gửi tệp.";
}
