using System.Text.RegularExpressions;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>Zalo:* settings. The token comes from the environment (Zalo__Token), never from a committed file.</summary>
public sealed partial class ZaloOptions
{
    public const string Section = "Zalo";
    /// <summary>The platform's current host; it has moved before (bot-api.zapps.me), hence configurable.</summary>
    public const string PublicApi = "https://bot-api.zaloplatforms.com";

    public string Token { get; set; } = "";
    public string ApiBaseUrl { get; set; } = PublicApi;
    /// <summary>Set → webhook mode (production); empty → getUpdates polling (development).</summary>
    public string WebhookUrl { get; set; } = "";
    /// <summary>Zalo sends it back in X-Bot-Api-Secret-Token; 8–256 characters.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>The host's public address; with it, exports reach Zalo users as expiring download links.</summary>
    public string PublicBaseUrl { get; set; } = "";
    public int PollTimeoutSeconds { get; set; } = 30;
    /// <summary>Outbound pacing; off only for benchmarks against a fake server.</summary>
    public bool Pacing { get; set; } = true;
    /// <summary>Hosts (and their subdomains) photos may be fetched from; empty means <see cref="DefaultMediaHosts"/>.</summary>
    public List<string> MediaHosts { get; set; } = [];
    /// <summary>How long fetching one photo may take, headers and body together.</summary>
    public int MediaTimeoutSeconds { get; set; } = 30;

    /// <summary>Zalo's content hosts as seen in photo_url; configurable because they have changed before.</summary>
    public static readonly IReadOnlyList<string> DefaultMediaHosts = ["zdn.vn", "zadn.vn", "zalo.me", "zaloapp.com", "zaloplatforms.com"];

    public IReadOnlyList<string> AllowedMediaHosts => MediaHosts.Count > 0 ? MediaHosts : DefaultMediaHosts;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>Which setting is wrong, in Vietnamese, or null; never quotes the token.</summary>
    public string? Problem() =>
        !TokenShape().IsMatch(Token) ? "Zalo:Token không đúng dạng \"<số>:<chuỗi>\" mà Zalo Bot Creator cấp (giá trị không được in ra)."
        : !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") ? $"Zalo:ApiBaseUrl '{ApiBaseUrl}' không phải địa chỉ http(s)."
        : PollTimeoutSeconds is < 1 or > 60 ? "Zalo:PollTimeoutSeconds phải từ 1 đến 60."
        : PublicBaseUrl.Length > 0 && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _) ? $"Zalo:PublicBaseUrl '{PublicBaseUrl}' không phải địa chỉ http(s)."
        : MediaTimeoutSeconds is < 1 or > 120 ? "Zalo:MediaTimeoutSeconds phải từ 1 đến 120."
        : MediaHosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown) ? "Zalo:MediaHosts chỉ gồm tên máy chủ (ví dụ zdn.vn), không có http:// hay đường dẫn."
        : UsesWebhook && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme is not ("http" or "https")) ? $"Zalo:WebhookUrl '{WebhookUrl}' không phải địa chỉ https."
        : UsesWebhook && (WebhookSecret.Length is < 8 or > 256) ? "Dùng webhook Zalo thì phải đặt Zalo:WebhookSecret (8–256 ký tự)."
        : null;

    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var u) && u.AbsolutePath.Length > 1 ? u.AbsolutePath : "/zalo";

    [GeneratedRegex(@"^\d{1,24}:[A-Za-z0-9_\-]{1,200}$")]
    private static partial Regex TokenShape();
}
