using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ThiDua.Core.Knowledge.Units;

namespace ThiDua.Benchmarks;

/// <summary>The baseline the issue names: a plain Lucene.NET BM25 search over the same plan paragraphs.</summary>
[MemoryDiagnoser]
public class LuceneBaselineBenchmarks
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private IndexSearcher _searcher = null!;
    private QueryParser _parser = null!;
    private DirectoryReader _reader = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var directory = new RAMDirectory();
        var analyzer = new StandardAnalyzer(Version);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(DataFolder.Path, "plans"), "*.txt"))
                foreach (var p in PlanOutline.Read(File.ReadAllText(file)))
                    writer.AddDocument([new StringField("section", p.Section, Field.Store.YES), new TextField("text", p.Text, Field.Store.YES)]);
        }
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _parser = new QueryParser(Version, "text", analyzer);
    }

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    [Benchmark(Description = "Lucene.NET BM25 search (baseline)")]
    public int LuceneSearch()
    {
        var query = _parser.Parse(QueryParserBase.Escape(Questions.Mixed[_next++ % Questions.Mixed.Length]));
        return _searcher.Search(query, 3).TotalHits;
    }
}
