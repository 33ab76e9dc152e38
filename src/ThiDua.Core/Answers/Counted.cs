using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// "bao nhiêu đại biểu", "mấy cá nhân": a question that counts something is answered by a number of it. The plan's
/// sentences and facts that give a number of what is counted ("Công an tỉnh: 14 đại biểu", "tặng Bằng khen cho 78 cá
/// nhân") are found by the question's other words, so that a count the plan does give is never said to be missing.
/// </summary>
internal static class Counted
{
    /// <summary>A unit must hold this much of the question besides the counted word to be about what is counted.</summary>
    private const double Subject = 3;
    private const int Candidates = 6;
    /// <summary>Sums of the same weights in another order differ in their last digits.</summary>
    private const double Tolerance = 1e-9;
    /// <summary>A number in a text longer than this is not what the text is about.</summary>
    private const int Pointed = 400;

    /// <summary>
    /// What a question counts: "bao nhiêu cụm", "mấy khối" → "cum", "khoi"; a word whose first syllable is a
    /// function word alone is counted with its second ("mấy cá nhân" → "ca nhan").
    /// </summary>
    public static string? Word(AnswerRequest r)
    {
        var words = r.Question?.Words ?? [];
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var next = words[i] == "bao" && words[i + 1] == "nhieu" ? i + 2 : words[i] == "may" ? i + 1 : -1;
            if (next <= 0 || next >= words.Count) continue;
            if (!SearchTerms.StopWords.Contains(words[next])) return words[next];
            if (next + 1 < words.Count && !SearchTerms.StopWords.Contains(words[next + 1])) return words[next] + " " + words[next + 1];
        }
        return null;
    }

    /// <summary>True when the text gives a number of the word: "04 cụm", "78 cá nhân".</summary>
    public static bool Gives(string text, string word) => Regex.IsMatch(VietnameseText.Fold(text), $@"\b\d+ {Regex.Escape(word)}\b");

    /// <summary>
    /// The units to lead an answer with: none when a line of the answer already gives a number of what is counted
    /// and holds as much of the question as they do (the quota "Mỗi xã, phường: 01 tập thể"). Not for copies ("mấy
    /// bộ"): the dossier's answer gives the count for each form and says which form it does not count.
    /// </summary>
    public static IReadOnlyList<UnitHit> Leads(AnswerRequest r, string answer)
    {
        if (Word(r) is not { } word || word is "bo" or "ban") return [];
        var (hits, held) = Ranked(r, word);
        if (hits.Count == 0) return [];
        var answered = answer.Split('\n').Where(l => Gives(l, word)).Select(l => held(r.Units!.TermsOf(l))).DefaultIfEmpty(0).Max();
        return answered >= held(hits[0].Matched) - Tolerance ? [] : hits;
    }

    /// <summary>
    /// The units that give a number of what the question counts and hold most of its other words, best first: one,
    /// or two when the question counts for two subjects ("Bộ CHQS tỉnh và Bộ đội Biên phòng … mấy đại biểu").
    /// </summary>
    public static IReadOnlyList<UnitHit> Units(AnswerRequest r) => Word(r) is { } word ? Ranked(r, word).Hits : [];

    /// <summary>The units, and what a set of terms holds of the question besides the counted word and the plan's name.</summary>
    private static (IReadOnlyList<UnitHit> Hits, Func<IEnumerable<string>, double> Held) Ranked(AnswerRequest r, string word)
    {
        if (r.Units is not { } units || r.Question is not { } q) return ([], _ => 0);
        var title = Questions.AskedKinds.NameTerms(units, r.Campaign);
        var counted = word.Split(' ').ToHashSet(StringComparer.Ordinal);
        var terms = q.Clauses.SelectMany(c => c.Terms).Where(t => !title.Contains(t) && units.AnyPlanHas(t)).Distinct(StringComparer.Ordinal).ToList();
        var asked = terms.ToHashSet(StringComparer.Ordinal);
        double Held(IEnumerable<string> held) => held.Distinct(StringComparer.Ordinal).Where(t => asked.Contains(t) && !SearchTerms.WordsOf(t).Any(counted.Contains)).Sum(units.Weight);
        var hits = units.Search(terms, r.Campaign, u => Gives(u.Text, word), Candidates)
            .Where(h => Held(h.Matched) >= Subject && h.Unit.Text.Length <= Pointed).ToList();
        if (hits.Count == 0) return ([], Held);
        var first = hits[0].Matched.ToHashSet(StringComparer.Ordinal);
        // A second subject: a unit that holds words of the question the first does not, as telling as the first's.
        var second = hits.Skip(1).FirstOrDefault(h => h.Matched.Where(t => !first.Contains(t)).Sum(units.Weight) >= Subject);
        return (second is null ? [hits[0]] : [hits[0], second], Held);
    }
}
