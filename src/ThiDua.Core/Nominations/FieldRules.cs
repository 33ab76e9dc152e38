using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Nominations;

/// <summary>
/// One check per form field: returns the cleaned value or a Vietnamese message saying what is wrong.
/// Names accept every real Vietnamese name, ethnic-minority names included (H'Hen Niê, Ksor Y Phước, Vàng A Páo).
/// </summary>
public static partial class FieldRules
{
    public const int MaxNameLength = 80, MaxTextLength = 200, MaxAchievementLength = 2000;

    [GeneratedRegex(@"^(đ/c|đ/\s*c|đồng chí|dong chi|ông|ong|bà|ba|anh|chị|chi|cô|thầy)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Honorific();

    [GeneratedRegex(@"[bcdfghjklmnpqrstvwxz]{4,}")]
    private static partial Regex ConsonantRun();

    [GeneratedRegex(@"^[\p{L}\p{M}]+(['’\-][\p{L}\p{M}]+)*$")]
    private static partial Regex NameWord();

    public static bool TryPersonName(string input, out string value, out string error)
    {
        value = ""; error = "";
        var text = Collapse(input);
        text = Honorific().Replace(text, "");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > 7 || text.Length > MaxNameLength)
        {
            error = "Họ và tên cần từ 2 đến 7 chữ, ví dụ: Nguyễn Văn An, Lò Văn Sinh, H'Hen Niê.";
            return false;
        }
        foreach (var word in words)
        {
            var folded = VietnameseText.Fold(word);
            var letters = folded.Count(char.IsLetter);
            // Vietnamese syllables, Kinh and ethnic-minority alike (Nguyễn, Bkrông, H'Hen), are short and never pile up consonants.
            if (!NameWord().IsMatch(word) || letters > 8 || ConsonantRun().IsMatch(folded) || !folded.Any(IsVowel) && letters > 1)
            {
                error = $"“{TextFit.Shorten(word, 41)}” không giống một chữ trong họ tên. Họ tên chỉ gồm chữ cái (có thể có dấu ' như H'Hen).";
                return false;
            }
        }
        value = string.Join(' ', words.Select(TitleCase));
        return true;
    }

    public static bool TryText(string input, string what, int min, int max, out string value, out string error)
    {
        value = Collapse(input);
        error = "";
        if (value.Length < min || value.Length > max || !value.Any(char.IsLetter))
        {
            error = $"{what} cần từ {min} đến {max} ký tự, có chữ cái.";
            return false;
        }
        if (value.Distinct().Count() <= 2 && value.Length > 4)
        {
            error = $"{what} “{TextFit.Shorten(value, 41)}” không đọc được, bạn nhập lại nhé.";
            return false;
        }
        return true;
    }

    public static bool TryBirthYear(string input, DateOnly today, out int year, out string error)
    {
        error = "";
        // Any four digits are a year, so "1884" is told it is out of range rather than that it is not a year.
        var digits = Regex.Match(input, @"\b\d{4}\b");
        if (!digits.Success || !int.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            year = 0;
            error = "Năm sinh là 4 chữ số, ví dụ 1985.";
            return false;
        }
        if (year < today.Year - 80 || year > today.Year - 16)
        {
            error = $"Năm sinh {year} không hợp lý (cần từ {today.Year - 80} đến {today.Year - 16}).";
            return false;
        }
        return true;
    }

    public static bool TryGender(string input, out string value)
    {
        value = VietnameseText.Fold(input) switch
        {
            "nam" => "Nam",
            "nu" => "Nữ",
            _ => "",
        };
        return value.Length > 0;
    }

    private static bool IsVowel(char c) => "aeiouy".Contains(c, StringComparison.Ordinal);

    private static string Collapse(string input) =>
        string.Join(' ', input.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', ';', '.');

    /// <summary>"nguyễn văn AN" → "Nguyễn Văn An"; "h'hen" → "H'Hen".</summary>
    private static string TitleCase(string word)
    {
        var chars = word.ToLower(CultureInfo.GetCultureInfo("vi")).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is '\'' or '’' or '-') chars[i] = char.ToUpper(chars[i], CultureInfo.GetCultureInfo("vi"));
        return new string(chars);
    }

}
