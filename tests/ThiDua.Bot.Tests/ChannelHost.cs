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
        StartAsync([
            $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", $"--Storage:DatabasePath={databasePath}",
            "--Telegram:PollTimeoutSeconds=1", "--now", now, .. extra]);

    /// <summary>`run` with these arguments, every log line captured; <paramref name="services"/> changes registrations last.</summary>
    public static async Task<ChannelHost> StartAsync(IEnumerable<string> args, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturedLogs();
        var host = BotProgram.Build(CommandLine.Parse(["run", "--Logging:LogLevel:Default=Trace", .. args]), configure: b =>
        {
            b.Logging.AddProvider(logs);
            services?.Invoke(b.Services);
        });
        await host.StartAsync();
        return new ChannelHost(host, logs);
    }

    /// <summary>A loopback port free right now, for a web server whose public address must be known before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        Host.Dispose();
    }
}

/// <summary>Every log line the host writes, with exceptions, for checks that nothing secret is logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
