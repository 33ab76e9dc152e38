using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>A unit that matched a query: its BM25 score, and the share of the query's weight it holds.</summary>
public sealed record UnitHit(AnswerUnit Unit, double Score, double Coverage, IReadOnlySet<string> Matched);

/// <summary>
/// BM25 over every answer unit of every plan, on words and word pairs (<see cref="SearchTerms"/>); the headings
/// above a paragraph count too, at a lower weight, so "Sở Nội vụ" under "2. Sở Nội vụ" is found. Coverage weighs
/// each query term by its rarity: a unit holding "mấy bộ" covers more of "lào cai hồ sơ mấy bộ" than one holding "hồ sơ".
/// Built once when the knowledge is loaded; a search touches only the postings of the query's terms.
/// </summary>
public sealed class UnitIndex
{
    private const double K1 = 1.2, B = 0.75, HeadingWeight = 0.5;

    private readonly List<AnswerUnit> _units = [];
    private readonly List<double> _lengths = [];
    private readonly Dictionary<string, List<(int Unit, double Frequency)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<Campaign, List<int>> _byCampaign = [];
    private readonly Dictionary<Campaign, HashSet<string>> _vocabulary = [];
    private readonly Glossary _glossary;
    private readonly double _averageLength;

    public UnitIndex(IEnumerable<AnswerUnit> units, Glossary glossary)
    {
        _glossary = glossary;
        foreach (var unit in units) Add(unit);
        _averageLength = _lengths.Count == 0 ? 1 : _lengths.Average();
    }

    public IReadOnlyList<AnswerUnit> Units => _units;

    public IEnumerable<AnswerUnit> UnitsOf(Campaign c) => _byCampaign.TryGetValue(c, out var list) ? list.Select(i => _units[i]) : [];

    /// <summary>The terms of a text as the index sees them: folded, abbreviations expanded.</summary>
    public List<string> TermsOf(string text) => SearchTerms.Of(_glossary.Expand(text));

    /// <summary>Rarity of a term across all units; a term no unit holds is as rare as can be.</summary>
    public double Idf(string term)
    {
        var df = _postings.TryGetValue(term, out var p) ? p.Count : 0;
        return Math.Log(1 + (_units.Count - df + 0.5) / (df + 0.5));
    }

    /// <summary>
    /// What a term weighs in coverage: its rarity, except that a pair with a function word ("thưởng là", "ai ký")
    /// weighs no more than its other word: such a pair is rare because it is a phrase, not because it means more.
    /// </summary>
    public double Weight(string term)
    {
        var idf = Idf(term);
        if (!SearchTerms.IsPair(term)) return idf;
        var words = SearchTerms.WordsOf(term);
        var a = SearchTerms.StopWords.Contains(words[0]);
        var b = SearchTerms.StopWords.Contains(words[1]);
        return a == b ? idf : Math.Min(idf, Idf(a ? words[1] : words[0]));
    }

    /// <summary>True when the plan's record or text holds the term anywhere.</summary>
    public bool PlanHas(Campaign c, string term) => _vocabulary.TryGetValue(c, out var words) && words.Contains(term);

    /// <summary>True when some plan holds the term.</summary>
    public bool AnyPlanHas(string term) => _postings.ContainsKey(term);

    private void Add(AnswerUnit unit)
    {
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = TermsOf(unit.Text);
        foreach (var t in text) frequencies[t] = frequencies.GetValueOrDefault(t) + 1;
        foreach (var t in TermsOf(unit.Headings)) frequencies[t] = frequencies.GetValueOrDefault(t) + HeadingWeight;
        if (frequencies.Count == 0) return;
        var index = _units.Count;
        _units.Add(unit);
        _lengths.Add(Math.Max(1, text.Count));
        if (!_byCampaign.TryGetValue(unit.Campaign, out var list)) _byCampaign[unit.Campaign] = list = [];
        list.Add(index);
        if (!_vocabulary.TryGetValue(unit.Campaign, out var vocabulary)) _vocabulary[unit.Campaign] = vocabulary = new(StringComparer.Ordinal);
        foreach (var (term, frequency) in frequencies)
        {
            vocabulary.Add(term);
            if (!_postings.TryGetValue(term, out var postings)) _postings[term] = postings = [];
            postings.Add((index, frequency));
        }
    }

    /// <summary>The best units for the query terms among those the filter keeps, best first.</summary>
    public List<UnitHit> Search(IReadOnlyCollection<string> queryTerms, Func<AnswerUnit, bool>? keep = null, int take = 5)
    {
        var terms = queryTerms.Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || _units.Count == 0) return [];
        var total = terms.Sum(Weight);
        var scores = new Dictionary<int, (double Score, double Covered, HashSet<string> Matched)>();
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var postings)) continue;
            var idf = Idf(term);
            var weight = Weight(term);
            foreach (var (unit, frequency) in postings)
            {
                if (keep is not null && !keep(_units[unit])) continue;
                var norm = frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * _lengths[unit] / _averageLength));
                if (!scores.TryGetValue(unit, out var s)) s = (0, 0, new HashSet<string>(StringComparer.Ordinal));
                s.Matched.Add(term);
                scores[unit] = (s.Score + idf * norm, s.Covered + weight, s.Matched);
            }
        }
        return [.. scores.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key).Take(take)
            .Select(kv => new UnitHit(_units[kv.Key], kv.Value.Score, total <= 0 ? 0 : kv.Value.Covered / total, kv.Value.Matched))];
    }

    /// <summary>Share of the query's weight a set of terms holds (what several units together cover).</summary>
    public double Coverage(IReadOnlyCollection<string> queryTerms, IReadOnlySet<string> covered)
    {
        var terms = queryTerms.Distinct(StringComparer.Ordinal).ToList();
        var total = terms.Sum(Weight);
        return total <= 0 ? 0 : terms.Where(covered.Contains).Sum(Weight) / total;
    }
}
