namespace ThiDua.Bot.Hosting;

/// <summary>
/// The program's own words on the command line, taken out before configuration is built:
/// a verb (chat, import, backup, restore, healthcheck), switches (--jsonl, --now X, --out FILE, --force), positional arguments; the rest are configuration overrides.
/// </summary>
public sealed record CommandLine(string Verb, bool Jsonl, string? Now, IReadOnlyList<string> Positional, IReadOnlyList<string> ConfigurationArgs, string? Out = null, bool Force = false)
{
    public static readonly IReadOnlyList<string> Verbs = ["run", "chat", "import", "backup", "restore", "healthcheck"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string verb = "run";
        var jsonl = false;
        var force = false;
        string? now = null, output = null;
        var positional = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && Verbs.Contains(arg)) { verb = arg; continue; }
            switch (arg)
            {
                case "--jsonl": jsonl = true; continue;
                case "--force": force = true; continue;
                case "--now": now = ValueAfter(args, ref i, arg); continue;
                case "--out": output = ValueAfter(args, ref i, arg); continue;
            }
            if (arg.StartsWith("--now=", StringComparison.Ordinal)) { now = arg["--now=".Length..]; continue; }
            if (arg.StartsWith("--out=", StringComparison.Ordinal)) { output = arg["--out=".Length..]; continue; }
            if (arg.StartsWith('-') || arg.Contains('=', StringComparison.Ordinal))
            {
                // A configuration override: "--Storage:DatabasePath=x", "--Storage:DatabasePath x", "Key=Value".
                configuration.Add(arg);
                if (arg.StartsWith('-') && !arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                    configuration.Add(args[++i]);
                continue;
            }
            positional.Add(arg);
        }
        return new CommandLine(verb, jsonl, now, positional, configuration, output, force);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"{name} cần một giá trị, ví dụ {name} 2024-04-20T09:00:00+07:00");
        return args[++i];
    }
}

public sealed class CommandLineException(string message) : Exception(message);
