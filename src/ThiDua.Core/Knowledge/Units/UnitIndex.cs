using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>A unit that matched a query: its BM25 score, and the share of the query's weight it holds.</summary>
public sealed record UnitHit(AnswerUnit Unit, double Score, double Coverage, IReadOnlySet<string> Matched);

/// <summary>The query terms a unit holds, as a bit per term of the query (a search makes many; each costs a word).</summary>
internal sealed class TermSet(ulong mask, List<string> terms) : IReadOnlySet<string>
{
    public int Count => System.Numerics.BitOperations.PopCount(mask);

    public bool Contains(string item)
    {
        for (var t = 0; t < terms.Count; t++)
            if ((mask & (1UL << t)) != 0 && string.Equals(terms[t], item, StringComparison.Ordinal)) return true;
        return false;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var t = 0; t < terms.Count; t++)
            if ((mask & (1UL << t)) != 0) yield return terms[t];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => this.ToHashSet(StringComparer.Ordinal).IsProperSubsetOf(other);
    public bool IsProperSupersetOf(IEnumerable<string> other) => this.ToHashSet(StringComparer.Ordinal).IsProperSupersetOf(other);
    public bool IsSubsetOf(IEnumerable<string> other) => this.ToHashSet(StringComparer.Ordinal).IsSubsetOf(other);
    public bool IsSupersetOf(IEnumerable<string> other) => this.ToHashSet(StringComparer.Ordinal).IsSupersetOf(other);
    public bool Overlaps(IEnumerable<string> other) => other.Any(Contains);
    public bool SetEquals(IEnumerable<string> other) => this.ToHashSet(StringComparer.Ordinal).SetEquals(other);
}

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
    private readonly Dictionary<Campaign, int> _planOf = [];
    private readonly List<int> _plans = [];
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
    public double Weight(string term) =>
        // Known terms are cached (a bounded set: the plans' own vocabulary); a term no plan holds is computed each time.
        _postings.ContainsKey(term) ? _weights.GetOrAdd(term, ComputeWeight) : ComputeWeight(term);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _weights = new(StringComparer.Ordinal);

    private double ComputeWeight(string term)
    {
        var idf = Idf(term);
        if (!SearchTerms.IsPair(term)) return idf;
        // "đăng ký" folds to the function word "đang" + "ký": a word of its own, as rare as the pair.
        if (SearchTerms.Compounds.Contains(term)) return idf;
        var words = SearchTerms.WordsOf(term);
        var a = SearchTerms.StopWords.Contains(words[0]);
        var b = SearchTerms.StopWords.Contains(words[1]);
        if (a != b) return Math.Min(idf, Idf(a ? words[1] : words[0]));
        // A pair no plan holds is most often two words of two different phrases ("trọng khen" of "chú trọng khen
        // thưởng"): it weighs as much as its more telling word, not as much as a word never seen.
        return _postings.ContainsKey(term) ? idf : Math.Max(Idf(words[0]), Idf(words[1]));
    }

    /// <summary>True when the plan's record or text holds the term anywhere.</summary>
    public bool PlanHas(Campaign c, string term) => _vocabulary.TryGetValue(c, out var words) && words.Contains(term);

    /// <summary>True when some plan holds the term.</summary>
    public bool AnyPlanHas(string term) => _postings.ContainsKey(term);

    private void Add(AnswerUnit unit)
    {
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = TermsOf(unit.Keywords is null ? unit.Text : unit.Text + " " + unit.Keywords);
        foreach (var t in text) frequencies[t] = frequencies.GetValueOrDefault(t) + 1;
        // Each heading on its own: "… nơi nộp › Hồ sơ …" holds no pair "nộp hồ".
        foreach (var t in unit.Headings.Split(" › ").SelectMany(TermsOf)) frequencies[t] = frequencies.GetValueOrDefault(t) + HeadingWeight;
        if (frequencies.Count == 0) return;
        var index = _units.Count;
        _units.Add(unit);
        _lengths.Add(Math.Max(1, text.Count));
        if (!_planOf.TryGetValue(unit.Campaign, out var plan)) _planOf[unit.Campaign] = plan = _planOf.Count;
        _plans.Add(plan);
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

    /// <summary>The best units for the query terms, in one plan or all, among those the filter keeps; best first.</summary>
    public List<UnitHit> Search(IReadOnlyCollection<string> queryTerms, Campaign? within = null, Func<AnswerUnit, bool>? keep = null, int take = 5)
    {
        var terms = Distinct(queryTerms);
        if (terms.Count == 0 || _units.Count == 0) return [];
        var plan = within is null ? -1 : _planOf.GetValueOrDefault(within, -2);
        if (plan == -2) return [];
        var scratch = Scratch.For(_units.Count);
        var total = Accumulate(terms, plan, scratch);
        var hits = new List<UnitHit>(take);
        foreach (var unit in scratch.Best(take, u => keep is null || keep(_units[u])))
            hits.Add(new UnitHit(_units[unit], scratch.Score[unit], total <= 0 ? 0 : scratch.Covered[unit] / total, scratch.MatchedTerms(unit, terms)));
        scratch.Clear();
        return hits;
    }

    /// <summary>Each plan's best unit for the query terms, in one pass over the postings.</summary>
    public Dictionary<Campaign, UnitHit> BestPerPlan(IReadOnlyCollection<string> queryTerms)
    {
        var terms = Distinct(queryTerms);
        var best = new Dictionary<Campaign, UnitHit>();
        if (terms.Count == 0 || _units.Count == 0) return best;
        var scratch = Scratch.For(_units.Count);
        var total = Accumulate(terms, plan: -1, scratch);
        var top = new Dictionary<int, int>();
        foreach (var unit in scratch.Touched)
            if (!top.TryGetValue(_plans[unit], out var current) || scratch.Score[unit] > scratch.Score[current]) top[_plans[unit]] = unit;
        foreach (var unit in top.Values)
            best[_units[unit].Campaign] = new UnitHit(_units[unit], scratch.Score[unit], total <= 0 ? 0 : scratch.Covered[unit] / total, scratch.MatchedTerms(unit, terms));
        scratch.Clear();
        return best;
    }

    /// <summary>
    /// Scores every unit holding the terms (BM25) into the scratch, in one plan (its index) or all (-1); returns the
    /// terms' total weight, which coverage is a share of.
    /// </summary>
    private double Accumulate(List<string> terms, int plan, Scratch scratch)
    {
        var total = 0.0;
        for (var t = 0; t < terms.Count; t++)
        {
            var weight = Weight(terms[t]);
            total += weight;
            if (!_postings.TryGetValue(terms[t], out var postings)) continue;
            var idf = Idf(terms[t]);
            foreach (var (unit, frequency) in postings)
            {
                if (plan >= 0 && _plans[unit] != plan) continue;
                scratch.Add(unit, idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * _lengths[unit] / _averageLength)), weight, t);
            }
        }
        return total;
    }

    /// <summary>At most 64 distinct terms: a question longer than that is cut, its first words kept.</summary>
    private static List<string> Distinct(IReadOnlyCollection<string> terms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>(Math.Min(terms.Count, Scratch.MaxTerms));
        foreach (var t in terms)
            if (seen.Add(t) && list.Count < Scratch.MaxTerms) list.Add(t);
        return list;
    }

    /// <summary>
    /// Per-thread score arrays sized to the index, reused across searches: a search touches a few hundred units and
    /// allocates only its results.
    /// </summary>
    private sealed class Scratch
    {
        public const int MaxTerms = 64;
        [ThreadStatic] private static Scratch? _current;

        public double[] Score = [];
        public double[] Covered = [];
        private ulong[] _mask = [];
        public readonly List<int> Touched = [];

        public static Scratch For(int units)
        {
            var s = _current ??= new Scratch();
            if (s.Score.Length < units)
            {
                s.Score = new double[units];
                s.Covered = new double[units];
                s._mask = new ulong[units];
            }
            return s;
        }

        public void Add(int unit, double score, double weight, int term)
        {
            if (_mask[unit] == 0) Touched.Add(unit);
            Score[unit] += score;
            Covered[unit] += weight;
            _mask[unit] |= 1UL << term;
        }

        public IEnumerable<int> Best(int take, Func<int, bool> keep)
        {
            var kept = new List<int>(Math.Min(Touched.Count, 256));
            foreach (var u in Touched) if (keep(u)) kept.Add(u);
            kept.Sort((a, b) => Score[b] != Score[a] ? Score[b].CompareTo(Score[a]) : a.CompareTo(b));
            return kept.Take(take);
        }

        public TermSet MatchedTerms(int unit, List<string> terms) => new(_mask[unit], terms);

        public void Clear()
        {
            foreach (var u in Touched) { Score[u] = 0; Covered[u] = 0; _mask[u] = 0; }
            Touched.Clear();
        }
    }

    /// <summary>Share of the query's weight a set of terms holds (what several units together cover).</summary>
    public double Coverage(IReadOnlyCollection<string> queryTerms, IReadOnlySet<string> covered)
    {
        var terms = queryTerms.Distinct(StringComparer.Ordinal).ToList();
        var total = terms.Sum(Weight);
        return total <= 0 ? 0 : terms.Where(covered.Contains).Sum(Weight) / total;
    }
}
