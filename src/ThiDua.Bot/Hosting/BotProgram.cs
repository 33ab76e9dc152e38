using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThiDua.Bot.Channels.Console;
using ThiDua.Bot.Channels.Scripted;
using ThiDua.Bot.Channels.Telegram;
using ThiDua.Bot.Channels.Zalo;
using ThiDua.Bot.Desk;
using ThiDua.Bot.Jobs;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Outbox;

namespace ThiDua.Bot.Hosting;

/// <summary>Reads the command line, builds the host for the chosen mode, and turns start-up problems into clear messages.</summary>
public static class BotProgram
{
    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null)
    {
        CommandLine commandLine;
        IHost host;
        try
        {
            commandLine = CommandLine.Parse(args);
            if (commandLine.Verb == "import")
            {
                Console.OutputEncoding = Encoding.UTF8;
                return await ImportCommand.RunAsync(commandLine, output ?? Console.Out, Console.Error);
            }
            if (commandLine.Verb == "healthcheck")
                return await HealthcheckCommand.RunAsync(commandLine, output ?? Console.Out, Console.Error);
            if (commandLine.Verb is "backup" or "restore")
            {
                Console.OutputEncoding = Encoding.UTF8;
                return commandLine.Verb == "backup"
                    ? await BackupCommands.BackupAsync(commandLine, output ?? Console.Out, Console.Error)
                    : await BackupCommands.RestoreAsync(commandLine, output ?? Console.Out, Console.Error);
            }
            host = Build(commandLine, input, output);
            // Open the database and load the knowledge now, so a bad path fails here with a clear message.
            // Settings are checked now too (ValidateOnStart), each wrong one named, before anything connects.
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            host.Services.GetRequiredService<KnowledgeProvider>();
            host.Services.GetRequiredService<IConversationCore>();
        }
        catch (Exception ex) when (ex is CommandLineException or StartupException or OptionsValidationException or InvalidDataException or FormatException)
        {
            await Console.Error.WriteLineAsync($"ThiDua.Bot không khởi động được: {ex.Message}");
            return 2;
        }
        var exit = host.Services.GetRequiredService<ExitStatus>();
        try
        {
            await host.RunAsync();
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"ThiDua.Bot không khởi động được: {ex.Message}");
            return 2;
        }
        return exit.Code;
    }

    /// <param name="configure">Last changes before the host is built (tests add a log capture here).</param>
    /// <param name="time">The clock instead of the one Clock:Now / --now sets (tests drive waits with a fake one).</param>
    public static IHost Build(CommandLine commandLine, TextReader? input = null, TextWriter? output = null, Action<HostApplicationBuilder>? configure = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. commandLine.ConfigurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (commandLine.Now is not null)
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Clock:Now", commandLine.Now)]);

        var scripted = commandLine.Verb == "chat" && commandLine.Jsonl;
        ConfigureLogging(builder, quiet: commandLine.Verb is "run" or "chat");
        var start = ClockSetup.ParseNow(builder.Configuration["Clock:Now"]);
        time ??= start is null ? TimeProvider.System : scripted ? new FrozenTimeProvider(start.Value) : new ShiftedTimeProvider(start.Value);
        builder.Services.AddConversationCore(builder.Configuration, time);
        builder.Services.AddSingleton<ExitStatus>();
        builder.Services.AddWebSignIn(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        // The office's screen is served by this process whenever it listens somewhere, whatever the channel; added
        // before the channels, its server is listening (and /web knows its address) before the first message is read.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Urls"])) builder.Services.AddWebDesk();
        var telegram = TelegramServices.ReadOptions(builder.Configuration);
        var zalo = ZaloServices.ReadOptions(builder.Configuration);

        if (scripted)
        {
            builder.Services.AddSingleton<ScriptedOutboxSender>();
            builder.Services.AddSingleton<ThiDua.Core.Outbox.IOutboxSender>(sp => sp.GetRequiredService<ScriptedOutboxSender>());
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ScriptedChannel>(sp,
                input ?? ScriptedChannel.StandardInput(), output ?? ScriptedChannel.StandardOutput()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ScriptedChannel>());
        }
        else if (commandLine.Verb == "run" && (telegram.Enabled || zalo.Enabled))
        {
            // With a token the bot serves Telegram and/or Zalo; reminders and the outbox run as in the console.
            builder.Services.AddReminderJobs(builder.Configuration);
            // Many chats are served at once here: plan files are read off their loop. The console and the scripted
            // channel serve one conversation, line by line, so they read a file in the turn (within the same limits).
            builder.Services.AddBackgroundImports();
            if (telegram.Enabled) builder.Services.AddTelegramChannel(builder.Configuration, telegram);
            if (zalo.Enabled) builder.Services.AddZaloChannel(builder.Configuration, zalo);
            builder.Services.AddHostedService<StartupReadiness>();
        }
        else
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
            // Reminder catch-up starts (and finishes) before the console reads its first line.
            builder.Services.AddReminderJobs(builder.Configuration);
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConsoleChannel>(sp, input ?? Console.In, output ?? Console.Out));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsoleChannel>());
            builder.Services.AddSingleton<ThiDua.Core.Outbox.IOutboxSender>(sp => sp.GetRequiredService<ConsoleChannel>());
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>
    /// Logs go to stderr only, so stdout stays the channel's; chat modes show warnings and errors alone.
    /// Logging:Console:FormatterName=json writes one JSON object a line (with scopes: the hashed chat of a turn) for a log collector.
    /// </summary>
    private static void ConfigureLogging(HostApplicationBuilder builder, bool quiet)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                // Vietnamese stays readable in the collector; the writer still escapes what JSON requires.
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        else builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (quiet && builder.Configuration["Logging:LogLevel:Default"] is null) builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Request logging of HttpClient would write URLs, and Telegram's carry the token: never below Warning.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
