using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Zalo;

/// <summary>What a Zalo end-to-end test class starts from: a fresh fake Zalo server and a database file of its own.</summary>
public abstract partial class FakeZaloSession : IAsyncLifetime, IDisposable
{
    protected TempDatabase Database { get; } = new();
    protected FakeZaloServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeZaloServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The bot polling the fake server every second, on this class's database, at <paramref name="now"/>.</summary>
    private protected Task<ChannelHost> StartOnServer(string now, IEnumerable<string> extra, Action<IServiceCollection>? services = null) =>
        ChannelHost.StartAsync([$"--Zalo:Token={Server.Token}", $"--Zalo:ApiBaseUrl={Server.BaseUrl}", "--Zalo:PollTimeoutSeconds=1",
            $"--Storage:DatabasePath={Database.Path}", "--now", now, .. extra], services);

    /// <summary>A line of the numbered menu Zalo replies end with: "2. Xác nhận".</summary>
    [GeneratedRegex(@"^(\d+)\. (.+)$", RegexOptions.Multiline)]
    protected static partial Regex MenuLine();
}
