using System.Text.RegularExpressions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Repairs what OCR typically gets wrong in a plan, only in words tesseract itself was unsure of: "0" read for "O"
/// in a word and "O", "l" for "0", "1" in a number ("2O24", "l5/4"), and a lost or misplaced diacritic, against the
/// words and word pairs of the plans the bot already has (<see cref="TypoCorrector"/>, as questions are repaired).
/// </summary>
internal static partial class ScanRepair
{
    /// <summary>Words read with less confidence than this (0–100) may be repaired; surer ones are kept as read.</summary>
    public const int UnsureBelow = 80;

    [GeneratedRegex(@"^(?<lead>[^\p{L}\p{N}]*)(?<core>.*?)(?<tail>[^\p{L}\p{N}]*)$")]
    private static partial Regex Edges();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Segment();

    /// <summary>Specks read as marks before a word ("_Số", "_..động", "'Ngày"), however sure tesseract is; brackets and quotes that open a word are kept.</summary>
    [GeneratedRegex(@"^[._'`,:;|~¬‹›„*^]+(?=\p{L})")]
    private static partial Regex SpeckBefore();

    /// <summary>A speck read as a dot between two words ("Điện.Biên"), not an abbreviation ("P.II", "TT.").</summary>
    [GeneratedRegex(@"(?<=\p{L})\.(?=\p{Lu}?\p{Ll})")]
    private static partial Regex SpeckBetween();

    /// <summary>A speck after a number read as a quote ("tháng 4'"): no plan writes one there, however sure tesseract is.</summary>
    [GeneratedRegex(@"(?<=\d)['`‘’]+$")]
    private static partial Regex SpeckAfterNumber();

    public static ScannedLine Repair(ScannedLine line, TypoCorrector? vocabulary)
    {
        var words = line.Words.Select(w => w with { Text = SpeckBefore().Replace(SpeckAfterNumber().Replace(w.Text, ""), "") })
            .Select(w => w.Confidence < UnsureBelow ? w with { Text = Unspecked(w.Text) } : w)
            .Where((w, i) => !IsSpeck(w, i)).ToList();
        // The place-and-date line never ends in a dash: a speck there hides the line from the header's reader.
        if (words.Count > 1 && words[^1].Text is "-" or "–" && DateLine().IsMatch(string.Join(' ', words.Select(w => w.Text)))) words.RemoveAt(words.Count - 1);
        words = words
            .Select(w => w.Confidence < UnsureBelow ? w with { Text = Segment().Replace(w.Text, m => DigitsAndLetters(m.Value)) } : w).ToList();
        if (vocabulary is not null) words = Corrected(words, vocabulary);
        return line with { Words = Rejoined(words) };
    }

    /// <summary>A document number split after its hyphen ("836/HD- BNV", "98/2023/NĐ- CP") is one word again.</summary>
    [GeneratedRegex(@"\d/\S*-$")]
    private static partial Regex NumberCutAtHyphen();

    private static List<ScannedWord> Rejoined(List<ScannedWord> words)
    {
        var result = new List<ScannedWord>(words.Count);
        foreach (var w in words)
            if (result.Count > 0 && NumberCutAtHyphen().IsMatch(result[^1].Text) && w.Text.Length > 0 && char.IsUpper(w.Text[0]))
                result[^1] = new ScannedWord(result[^1].Text + w.Text, Math.Min(result[^1].Confidence, w.Confidence));
            else result.Add(w);
        return result;
    }

    private static string Unspecked(string word) => SpeckBetween().Replace(word, " ");

    [GeneratedRegex(@"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")]
    private static partial Regex DateLine();

    /// <summary>A mark alone that is no punctuation a plan uses there: a speck of dust or the seal's edge read as text.</summary>
    private static bool IsSpeck(ScannedWord w, int index) =>
        !w.Text.Any(char.IsLetterOrDigit) && !(index == 0 && w.Text is "-" or "+" or "–" or "•") && (w.Confidence < 60 || w.Text.All(c => "._'`|~¬‹›„*^\\=".Contains(c)));

    /// <summary>A run mostly of digits is a number ("2O24" → "2024"); a word with one stray digit is a word ("T0NG" → "TONG").</summary>
    private static string DigitsAndLetters(string run)
    {
        var digits = run.Count(char.IsDigit);
        if (digits == 0 || digits == run.Length) return run;
        if (digits * 2 >= run.Length)
            return new string([.. run.Select(c => c switch { 'O' or 'o' => '0', 'l' or 'I' => '1', _ => c })]);
        return digits == 1 && run.Length >= 3 ? run.Replace('0', char.IsUpper(run.First(char.IsLetter)) ? 'O' : 'o') : run;
    }

    private static List<ScannedWord> Corrected(List<ScannedWord> words, TypoCorrector vocabulary)
    {
        var parts = words.Select(w => Edges().Match(w.Text)).ToList();
        var cores = parts.Select(p => p.Groups["core"].Value.ToLowerInvariant()).ToArray();
        var fixedCores = vocabulary.Correct(cores);
        var result = new List<ScannedWord>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (fixedCores[i] == cores[i] || w.Confidence >= UnsureBelow || cores[i].Length == 0) { result.Add(w); continue; }
            var core = parts[i].Groups["core"].Value;
            result.Add(w with { Text = parts[i].Groups["lead"].Value + CasedAs(core, fixedCores[i]) + parts[i].Groups["tail"].Value });
        }
        return result;
    }

    /// <summary>The repaired word in the case it was read in: "THỈ" → "THI", "Thỉ" → "Thi".</summary>
    private static string CasedAs(string read, string repaired)
    {
        var letters = read.Where(char.IsLetter).ToList();
        if (letters.Count > 1 && letters.All(char.IsUpper)) return repaired.ToUpperInvariant();
        return letters.Count > 0 && char.IsUpper(letters[0]) ? char.ToUpperInvariant(repaired[0]) + repaired[1..] : repaired;
    }
}
