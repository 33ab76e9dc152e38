using Microsoft.Extensions.Hosting;
using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels.Console;

/// <summary>
/// The bot in a terminal: type a question, read the answer. Buttons are shown as numbered choices;
/// typing the number presses the button. Ends on /thoat or end of input.
/// </summary>
public sealed class ConsoleChannel(IConversationCore core, IHostApplicationLifetime lifetime, TextReader input, TextWriter output) : BackgroundService
{
    private const string ChatId = "console";
    private IReadOnlyList<Button> _lastButtons = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await output.WriteLineAsync("ThiDua.Bot — trợ lý thi đua, khen thưởng. Gõ câu hỏi, số để chọn nút, /thoat để thoát.");
        await ShowAsync(await core.HandleAsync(Message("/start", null), stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(stoppingToken);
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/thoat" or "/exit" or "/quit") break;
            if (line.Trim().Length == 0) continue;
            var pressed = int.TryParse(line.Trim(), out var n) && n >= 1 && n <= _lastButtons.Count ? _lastButtons[n - 1] : null;
            var result = await core.HandleAsync(pressed is null ? Message(line, null) : Message(null, pressed.Data), stoppingToken);
            await ShowAsync(result);
        }
        lifetime.StopApplication();
    }

    private static IncomingMessage Message(string? text, string? button) =>
        new() { Channel = "console", ChatId = ChatId, UserId = ChatId, Text = text, ButtonData = button };

    private async Task ShowAsync(ConversationResult result)
    {
        foreach (var reply in result.Replies)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(reply.Text);
            _lastButtons = [.. reply.Buttons.SelectMany(row => row)];
            for (var i = 0; i < _lastButtons.Count; i++) await output.WriteLineAsync($"  [{i + 1}] {_lastButtons[i].Text}");
            if (reply.File is not null) await output.WriteLineAsync($"  (tệp: {reply.File.Path})");
        }
        await output.WriteLineAsync();
    }
}
