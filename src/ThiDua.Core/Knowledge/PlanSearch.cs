using System.Text.RegularExpressions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

public sealed record PlanPassage(Campaign Campaign, string Section, string Text);

public sealed record PlanSearchHit(PlanPassage Passage, double Score, double Coverage);

/// <summary>
/// Ranked full-text search (BM25) over the plans' original text, by paragraph, each paragraph knowing its section.
/// The fallback when no structured fact answers a question: the bot quotes the passage and cites it.
/// </summary>
public sealed partial class PlanSearch
{
    private const double K1 = 1.2, B = 0.75;

    private static readonly HashSet<string> StopWords =
    [
        "va", "cua", "cac", "nhung", "la", "co", "cho", "trong", "duoc", "the", "nao", "gi", "thi", "sao", "voi", "tai",
        "ve", "theo", "de", "khong", "bao", "nhieu", "toi", "ban", "xin", "hoi", "a", "oi", "nhe", "cai", "nay", "do",
        "mot", "nhu", "o", "dau", "ai", "khi", "gium", "giup", "minh", "em", "anh", "chi", "vay", "roi", "chua", "can",
        "phai", "se", "da", "dang", "tu", "den", "ra", "vao", "len", "nua", "con", "lam", "biet", "cho", "muon", "ke", "hoach",
    ];

    private readonly List<PlanPassage> _passages = [];
    private readonly List<int> _lengths = [];
    private readonly Dictionary<string, List<(int Passage, int Count)>> _postings = new(StringComparer.Ordinal);
    private readonly Glossary _glossary;
    private readonly double _averageLength;

    public PlanSearch(IEnumerable<Campaign> campaigns, IReadOnlyDictionary<string, string> planTexts, Glossary glossary)
    {
        _glossary = glossary;
        foreach (var c in campaigns)
        {
            if (!planTexts.TryGetValue(c.Id, out var text)) continue;
            foreach (var (section, paragraph) in Paragraphs(text)) AddPassage(new PlanPassage(c, section, paragraph));
        }
        _averageLength = _lengths.Count == 0 ? 1 : _lengths.Average();
    }

    public int PassageCount => _passages.Count;

    private void AddPassage(PlanPassage passage)
    {
        var terms = ContentTerms(passage.Text);
        if (terms.Count == 0) return;
        var index = _passages.Count;
        _passages.Add(passage);
        _lengths.Add(terms.Count);
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
            list.Add((index, group.Count()));
        }
    }

    /// <summary>The words of a text that carry meaning for search (folded, glossary applied, no stop words).</summary>
    public List<string> ContentTerms(string text) =>
        [.. _glossary.Expand(text).Where(w => !StopWords.Contains(w) && !TopicWords.Contains(w))];

    /// <summary>Words every plan is full of: they say nothing about which passage is meant.</summary>
    private static readonly HashSet<string> TopicWords = ["thi", "dua", "khen", "thuong", "nam", "2024", "tinh", "phong", "trao", "dot"];

    /// <summary>Best passages for the query; coverage is the share of the query's distinct terms the passage holds.</summary>
    public IReadOnlyList<PlanSearchHit> Search(string query, IReadOnlyCollection<Campaign>? within = null, int take = 3)
    {
        var terms = ContentTerms(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || _passages.Count == 0) return [];
        var scores = new Dictionary<int, (double Score, int Matched)>();
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var postings)) continue;
            var idf = Math.Log(1 + (_passages.Count - postings.Count + 0.5) / (postings.Count + 0.5));
            foreach (var (passage, count) in postings)
            {
                if (within is not null && !within.Contains(_passages[passage].Campaign)) continue;
                var norm = count * (K1 + 1) / (count + K1 * (1 - B + B * _lengths[passage] / _averageLength));
                scores.TryGetValue(passage, out var s);
                scores[passage] = (s.Score + idf * norm, s.Matched + 1);
            }
        }
        return [.. scores
            .OrderByDescending(kv => kv.Value.Score)
            .Take(take)
            .Select(kv => new PlanSearchHit(_passages[kv.Key], kv.Value.Score, (double)kv.Value.Matched / terms.Count))];
    }

    [GeneratedRegex(@"^(?<roman>[IVX]{1,4})\.\s")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(\.\d{1,2}){0,3})\.?\s")]
    private static partial Regex NumberHeading();

    [GeneratedRegex(@"^(?<letter>[a-zđ])\)\s")]
    private static partial Regex LetterHeading();

    [GeneratedRegex(@"[#*|]+")]
    private static partial Regex Markup();

    /// <summary>Splits a plan into paragraphs, tracking the section path ("V.3.3") each one stands in.</summary>
    internal static IEnumerable<(string Section, string Text)> Paragraphs(string text)
    {
        string roman = "", number = "", letter = "";
        var current = new List<string>();
        var currentSection = "Phần mở đầu";

        string Path()
        {
            var parts = new[] { roman, number, letter }.Where(p => p.Length > 0);
            var path = string.Join(".", parts);
            return path.Length == 0 ? "Phần mở đầu" : path;
        }

        // A heading alone ("2. Bộ Chỉ huy Quân sự tỉnh") says nothing: it is carried onto the paragraph under it.
        var heading = "";
        var currentIsHeading = false;
        IEnumerable<(string, string)> Flush()
        {
            if (current.Count == 0) yield break;
            var paragraph = string.Join(" ", current).Trim();
            current.Clear();
            if (currentIsHeading && paragraph.Length < 120)
            {
                heading = paragraph;
                yield break;
            }
            if (heading.Length > 0) paragraph = $"{heading}: {paragraph}";
            heading = "";
            if (paragraph.Length >= 3) yield return (currentSection, paragraph);
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = Markup().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                foreach (var p in Flush()) yield return p;
                continue;
            }
            var isHeading = false;
            if (RomanHeading().Match(line) is { Success: true } r)
            {
                roman = r.Groups["roman"].Value; number = ""; letter = ""; isHeading = true;
            }
            else if (NumberHeading().Match(line) is { Success: true } n && roman.Length > 0)
            {
                number = n.Groups["num"].Value; letter = ""; isHeading = true;
            }
            else if (LetterHeading().Match(line) is { Success: true } l && roman.Length > 0)
            {
                letter = l.Groups["letter"].Value; isHeading = true;
            }
            if (isHeading || line.StartsWith('-') || line.StartsWith('+') || line.StartsWith('•'))
            {
                foreach (var p in Flush()) yield return p;
                currentSection = Path();
                currentIsHeading = isHeading;
            }
            else if (current.Count == 0)
            {
                currentIsHeading = false;
            }
            current.Add(line.TrimStart('-', '+', '•', ' '));
        }
        foreach (var p in Flush()) yield return p;
    }
}
