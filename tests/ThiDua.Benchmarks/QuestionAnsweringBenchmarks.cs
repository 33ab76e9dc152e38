using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Benchmarks;

/// <summary>One question through the whole conversation core (parse, resolve, answer, chat state in LiteDB).</summary>
[MemoryDiagnoser]
public class QuestionAnsweringBenchmarks : IDisposable
{
    private ConversationEngine _engine = null!;
    private KnowledgeBase _knowledge = null!;
    private BotDatabase _db = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _db = new BotDatabase(new MemoryStream());
        var time = new FixedTime(new DateTimeOffset(2024, 4, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        _knowledge = new KnowledgeLoader(_db, NullLogger<KnowledgeLoader>.Instance, time).Load(DataFolder.Path);
        _engine = new ConversationEngine(new KnowledgeProvider(_knowledge), _db, new LocalClock(time), NullLogger<ConversationEngine>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Answer one question (mixed set)")]
    public async Task<int> AnswerQuestion()
    {
        var text = Questions.Mixed[_next++ % Questions.Mixed.Length];
        var result = await _engine.HandleAsync(new IncomingMessage { Channel = "bench", ChatId = "c1", UserId = "c1", Text = text });
        return result.Replies.Count;
    }

    [Benchmark(Description = "Normalize one question (fold + glossary)")]
    public int Normalize() => _knowledge.Glossary.Expand(Questions.Mixed[_next++ % Questions.Mixed.Length]).Length;

    [Benchmark(Description = "Search every plan's facts and sentences, own BM25 on words and word pairs")]
    public int OwnSearch() => _knowledge.Units.Search(_knowledge.Units.TermsOf(Questions.Mixed[_next++ % Questions.Mixed.Length])).Count;
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

internal static class DataFolder
{
    /// <summary>The repository root (where ThiDua.Bot.sln is), so benchmarks read the reviewed data, not a copy.</summary>
    public static string Root { get; } = FindRoot();

    public static string Path => System.IO.Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ThiDua.Bot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ThiDua.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
