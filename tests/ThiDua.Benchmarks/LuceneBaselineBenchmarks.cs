using BenchmarkDotNet.Attributes;

namespace ThiDua.Benchmarks;

/// <summary>The baseline the issue names: a plain Lucene.NET BM25 search over the same plan paragraphs.</summary>
[MemoryDiagnoser]
public class LuceneBaselineBenchmarks : IDisposable
{
    private LucenePassages _index = null!;
    private int _next;

    [GlobalSetup]
    public void Setup() => _index = new LucenePassages(DataFolder.Path);

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Lucene.NET BM25 search (baseline)")]
    public int LuceneSearch() =>
        _index.Searcher.Search(_index.Parser.Parse(Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(Questions.Mixed[_next++ % Questions.Mixed.Length])), 3).TotalHits;
}
