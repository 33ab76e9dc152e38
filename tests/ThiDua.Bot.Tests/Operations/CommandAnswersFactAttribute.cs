using System.Diagnostics;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>
/// A fact that runs only where a command answers (exits 0 within 20 s): `docker info` for a container engine,
/// `systemd-analyze --version` for systemd's checker. Elsewhere the test is skipped, saying what was missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CommandAnswersFactAttribute : FactAttribute
{
    public CommandAnswersFactAttribute(string command, params string[] arguments)
    {
        if (!Answers(command, arguments, out var why))
            Skip = $"`{command} {string.Join(' ', arguments)}` did not answer here ({why}): this test needs it and was not run.";
    }

    private static bool Answers(string command, string[] arguments, out string why)
    {
        try
        {
            var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null) { why = "did not start"; return false; }
            // Read both streams while waiting, so a talkative command cannot fill a pipe and hang.
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(20_000))
            {
                process.Kill(entireProcessTree: true);
                why = "no answer in 20 s";
                return false;
            }
            why = $"exit {process.ExitCode}: {errors.Result.Trim().Split('\n')[0]}";
            _ = output.Result;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            why = ex.Message;
            return false;
        }
    }
}
