using System.Text.RegularExpressions;

namespace ThiDua.Core.Knowledge;

/// <summary>Checks what JSON typing cannot: ids, references between lists, date order, sections present.</summary>
public static partial class CampaignValidator
{
    public const int CurrentSchemaVersion = 1;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex CodePrefixPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id) && id.Length <= 24;

    public static List<DataFileError> Validate(Campaign c, string file, string? dataFolder = null)
    {
        var errors = new List<DataFileError>();
        void Add(string field, string problem) => errors.Add(new DataFileError(file, field, problem));

        if (c.SchemaVersion != CurrentSchemaVersion)
            Add("schemaVersion", $"is {c.SchemaVersion}, this version of the bot reads {CurrentSchemaVersion}");
        if (!IsValidId(c.Id))
            Add("id", $"'{c.Id}' must be lowercase a-z, 0-9 and '-', at most 24 characters");
        if (!CodePrefixPattern().IsMatch(c.CodePrefix))
            Add("codePrefix", $"'{c.CodePrefix}' must be 2 to 4 capital letters");
        if (string.IsNullOrWhiteSpace(c.ShortName) || c.ShortName.Length > 80)
            Add("shortName", "must be 1 to 80 characters");
        if (c.Document.IssuedOn is null && c.Document.IssuedMonth is null && c.Document.IssuedYear is null)
            Add("document", "needs issuedOn, issuedMonth or issuedYear so the plan can be cited");
        if (dataFolder is not null && !File.Exists(Path.Combine(dataFolder, c.Document.SourceFile)))
            Add("document.sourceFile", $"'{c.Document.SourceFile}' does not exist under the data folder");
        if (c.Period.Start > c.Period.End)
            Add("period", $"starts {c.Period.Start:yyyy-MM-dd} after it ends {c.Period.End:yyyy-MM-dd}");

        var phaseIds = Unique(c.Phases.Select(p => p.Id), "phases", Add);
        for (var i = 0; i < c.Phases.Count; i++)
        {
            var p = c.Phases[i];
            if (p.Start > p.End) Add($"phases[{i}]", $"starts {p.Start:yyyy-MM-dd} after it ends {p.End:yyyy-MM-dd}");
        }
        var awardIds = Unique(c.Awards.Select(a => a.Id), "awards", Add);
        Unique(c.Deadlines.Select(d => d.Id), "deadlines", Add);
        if (c.Dossier is not null) Unique(c.Dossier.Components.Select(d => d.Id), "dossier.components", Add);

        void CheckPhase(string? phaseId, string field)
        {
            if (phaseId is not null && !phaseIds.Contains(phaseId)) Add(field, $"'{phaseId}' is not a phase of this plan");
        }
        void CheckAward(string? awardId, string field)
        {
            if (awardId is not null && !awardIds.Contains(awardId)) Add(field, $"'{awardId}' is not an award of this plan");
        }
        for (var i = 0; i < c.Themes.Count; i++) CheckPhase(c.Themes[i].PhaseId, $"themes[{i}].phaseId");
        for (var i = 0; i < c.Deadlines.Count; i++) CheckPhase(c.Deadlines[i].PhaseId, $"deadlines[{i}].phaseId");
        for (var i = 0; i < c.Quotas.Count; i++)
        {
            CheckPhase(c.Quotas[i].PhaseId, $"quotas[{i}].phaseId");
            CheckAward(c.Quotas[i].AwardId, $"quotas[{i}].awardId");
            if (c.Quotas[i].Max <= 0) Add($"quotas[{i}].max", "must be positive");
        }
        for (var i = 0; i < c.Criteria.Count; i++) CheckAward(c.Criteria[i].AwardId, $"criteria[{i}].awardId");
        for (var i = 0; i < c.Awards.Count; i++)
            foreach (var phaseId in c.Awards[i].PhaseIds) CheckPhase(phaseId, $"awards[{i}].phaseIds");
        for (var i = 0; i < c.Deadlines.Count; i++)
            if (c.Deadlines[i].Audience.Count == 0) Add($"deadlines[{i}].audience", "must name at least one kind of unit (or 'all')");

        CheckSections(c, Add);
        return errors;
    }

    private static HashSet<string> Unique(IEnumerable<string> ids, string list, Action<string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) add(list, $"id '{id}' appears twice");
        return seen;
    }

    private static void CheckSections(Campaign c, Action<string, string> add)
    {
        var sections = new (string Field, string? Section)[] { ("period", c.Period.Section) }
            .Concat(c.LegalBases.Select((x, i) => ($"legalBases[{i}]", (string?)x.Section)))
            .Concat(c.Purposes.Select((x, i) => ($"purposes[{i}]", (string?)x.Section)))
            .Concat(c.Themes.Select((x, i) => ($"themes[{i}]", (string?)x.Section)))
            .Concat(c.Phases.Select((x, i) => ($"phases[{i}]", (string?)x.Section)))
            .Concat(c.Criteria.Select((x, i) => ($"criteria[{i}]", (string?)x.Section)))
            .Concat(c.Awards.Select((x, i) => ($"awards[{i}]", (string?)x.Section)))
            .Concat(c.Quotas.Select((x, i) => ($"quotas[{i}]", (string?)x.Section)))
            .Concat(c.Deadlines.Select((x, i) => ($"deadlines[{i}]", (string?)x.Section)))
            .Concat(c.Bodies.Select((x, i) => ($"bodies[{i}]", (string?)x.Section)))
            .Concat(c.Responsibilities.Select((x, i) => ($"responsibilities[{i}]", (string?)x.Section)));
        foreach (var (field, section) in sections)
            if (string.IsNullOrWhiteSpace(section)) add($"{field}.section", "is empty: every fact must say where it stands in the plan");
    }
}
