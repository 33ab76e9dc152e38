namespace ThiDua.Core.Text;

/// <summary>
/// Repairs one-letter typos ("tieu chuna", "ho soo", "lao cay") against what the bot knows: the plans' own
/// words and word pairs, and its question words. Vietnamese syllables are short, so a short word is only repaired
/// together with its neighbour, as a known pair. Known words are never changed; numbers are left alone.
/// </summary>
public sealed class TypoCorrector
{
    private const int MinLength = 4;
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _byLength = [];
    private readonly Dictionary<string, int> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, char), List<string>> _pairsByLengthAndStart = [];

    /// <param name="knownTexts">Texts as word sequences: every word and every neighbouring pair becomes known.</param>
    public TypoCorrector(IEnumerable<IReadOnlyList<string>> knownTexts)
    {
        foreach (var words in knownTexts)
        {
            for (var i = 0; i < words.Count; i++)
            {
                _frequency[words[i]] = _frequency.GetValueOrDefault(words[i]) + 1;
                if (i + 1 < words.Count) { var pair = words[i] + " " + words[i + 1]; _pairs[pair] = _pairs.GetValueOrDefault(pair) + 1; }
            }
        }
        foreach (var word in _frequency.Keys.Where(w => w.Length >= MinLength - 1))
        {
            if (!_byLength.TryGetValue(word.Length, out var list)) _byLength[word.Length] = list = [];
            list.Add(word);
        }
        foreach (var pair in _pairs.Keys)
        {
            if (!_pairsByLengthAndStart.TryGetValue((pair.Length, pair[0]), out var list)) _pairsByLengthAndStart[(pair.Length, pair[0])] = list = [];
            list.Add(pair);
        }
    }

    public bool IsKnown(string word) => _frequency.ContainsKey(word);

    public string[] Correct(string[] words)
    {
        var result = (string[])words.Clone();
        // Pairs first: the neighbour says which word was meant ("tieu chuna" → "tieu chuan", not "chung").
        for (var i = 0; i + 1 < result.Length; i++)
        {
            var (a, b) = (result[i], result[i + 1]);
            if ((IsKnown(a) && IsKnown(b)) || a.Any(char.IsDigit) || b.Any(char.IsDigit)) continue;
            var pair = a + " " + b;
            if (_pairs.ContainsKey(pair) || BestPair(pair) is not { } fixedPair) continue;
            var space = fixedPair.IndexOf(' ', StringComparison.Ordinal);
            (result[i], result[i + 1]) = (fixedPair[..space], fixedPair[(space + 1)..]);
            i++;
        }
        for (var i = 0; i < result.Length; i++)
        {
            var w = result[i];
            if (w.Length < MinLength || IsKnown(w) || w.Any(char.IsDigit)) continue;
            if (BestCandidate(w) is { } best) result[i] = best;
        }
        return result;
    }

    private string? BestPair(string pair)
    {
        string? best = null;
        var bestFrequency = 0;
        for (var length = pair.Length - 1; length <= pair.Length + 1; length++)
        {
            if (!_pairsByLengthAndStart.TryGetValue((length, pair[0]), out var list)) continue;
            foreach (var candidate in list)
            {
                // A word's first letter is the one people get right ("co uu tiên" is not "cơ vụ tiên").
                if (!WithinOneEdit(pair, candidate) || !SameInitials(pair, candidate)) continue;
                var frequency = _pairs[candidate];
                if (frequency > bestFrequency) (best, bestFrequency) = (candidate, frequency);
            }
        }
        return best;
    }

    private string? BestCandidate(string word)
    {
        string? best = null;
        var bestFrequency = 0;
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            if (!_byLength.TryGetValue(length, out var list)) continue;
            foreach (var candidate in list)
            {
                if (!WithinOneEdit(word, candidate)) continue;
                var frequency = _frequency[candidate];
                if (frequency > bestFrequency) (best, bestFrequency) = (candidate, frequency);
            }
        }
        return best;
    }

    private static bool SameInitials(string pair, string candidate)
    {
        var a = pair.IndexOf(' ', StringComparison.Ordinal);
        var b = candidate.IndexOf(' ', StringComparison.Ordinal);
        return a > 0 && b > 0 && a + 1 < pair.Length && b + 1 < candidate.Length && pair[0] == candidate[0] && pair[a + 1] == candidate[b + 1];
    }

    /// <summary>One insertion, deletion, substitution or swap of neighbours.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
        {
            if (i == a.Length) return true;
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
