using System.Globalization;
using ThiDua.Core.Knowledge;

namespace ThiDua.Benchmarks.ImportAccuracy;

internal sealed record PhaseFact(string Name, DateOnly Start, DateOnly End);

internal sealed record DeadlineFact(DateOnly Date, string What);

/// <summary>A count limit (<see cref="Max"/>) or a share (<see cref="Percent"/>), with its scope and award form.</summary>
internal sealed record QuotaFact(int? Max, decimal? Percent, string Scope, string? Award);

/// <summary>A cited document: its number when it has one, otherwise its name (truth) or its text (imported).</summary>
internal sealed record LegalFact(string? Number, string Text);

/// <summary>
/// The fields an officer relies on, for one plan: the truth (a file of tests/eval/import-truth or a reviewed
/// record) or what the importer drafted. <see cref="Judged"/> names the fields the truth gives; only those are scored.
/// </summary>
internal sealed record PlanFacts
{
    public required string Plan { get; init; }
    public required IReadOnlySet<string> Judged { get; init; }
    public string? Number { get; init; }
    /// <summary>"yyyy-MM-dd", "yyyy-MM" or "yyyy": as precise as the plan is.</summary>
    public string? Issued { get; init; }
    public string? Issuer { get; init; }
    public string? Level { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? Commune { get; init; }
    public string? Title { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public List<PhaseFact> Phases { get; init; } = [];
    public List<DeadlineFact> Deadlines { get; init; } = [];
    public List<string> Awards { get; init; } = [];
    public List<QuotaFact> Quotas { get; init; } = [];
    public List<string> Dossier { get; init; } = [];
    public string? SubmitTo { get; init; }
    public List<string> Contacts { get; init; } = [];
    public string? Signer { get; init; }
    public List<LegalFact> LegalBases { get; init; } = [];

    /// <summary>Every field of a campaign record; <paramref name="judged"/> is what a truth made from it scores.</summary>
    public static PlanFacts Of(Campaign c, string plan, IReadOnlySet<string> judged)
    {
        var awardNames = c.Awards.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        string? AwardName(string? id) => id is null ? null : awardNames.GetValueOrDefault(id, id);
        var d = c.Document;
        return new PlanFacts
        {
            Plan = plan,
            Judged = judged,
            Number = d.Number,
            Issued = FieldMatch.Issued(d.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? d.IssuedMonth ?? d.IssuedYear?.ToString(CultureInfo.InvariantCulture)),
            Issuer = d.Issuer,
            Level = JsonName(c.Level.ToString()),
            Province = c.Area.Province,
            District = c.Area.District,
            Commune = c.Area.Commune,
            Title = d.Title,
            PeriodStart = c.Period.Start,
            PeriodEnd = c.Period.End,
            Phases = [.. c.Phases.Select(p => new PhaseFact(p.Name, p.Start, p.End))],
            Deadlines = [.. c.Deadlines.Select(x => new DeadlineFact(x.DueDate, x.Title))],
            Awards = [.. c.Awards.Select(a => a.Name)],
            Quotas = [.. c.Quotas.Select(q => new QuotaFact(q.Max, null, JsonName(q.Scope.ToString()), AwardName(q.AwardId))),
                      .. c.QuotaShares.Select(q => new QuotaFact(null, q.Percent, JsonName(q.Scope.ToString()), AwardName(q.AwardId)))],
            Dossier = [.. c.Dossier?.Components.Select(x => x.Name) ?? []],
            SubmitTo = c.Dossier?.SubmitTo,
            Contacts = [.. c.Contacts.Select(x => x.Name)],
            Signer = d.Signer,
            LegalBases = [.. c.LegalBases.Select(b => new LegalFact(b.DocumentNumber, b.Text))],
        };
    }

    /// <summary>Enum names as the JSON files spell them: "province", "phase".</summary>
    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
