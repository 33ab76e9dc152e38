using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Outbox;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Conversations;
using ThiDua.Core.Reminders;

namespace ThiDua.Bot.Channels.Scripted;

/// <summary>
/// `chat --jsonl`: one JSON line in, exactly one JSON line out, flushed at once; blank lines skipped;
/// a malformed line gets an error line and the run goes on. Logs go to stderr, never to this output.
/// </summary>
public sealed class ScriptedChannel(
    IConversationCore core,
    IHostApplicationLifetime lifetime,
    ILogger<ScriptedChannel> logger,
    TimeProvider time,
    ReminderService reminders,
    OutboxDispatcher outbox,
    ScriptedOutboxSender sender,
    ExitStatus exit,
    ThiDua.Core.Storage.BotDatabase db,
    TextReader input,
    TextWriter output,
    ThiDua.Bot.Desk.DeskContext? webDesk = null) : BackgroundService
{
    /// <summary>A line longer than this is refused whole rather than read into memory.</summary>
    public const int MaxLineLength = 1_000_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            // Starting on an existing database is a restart after downtime: catch up, within the grace period.
            reminders.Run(time.GetUtcNow(), afterDowntime: true);
            await DrainAsync(stoppingToken);
            var lines = new BoundedLineReader(input, MaxLineLength);
            while (!stoppingToken.IsCancellationRequested && await lines.ReadLineAsync(stoppingToken) is ({ } line, var tooLong))
            {
                if (tooLong == 0 && string.IsNullOrWhiteSpace(line)) continue;
                await output.WriteLineAsync(tooLong > 0
                    ? ScriptProtocol.FormatError($"dòng dài quá ({tooLong:N0} ký tự, tối đa {MaxLineLength:N0}): bỏ qua, không đọc")
                    : await HandleLineAsync(line, stoppingToken));
                await output.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex)
        {
            // The loop itself failed (its input or output broke): the host stops, and says so by its exit code.
            logger.LogCritical(ex, "Kênh kịch bản dừng vì lỗi");
            exit.Code = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>One line's output line, whatever the line holds: a fault in it is that line's error, never the loop's.</summary>
    public async Task<string> HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            return await ParseAndHandleAsync(line, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Dòng kịch bản gây lỗi");
            return ScriptProtocol.FormatError("lỗi nội bộ khi xử lý dòng này");
        }
    }

    private async Task<string> ParseAndHandleAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Length > MaxLineLength) return ScriptProtocol.FormatError($"dòng dài quá ({line.Length:N0} ký tự, tối đa {MaxLineLength:N0})");
        if (ScriptProtocol.TryParseClock(line, out var instant, out var clockText, out var clockError))
            return clockError is not null ? ScriptProtocol.FormatError(clockError) : await MoveClockAsync(instant, clockText!, cancellationToken);
        var (message, error) = ScriptProtocol.ParseLine(line);
        if (message is null) return ScriptProtocol.FormatError(error ?? "dòng không hợp lệ");
        try
        {
            var result = await core.HandleAsync(message, cancellationToken);
            // Notices written to the outbox outside the conversation (a reviewer's step on the web desk) go out on this line.
            if (webDesk is not null) await DrainAsync(cancellationToken);
            return ScriptProtocol.FormatResult(message.ChatId, result, sender.Drain());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Dòng kịch bản của {Chat} gây lỗi", db.Pseudonyms.Of(message.ConversationKey));
            return ScriptProtocol.FormatError("lỗi nội bộ khi xử lý dòng này");
        }
    }

    /// <summary>Time passes, with the service running, to the given instant: everything due in between is sent, in order.</summary>
    private async Task<string> MoveClockAsync(DateTimeOffset instant, string text, CancellationToken cancellationToken)
    {
        if (time is not FrozenTimeProvider frozen) return ScriptProtocol.FormatError("dòng \"clock\" chỉ dùng được khi chạy với --now");
        if (instant < frozen.GetUtcNow()) return ScriptProtocol.FormatError($"đồng hồ không lùi được: {text} trước thời điểm hiện tại {TimeZoneInfo.ConvertTime(frozen.GetUtcNow(), Core.Time.LocalClock.VietnamZone):yyyy-MM-ddTHH:mm:sszzz}");
        frozen.Set(instant);
        reminders.Run(instant, afterDowntime: false);
        await DrainAsync(cancellationToken);
        return ScriptProtocol.FormatClock(text, sender.Drain());
    }

    /// <summary>Sends everything due: the scripted channel has no pump, and a round takes at most a few hundred.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await outbox.DispatchDueAsync(cancellationToken) > 0) { }
    }

    public static TextReader StandardInput() => new StreamReader(System.Console.OpenStandardInput(), new UTF8Encoding(false));

    public static TextWriter StandardOutput() => new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
}
