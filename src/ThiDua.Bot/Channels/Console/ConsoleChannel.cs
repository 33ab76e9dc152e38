using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ThiDua.Core.Outbox;
using ThiDua.Core.Conversations;
using ThiDua.Core.Reminders;

namespace ThiDua.Bot.Channels.Console;

/// <summary>
/// The bot in a terminal: type a question, read the answer. Buttons are shown as numbered choices;
/// typing the number presses the button. Ends on /thoat or end of input.
/// </summary>
public sealed class ConsoleChannel(
    IConversationCore core,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IServiceProvider services,
    TextReader input,
    TextWriter output) : BackgroundService, IOutboxSender
{
    private const string ChatId = "console";
    private readonly SemaphoreSlim _writing = new(1, 1);
    private IReadOnlyList<Button> _lastButtons = [];

    public string Channel => "console";

    /// <summary>Local: outcomes are saved in groups.</summary>
    public bool SavesEachOutcome => false;

    /// <summary>Reminders pushed to the terminal appear between answers, their buttons numbered like any other.</summary>
    public async Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
    {
        await ShowAsync(new ConversationResult([message.Reply]), pushed: true);
        return SendResult.Sent;
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await output.WriteLineAsync("ThiDua.Bot — trợ lý thi đua, khen thưởng. Gõ câu hỏi, số để chọn nút, /thoat để thoát.");
        // The same checks /readyz answers, so a console run shows at once what an office's monitor would see.
        var readiness = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(stoppingToken);
        await output.WriteAsync("Trạng thái / readiness: " + Hosting.HealthWeb.Summary(readiness));
        // A clock set before what this database already reminded (a demo after a real run, or the reverse) is said, not hidden.
        if (services.GetRequiredService<ReminderService>().Notice is { } notice) await output.WriteLineAsync("⚠️ " + notice);
        await ShowAsync(await core.HandleAsync(Message("/start", null), stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(stoppingToken);
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/thoat" or "/exit" or "/quit") break;
            if (line.Trim().Length == 0) continue;
            if (line.TrimStart().StartsWith("/dongho", StringComparison.OrdinalIgnoreCase))
            {
                await MoveClockAsync(line.Trim()["/dongho".Length..].Trim(), stoppingToken);
                continue;
            }
            if (line.TrimStart().StartsWith("/tep", StringComparison.OrdinalIgnoreCase))
            {
                await SendFileAsync(line.Trim()["/tep".Length..].Trim(), stoppingToken);
                continue;
            }
            var pressed = int.TryParse(line.Trim(), out var n) && n >= 1 && n <= _lastButtons.Count ? _lastButtons[n - 1] : null;
            var result = await core.HandleAsync(pressed is null ? Message(line, null) : Message(null, pressed.Data), stoppingToken);
            await ShowAsync(result);
        }
        lifetime.StopApplication();
    }

    /// <summary>"/tep PATH [chú thích]": sends a file from this machine, as a phone sends one (a dossier paper, a plan to import).</summary>
    private async Task SendFileAsync(string rest, CancellationToken cancellationToken)
    {
        // A path with spaces is quoted: /tep "Tờ trình xã A.pdf" Tờ trình
        var end = rest.StartsWith('"') ? rest.IndexOf('"', 1) : -1;
        var quoted = end > 0;
        var path = quoted ? rest[1..end] : rest.Split(' ', 2)[0];
        var caption = (quoted ? rest[(end + 1)..] : rest.Split(' ', 2).ElementAtOrDefault(1) ?? "").Trim();
        if (LocalFiles.Open(path, out var problem) is not { } file)
        {
            await output.WriteLineAsync($"Không gửi được: {problem ?? "thiếu đường dẫn"}. Dùng: /tep ĐƯỜNG_DẪN [chú thích], ví dụ /tep to-trinh.pdf Tờ trình");
            return;
        }
        var message = Message(caption.Length == 0 ? null : caption, null) with { File = file };
        await ShowAsync(await core.HandleAsync(message, cancellationToken));
    }

    /// <summary>Demo only: "/dongho 2024-06-22T08:00" moves the console's clock forward and sends what fell due.</summary>
    private async Task MoveClockAsync(string value, CancellationToken cancellationToken)
    {
        DateTimeOffset? instant = null;
        try { instant = Hosting.ClockSetup.ParseNow(value); }
        catch (Hosting.CommandLineException) { }
        if (time is not Hosting.ShiftedTimeProvider shifted || instant is null || instant <= time.GetUtcNow())
        {
            await output.WriteLineAsync("Dùng: /dongho <thời điểm sau hiện tại>, ví dụ /dongho 2024-06-22T08:00 (chỉ khi chạy với --now).");
            return;
        }
        shifted.JumpTo(instant.Value);
        // Resolved here, not injected: the outbox sends through this channel, so it cannot be built before it.
        services.GetRequiredService<ReminderService>().Run(instant.Value, afterDowntime: false);
        // A moved clock ran the reminders itself: /readyz must not call the job late for the jump.
        services.GetService<Jobs.ReminderHeartbeat>()?.Ran();
        await services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(cancellationToken);
        await output.WriteLineAsync($"(Đồng hồ: {value})");
    }

    private static IncomingMessage Message(string? text, string? button) =>
        new() { Channel = "console", ChatId = ChatId, UserId = ChatId, Text = text, ButtonData = button };

    /// <param name="pushed">A reminder arriving between answers: its buttons are numbered after the prompt's, which keep their numbers.</param>
    private async Task ShowAsync(ConversationResult result, bool pushed = false)
    {
        await _writing.WaitAsync();
        try
        {
            await WriteAsync(result, pushed);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteAsync(ConversationResult result, bool pushed)
    {
        foreach (var reply in result.Replies)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(reply.Text);
            var first = pushed ? _lastButtons.Count : 0;
            _lastButtons = [.. (pushed ? _lastButtons : []), .. reply.Buttons.SelectMany(row => row)];
            for (var i = first; i < _lastButtons.Count; i++) await output.WriteLineAsync($"  [{i + 1}] {_lastButtons[i].Text}");
            if (reply.File is not null) await output.WriteLineAsync($"  (tệp: {reply.File.Path})");
        }
        await output.WriteLineAsync();
    }
}
