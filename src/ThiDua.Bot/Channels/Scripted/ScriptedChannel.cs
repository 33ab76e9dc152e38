using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels.Scripted;

/// <summary>
/// `chat --jsonl`: one JSON line in, exactly one JSON line out, flushed at once; blank lines skipped;
/// a malformed line gets an error line and the run goes on. Logs go to stderr, never to this output.
/// </summary>
public sealed class ScriptedChannel(IConversationCore core, IHostApplicationLifetime lifetime, ILogger<ScriptedChannel> logger, TextReader input, TextWriter output)
    : BackgroundService
{
    /// <summary>A line longer than this is refused whole rather than read into memory.</summary>
    public const int MaxLineLength = 1_000_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            string? line;
            while (!stoppingToken.IsCancellationRequested && (line = await input.ReadLineAsync(stoppingToken)) is not null)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                await output.WriteLineAsync(await HandleLineAsync(line, stoppingToken));
                await output.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            lifetime.StopApplication();
        }
    }

    public async Task<string> HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Length > MaxLineLength) return ScriptProtocol.FormatError($"dòng dài quá ({line.Length:N0} ký tự, tối đa {MaxLineLength:N0})");
        var (message, error) = ScriptProtocol.ParseLine(line);
        if (message is null) return ScriptProtocol.FormatError(error ?? "dòng không hợp lệ");
        try
        {
            var result = await core.HandleAsync(message, cancellationToken);
            return ScriptProtocol.FormatResult(message.ChatId, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Dòng kịch bản của {Chat} gây lỗi", message.ChatId);
            return ScriptProtocol.FormatError("lỗi nội bộ khi xử lý dòng này");
        }
    }

    public static TextReader StandardInput() => new StreamReader(System.Console.OpenStandardInput(), new UTF8Encoding(false));

    public static TextWriter StandardOutput() => new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
}
