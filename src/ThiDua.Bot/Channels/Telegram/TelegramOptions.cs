using System.Text.RegularExpressions;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>Telegram:* settings. The token comes from the environment (Telegram__Token), never from a committed file.</summary>
public sealed partial class TelegramOptions
{
    public const string Section = "Telegram";
    public const string PublicApi = "https://api.telegram.org";

    public string Token { get; set; } = "";
    /// <summary>Where the Bot API lives: the public one, a local Bot API server, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = PublicApi;
    /// <summary>Set → webhook mode: Telegram posts updates to this public HTTPS address, served by the host on its Urls.</summary>
    public string WebhookUrl { get; set; } = "";
    /// <summary>Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; 1–256 of A–Z, a–z, 0–9, _ and -.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>Long-polling wait, seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;
    /// <summary>Outbound pacing to Telegram's limits; off only for benchmarks against a fake server.</summary>
    public bool Pacing { get; set; } = true;
    /// <summary>How long a request may wait for Telegram's answer, beyond a long poll's own wait.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
    /// <summary>How many chats are handled at once; one chat's messages always in order.</summary>
    public int MaxConcurrentChats { get; set; } = 16;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>Checks the settings and says, in Vietnamese, which one is wrong; never quotes the token.</summary>
    /// <summary>Which setting is wrong, in Vietnamese, or null; never quotes the token.</summary>
    public string? Problem() =>
        !TokenShape().IsMatch(Token) ? "Telegram:Token không đúng dạng \"<số>:<chuỗi>\" mà BotFather cấp (giá trị không được in ra)."
        : !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") ? $"Telegram:ApiBaseUrl '{ApiBaseUrl}' không phải địa chỉ http(s)."
        : PollTimeoutSeconds is < 0 or > 50 ? "Telegram:PollTimeoutSeconds phải từ 0 đến 50."
        : RequestTimeoutSeconds is < 1 or > 300 ? "Telegram:RequestTimeoutSeconds phải từ 1 đến 300."
        : MaxConcurrentChats is < 1 or > 256 ? "Telegram:MaxConcurrentChats phải từ 1 đến 256."
        : UsesWebhook && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme is not ("http" or "https")) ? $"Telegram:WebhookUrl '{WebhookUrl}' không phải địa chỉ https."
        : UsesWebhook && (!SecretShape().IsMatch(WebhookSecret)) ? "Dùng webhook thì phải đặt Telegram:WebhookSecret (1–256 ký tự A–Z, a–z, 0–9, _ hoặc -)."
        : null;

    /// <summary>The path the host listens on for Telegram's posts: the path of WebhookUrl.</summary>
    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var u) && u.AbsolutePath.Length > 1 ? u.AbsolutePath : "/telegram";

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
