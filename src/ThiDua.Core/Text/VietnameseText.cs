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
        return FoldLatin(text) ?? FoldAny(text);
    }

    /// <summary>
    /// What each Latin character (Basic Latin to Latin Extended-B, the combining accents, Latin Extended Additional,
    /// where every Vietnamese letter is, and the dashes and quotes of General Punctuation) folds to, by
    /// <see cref="FoldAny"/>'s own steps applied to it alone: <see cref="Dropped"/> for one that folds to nothing (an
    /// accent), <see cref="Unfolded"/> for one outside these blocks.
    /// </summary>
    /// <remarks>
    /// Such a text folds character by character, without normalizing the whole string: the canonical decomposition
    /// of these characters holds only Latin letters, punctuation and combining accents, and canonical reordering moves
    /// only the accents, which are all dropped, so the rest comes out in the same order either way.
    /// </remarks>
    private static readonly char[] LatinFolds = BuildLatinFolds();

    private const char Unfolded = '\uFFFF';
    private const char Dropped = '\uFFFE';

    private static char[] BuildLatinFolds()
    {
        var folds = new char[0x2070];
        Array.Fill(folds, Unfolded);
        foreach (var (from, to) in new[] { (0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F) })
            for (var c = from; c <= to; c++)
            {
                var folded = FoldAny(((char)c).ToString(), collapseSpaces: false);
                if (folded.Length <= 1) folds[c] = folded.Length == 0 ? Dropped : folded[0];
            }
        return folds;
    }

    /// <summary>The fold of a text of Latin characters only (<see cref="LatinFolds"/>); null for any other text.</summary>
    private static string? FoldLatin(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var lastWasSpace = true;
        foreach (var ch in text)
        {
            if (ch >= LatinFolds.Length || LatinFolds[ch] is var c && c == Unfolded) return null;
            if (c == Dropped) continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace) buffer[length++] = ' ';
                lastWasSpace = true;
                continue;
            }
            buffer[length++] = c;
            lastWasSpace = false;
        }
        if (length > 0 && buffer[length - 1] == ' ') length--;
        return new string(buffer[..length]);
    }

    /// <summary>The fold by its definition: the whole text decomposed (NFD), accents dropped, lowercased, spaces collapsed.</summary>
    internal static string FoldAny(string text, bool collapseSpaces = true)
    {
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
            if (collapseSpaces && (char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        if (collapseSpaces && sb.Length > 0 && sb[^1] == ' ') sb.Length--;
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
