using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>The real bot host, started in-process in Telegram mode against a fake Bot API server, its logs captured.</summary>
internal sealed class TelegramBotHost : IAsyncDisposable
{
    private TelegramBotHost(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }
    public CapturedLogs Logs { get; }
    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<TelegramBotHost> StartAsync(FakeTelegramServer server, string databasePath, string now, params string[] extra)
    {
        var logs = new CapturedLogs();
        var args = new List<string>
        {
            "run", $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", $"--Storage:DatabasePath={databasePath}",
            "--Telegram:PollTimeoutSeconds=1", "--Logging:LogLevel:Default=Trace", "--now", now,
        };
        args.AddRange(extra);
        var host = BotProgram.Build(CommandLine.Parse(args), configure: b => b.Logging.AddProvider(logs));
        await host.StartAsync();
        return new TelegramBotHost(host, logs);
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
