namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// `-- faults [kills] [officers] [seed] [polling|webhook|scripted]`: the built bot killed with SIGKILL again and again on one database while
/// officers ask questions and register nominations — through Telegram long polling and webhook (against the fake Bot
/// API server, which meanwhile answers 500, 429, hangs and drops connections) and through the scripted channel —
/// then counted from both ends: the LiteDB file and what the officers received. Exit code 1 when the promise broke.
/// </summary>
internal static class FaultHarness
{
    /// <summary>Questions with one answer each, none the same answer as another, none a follow-up whose answer depends on the last.</summary>
    public static readonly IReadOnlyList<string> Questions = [.. ThiDua.Benchmarks.Questions.Mixed.Where((_, i) => i is not (2 or 4 or 5))];

    /// <param name="only">One channel's run only (polling, webhook or scripted); all three when null.</param>
    public static async Task<int> RunAsync(int kills, int officers, int seed, string? only = null)
    {
        Console.WriteLine($"kill and fault harness: {kills} kills per channel, {officers} officers, seed {seed}");
        var runs = new List<ChannelFigures>();
        if (only is null or "polling") runs.Add(await Report(new TelegramRun(webhook: false, kills, officers, seed).RunAsync()));
        if (only is null or "webhook") runs.Add(await Report(new TelegramRun(webhook: true, kills, officers, seed).RunAsync()));
        if (only is null or "scripted") runs.Add(await Report(new ScriptedRun(kills, officers, seed).RunAsync()));
        FaultTable.Print(runs, Console.Out);
        return runs.All(r => r.Holds) ? 0 : 1;
    }

    private static async Task<ChannelFigures> Report(Task<ChannelFigures> run)
    {
        var figures = await run;
        Console.WriteLine($"{figures.Name}: done in {figures.Elapsed.TotalSeconds:F0} s");
        return figures;
    }
}
