using System.Diagnostics;
using System.Globalization;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// The built bot (`dotnet ThiDua.Bot.dll`, the Release build next to this program) run again and again on one
/// database: killed with SIGKILL (no graceful stop) or stopped with SIGTERM. Its clock moves on with real time
/// across restarts (each start gets --now = the run's start + the time since), so nothing it stored is in its future.
/// Its log lines go to a file; the channel's secrets go in the environment, not on the command line.
/// </summary>
internal sealed class KillableBot(string database, string[] arguments, IReadOnlyDictionary<string, string> environment, string logFile, bool scripted) : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly Stopwatch _runClock = Stopwatch.StartNew();
    private TimeSpan _jumped;
    private Process? _process;
    private Task _logs = Task.CompletedTask;

    public Process Process => _process ?? throw new InvalidOperationException("not started");
    public string LogFile => logFile;
    public bool Running => _process is { HasExited: false };
    public int Starts { get; private set; }
    /// <summary>When each kill happened (UTC, real time), to tell a repeat caused by a kill from one caused by a fault.</summary>
    public List<DateTimeOffset> Kills { get; } = [];
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The instant the bot believes it is now.</summary>
    public DateTimeOffset Now => Start + _runClock.Elapsed + _jumped;

    /// <summary>The next start is this much later than real time says: a bot that was down a while.</summary>
    public void JumpClock(TimeSpan by) => _jumped += by;

    public void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Bot.dll"), .. arguments,
            "--now", Now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture), $"--Storage:DatabasePath={database}"])
        {
            RedirectStandardInput = scripted,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        StartedAt = DateTimeOffset.UtcNow;
        Starts++;
        var stderr = _process.StandardError;
        var stdout = scripted ? null : _process.StandardOutput;
        _logs = Task.Run(async () =>
        {
            await using var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
            await log.WriteLineAsync($"---- start {Starts} at {Now:O}");
            var lines = new List<Task> { CopyAsync(stderr, log) };
            if (stdout is not null) lines.Add(CopyAsync(stdout, log));
            await Task.WhenAll(lines);
        });
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        Kills.Add(DateTimeOffset.UtcNow);
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        await _logs;
    }

    /// <summary>SIGTERM: the host stops as a service manager would stop it.</summary>
    public async Task StopAsync()
    {
        if (!Running) return;
        using (var term = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        await _logs;
    }

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
            lock (to) to.WriteLine(line);
    }

    public void Dispose()
    {
        if (Running) Process.Kill(entireProcessTree: true);
        _process?.Dispose();
    }
}
