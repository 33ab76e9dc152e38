using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// Text printed in capitals (titles, issuer lines) put back in the capitals of running text. A title takes the
/// capitals its words have in the plan's own sentences (the opening usually repeats it: "ban hành Kế hoạch tổ chức
/// Đại hội Thi đua yêu nước…"); an organisation takes the usual capitals of Vietnamese official names.
/// </summary>
internal static partial class TextCasing
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    [GeneratedRegex(@"^(?<pre>[^\p{L}\d]*)(?<core>.*?)(?<post>[^\p{L}\d]*)$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[IVX]{1,6}$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d/.\-]*")]
    private static partial Regex Word();

    /// <summary>Abbreviations that stay in capitals.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal) { "UBND", "HĐND", "MTTQ", "TW", "TP", "HĐTĐKT", "TĐKT", "CHQS", "ĐBP", "QĐND", "KT-XH", "THPT", "THCS" };

    /// <summary>Words an organisation's kind is named with, longest first; the word after them starts its own name.</summary>
    private static readonly string[][] OrgKinds =
    [
        ["ủy", "ban", "nhân", "dân"], ["uỷ", "ban", "nhân", "dân"], ["hội", "đồng", "nhân", "dân"], ["ủy", "ban"], ["uỷ", "ban"], ["hội", "đồng"],
        ["chi", "cục"], ["trung", "tâm"], ["văn", "phòng"], ["liên", "đoàn"], ["công", "an"],
        ["ban"], ["sở"], ["bộ"], ["phòng"], ["cục"], ["trường"], ["viện"], ["hội"], ["đoàn"],
    ];

    /// <summary>Party committees named by their place: "TỈNH ỦY NGHỆ AN" → "Tỉnh ủy Nghệ An".</summary>
    private static readonly HashSet<string> PlaceCommittees = new(StringComparer.Ordinal) { "tỉnh", "huyện", "thành", "đảng", "quận", "thị" };

    public static bool IsCapitals(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && letters.Count(char.IsUpper) * 10 >= letters.Count * 8;
    }

    /// <summary>
    /// "TRIỂN KHAI CÔNG TÁC THI ĐUA , KHEN THƯỞNG NĂM 2025" → "triển khai công tác thi đua, khen thưởng năm 2025":
    /// where the plan's sentences hold the same run of words, their capitals; otherwise each word as the plan
    /// mostly writes it inside a sentence ("Chính phủ", "Đảng", "tỉnh"); numbers and roman numerals as printed.
    /// </summary>
    public static string Recase(string capitals, IEnumerable<string> sentences)
    {
        var tokens = capitals.Replace(" ,", ",", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => Token().Match(t)).ToList();
        var keys = tokens.Select(t => t.Groups["core"].Value.ToLower(Vi)).ToList();
        var body = new List<(string Key, string Form, bool SentenceStart)>();
        foreach (var sentence in sentences.Where(s => !IsCapitals(s)))
        {
            var start = true;
            foreach (Match w in Word().Matches(sentence))
            {
                var form = w.Value.TrimEnd('.', '-', '/');
                body.Add((form.ToLower(Vi), form, start));
                var after = w.Index + w.Length;
                start = after < sentence.Length && sentence.AsSpan(after).TrimStart().StartsWith(".", StringComparison.Ordinal) || w.Value.EndsWith('.');
            }
        }
        var forms = new string?[tokens.Count];
        // Runs of three words or more written the same way in a sentence take that sentence's capitals.
        for (var i = 0; i < keys.Count; i++)
        {
            var best = (Length: 0, At: -1);
            for (var j = 0; j < body.Count; j++)
            {
                var n = 0;
                while (i + n < keys.Count && j + n < body.Count && keys[i + n] == body[j + n].Key) n++;
                if (n > best.Length) best = (n, j);
            }
            if (best.Length < 3) continue;
            for (var n = 0; n < best.Length; n++)
                if (forms[i + n] is null && !(n == 0 && body[best.At].SentenceStart)) forms[i + n] = body[best.At + n].Form;
        }
        var result = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var core = tokens[i].Groups["core"].Value;
            var form = forms[i] ?? Word(core, keys[i], body);
            result.Add(tokens[i].Groups["pre"].Value + form + tokens[i].Groups["post"].Value);
        }
        return string.Join(' ', result);
    }

    private static string Word(string core, string key, List<(string Key, string Form, bool SentenceStart)> body)
    {
        if (core.Any(char.IsDigit) || Abbreviations.Contains(core) || Roman().IsMatch(core) && core.Length <= 4)
            return body.FirstOrDefault(b => b.Key == key && b.Form.Any(char.IsLetter)).Form ?? core;
        var seen = body.Where(b => b.Key == key && !b.SentenceStart).ToList();
        var capital = seen.Count(b => char.IsUpper(b.Form[0]));
        return seen.Count > 0 && capital * 2 > seen.Count ? Capitalise(key) : key;
    }

    /// <summary>
    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG" →
    /// "Hội đồng Thi đua - Khen thưởng Trung ương", "ỦY BAN NHÂN DÂN TỈNH SƠN LA" → "Ủy ban nhân dân tỉnh Sơn La":
    /// the kind and the first word of each named part capitalised (after "và", ",", "-"), a place's kind in lower
    /// case and its name capitalised.
    /// </summary>
    public static string OrgName(string capitals)
    {
        var words = capitals.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var lower = words.Select(w => w.ToLower(Vi)).ToList();
        var result = new List<string>();
        var capitaliseNext = true;
        for (var i = 0; i < words.Count;)
        {
            var w = lower[i];
            if (Abbreviations.Contains(words[i].TrimEnd(','))) { result.Add(words[i]); capitaliseNext = false; i++; continue; }
            if (w == "trung" && i + 1 < words.Count && lower[i + 1] == "ương") { result.Add("Trung"); result.Add("ương"); capitaliseNext = false; i += 2; continue; }
            if (i + 1 < words.Count && PlaceCommittees.Contains(w) && lower[i + 1] is "ủy" or "uỷ")
            {
                result.Add(Capitalise(w) + " " + lower[i + 1]);
                result.AddRange(words.Skip(i + 2).Select(x => Capitalise(x.ToLower(Vi))));
                break;
            }
            if (i > 0 && UnitKindLength(lower, i) is > 0 and var kind)
            {
                // "tỉnh Sơn La", "thị xã Sa Pa", "thành phố Hồ Chí Minh": the kind in lower case, the name capitalised.
                result.AddRange(lower.Skip(i).Take(kind));
                result.AddRange(words.Skip(i + kind).Select(x => Capitalise(x.ToLower(Vi))));
                break;
            }
            if (OrgKinds.FirstOrDefault(k => i + k.Length <= words.Count && lower.Skip(i).Take(k.Length).SequenceEqual(k)) is { } org)
            {
                result.Add(Capitalise(lower[i]));
                result.AddRange(lower.Skip(i + 1).Take(org.Length - 1));
                i += org.Length;
                capitaliseNext = true;
                continue;
            }
            result.Add(capitaliseNext && w is not ("và" or "-" or "–") ? Capitalise(w) : w);
            capitaliseNext = w is "và" or "-" or "–" || words[i].EndsWith(',');
            i++;
        }
        return ThiDuaKhenThuong().Replace(string.Join(' ', result), "Thi đua - Khen thưởng");
    }

    /// <summary>How many words a place's kind takes at i: "tỉnh" 1, "thị xã" 2; 0 when none ("xã hội" is not a commune).</summary>
    private static int UnitKindLength(List<string> lower, int i)
    {
        var next = i + 1 < lower.Count ? lower[i + 1] : "";
        return lower[i] switch
        {
            "tỉnh" or "huyện" or "quận" or "phường" => next.Length > 0 ? 1 : 0,
            "xã" => next.Length > 0 && next != "hội" ? 1 : 0,
            "thị" when next is "xã" or "trấn" => 2,
            "thành" when next == "phố" => 2,
            _ => 0,
        };
    }

    [GeneratedRegex(@"Thi đua\s*(?:,|–|-)\s*Khen thưởng")]
    private static partial Regex ThiDuaKhenThuong();

    /// <summary>"sơn la" → "Sơn La".</summary>
    public static string TitleCase(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Capitalise(w.ToLower(Vi))));

    public static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpper(word[0], Vi) + word[1..];

    public static string Uncapitalise(string word) => word.Length == 0 ? word : char.ToLower(word[0], Vi) + word[1..];
}
