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

/// <summary>
/// The baseline the issue names, built once for the benchmark and the peer process alike: Lucene.NET BM25 with its
/// StandardAnalyzer over the same plan passages the bot reads (<see cref="PlanOutline"/>). The analysis differs from the
/// bot's (no diacritic folding, no word pairs, no glossary): it is plain full-text search, as the comparison means.
/// </summary>
internal sealed class LucenePassages : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly DirectoryReader _reader;

    public LucenePassages(string dataFolder)
    {
        var directory = new RAMDirectory();
        var analyzer = new StandardAnalyzer(Version);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(dataFolder, "plans"), "*.txt").Order(StringComparer.Ordinal))
            {
                var plan = Path.GetFileNameWithoutExtension(file);
                foreach (var p in PlanOutline.Read(File.ReadAllText(file)))
                    writer.AddDocument([new StringField("plan", plan, Field.Store.YES), new StringField("section", p.Section, Field.Store.YES), new TextField("text", p.Text, Field.Store.YES)]);
            }
        }
        _reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        Parser = new QueryParser(Version, "text", analyzer);
    }

    public IndexSearcher Searcher { get; }

    public QueryParser Parser { get; }

    /// <summary>The top passages for a question, as stored documents.</summary>
    public IEnumerable<Document> Search(string question, int top) =>
        Searcher.Search(Parser.Parse(QueryParserBase.Escape(question)), top).ScoreDocs.Select(d => Searcher.Doc(d.Doc));

    public void Dispose() => _reader.Dispose();
}
