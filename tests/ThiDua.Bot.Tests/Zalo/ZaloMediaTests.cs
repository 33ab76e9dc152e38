using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Bot.Channels.Zalo;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Zalo;

/// <summary>
/// Issue 16, item 8: a photo_url is fetched only from Zalo's media hosts, never from loopback, link-local or
/// private addresses (checked on the address connected to), within a size and a time limit.
/// </summary>
public sealed class ZaloMediaTests : FakeZaloSession
{
    private const string User = "u-lan-01";

    private Task<ChannelHost> StartBot(params string[] extra) =>
        StartOnServer("2024-05-01T09:00:00+07:00", extra);

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    [Fact]
    public async Task A_photo_url_on_loopback_or_outside_Zalos_hosts_is_refused_without_being_fetched()
    {
        await using var bot = await StartBot("--Zalo:MediaHosts:0=zdn.vn", "--Zalo:MediaHosts:1=localhost");
        var onLoopback = Server.HostFile("noi-bo.jpg", Jpeg);
        Server.EnqueueImage(User, User, onLoopback, caption: "Tờ trình");
        var first = await Server.WaitForMessageAsync(m => m.ChatId == User && (m.Text ?? "").Contains("Không tải được ảnh", StringComparison.Ordinal));

        // A configured host name that resolves to loopback is refused when connecting.
        Server.EnqueueImage(User, User, onLoopback.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), caption: "Tờ trình");
        await Server.WaitForMessageAsync(m => m.ChatId == User && m.MessageId != first.MessageId && (m.Text ?? "").Contains("Không tải được ảnh", StringComparison.Ordinal));

        Assert.Equal(0, Server.DownloadsOf("noi-bo.jpg"));
        Assert.Empty(bot.Get<BotDatabase>().Files.FindAll());
        Assert.Contains(bot.Logs.Lines, l => l.Contains("không thuộc Zalo:MediaHosts (127.0.0.1)", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("địa chỉ mạng không được phép", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::5", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("203.162.4.190", true)]
    [InlineData("2402:800::1", true)]
    public void Only_public_addresses_are_allowed(string address, bool allowed) =>
        Assert.Equal(allowed, new MediaAddressRule().Allows(IPAddress.Parse(address)));

    [Fact]
    public async Task A_photo_past_20_MB_or_slower_than_the_time_limit_is_not_kept()
    {
        using var media = new ZaloMedia(new ZaloOptions { MediaHosts = ["127.0.0.1"], MediaTimeoutSeconds = 1 }, new LoopbackMediaRule(), NullLogger<ZaloMedia>.Instance);
        var big = Server.HostFile("lon.jpg", new byte[ZaloProcessor.MaxPhotoBytes + 1]);
        Assert.Null(await media.DownloadAsync(big, ZaloProcessor.MaxPhotoBytes, CancellationToken.None));
        Assert.NotNull(await media.DownloadAsync(Server.HostFile("nho.jpg", Jpeg), ZaloProcessor.MaxPhotoBytes, CancellationToken.None));

        // A server that accepts the connection and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var started = DateTimeOffset.UtcNow;
        Assert.Null(await media.DownloadAsync($"http://127.0.0.1:{port}/anh.jpg", ZaloProcessor.MaxPhotoBytes, CancellationToken.None));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20));
    }
}
