using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>
/// Officers write a place by its initials ("tn" for Thái Nguyên, "nb" for Ninh Bình), for any plan an office
/// imports, not only the ones the glossary lists. Each loaded plan's place names give such a term when it is
/// unambiguous: no two loaded places share it, the glossary does not already mean something else by it, and it is
/// not how documents abbreviate their own kind ("hd" is hướng dẫn before it is Hải Dương).
/// </summary>
public static class PlaceInitials
{
    /// <summary>Document kinds and issuers as their numbers write them ("836/HD-BNV", "98/NĐ-CP"), never places.</summary>
    private static readonly HashSet<string> DocumentAbbreviations = new(StringComparer.Ordinal)
    {
        "hd", "qd", "nq", "nd", "tt", "ct", "kh", "bc", "tb", "cv", "kl", "tw", "cp", "bb", "tr", "vp", "ub", "bt", "tu", "ht", "tl",
    };

    public static IEnumerable<GlossaryEntry> For(IEnumerable<Campaign> campaigns, Glossary glossary)
    {
        var byInitials = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in campaigns)
            foreach (var name in new[] { c.Area.Province, c.Area.District, c.Area.Commune })
            {
                if (name is not { Length: > 0 }) continue;
                var bare = AdministrativeUnits.BareName(name);
                var words = VietnameseText.Words(bare);
                if (words.Count < 2 || words.Any(w => w.Length == 0 || !char.IsAsciiLetter(w[0]))) continue;
                var initials = string.Concat(words.Select(w => w[0]));
                if (!byInitials.TryGetValue(initials, out var places)) byInitials[initials] = places = new(StringComparer.Ordinal);
                places.Add(string.Join(' ', words));
            }
        foreach (var (initials, places) in byInitials)
        {
            if (places.Count != 1 || DocumentAbbreviations.Contains(initials) || glossary.KnownWords.Contains(initials)) continue;
            yield return new GlossaryEntry([initials], places.First());
        }
    }
}
