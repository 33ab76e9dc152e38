using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>Recognises a body ("Bộ Chỉ huy Quân sự tỉnh", "Phòng Nội vụ") named in a question.</summary>
public static class BodyNames
{
    private static readonly HashSet<string> GenericWords =
        ["cac", "co", "quan", "don", "vi", "dia", "diaphuong", "va", "cua", "tinh", "thu", "truong", "ban", "so", "nganh", "uy", "nhan", "dan", "ubnd"];

    /// <summary>Officers say "xã" for any commune-level unit, "phường" and "thị trấn" included.</summary>
    private static readonly string[] CommuneWords = ["xa", "phuong", "tran"];

    /// <summary>True when most distinctive words of the body (or of one body in a listed "A, B và C") are in the question.</summary>
    public static bool IsNamedIn(IReadOnlyList<string> questionWords, string body) =>
        Score(Asked(questionWords), body).Share >= 2.0 / 3 && PartsOf(body).Any(words => words.Count > 0 && Together(questionWords, words));

    /// <summary>"Sở Nội vụ (Ban Thi đua – Khen thưởng tỉnh)": each body a name lists, and the whole, as distinctive words; worked out once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<List<string>>> Parts = new(StringComparer.Ordinal);

    private static List<List<string>> PartsOf(string body) =>
        Parts.GetOrAdd(body, b => [.. b.Split(['(', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Append(b).Select(Distinctive)]);

    private static HashSet<string> Asked(IReadOnlyCollection<string> questionWords)
    {
        var asked = questionWords.ToHashSet(StringComparer.Ordinal);
        if (CommuneWords.Any(asked.Contains)) asked.UnionWith(CommuneWords);
        return asked;
    }

    /// <summary>
    /// The best share of a body's distinctive words found in the question, over the bodies its name lists, and how
    /// many words that was: "Phòng Văn hóa và Thông tin" (5 of 5) names it better than "cơ quan thông tin" (2 of 2).
    /// </summary>
    private static (double Share, int Matched) Score(HashSet<string> asked, string body)
    {
        // "Sở Nội vụ (Ban Thi đua – Khen thưởng tỉnh)": the name before the brackets is what officers say.
        (double Share, int Matched) best = (0, 0);
        foreach (var words in PartsOf(body))
        {
            var matched = 0;
            foreach (var w in words) if (asked.Contains(w)) matched++;
            var share = words.Count == 0 ? 0 : (double)matched / words.Count;
            if (share > best.Share || share == best.Share && matched > best.Matched) best = (share, matched);
        }
        return best;
    }

    /// <summary>
    /// Most of the name's words appear together in the question, in its order ("… bộ chỉ huy quân sự tỉnh …"), not
    /// scattered over it ("thị" of "thi đua" and "xã" of "xã hội" are not "thị xã").
    /// </summary>
    private static bool Together(IReadOnlyList<string> question, List<string> name)
    {
        static string Same(string w) => CommuneWords.Contains(w) ? "xa" : w;
        var asked = question.Select(Same).ToList();
        var wanted = name.Select(Same).ToList();
        var longest = 0;
        for (var start = 0; start < wanted.Count; start++)
            for (var length = wanted.Count - start; length > longest; length--)
                if (WordSequence.Contains(asked, wanted.GetRange(start, length))) { longest = length; break; }
        return longest >= Math.Max(1, (int)Math.Ceiling(wanted.Count * 2.0 / 3));
    }

    /// <summary>Body names are few and fixed by the loaded plans: their distinctive words are worked out once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> DistinctiveOf = new(StringComparer.Ordinal);

    private static List<string> Distinctive(string name) => DistinctiveOf.GetOrAdd(name, Compute);

    private static List<string> Compute(string name)
    {
        var folded = " " + string.Join(' ', VietnameseText.Words(name)) + " ";
        folded = folded.Replace(" dia phuong ", " diaphuong ", StringComparison.Ordinal);
        return [.. folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && !GenericWords.Contains(w)).Distinct()];
    }

    /// <summary>The plans offering an award form the question names ("bằng khen thủ tướng").</summary>
    public static IReadOnlyList<Campaign> PlansOfferingAward(IEnumerable<Campaign> campaigns, IReadOnlyList<string> questionWords)
    {
        return [.. campaigns.Where(c => Nominations.QuickEntryParser.MatchingAwards(c, questionWords).Count > 0)];
    }

    /// <summary>The plans in which the question names a responsible or listed body best.</summary>
    public static IReadOnlyList<Campaign> PlansNaming(IEnumerable<Campaign> campaigns, IReadOnlyList<string> questionWords)
    {
        var asked = Asked(questionWords);
        var scored = campaigns
            .Select(c => (Campaign: c, Score: c.Responsibilities.Select(x => x.Who).Concat(c.Bodies.Select(x => x.Name)).Select(b => Score(asked, b)).DefaultIfEmpty((0, 0)).Max()))
            .Where(x => x.Score.Share >= 2.0 / 3).ToList();
        if (scored.Count == 0) return [];
        var best = scored.Max(x => x.Score);
        return [.. scored.Where(x => x.Score == best).Select(x => x.Campaign)];
    }
}
