using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>What a message says about which plan it means.</summary>
public sealed record CampaignMention(IReadOnlyList<Campaign> Candidates, bool Explicit, IReadOnlyList<string> AnniversaryNames)
{
    public static CampaignMention None { get; } = new([], false, []);

    /// <summary>The words of the message that did not name a plan.</summary>
    public IReadOnlyList<string> OtherWords { get; init; } = [];
    /// <summary>How many different places or numbers named plans ("Hải Dương với Lào Cai" is two).</summary>
    public int PlacesNamed { get; init; }
    /// <summary>Positions of the words that named a plan (place, number, anniversary): not what the question asks.</summary>
    public IReadOnlySet<int> PlanWords { get; init; } = new HashSet<int>();
    public bool IsNone => Candidates.Count == 0;
}

/// <summary>
/// Finds plans named in a message by area, alias, plan number or anniversary. Longest phrase wins, so
/// "điện biên phủ" (the 1954 victory) is never read as the province "điện biên".
/// </summary>
public sealed class CampaignResolver
{
    private enum PhraseKind { Place, Anniversary }

    private sealed record Phrase(string[] Words, PhraseKind Kind, Campaign Campaign, string Label);

    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);

    public CampaignResolver(IEnumerable<Campaign> campaigns, Glossary glossary)
    {
        foreach (var c in campaigns)
        {
            foreach (var name in PlaceNames(c)) Add(glossary.Expand(name), PhraseKind.Place, c, name);
            foreach (var a in c.Anniversaries)
            {
                foreach (var k in a.Keywords.Prepend(a.Name))
                {
                    var words = glossary.Expand(k);
                    Add(words, PhraseKind.Anniversary, c, a.Name);
                    // "80 năm Cách mạng tháng Tám thành công" is asked as "80 năm Cách mạng tháng Tám": the event is named before its outcome.
                    if (words.Length > 4 && words[^2..] is ["thanh", "cong"] or ["thang", "loi"]) Add(words[..^2], PhraseKind.Anniversary, c, a.Name);
                }
            }
        }
        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    private static IEnumerable<string> PlaceNames(Campaign c)
    {
        foreach (var alias in c.Aliases) yield return alias;
        // The issuing body names its plan too: "HĐTĐKT Trung ương", "Sở Giáo dục và Đào tạo tỉnh Quảng Bình".
        if (c.Document.Issuer is { Length: > 0 } issuer) yield return issuer;
        var area = c.Area;
        // The most local name identifies the plan; a province name also matches plans of its districts and communes.
        var local = area.Commune ?? area.District;
        if (local is not null) yield return local;
        if (area.Commune is null && area.District is null) yield return area.Province;
        if (c.Document.Number is { Length: > 0 } number)
        {
            yield return number;
            var bare = number.Split('/')[0].Trim();
            yield return $"kế hoạch {bare}";
            yield return $"kế hoạch số {bare}";
            yield return $"số {bare}";
        }
    }

    /// <summary>"01" and "1", "02/kh-ubnd" and "2/kh-ubnd" are one plan number: officers write either.</summary>
    private static string Number(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        if (digits < 2 || word[0] != '0' || digits < word.Length && word[digits] != '/') return word;
        var bare = word[..digits].TrimStart('0');
        return (bare.Length > 0 ? bare : "0") + word[digits..];
    }

    private void Add(string[] words, PhraseKind kind, Campaign campaign, string label)
    {
        words = [.. words.Select(Number)];
        if (words.Length == 0) return;
        if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
        if (!list.Any(p => p.Campaign == campaign && p.Kind == kind && p.Words.SequenceEqual(words)))
            list.Add(new Phrase(words, kind, campaign, label));
    }

    public CampaignMention Resolve(IReadOnlyList<string> words)
    {
        words = [.. words.Select(Number)];
        var places = new List<Campaign>();
        var placeGroups = new List<HashSet<Campaign>>();
        var anniversaries = new List<Campaign>();
        var anniversaryNames = new List<string>();
        var otherWords = new List<string>();
        var planWords = new HashSet<int>();
        var placeWords = new HashSet<int>();
        for (var i = 0; i < words.Count;)
        {
            var length = LongestAt(words, i);
            if (length == 0) { otherWords.Add(words[i++]); continue; }
            for (var k = i; k < i + length; k++) planWords.Add(k);
            var group = new HashSet<Campaign>();
            // Places: the longest phrase only ("điện biên phủ" is not "điện biên"). Anniversaries: every plan with one
            // starting here ("80 năm QĐND" is named longer by one plan than by another, it is the same day).
            foreach (var p in _byFirstWord[words[i]].Where(p => (p.Words.Length == length || p.Kind == PhraseKind.Anniversary) && WordSequence.StartsAt(words, i, p.Words)))
            {
                if (p.Kind == PhraseKind.Place) { if (p.Words.Length == length) { places.Add(p.Campaign); group.Add(p.Campaign); } }
                else
                {
                    anniversaries.Add(p.Campaign);
                    anniversaryNames.Add(p.Label);
                }
            }
            if (group.Count > 0) for (var k = i; k < i + length; k++) placeWords.Add(k);
            if (group.Count > 0 && !placeGroups.Any(g => g.SetEquals(group))) placeGroups.Add(group);
            i += length;
        }
        var placeSet = places.Distinct().ToList();
        var anniversarySet = anniversaries.Distinct().ToList();
        var names = anniversaryNames.Distinct(StringComparer.Ordinal).ToList();
        // "HĐTĐKT Trung ương, kế hoạch 01": names that share a plan narrow to it; names with none in common are compared.
        var common = placeGroups.Skip(1).Aggregate(placeGroups.FirstOrDefault() ?? [], (all, g) => [.. all.Intersect(g)]);
        if (placeGroups.Count > 1 && common.Count > 0)
        {
            placeSet = [.. placeSet.Where(common.Contains)];
            placeGroups = [common];
        }
        if (placeSet.Count > 0)
        {
            // The place names the plan; a day it celebrates is then what is asked about ("35 năm Ngày hội QPTD tính từ ngày nào").
            var both = placeSet.Intersect(anniversarySet).ToList();
            return new CampaignMention(both.Count > 0 ? both : placeSet, true, names) { OtherWords = otherWords, PlanWords = placeWords, PlacesNamed = placeGroups.Count };
        }
        return anniversarySet.Count > 0
            ? new CampaignMention(anniversarySet, false, names) { OtherWords = otherWords, PlanWords = planWords }
            : CampaignMention.None with { OtherWords = otherWords };
    }

    private int LongestAt(IReadOnlyList<string> words, int index)
    {
        if (!_byFirstWord.TryGetValue(words[index], out var list)) return 0;
        foreach (var p in list)
            if (WordSequence.StartsAt(words, index, p.Words)) return p.Words.Length;
        return 0;
    }

}
