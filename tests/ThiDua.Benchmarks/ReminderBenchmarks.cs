using BenchmarkDotNet.Attributes;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Reminders;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks;

/// <summary>Which reminders are due, for 10,000 followers of a campaign with 50 deadlines (target under 200 ms).</summary>
[MemoryDiagnoser]
public class ReminderBenchmarks
{
    private List<Follow> _follows = [];
    private KnowledgeBase _knowledge = null!;
    private readonly ReminderOptions _options = new();

    [GlobalSetup]
    public void Setup()
    {
        var laoCai = CampaignFileLoader.LoadFolder(DataFolder.Path).Campaigns.Single(c => c.Campaign.Id == "lao-cai-217").Campaign;
        var template = laoCai.Deadlines.First(d => ReminderPlanner.IsObligation(d));
        var deadlines = Enumerable.Range(0, 50).Select(i => template with { Id = $"d{i}", DueDate = new DateOnly(2024, 1, 10).AddDays(i * 7) }).ToList();
        _knowledge = new KnowledgeBase([laoCai with { Deadlines = deadlines }], Glossary.Empty);
        _follows = [.. Enumerable.Range(0, 10_000).Select(i => new Follow { Id = $"f{i}", Channel = "bench", ChatId = $"c{i}", CampaignId = laoCai.Id })];
    }

    [Benchmark(Description = "Due reminders, 10,000 followers × 50 deadlines, one year's window")]
    public int PlanYear() => ReminderPlanner.Due(_follows, _knowledge, _options,
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7))).Count();

    [Benchmark(Description = "Due reminders, 10,000 followers × 50 deadlines, one minute's window (the job's usual run)")]
    public int PlanMinute() => ReminderPlanner.Due(_follows, _knowledge, _options,
        new DateTimeOffset(2024, 3, 6, 7, 59, 30, TimeSpan.FromHours(7)), new DateTimeOffset(2024, 3, 6, 8, 0, 30, TimeSpan.FromHours(7))).Count();
}
