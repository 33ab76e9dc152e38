using System.Globalization;
using System.Text;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>
/// When an imported value counts as the truth's (the rules in tests/eval/import-truth/README.md): Vietnamese folded,
/// punctuation ignored, a few spelled-out names taken as their usual abbreviations; dates compared as dates; list
/// items paired one to one, as many pairs as the rule allows.
/// </summary>
internal static class FieldMatch
{
    /// <summary>Spelled out and abbreviated, both plans write both ("Ủy ban nhân dân tỉnh" / "UBND tỉnh").</summary>
    private static readonly (string Long, string Short)[] Abbreviations =
    [
        ("uy ban nhan dan", "ubnd"),
        ("hoi dong nhan dan", "hdnd"),
        ("thi dua khen thuong", "tdkt"),
    ];

    private static readonly string[] ProvincePrefixes = ["tinh ", "thanh pho ", "tp "];

    /// <summary>Folded words joined by single spaces: no diacritics, no punctuation, abbreviations as above.</summary>
    public static string Key(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded) sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var key = " " + string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
        foreach (var (full, shortForm) in Abbreviations) key = key.Replace(" " + full + " ", " " + shortForm + " ", StringComparison.Ordinal);
        return key.Trim();
    }

    public static bool Same(string? a, string? b) => Key(a) == Key(b);

    /// <summary>A title with or without its leading "Kế hoạch".</summary>
    public static bool SameTitle(string? a, string? b) => TitleKey(a) == TitleKey(b);

    private static string TitleKey(string? title) => Key(title) is var k && k.StartsWith("ke hoach ", StringComparison.Ordinal) ? k["ke hoach ".Length..] : k;

    /// <summary>"Thành phố Hải Phòng", "TP. Hải Phòng" and "Hải Phòng" are one province.</summary>
    public static bool SameProvince(string? a, string? b) => ProvinceKey(a) == ProvinceKey(b);

    private static string ProvinceKey(string? name)
    {
        var k = Key(name);
        foreach (var prefix in ProvincePrefixes)
            if (k.StartsWith(prefix, StringComparison.Ordinal)) return k[prefix.Length..];
        return k;
    }

    /// <summary>Document numbers: folded, spaces dropped ("98/2023/NĐ- CP" = "98/2023/nd-cp"), every dash the same.</summary>
    public static string NumberKey(string? number) =>
        new([.. VietnameseText.Fold(number).Replace('–', '-').Replace('—', '-').Where(c => !char.IsWhiteSpace(c))]);

    public static bool SameNumber(string? a, string? b) => NumberKey(a) == NumberKey(b);

    /// <summary>A legal basis written as its number has a digit and a slash ("06/2022/QH15", "34-CT/TW").</summary>
    public static bool IsDocumentNumber(string said) => said.Contains('/', StringComparison.Ordinal) && said.Any(char.IsDigit);

    /// <summary>Free text (a deadline's what, a dossier paper, a contact): Dice coefficient of the folded word sets ≥ 0.5.</summary>
    public static bool Similar(string? a, string? b)
    {
        var x = Key(a).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var y = Key(b).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (x.Count == 0 || y.Count == 0) return false;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count) >= 0.5;
    }

    /// <summary>The truth's words appear, in order, within the imported text (a basis cited by name).</summary>
    public static bool Contains(string imported, string name) => (" " + Key(imported) + " ").Contains(" " + Key(name) + " ", StringComparison.Ordinal);

    public static bool SameLegalBasis(LegalFact truth, LegalFact imported) =>
        truth.Number is not null ? imported.Number is not null && SameNumber(truth.Number, imported.Number) : Contains(imported.Text, truth.Text);

    public static bool SamePhase(PhaseFact truth, PhaseFact imported) =>
        truth.Start == imported.Start && truth.End == imported.End && Same(truth.Name, imported.Name);

    public static bool SameDeadline(DeadlineFact truth, DeadlineFact imported) => truth.Date == imported.Date && Similar(truth.What, imported.What);

    public static bool SameQuota(QuotaFact truth, QuotaFact imported) =>
        truth.Max == imported.Max && truth.Percent == imported.Percent && truth.Scope == imported.Scope
        && (truth.Award is null ? imported.Award is null : imported.Award is not null && Same(truth.Award, imported.Award));

    /// <summary>Issue dates as dates, at the precision given: "2025-01-02", "2024-03", "2024".</summary>
    public static string? Issued(string? said)
    {
        if (said is null) return null;
        foreach (var format in (string[])["yyyy-MM-dd", "yyyy-MM", "yyyy"])
            if (DateOnly.TryParseExact(said, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date.ToString(format, CultureInfo.InvariantCulture);
        throw new FormatException($"not yyyy-MM-dd, yyyy-MM or yyyy: {said}");
    }

    /// <summary>The most pairs (truth, imported) the rule allows, each item in at most one pair (augmenting paths).</summary>
    public static Pairing Pairs<TTruth, TImported>(IReadOnlyList<TTruth> truth, IReadOnlyList<TImported> imported, Func<TTruth, TImported, bool> same)
    {
        var allowed = truth.Select(t => imported.Select(i => same(t, i)).ToArray()).ToArray();
        var owner = Enumerable.Repeat(-1, imported.Count).ToArray();
        bool Assign(int t, bool[] seen)
        {
            for (var i = 0; i < imported.Count; i++)
            {
                if (!allowed[t][i] || seen[i]) continue;
                seen[i] = true;
                if (owner[i] < 0 || Assign(owner[i], seen))
                {
                    owner[i] = t;
                    return true;
                }
            }
            return false;
        }
        var missed = new List<int>();
        for (var t = 0; t < truth.Count; t++)
            if (!Assign(t, new bool[imported.Count])) missed.Add(t);
        return new Pairing(truth.Count - missed.Count, missed, [.. Enumerable.Range(0, imported.Count).Where(i => owner[i] < 0)]);
    }
}

/// <summary>How many items paired, and which truth items and imported items were left without a partner.</summary>
internal sealed record Pairing(int Count, IReadOnlyList<int> MissedTruth, IReadOnlyList<int> ExtraImported);
