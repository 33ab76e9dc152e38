using System.Text.Json;

using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Text;

/// <summary>Officers' abbreviations and synonyms (data/glossary.json), applied to folded words.</summary>
public sealed class Glossary
{
    private readonly Dictionary<string, List<(string[] Term, string[] Meaning)>> _byFirstWord = new();

    public static Glossary Empty { get; } = new([]);

    private readonly HashSet<string> _knownWords = new(StringComparer.Ordinal);

    /// <summary>The words of every term and meaning, so typo repair never "corrects" an abbreviation.</summary>
    public IReadOnlyCollection<string> KnownWords => _knownWords;

    private readonly List<GlossaryEntry> _entries;

    public Glossary(IEnumerable<GlossaryEntry> entries)
    {
        _entries = [.. entries];
        foreach (var entry in _entries)
        {
            var meaning = VietnameseText.Words(entry.Means).ToArray();
            _knownWords.UnionWith(meaning);
            foreach (var term in entry.Terms)
            {
                var words = VietnameseText.Words(term).ToArray();
                if (words.Length == 0) continue;
                _knownWords.UnionWith(words);
                if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
                list.Add((words, meaning));
            }
        }
        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Term.Length.CompareTo(a.Term.Length));
    }

    /// <summary>This glossary with more entries (terms it already has keep their meaning: they are read first).</summary>
    public Glossary With(IEnumerable<GlossaryEntry> more) => new([.. _entries, .. more]);

    public static Glossary Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<GlossaryFile>(stream, KnowledgeJson.Options)
            ?? throw new InvalidDataException($"{path}: empty glossary");
        return new Glossary(file.Entries);
    }

    /// <summary>Folds the text and replaces every abbreviation by its meaning, longest term first.</summary>
    public string[] Expand(string? text) => Expand(VietnameseText.Words(text));

    public string[] Expand(IReadOnlyList<string> words)
    {
        var result = new List<string>(words.Count + 4);
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            if (_byFirstWord.TryGetValue(words[i], out var candidates))
            {
                foreach (var (term, meaning) in candidates)
                {
                    if (!WordSequence.StartsAt(words, i, term)) continue;
                    result.AddRange(meaning);
                    i += term.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched) result.Add(words[i++]);
        }
        return [.. result];
    }

}

public sealed record GlossaryEntry(List<string> Terms, string Means);

internal sealed record GlossaryFile(int SchemaVersion, List<GlossaryEntry> Entries);
