using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lucene.Net.QueryParsers.Classic;

namespace ThiDua.Benchmarks;

/// <summary>
/// `peer [DATA]`: a plain Lucene.NET BM25 "bot" for whole-process comparisons with `chat --jsonl`.
/// Same input and output lines as the scripted channel ({"chat":"c1","text":"..."} in, one JSON line out),
/// answering with its top 3 passages. Passages, analyzer and similarity are those of <see cref="LuceneBaselineBenchmarks"/>;
/// the index is built at start-up, as the bot loads its knowledge at start-up. Reading, writing and flushing are
/// done as the scripted channel does them (async line reads, no autoflush, one flush per line), so neither side gains there.
/// </summary>
internal static class Bm25Peer
{
    private const int Top = 3;

    private static readonly JsonSerializerOptions Output = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> RunAsync(string? dataPath)
    {
        using var index = new LucenePassages(dataPath ?? DataFolder.Path);
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        string? line;
        while ((line = await input.ReadLineAsync()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            await output.WriteLineAsync(Answer(line, index));
            await output.FlushAsync();
        }
        return 0;
    }

    private static string Answer(string line, LucenePassages index)
    {
        string? chat, text;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Error("mỗi dòng phải là một đối tượng JSON {...}");
            chat = root.TryGetProperty("chat", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException ex)
        {
            return Error($"dòng không phải JSON hợp lệ: {ex.Message}");
        }
        if (string.IsNullOrEmpty(chat)) return Error("thiếu \"chat\" (chuỗi khác rỗng)");
        if (text is null) return Error("thiếu \"text\"");

        var passages = new List<string>(Top);
        try
        {
            foreach (var d in index.Search(text, Top))
                passages.Add($"[{d.Get("plan", CultureInfo.InvariantCulture)} {d.Get("section", CultureInfo.InvariantCulture)}] {d.Get("text", CultureInfo.InvariantCulture)}");
        }
        catch (ParseException)
        {
            // A question with no searchable word: answered with nothing found, like any miss.
        }
        var reply = passages.Count == 0 ? "Không tìm thấy đoạn nào phù hợp." : string.Join("\n\n", passages);
        return JsonSerializer.Serialize(new PeerOutput(chat, [new PeerReply(reply)]), Output);
    }

    private static string Error(string message) => JsonSerializer.Serialize(new PeerError(message), Output);

    private sealed record PeerOutput(string Chat, List<PeerReply> Replies);
    private sealed record PeerReply(string Text);
    private sealed record PeerError(string Error);
}
