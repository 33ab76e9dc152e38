using System.Diagnostics;
using System.Text.Json;

namespace ThiDua.Bot.Tests;

/// <summary>A conversation with the built bot over `chat --jsonl`, one line at a time, as a tester at a terminal would.</summary>
internal sealed class ScriptSession : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    public ScriptSession(params string[] args)
    {
        _process = BotProcess.Start(["chat", "--jsonl", .. args]);
        _errors = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Sends one input line and returns the one output line it gets.</summary>
    public async Task<JsonElement> SendAsync(object line)
    {
        await _process.StandardInput.WriteLineAsync(line as string ?? JsonSerializer.Serialize(line));
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
            ?? throw new InvalidOperationException("The bot stopped: " + await _errors);
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    public Task<JsonElement> Text(string chat, string text) => SendAsync(new { chat, text });

    public Task<JsonElement> Press(string chat, string button) => SendAsync(new { chat, button });

    public static string FirstText(JsonElement line) => line.GetProperty("replies")[0].GetProperty("text").GetString()!;

    public static string AllText(JsonElement line) => string.Join("\n", line.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));

    public static IEnumerable<JsonElement> Pushed(JsonElement line) =>
        line.TryGetProperty("pushed", out var pushed) ? pushed.EnumerateArray() : [];

    /// <summary>Everything the bot logged (stderr), once it has stopped.</summary>
    public string Errors => _disposed ? _errors.Result : throw new InvalidOperationException("The bot is still running.");

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
