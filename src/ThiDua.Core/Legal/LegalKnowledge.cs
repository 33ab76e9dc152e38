using System.Text.Json;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Legal;

/// <summary>
/// What changed since the plans (decrees replaced, districts abolished, provinces merged) and the law's general
/// rules. Notes appear only once "now" is past the change, so a 2024 clock still gets 2024 answers.
/// </summary>
public sealed class LegalKnowledge
{
    /// <summary>The general rule on a proposal's dossier, shown when a plan lists none.</summary>
    public const string DossierRuleId = "ho-so-hinh-thuc-khen-thuong";

    /// <summary>The prize money the law sets, shown when a plan says nothing of money.</summary>
    public const string PrizeMoneyRuleId = "muc-tien-thuong";

    private readonly List<(LegalChange Change, string[][] Phrases)> _changes;
    private readonly List<(LegalRule Rule, string[][] Phrases)> _rules;
    /// <summary>The changes' phrases by their first word: every answer is checked against them, in one pass over its words.</summary>
    private readonly Dictionary<string, (int Change, string[] Phrase)[]> _changeStarts;

    public static LegalKnowledge Empty { get; } = new([], [], Glossary.Empty);

    public LegalKnowledge(IEnumerable<LegalChange> changes, IEnumerable<LegalRule> rules, Glossary glossary)
    {
        _changes = [.. changes.Select(c => (c, c.Matches.Select(m => VietnameseText.Words(m).ToArray()).Where(p => p.Length > 0).ToArray()))];
        _changeStarts = _changes.SelectMany((c, i) => c.Phrases.Select(p => (Change: i, Phrase: p)))
            .GroupBy(x => x.Phrase[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _rules = [.. rules.Select(r => (r, r.Keywords.Select(k => glossary.Expand(k)).Where(p => p.Length > 0).ToArray()))];
    }

    public IEnumerable<LegalChange> Changes => _changes.Select(c => c.Change);
    public IEnumerable<LegalRule> Rules => _rules.Select(r => r.Rule);

    public LegalRule? Rule(string id, DateOnly today) =>
        _rules.Select(r => r.Rule).FirstOrDefault(r => r.Id == id && IsValid(r, today));

    /// <summary>Notes for every change the text rests on that is in force on that day, in data order.</summary>
    public IReadOnlyList<string> NotesFor(string text, DateOnly today)
    {
        if (!_changes.Any(c => c.Change.EffectiveFrom <= today)) return [];
        var words = VietnameseText.Words(text);
        var found = new SortedSet<int>();
        for (var i = 0; i < words.Count; i++)
            if (_changeStarts.TryGetValue(words[i], out var starting))
                foreach (var (change, phrase) in starting)
                    if (_changes[change].Change.EffectiveFrom <= today && WordSequence.StartsAt(words, i, phrase)) found.Add(change);
        return [.. found.Select(i => _changes[i].Change.Note).Distinct()];
    }

    /// <summary>The rule the question is about, when its keywords say so clearly (a phrase of two words or more).</summary>
    public (LegalRule Rule, int Score)? MatchRule(IReadOnlyList<string> words, DateOnly today)
    {
        (LegalRule, int)? best = null;
        foreach (var (rule, phrases) in _rules)
        {
            if (!IsValid(rule, today)) continue;
            var score = phrases.Where(p => WordSequence.Contains(words, p)).Sum(p => p.Length);
            if (score >= 2 && (best is null || score > best.Value.Item2)) best = (rule, score);
        }
        return best;
    }

    private static bool IsValid(LegalRule rule, DateOnly today) =>
        (rule.ValidFrom is null || rule.ValidFrom <= today) && (rule.ValidUntil is null || today < rule.ValidUntil);

    /// <summary>Reads data/legal/*.json; every entry must name its source document and article.</summary>
    public static (LegalKnowledge Knowledge, List<DataFileError> Errors) Load(string dataFolder, Glossary glossary)
    {
        var errors = new List<DataFileError>();
        var changes = ReadList<ChangesFile, LegalChange>(Path.Combine(dataFolder, "legal", "changes.json"), f => f.Changes, errors);
        var rules = ReadList<RulesFile, LegalRule>(Path.Combine(dataFolder, "legal", "rules.json"), f => f.Rules, errors);
        for (var i = 0; i < changes.Count; i++) CheckSource(changes[i].Source, $"changes[{i}].source", "legal/changes.json", errors);
        for (var i = 0; i < rules.Count; i++) CheckSource(rules[i].Source, $"rules[{i}].source", "legal/rules.json", errors);
        return (new LegalKnowledge(changes, rules, glossary), errors);
    }

    private static void CheckSource(LegalSource source, string field, string file, List<DataFileError> errors)
    {
        if (string.IsNullOrWhiteSpace(source.Document)) errors.Add(new DataFileError(file, field + ".document", "thiếu văn bản nguồn"));
        if (string.IsNullOrWhiteSpace(source.Article)) errors.Add(new DataFileError(file, field + ".article", "thiếu điều, khoản nguồn"));
    }

    private static List<TItem> ReadList<TFile, TItem>(string path, Func<TFile, List<TItem>> items, List<DataFileError> errors)
    {
        var name = Path.Combine("legal", Path.GetFileName(path));
        if (!File.Exists(path)) return [];
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<TFile>(stream, KnowledgeJson.Options);
            return file is null ? [] : items(file);
        }
        catch (JsonException ex)
        {
            errors.Add(new DataFileError(name, string.IsNullOrEmpty(ex.Path) ? "(json)" : ex.Path, ex.Message.Split(" Path:")[0]));
            return [];
        }
    }
}
