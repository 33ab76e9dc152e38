using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>Recognises a body ("Bộ Chỉ huy Quân sự tỉnh", "Phòng Nội vụ") named in a question.</summary>
public static class BodyNames
{
    private static readonly HashSet<string> GenericWords =
        ["cac", "co", "quan", "don", "vi", "dia", "phuong", "va", "cua", "tinh", "thu", "truong", "ban", "so", "nganh", "uy", "nhan", "dan", "ubnd"];

    /// <summary>True when most of the body's distinctive words appear among the question's words.</summary>
    public static bool IsNamedIn(IReadOnlyCollection<string> questionWords, string body)
    {
        var asked = questionWords as IReadOnlySet<string> ?? questionWords.ToHashSet(StringComparer.Ordinal);
        // "Sở Nội vụ (Ban Thi đua – Khen thưởng tỉnh)": the name before the brackets is what officers say.
        var head = body.Split('(')[0];
        return Named(asked, head.Trim().Length > 0 ? head : body) || Named(asked, body);
    }

    private static bool Named(IReadOnlySet<string> asked, string name)
    {
        var words = VietnameseText.Words(name).Where(w => w.Length > 1 && !GenericWords.Contains(w)).Distinct().ToList();
        return words.Count > 0 && words.Count(asked.Contains) * 3 >= words.Count * 2;
    }

    /// <summary>The plans offering an award form the question names ("bằng khen thủ tướng").</summary>
    public static IReadOnlyList<Campaign> PlansOfferingAward(IEnumerable<Campaign> campaigns, IReadOnlyList<string> questionWords)
    {
        return [.. campaigns.Where(c => Nominations.QuickEntryParser.MatchingAwards(c, questionWords).Count > 0)];
    }

    /// <summary>The plans in which the question names a responsible or listed body.</summary>
    public static IReadOnlyList<Campaign> PlansNaming(IEnumerable<Campaign> campaigns, IReadOnlyList<string> questionWords)
    {
        var asked = questionWords.ToHashSet(StringComparer.Ordinal);
        return [.. campaigns.Where(c => c.Responsibilities.Any(x => IsNamedIn(asked, x.Who)) || c.Bodies.Any(x => IsNamedIn(asked, x.Name)))];
    }
}
