using System.Text.RegularExpressions;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>The files of deploy/ read as the tools read them: Dockerfile instructions, the unit's keys, lines of compose.</summary>
internal static partial class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n");

    /// <summary>Instructions of a stage, continuation lines joined, comments dropped: ("COPY", "src/ src/").</summary>
    public static List<(string Instruction, string Arguments)> Dockerfile()
    {
        var joined = ContinuedLine().Replace(Text("deploy/Dockerfile"), " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is [var i, var a] ? (i.ToUpperInvariant(), a.Trim()) : (l.ToUpperInvariant(), ""))];
    }

    /// <summary>Each "Key=Value" of the unit, in order (a key may repeat: Environment=).</summary>
    public static List<(string Key, string Value)> Unit() =>
        [.. Text("deploy/thidua-bot.service").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => (l[..l.IndexOf('=', StringComparison.Ordinal)], l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))];

    /// <summary>"Name=value" settings of a Dockerfile ENV or a unit's Environment=, as configuration reads them ("__" is ":").</summary>
    public static Dictionary<string, string> Settings(IEnumerable<string> assignments) =>
        assignments.SelectMany(a => Assignment().Matches(a)).ToDictionary(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal), m => m.Groups[2].Value);

    [GeneratedRegex(@"\\\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex Assignment();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ThiDua.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ThiDua.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
