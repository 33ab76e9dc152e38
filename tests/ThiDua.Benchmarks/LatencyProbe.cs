using System.Diagnostics;
using ThiDua.Core.Conversations;

namespace ThiDua.Benchmarks;

/// <summary>BenchmarkDotNet reports means; the target is a p99, so this measures every call and prints percentiles.</summary>
internal static class LatencyProbe
{
    public static async Task<int> RunAsync()
    {
        var bench = new QuestionAnsweringBenchmarks();
        bench.Setup();
        for (var i = 0; i < 2_000; i++) await bench.AnswerQuestion(); // warm-up
        var samples = new double[20_000];
        var sw = new Stopwatch();
        for (var i = 0; i < samples.Length; i++)
        {
            sw.Restart();
            await bench.AnswerQuestion();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        bench.Cleanup();
        var perQuestion = samples.Select((ms, i) => (Question: Questions.Mixed[(i + 2_000) % Questions.Mixed.Length], ms))
            .GroupBy(x => x.Question).Select(g => (g.Key, Median: g.Select(x => x.ms).Order().ElementAt(g.Count() / 2), P99: g.Select(x => x.ms).Order().ElementAt(g.Count() * 99 / 100)));
        foreach (var (question, median, p99) in perQuestion.OrderByDescending(x => x.P99))
            Console.WriteLine($"  {median,7:F3} ms median {p99,7:F3} ms p99  {question}");
        Console.WriteLine($"GC gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Array.Sort(samples);
        double P(double p) => samples[(int)Math.Min(samples.Length - 1, p * samples.Length)];
        Console.WriteLine($"questions: {samples.Length:N0}  p50: {P(0.50):F3} ms  p90: {P(0.90):F3} ms  p99: {P(0.99):F3} ms  max: {samples[^1]:F3} ms");
        return 0;
    }
}
