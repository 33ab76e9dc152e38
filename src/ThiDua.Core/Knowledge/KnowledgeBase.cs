using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Legal;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>The loaded campaigns with what answering needs precomputed: folded names, citations, the plan-text index.</summary>
public sealed partial class KnowledgeBase
{
    private readonly Dictionary<string, Campaign> _byId;
    /// <summary>The glossary as loaded, before the loaded plans' place initials were added to it.</summary>
    private readonly Glossary _officeGlossary;

    public KnowledgeBase(IEnumerable<Campaign> campaigns, Glossary glossary, IReadOnlyDictionary<string, string>? planTexts = null, LegalKnowledge? legal = null, AdministrativeUnits? places = null)
    {
        Campaigns = [.. campaigns.OrderBy(c => c.Period.Start).ThenBy(c => c.Id, StringComparer.Ordinal)];
        PlanTexts = planTexts ?? new Dictionary<string, string>();
        _byId = Campaigns.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _officeGlossary = glossary;
        var initials = PlaceInitials.For(Campaigns, glossary).ToList();
        if (initials.Count > 0) glossary = glossary.With(initials);
        Glossary = glossary;
        Resolver = new CampaignResolver(Campaigns, glossary);
        Units = new UnitIndex(Campaigns.SelectMany(c => PlanUnits.Build(c, PlanTexts.GetValueOrDefault(c.Id))), glossary);
        Legal = legal ?? LegalKnowledge.Empty;
        Places = places ?? AdministrativeUnits.Empty;
        Typos = new TypoCorrector(KnownWords(Campaigns, glossary, planTexts, Places));
    }

    /// <summary>
    /// Every text the bot can make sense of: the plans, the data's names, the glossary, the question words, and the
    /// provinces of the units list, so "Quảng Ngãi" is a place no plan covers, not a typo. Only provinces: districts'
    /// syllables ("Mỏ Cày") would make officers' typos ("lao cay") look like words.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> KnownWords(IEnumerable<Campaign> campaigns, Glossary glossary, IReadOnlyDictionary<string, string>? planTexts, AdministrativeUnits places)
    {
        foreach (var place in places.All.Where(p => p.Level == PlaceLevel.Province)) yield return VietnameseText.Words(place.Bare);
        foreach (var text in planTexts?.Values ?? [])
            foreach (var line in text.Split('\n')) yield return VietnameseText.Words(line);
        foreach (var c in campaigns)
            foreach (var name in c.Aliases.Append(c.ShortName).Append(c.Area.Province).Concat(c.Anniversaries.SelectMany(a => a.Keywords)))
                yield return VietnameseText.Words(name);
        yield return [.. glossary.KnownWords];
        foreach (var phrase in Questions.QuestionParser.CuePhrases) yield return phrase;
    }

    public IReadOnlyList<Campaign> Campaigns { get; }
    /// <summary>The plans' own texts by campaign id (full-text search, typo repair).</summary>
    public IReadOnlyDictionary<string, string> PlanTexts { get; }
    public Glossary Glossary { get; }
    public CampaignResolver Resolver { get; }
    /// <summary>Every fact and paragraph of every plan, indexed for matching questions.</summary>
    public UnitIndex Units { get; }
    /// <summary>Vietnam's administrative units, to recognise places no loaded plan covers.</summary>
    public AdministrativeUnits Places { get; }
    public LegalKnowledge Legal { get; }
    public TypoCorrector Typos { get; }

    public Campaign? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The knowledge with one more plan (published from chat), everything else kept.</summary>
    public KnowledgeBase With(Campaign campaign, string planText) =>
        new([.. Campaigns, campaign], _officeGlossary, new Dictionary<string, string>(PlanTexts, StringComparer.Ordinal) { [campaign.Id] = planText }, Legal, Places);

    /// <summary>"Kế hoạch 217/KH-UBND ngày 15/4/2024 của UBND tỉnh Lào Cai"; unnumbered plans by issuer and date.</summary>
    public static string PlanName(Campaign c)
    {
        var d = c.Document;
        var date = d.IssuedOn is { } on ? VietnameseDates.Format(on) : MonthText(d.IssuedMonth) ?? (d.IssuedYear is { } y ? $"năm {y}" : null);
        return d.Number is { Length: > 0 } number
            ? $"Kế hoạch {number}{(date is null ? "" : d.IssuedOn is null ? $", {date}" : $" ngày {date}")} của {d.Issuer}"
            : $"Kế hoạch của {d.Issuer}{(date is null ? "" : $", {date}")}";
    }

    /// <summary>"(Theo mục V.3.3, Kế hoạch 217/KH-UBND ngày 15/4/2024 của UBND tỉnh Lào Cai)".</summary>
    public static string Citation(Campaign c, IEnumerable<string> sections)
    {
        var distinct = sections.Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(CitableSection)
            .Distinct(StringComparer.Ordinal).Take(4).ToList();
        var where = distinct.Count switch
        {
            0 => "",
            _ when distinct.All(IsNumberedSection) => $"mục {string.Join(", ", distinct)}, ",
            _ => $"{string.Join(", ", distinct.Select(s => IsNumberedSection(s) ? $"mục {s}" : s))}, ",
        };
        return $"(Theo {where}{PlanName(c)})";
    }

    /// <summary>A section as cited: table rows ("III (bảng nhiệm vụ), Quý II, STT 3") by their table part.</summary>
    public static string CitableSection(string section) => TableRow().Replace(section, "").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@",?\s*STT\s*\d+")]
    private static partial System.Text.RegularExpressions.Regex TableRow();

    private static bool IsNumberedSection(string section) => section.Length > 0 && (char.IsDigit(section[0]) || "IVX".Contains(section[0], StringComparison.Ordinal));

    private static string? MonthText(string? yearMonth)
    {
        if (yearMonth is null || yearMonth.Length != 7) return null;
        return $"tháng {int.Parse(yearMonth[5..], System.Globalization.CultureInfo.InvariantCulture)}/{yearMonth[..4]}";
    }
}
