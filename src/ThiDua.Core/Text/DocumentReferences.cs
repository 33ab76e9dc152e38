using System.Text.RegularExpressions;

namespace ThiDua.Core.Text;

/// <summary>
/// A document's number as folded words write it: "836/hd-bnv", "98/2023/nd-cp", "34-ct/tw", "1663/kh-ubnd". Officers
/// name cited documents by their bare number ("hướng dẫn 836", "nghị định 98/2023", "chỉ thị 34"), so each
/// reference also stands for those shorter forms.
/// </summary>
public static partial class DocumentReferences
{
    [GeneratedRegex(@"^0*(\d{1,5})(?:/(\d{4}))?[/-][a-zđ]")]
    private static partial Regex Reference();

    /// <summary>True when the word is a document number with its type ("836/hd-bnv", "01-kl/tw").</summary>
    public static bool IsReference(string word) => word.Length > 2 && char.IsAsciiDigit(word[0]) && Reference().IsMatch(word);

    /// <summary>Adds the shorter forms a reference is asked by: its number (two digits or more: "1" is any list item) and number/year.</summary>
    public static void AddShortForms(string word, List<string> terms)
    {
        // Most words start with a letter: no match is tried on them.
        if (word.Length <= 2 || !char.IsAsciiDigit(word[0]) || Reference().Match(word) is not { Success: true } m) return;
        var number = m.Groups[1].Value;
        if (number.Length >= 2) terms.Add(number);
        if (m.Groups[2].Success) terms.Add(number + "/" + m.Groups[2].Value);
    }

    /// <summary>The number a reference or a bare number stands for, without leading zeros: "01-kl/tw" → "1", "1663" → "1663"; null for other words.</summary>
    public static string? NumberOf(string word)
    {
        if (word.Length == 0 || !char.IsAsciiDigit(word[0])) return null;
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        var number = word[..digits].TrimStart('0');
        return number.Length > 0 ? number : "0";
    }

    /// <summary>True when the text names a document numbered so ("số 1663/KH-UBND", "Chỉ thị 34-CT/TW").</summary>
    public static bool Cites(string text, string number) =>
        Regex.IsMatch(text, $@"(?<!\d)0*{Regex.Escape(number)}(?:/\d{{4}})?[/-]\p{{L}}", RegexOptions.CultureInvariant);
}
