using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>What a Telegram end-to-end test class starts from: a fresh fake Bot API server and a database file of its own.</summary>
public abstract class FakeTelegramSession : IAsyncLifetime, IDisposable
{
    protected TempDatabase Database { get; } = new();
    protected FakeTelegramServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The first message to <paramref name="chat"/> containing <paramref name="contains"/>, waited for.</summary>
    protected Task<SentMessage> Reply(long chat, string contains) =>
        Server.WaitForMessageAsync(m => m.ChatId == chat && (m.Text ?? "").Contains(contains, StringComparison.Ordinal));
}
