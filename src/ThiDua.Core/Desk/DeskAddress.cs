namespace ThiDua.Core.Desk;

/// <summary>
/// Where the web desk is reached, so /web can link to it: Desk:PublicUrl (the office's HTTPS address behind its
/// proxy) or, without it, the address the server listens on once started. Empty when no desk is served.
/// </summary>
public sealed class DeskAddress
{
    private string? _url;

    public DeskAddress(string? publicUrl = null) => _url = string.IsNullOrWhiteSpace(publicUrl) ? null : publicUrl.TrimEnd('/');

    public string? Url => _url;

    /// <summary>The listening address, taken when no public address was configured.</summary>
    public void Listening(string address) => _url ??= address.TrimEnd('/');

    public static string SignInPath(string secret) => $"/desk/signin/{secret}";
}
