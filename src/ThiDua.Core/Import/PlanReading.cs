using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// What every reader of the importer shares: the plan's parts under their headings, its year and date (from the
/// plan, for dates written without a year), and the flags raised for the reviewer.
/// </summary>
internal sealed partial class PlanReading(PlanSections sections, int year, DateOnly? issuedOn)
{
    /// <summary>The issuer's level and, below a province, its district ("thành phố Cam Ranh"), once known.</summary>
    public Knowledge.AdministrativeLevel Level { get; set; } = Knowledge.AdministrativeLevel.Province;

    public string? District { get; set; }

    public PlanSections Sections { get; } = sections;

    /// <summary>The year days without a year are in: the plan's own (its title's "năm 2025", else its date's).</summary>
    public int Year { get; } = year;

    public DateOnly? IssuedOn { get; } = issuedOn;

    public List<ImportFlag> Flags { get; } = [];

    public void Flag(string field, string problem) => Flags.Add(new ImportFlag(field, problem));

    public List<DateMention> Dates(string text) => DateMentions.Find(text, Year, IssuedOn);

    /// <summary>Dates in the plan's time frame: a cited document's date or a date long past (07/5/1954) is neither a deadline nor a period.</summary>
    public IEnumerable<DateMention> CurrentDates(string text) => Dates(text).Where(d => !d.Cited && d.Due.Year >= Year - 1 && (d.Start is null || d.Start.Value.Year >= Year - 1));

    [GeneratedRegex(@"(?<=[.;!?])\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    /// <summary>The sentences of a paragraph (split at ". " and "; ").</summary>
    public static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);
}
