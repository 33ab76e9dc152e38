using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests;

/// <summary>The real bot host, started in-process in channel mode (Telegram, Zalo) against fake servers, its logs captured.</summary>
internal sealed class ChannelHost : IAsyncDisposable
{
    private ChannelHost(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }
    public CapturedLogs Logs { get; }
    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static Task<ChannelHost> StartAsync(FakeTelegramServer server, string databasePath, string now, params string[] extra) =>
        StartAsync(server, databasePath, now, time: null, extra);

    /// <param name="time">The bot's clock (a fake one for waits), instead of real time from <paramref name="now"/>.</param>
    public static Task<ChannelHost> StartAsync(FakeTelegramServer server, string databasePath, string now, TimeProvider? time, params string[] extra) =>
        StartAsync([
            $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", $"--Storage:DatabasePath={databasePath}",
            "--Telegram:PollTimeoutSeconds=1", "--now", now, .. extra], time: time);

    /// <summary>`run` with these arguments, every log line captured; <paramref name="services"/> changes registrations last; <paramref name="time"/> replaces the clock.</summary>
    public static async Task<ChannelHost> StartAsync(IEnumerable<string> args, Action<IServiceCollection>? services = null, TimeProvider? time = null)
    {
        var logs = new CapturedLogs();
        var host = BotProgram.Build(CommandLine.Parse(["run", "--Logging:LogLevel:Default=Trace", .. args]), configure: b =>
        {
            b.Logging.AddProvider(logs);
            services?.Invoke(b.Services);
        }, time: time);
        await host.StartAsync();
        return new ChannelHost(host, logs);
    }

    /// <summary>Where the webhook server listens, as Kestrel bound it (run with --Urls=http://127.0.0.1:0 for a free port).</summary>
    public string WebAddress => Get<WebEndpoints>().Addresses.Single().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        Host.Dispose();
    }
}

/// <summary>Every log line the host writes, with exceptions, for checks that nothing secret is logged; tests may wait for a line.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Signal _written = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Until <paramref name="count"/> lines match: what the host logs once it has done something.</summary>
    public Task WaitForAsync(Func<string, bool> match, int count = 1, TimeSpan? timeout = null) =>
        _written.WaitUntilAsync(() => Lines.Count(match) >= count,
            () => $"{count} matching log line(s) did not appear. Log:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}", timeout);

    public void Dispose() { }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        _written.Pulse();
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
