using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using ThiDua.Core.Storage;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// The scripted channel (`chat --jsonl`): officers' lines written one per chat at a time, all chats at once, so the
/// bot is never idle; each output line answers the oldest line still unanswered. A kill leaves the lines in flight
/// unanswered: they are written again, in order, to the restarted bot, as a script would.
/// </summary>
internal sealed class ScriptedRun(int kills, int officerCount, int seed)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<Officer> _officers = [.. Enumerable.Range(0, officerCount).Select(i => new Officer(i, i, seed * 1000 + i, FaultHarness.Questions, repeatsWithin: null))];
    private readonly Queue<(Officer Officer, string Line)> _inFlight = new();
    private KillPlan _plan = null!;
    private Channel<string> _output = null!;
    private StreamWriter? _stdin;
    private Task _reading = Task.CompletedTask;
    private DateTimeOffset _readyAt;
    private int _sentAgain;
    private int _silentStarts;

    public async Task<ChannelFigures> RunAsync()
    {
        var figures = new ChannelFigures("scripted");
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("thidua-faults-").FullName;
        var database = Path.Combine(folder, "bot.db");
        using var bot = new KillableBot(database, ["chat", "--jsonl"], new Dictionary<string, string>(), Path.Combine(folder, "bot.log"), scripted: true);
        _plan = new KillPlan(new Random(seed), kills);
        int resent = 0, mostResent = 0;

        foreach (var officer in _officers) _inFlight.Enqueue((officer, Line(officer, officer.Begin())));
        await StartAsync(bot);
        DateTimeOffset? windingDown = null;
        while (true)
        {
            while (_output.Reader.TryRead(out var line)) Answered(line, cutByKill: false);
            if (_plan.Left > 0 && _plan.Due(DateTimeOffset.UtcNow, _readyAt))
            {
                await bot.KillAsync();
                _plan.Killed();
                await _reading;
                while (_output.Reader.TryRead(out var line)) Answered(line, cutByKill: _output.Reader.Count == 0);
                resent += _inFlight.Count;
                mostResent = Math.Max(mostResent, _inFlight.Count);
                await StartAsync(bot);
            }
            else if (_plan.Left == 0 && windingDown is null)
            {
                windingDown = DateTimeOffset.UtcNow;
                foreach (var officer in _officers) officer.WindDown();
            }
            else if (windingDown is not null && _inFlight.Count == 0)
            {
                break;
            }
            await Task.WhenAny(_output.Reader.WaitToReadAsync().AsTask(), Task.Delay(10));
        }
        figures.Finishing = DateTimeOffset.UtcNow - windingDown!.Value;
        bot.Process.StandardInput.Close();
        await bot.Process.WaitForExitAsync();

        using (var db = new BotDatabase(database))
            figures.Nominations = NominationAudit.Of(db, _officers, o => $"script:{Chat(o)}");
        figures.Kills = kills;
        figures.KillsAfterConfirmation = _plan.AfterConfirmation;
        figures.Starts = bot.Starts;
        figures.AddOfficers(_officers);
        figures.SentAgain = _sentAgain;
        figures.SilentStarts = _silentStarts;
        figures.LinesResentAfterKills = resent;
        figures.MostLinesResentInOneKill = mostResent;
        figures.Elapsed = clock.Elapsed;
        if (figures.Holds) Directory.Delete(folder, recursive: true);
        else Console.Error.WriteLine($"{figures.Name}: the promise did not hold; database and bot log kept in {folder}");
        return figures;
    }

    /// <summary>
    /// Starts the bot, writes it the lines still unanswered, and waits for its first answer; a bot that gives none in
    /// a minute (or exits) is counted, killed and started again, three times at most.
    /// </summary>
    private async Task StartAsync(KillableBot bot)
    {
        for (var attempt = 1; !await LaunchAsync(bot); attempt++)
        {
            _silentStarts++;
            Console.Error.WriteLine($"scripted: start {bot.Starts} gave no answer within {Patience.TotalSeconds:F0} s; killed and started again (bot log: {bot.LogFile})");
            if (attempt == 3) throw new InvalidOperationException($"the bot did not answer after {attempt} starts; its log: {bot.LogFile}");
            await bot.KillAsync();
        }
        _readyAt = DateTimeOffset.UtcNow;
        _plan.Arm();
    }

    private async Task<bool> LaunchAsync(KillableBot bot)
    {
        _stdin = null;
        bot.Launch();
        _output = Channel.CreateUnbounded<string>();
        var stdout = bot.Process.StandardOutput;
        _stdin = bot.Process.StandardInput;
        var output = _output.Writer;
        _reading = Task.Run(async () =>
        {
            while (await stdout.ReadLineAsync() is { } line) output.TryWrite(line);
            output.TryComplete();
        });
        foreach (var (_, line) in _inFlight) Write(line);
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await _output.Reader.WaitToReadAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One output line: the answer to the oldest line in flight, read by its officer until it knows what to send next.</summary>
    /// <param name="cutByKill">The last line before a kill, which may end where the kill cut it: then it answered nothing.</param>
    private void Answered(string output, bool cutByKill)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(output);
        }
        catch (JsonException) when (cutByKill)
        {
            return;
        }
        using var document = json;
        var (officer, _) = _inFlight.Dequeue();
        if (!document.RootElement.TryGetProperty("replies", out var replies))
            throw new InvalidOperationException($"The bot answered {officer.Index}'s line with {output}");
        foreach (var reply in replies.EnumerateArray())
        {
            var buttons = reply.TryGetProperty("buttons", out var rows)
                ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("data").GetString()!).ToList()
                : [];
            if (officer.OnMessage(new BotMessage(reply.GetProperty("text").GetString()!, buttons, 0, DateTimeOffset.UtcNow)) is { } next)
            {
                Send(officer, next);
                return;
            }
        }
        // Every reply in the line was one the officer had read already: all it can do is ask again.
        if (!officer.Done && officer.SendAgain() is { } again)
        {
            _sentAgain++;
            Send(officer, again);
        }
    }

    private void Send(Officer officer, ChatInput input)
    {
        var line = Line(officer, input);
        _inFlight.Enqueue((officer, line));
        if (input.IsConfirmation) _plan.Confirmed(DateTimeOffset.UtcNow, _readyAt);
        Write(line);
    }

    /// <summary>Written at once (the bot reads all the time, so the pipe does not fill), never two writes overlapping.</summary>
    private void Write(string line)
    {
        try
        {
            _stdin?.WriteLine(line);
            _stdin?.Flush();
        }
        catch (IOException)
        {
            // Killed meanwhile: the line stays in flight and is written again after the restart.
        }
    }

    private static string Chat(Officer officer) => $"o{officer.Index}";

    private static string Line(Officer officer, ChatInput input) => input.Button is { } data
        ? JsonSerializer.Serialize(new { chat = Chat(officer), button = data })
        : JsonSerializer.Serialize(new { chat = Chat(officer), text = input.Text });
}
