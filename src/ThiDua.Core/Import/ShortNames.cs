using System.Text.RegularExpressions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// What officers call a plan: "&lt;area&gt; – &lt;short topic&gt;", at most 80 characters, cut between words:
/// "Sơn La – Công tác thi đua, khen thưởng năm 2025". The topic is the title without the verbs plans open with
/// ("Triển khai", "Phát động", "Tổ chức thực hiện"), dates in brackets and the area it already names.
/// </summary>
internal static partial class ShortNames
{
    public const int MaxLength = 80;

    [GeneratedRegex(@"^(?:kế hoạch|triển khai|thực hiện|phát động|tổ chức thực hiện|tổ chức triển khai|tổ chức|ban hành|hướng dẫn|về việc|về)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningVerb();

    [GeneratedRegex(@"\s*\((?:[^()]*\d{4}[^()]*|viết tắt[^()]*|sau đây[^()]*)\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:lập thành tích\s+)?chào mừng\s+(?:kỷ niệm\s+)?|\bkỷ niệm\s+(?=\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Celebrating();

    public static string Of(string areaInSentence, string title)
    {
        var area = TextCasing.Capitalise(areaInSentence);
        var topic = title;
        for (var previous = ""; previous != topic && topic.Length > 0;)
        {
            previous = topic;
            var stripped = OpeningVerb().Replace(topic, "");
            if (stripped.Length > 10) topic = stripped;
        }
        topic = Brackets().Replace(topic, "");
        // "Chỉ thị số 19/CT-TTg ngày 16 tháng 7 năm 2021 của …": the number names it, the date is long.
        topic = Regex.Replace(topic, @"\s+ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s*/\s*\d{1,2}\s*/\s*\d{4})", "");
        topic = Celebrating().Replace(topic, "");
        // "… trên địa bàn tỉnh Ninh Thuận", "… tỉnh Hòa Bình năm 2024": the area is already in front.
        var bare = Regex.Escape(Knowledge.Places.AdministrativeUnits.BareName(areaInSentence));
        topic = Regex.Replace(topic, $@"\s*(?:trên địa bàn\s+)?(?:(?:tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn)\s+)?{bare}\b(?!\s+(?-i:\p{{Lu}}))", "", RegexOptions.IgnoreCase);
        topic = Regex.Replace(topic, @"\s{2,}", " ").Trim(' ', ',', ';', '-', '–');
        var name = $"{area} – {TextCasing.Capitalise(topic)}";
        if (name.Length <= MaxLength) return name;
        // Too long: end after the last whole item of a list ("70 năm ĐBP; 80 năm …") rather than inside one.
        var cut = name[..(MaxLength - 1)];
        var item = Math.Max(cut.LastIndexOf("; ", StringComparison.Ordinal), cut.LastIndexOf(", ", StringComparison.Ordinal));
        return item > MaxLength * 3 / 4 ? cut[..item] + "…" : TextFit.Shorten(name, MaxLength);
    }

    /// <summary>A stable id: "son-la-01" from the area and the plan's number, or its year when it has none.</summary>
    public static string Id(string area, string? number, int year)
    {
        var id = Slug($"{area}-{number?.Split('/', '-')[0] ?? year.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return id.Length <= 24 ? id : id[..24].TrimEnd('-');
    }

    public static string Slug(string text, int max = 24)
    {
        var slug = Regex.Replace(VietnameseText.Fold(text), "[^a-z0-9]+", "-").Trim('-');
        return slug.Length <= max ? slug : slug[..max].TrimEnd('-');
    }
}
