using System.Globalization;

namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>One plan's count for one field: items in the truth, items imported, imported items that are right; what did not pair.</summary>
internal sealed record Tally(int Truth, int Imported, int Correct, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)
{
    public static readonly Tally None = new(0, 0, 0, [], []);
}

/// <summary>The fields scored, in the order printed, each with its rule (FieldMatch).</summary>
internal static class Fields
{
    public sealed record Field(string Name, Func<PlanFacts, PlanFacts, Tally> Score);

    public static readonly IReadOnlyList<Field> All =
    [
        ScalarOf("number", f => f.Number, FieldMatch.SameNumber),
        ScalarOf("issued", f => f.Issued, (a, b) => a == b),
        ScalarOf("issuer", f => f.Issuer, FieldMatch.Same),
        ScalarOf("level", f => f.Level, (a, b) => a == b),
        ScalarOf("province", f => f.Province, FieldMatch.SameProvince),
        ScalarOf("district", f => f.District, FieldMatch.Same),
        ScalarOf("commune", f => f.Commune, FieldMatch.Same),
        ScalarOf("title", f => f.Title, FieldMatch.SameTitle),
        ScalarOf("period.start", f => Day(f.PeriodStart), (a, b) => a == b, "period"),
        ScalarOf("period.end", f => Day(f.PeriodEnd), (a, b) => a == b, "period"),
        ListOf("phases", f => f.Phases, FieldMatch.SamePhase, p => $"{p.Name} {Day(p.Start)}–{Day(p.End)}"),
        ListOf("deadlines", f => f.Deadlines, FieldMatch.SameDeadline, d => $"{Day(d.Date)} {d.What}"),
        ListOf("awards", f => f.Awards, FieldMatch.Same, a => a),
        ListOf("quotas", f => f.Quotas, FieldMatch.SameQuota, q => $"{(q.Max?.ToString(CultureInfo.InvariantCulture) ?? q.Percent?.ToString(CultureInfo.InvariantCulture) + "%")} {q.Scope} {q.Award}"),
        ListOf("dossier", f => f.Dossier, FieldMatch.Similar, x => x),
        ScalarOf("submitTo", f => f.SubmitTo, FieldMatch.Similar),
        ListOf("contacts", f => f.Contacts, FieldMatch.Similar, x => x),
        ScalarOf("signer", f => f.Signer, FieldMatch.Same),
        ListOf("legalBases", f => f.LegalBases, FieldMatch.SameLegalBasis, b => b.Number ?? b.Text),
    ];

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One item or none: a value the truth lacks but the import has is a wrong item.</summary>
    private static Field ScalarOf(string name, Func<PlanFacts, string?> get, Func<string, string, bool> same, string? key = null) =>
        new(name, (truth, imported) =>
        {
            if (!truth.Judged.Contains(key ?? name)) return Tally.None;
            var (t, i) = (Present(get(truth)), Present(get(imported)));
            var right = t is not null && i is not null && same(t, i);
            return new Tally(t is null ? 0 : 1, i is null ? 0 : 1, right ? 1 : 0,
                t is not null && !right ? [t] : [], i is not null && !right ? [i] : []);
        });

    private static Field ListOf<T>(string name, Func<PlanFacts, List<T>> get, Func<T, T, bool> same, Func<T, string> show) =>
        new(name, (truth, imported) =>
        {
            if (!truth.Judged.Contains(name)) return Tally.None;
            var (t, i) = (get(truth), get(imported));
            var pairs = FieldMatch.Pairs(t, i, same);
            return new Tally(t.Count, i.Count, pairs.Count, [.. pairs.MissedTruth.Select(x => show(t[x]))], [.. pairs.ExtraImported.Select(x => show(i[x]))]);
        });

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
