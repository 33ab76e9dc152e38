using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// Themes and slogans ("chủ đề", "khẩu hiệu", the text in quotes after them, or the paragraph under a "CHỦ ĐỀ THI
/// ĐUA" heading) wherever they stand, and the anniversaries a plan celebrates ("kỷ niệm 80 năm … (22/12/1944 –
/// 22/12/2024)", with or without the dates). The theme of a talk or contest inside the plan, or of an earlier
/// congress, is not the plan's.
/// </summary>
internal static partial class PlanThemes
{
    [GeneratedRegex(@"(?<cue>chủ đề|khẩu hiệu|Chủ đề|Khẩu hiệu|CHỦ ĐỀ|KHẨU HIỆU)(?<between>[^“""”.;]{0,40}?)[“""](?<q>[^”""]{4,250})[”""]")]
    private static partial Regex CuedQuote();

    [GeneratedRegex(@"[“""](?<q>[^”""]{4,250})[”""]")]
    private static partial Regex AnyQuote();

    /// <summary>What a theme of something inside the plan is cued by: "tọa đàm … với chủ đề", "Đại hội … lần thứ X năm 2020 với chủ đề".</summary>
    private static readonly string[] NotThePlans = ["chuong trinh", "cuoc thi", "toa dam", "hoi thi", "hoi thao", "lan thu", "dien dan", "giao luu", "trien lam", "san choi"];

    [GeneratedRegex(@"(?<years>\d{1,3})\s+năm\s+(?<name>(?:(?!\d{1,3}\s+năm\b)[^();])+?)\s*\(\s*(?<from>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*[-–]\s*(?<to>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*\)")]
    private static partial Regex DatedAnniversary();

    [GeneratedRegex(@"\b(?:kỷ niệm|Kỷ niệm|chào mừng|Chào mừng)\s+")]
    private static partial Regex Celebrates();

    [GeneratedRegex(@"\G\s*(?:[;,]|và)?\s*(?<years>\d{1,3})\s+năm\s+(?<name>(?:(?!\d{1,3}\s+năm\b)[^();,.])+?)(?=\s*(?:\(|;|,|\.|$|\s+và\s+\d{1,3}\s+năm\b))(?:\s*\([^)]*\))?")]
    private static partial Regex ListedAnniversary();

    /// <summary>Where a name running into the sentence stops: "… Quốc phòng toàn dân bảo đảm trang trọng".</summary>
    [GeneratedRegex(@"\s+(?:bảo đảm|đảm bảo|trên địa bàn|gắn với|nhằm|được|tại|lập thành tích|trong|với|cho|của các|và các|thiết thực|trang trọng)\b.*$")]
    private static partial Regex NameTail();

    [GeneratedRegex(@"^(?:\p{Lu}|ngày|thành lập|giải phóng|chiến thắng|cách mạng|sinh|truyền thống|thống nhất)")]
    private static partial Regex NameStart();

    /// <summary>
    /// The quotes a text gives as a theme or slogan: after "chủ đề"/"khẩu hiệu" (or any quote when
    /// <paramref name="requireCue"/> is false, under a heading that names the theme), unless the clause before
    /// the cue is about something inside the plan.
    /// </summary>
    public static List<string> Quoted(string text, bool requireCue)
    {
        var found = new List<string>();
        foreach (Match m in requireCue ? CuedQuote().Matches(text) : AnyQuote().Matches(text))
        {
            if (requireCue)
            {
                var before = text[..m.Index];
                var clause = VietnameseText.Fold(before[(before.LastIndexOfAny(['.', ';', ':', '!', '?']) + 1)..]);
                if (NotThePlans.Any(w => clause.Contains(w, StringComparison.Ordinal))) continue;
            }
            var q = m.Groups["q"].Value.Trim().TrimEnd('.', ',', ';');
            if (!found.Contains(q, StringComparer.Ordinal)) found.Add(q);
        }
        return found;
    }

    public static List<SourcedText> Themes(PlanReading r, List<SourcedText> phaseThemes)
    {
        var themes = new List<SourcedText>(phaseThemes);
        void Add(string text, string section)
        {
            var key = VietnameseText.Fold(text);
            if (text.Length >= 4 && !themes.Any(t => VietnameseText.Fold(t.Text) == key)) themes.Add(new SourcedText { Text = text, Section = section });
        }
        // Under a heading that is the theme's own ("I. CHỦ ĐỀ THI ĐUA", "1. Khẩu hiệu thi đua:"): its quotes, or the paragraph itself.
        foreach (var part in r.Sections.Under("chu de", "khau hieu").Where(p => (!p.IsHeading || p.Text.Contains('“', StringComparison.Ordinal) || p.Text.Contains('"', StringComparison.Ordinal))
            && PlanSections.NearestHeading(p, "chu de", "khau hieu") is { } h && Regex.IsMatch(VietnameseText.Fold(h), @"^(?:chu de|khau hieu)\b")))
        {
            var quotes = Quoted(part.Text, requireCue: false);
            if (quotes.Count > 0) foreach (var q in quotes) Add(q, part.Section);
            else if (!part.IsHeading) Add(part.Bare.TrimEnd('.', ';'), part.Section);
        }
        foreach (var part in r.Sections.Parts)
            foreach (var q in Quoted(part.Text, requireCue: true)) Add(q, part.Section);
        if (themes.Count == 0) r.Flag("themes", "không thấy chủ đề/khẩu hiệu thi đua");
        return [.. themes.Take(6)];
    }

    public static List<Anniversary> Anniversaries(PlanReading r)
    {
        var found = new List<Anniversary>();
        foreach (var part in r.Sections.Parts)
        {
            foreach (Match m in DatedAnniversary().Matches(part.Text))
            {
                if (!TryDate(m.Groups["from"].Value, out var from) || !TryDate(m.Groups["to"].Value, out var to)) continue;
                var years = int.Parse(m.Groups["years"].Value, CultureInfo.InvariantCulture);
                // "70 năm … (07/5/1954 - 07/5/2024)": the years between the dates are the anniversary's.
                if (to.Year - from.Year != years || to.Year < r.Year - 1) continue;
                Merge(found, years, Name(m.Groups["name"].Value), from, to, part.Section);
            }
            foreach (Match cue in Celebrates().Matches(part.Text))
            {
                for (var at = cue.Index + cue.Length; ListedAnniversary().Match(part.Text, at) is { Success: true } item; at = item.Index + item.Length)
                {
                    var name = Name(item.Groups["name"].Value);
                    if (name.Length < 4 || !NameStart().IsMatch(name)) break;
                    Merge(found, int.Parse(item.Groups["years"].Value, CultureInfo.InvariantCulture), name, null, null, part.Section);
                }
            }
        }
        return [.. found.Take(6)];
    }

    private static string Name(string said)
    {
        var name = Regex.Replace(said, @"\s+", " ").Trim();
        return NameTail().Replace(name, "").Trim();
    }

    /// <summary>
    /// The same anniversary named twice ("70 năm Chiến thắng lịch sử Điện Biên phủ") is one: its dates kept, and the
    /// name it has beside them (else the shorter).
    /// </summary>
    private static void Merge(List<Anniversary> found, int years, string name, DateOnly? from, DateOnly? to, string section)
    {
        var words = VietnameseText.Words(name).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        var same = found.FindIndex(a => a.Years == years && (to is not null && a.AnniversaryDate == to || Overlap(words, a.Name) >= 0.5));
        var full = $"{years} năm {name}";
        if (same < 0)
        {
            var core = VietnameseText.Fold(name);
            var keywords = new List<string> { core, VietnameseText.Fold(full) };
            var shorter = Regex.Replace(core, @"^(?:ngay|chien thang|le)\s+", "");
            if (shorter != core) keywords.Add(shorter);
            found.Add(new Anniversary { Name = full, Years = years, EventDate = from, AnniversaryDate = to, Keywords = keywords, Section = section });
            return;
        }
        var a = found[same];
        found[same] = a with
        {
            Name = to is not null && a.AnniversaryDate is null || (to is null) == (a.AnniversaryDate is null) && full.Length < a.Name.Length ? full : a.Name,
            EventDate = a.EventDate ?? from,
            AnniversaryDate = a.AnniversaryDate ?? to,
            Keywords = [.. a.Keywords.Union([VietnameseText.Fold(name)])],
        };
    }

    private static double Overlap(HashSet<string> words, string other)
    {
        var theirs = VietnameseText.Words(other).Where(w => w.Length > 1 && !char.IsDigit(w[0]) && w != "nam").ToList();
        return theirs.Count == 0 ? 0 : (double)theirs.Count(words.Contains) / theirs.Count;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(Regex.Replace(text, @"\s", ""), "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
