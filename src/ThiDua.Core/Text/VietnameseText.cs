using System.Globalization;
using System.Text;

namespace ThiDua.Core.Text;

/// <summary>
/// Folds Vietnamese text to a search key: lowercase, no tone marks or diacritics, đ → d, single spaces.
/// NFC and NFD input, and both tone-mark placements (hóa/hoá, thủy/thuỷ), fold to the same key.
/// </summary>
public static class VietnameseText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Folded words: letters and digits; '/' and '-' kept inside a word so "217/kh-ubnd" and "98/2023/nd-cp" stay whole.</summary>
    public static List<string> Words(string? text)
    {
        var folded = Fold(text);
        var words = new List<string>(folded.Length / 5 + 1);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded, i);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                // Joiners at a word's edges are not part of it; one substring per word, nothing else allocated.
                int from = start, to = i;
                while (from < to && folded[from] is '/' or '-' or '.') from++;
                while (to > from && folded[to - 1] is '/' or '-' or '.') to--;
                if (to > from) words.Add(folded[from..to]);
                start = -1;
            }
        }
        return words;
    }

    private static bool IsWordChar(string s, int i)
    {
        var c = s[i];
        if (char.IsLetterOrDigit(c)) return true;
        // Joiners count only between two word characters: "217/kh-ubnd", "v.3", "h'hen".
        if (c is '/' or '-' or '.' or '\'' && i > 0 && i + 1 < s.Length)
            return char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1]);
        return false;
    }

    /// <summary>Canonical composed form for display and storage.</summary>
    public static string Compose(string text) => text.Normalize(NormalizationForm.FormC);
}
