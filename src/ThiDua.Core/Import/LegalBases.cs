using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// The documents a plan rests on: each "Căn cứ …" / "Thực hiện …" of its opening ("Chỉ thị số 34-CT/TW ngày
/// 07/4/2014 của Bộ Chính trị", "Luật Thi đua, khen thưởng ngày 15/6/2022", "Quyết định số 923/QĐ-TTg"), and the
/// numbered, dated documents its body says it carries out. Each with its number and date as cited.
/// </summary>
internal static partial class LegalBases
{
    private const string Kinds = "Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Kế hoạch|Hướng dẫn|Chỉ thị|Công văn|Văn bản|Lời kêu gọi|Kết luận|Thông báo|Chương trình|Đề án|Pháp lệnh|Hiến pháp";

    /// <summary>A cited document: its kind, then its number ("số 98/2023/NĐ-CP", "34-CT/TW", "685A/KH-UBND"), or for a law its name.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?<kind>" + Kinds + @"|công văn|văn bản|kế hoạch|hướng dẫn)\s+(?:số\s+|liên tịch số\s+)?(?<number>\d{1,5}[A-Z]?(?:/\d{4})?(?:[/\-][\p{L}Đđ\d.]+)*[/\-][\p{L}Đđ][\p{L}Đđ\d\-.]*)")]
    private static partial Regex Numbered();

    /// <summary>A law cited by its name, its number after it or none: "Luật Thi đua, Khen thưởng số 06/2022/QH15", "Luật Thi đua, khen thưởng ngày 15/6/2022".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?<kind>Luật|Bộ luật|Pháp lệnh)\s+(?<name>(?:[\p{L}]+,?\s+){0,6}?[\p{L}]+)(?:\s+số\s+(?<number>\d{1,3}/\d{4}/QH\d{1,2}))?(?=\s+(?:ngày|năm|của|và|đã|được|sửa đổi)\b|\s*[;,.(]|\s*$)")]
    private static partial Regex NamedLaw();

    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Theo|Triển khai|Trên cơ sở|Xét)\b")]
    private static partial Regex BasisLine();

    /// <summary>Where the plan's own words take over: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …".</summary>
    [GeneratedRegex(@"[,;.]\s*(?:Ủy ban nhân dân|UBND|Hội đồng|Ban|Sở|Phòng)\b[^,;]*?\b(?:ban hành|xây dựng|đề ra|triển khai)\b.*$")]
    private static partial Regex OwnWords();

    /// <summary>Laws cited by name whose number the law gives: the 2022 Law on Emulation and Commendation.</summary>
    private static readonly (string Folded, int Year, string Number)[] KnownLaws = [("luat thi dua khen thuong", 2022, "06/2022/QH15"), ("luat thi dua khen thuong", 2003, "15/2003/QH11")];

    public static List<LegalBasis> Read(PlanReading r)
    {
        var bases = new List<LegalBasis>();
        void Add(string text, string? number, DateOnly? date, string section)
        {
            var key = number is null ? VietnameseText.Fold(text) : VietnameseText.Fold(number).Replace(" ", "", StringComparison.Ordinal);
            if (bases.Any(b => (b.DocumentNumber is null ? VietnameseText.Fold(b.Text) : VietnameseText.Fold(b.DocumentNumber).Replace(" ", "", StringComparison.Ordinal)) == key)) return;
            bases.Add(new LegalBasis { Text = TextFit.Shorten(text.Trim().TrimEnd(',', '.', ';'), 240), DocumentNumber = number, Date = date, Section = section });
        }
        foreach (var part in r.Sections.OpeningParts.Where(p => BasisLine().IsMatch(p.Text)))
        {
            var text = OwnWords().Replace(BasisLine().Replace(part.Text, "").Trim(), "");
            foreach (var (cited, number) in Documents(text)) Add(cited, number ?? LawNumber(cited), Date(r, cited), part.Section);
        }
        // In the body, the laws and decrees the plan applies, and the dated documents it carries out; a document
        // named in another's description ("Kết luận số 01-KL/TW … về tiếp tục thực hiện Chỉ thị số 05-CT/TW") is not one.
        foreach (var part in r.Sections.Body.Where(p => !p.IsTableRow))
        {
            var inside = -1;
            var cited = Numbered().Matches(part.Text).Select(m => (m.Index, Match: m, Law: false))
                .Concat(NamedLaw().Matches(part.Text).Select(m => (m.Index, Match: m, Law: true))).OrderBy(x => x.Index);
            foreach (var (at, m, law) in cited)
            {
                // Inside another's clause only a document after "và", "," or ";" is cited in its own right.
                if (at < inside && !Regex.IsMatch(part.Text[..at], @"(?:[;,:]|\svà)\s*$")) continue;
                var clause = Clause(part.Text, at);
                inside = at + clause.Length;
                var date = Date(r, clause);
                if (law)
                {
                    if (!m.Groups["name"].Value.StartsWith("Thi đua", StringComparison.Ordinal) || bases.Any(b => SameLaw(b.Text, m.Value))) continue;
                    // "Luật Thi đua, khen thưởng năm 2022": the name, and the year or date it is cited with.
                    var said = m.Value + (Regex.Match(part.Text[(at + m.Length)..], @"^\s+(?:năm\s+\d{4}|ngày\s+[^,;]*?\d{4})") is { Success: true } when ? when.Value : "");
                    Add(said, m.Groups["number"].Success ? m.Groups["number"].Value : LawNumber(said), date, part.Section);
                    continue;
                }
                var instrument = m.Groups["kind"].Value is "Luật" or "Nghị định" or "Thông tư" or "Nghị quyết" or "Chỉ thị" or "Kết luận";
                if (date is not null) Add(clause, Number(m), date, part.Section);
                else if (instrument) Add($"{m.Groups["kind"].Value} số {Number(m)}{Issuer(clause)}", Number(m), null, part.Section);
            }
        }
        if (bases.Count == 0) r.Flag("legalBases", "không thấy căn cứ (\"Căn cứ …\", \"Thực hiện …\")");
        return [.. bases.Take(12)];
    }

    /// <summary>The documents of a "Căn cứ" paragraph, each with the words that describe it, up to the next one.</summary>
    private static List<(string Text, string? Number)> Documents(string text)
    {
        var starts = Numbered().Matches(text).Select(m => (m.Index, Number: (string?)Number(m)))
            .Concat(NamedLaw().Matches(text).Select(m => (m.Index, Number: m.Groups["number"].Success ? m.Groups["number"].Value : null)))
            // A document named inside another's description ("… thi hành Nghị định số 98/2023/NĐ-CP …", "… của Luật …") is part of it.
            .Where(s => Regex.IsMatch(text[..s.Index], @"(?:^|[;,:]|\svà)\s*$"))
            .DistinctBy(s => s.Index).OrderBy(s => s.Index).ToList();
        var documents = new List<(string, string?)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            var own = text[starts[i].Index..end];
            // It ends at the sentence's end, or at a ";" after which the plan's own prose goes on in lower case.
            if (Regex.Match(own, @"\.\s+\p{Lu}|;\s*(?=\p{Ll})") is { Success: true } stop) own = own[..stop.Index];
            documents.Add((Regex.Replace(own.Trim(), @"(?:[;,.]|\s+và)\s*$", "").Trim(), starts[i].Number));
        }
        return documents;
    }

    /// <summary>The words of one citation: from its kind to the next clause break.</summary>
    private static string Clause(string text, int at)
    {
        var rest = text[at..];
        var end = Regex.Match(rest, @"[;:]|\.(?:\s|$)");
        var clause = end.Success ? rest[..end.Index] : rest;
        // "…ngày 10/3/2025 của Ủy ban nhân dân tỉnh, các cơ quan tiếp tục …": the plan's own sentence takes over.
        if (Regex.Match(clause, @",\s+(?=(?:các|những|toàn thể|đồng thời|mỗi|UBND|Ủy ban|Uỷ ban|Sở|Phòng|Ban|Hội đồng)\s)(?=(?:[^“”]*“[^”]*”)*[^“”]*$)") is { Success: true } own) clause = clause[..own.Index];
        // "… của Bộ Chính trị với một số nhiệm vụ cụ thể như sau": the plan's words after the citation.
        return Regex.Replace(clause, @"\s+(?:với|gồm)\s+(?:một số|các|những)\s+(?:nhiệm vụ|nội dung)\b.*$|\s+như sau\s*$", "");
    }

    /// <summary>"Luật Thi đua, Khen thưởng số 06/2022/QH15 …" and "Luật Thi đua, khen thưởng" are the same law.</summary>
    private static bool SameLaw(string basis, string law)
    {
        var name = string.Join(' ', VietnameseText.Words(law));
        return string.Join(' ', VietnameseText.Words(basis)).StartsWith(name, StringComparison.Ordinal);
    }

    /// <summary>" của Chính phủ" after a number cited alone.</summary>
    private static string Issuer(string clause) => Regex.Match(clause, @"^\S+(?:\s+số)?\s+\S+(?<of>\s+của\s+(?:Chính phủ|Thủ tướng Chính phủ|Bộ Chính trị|Ban Chấp hành Trung ương|Quốc hội|Bộ\s+[\p{Lu}]\p{Ll}+(?:\s+\p{L}+)?))", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups["of"].Value : "";

    private static string Number(Match m) => Regex.Replace(m.Groups["number"].Value.TrimEnd('.', ',', '-'), @"\s", "");

    private static DateOnly? Date(PlanReading r, string cited) => r.Dates(cited).FirstOrDefault(d => d.Cited && d.Start is null)?.Due;

    private static string? LawNumber(string cited)
    {
        var f = Regex.Replace(VietnameseText.Fold(cited), @"[,.]", "");
        foreach (var (law, year, number) in KnownLaws)
            if (f.StartsWith(law, StringComparison.Ordinal) && Regex.IsMatch(f, $@"\b{year}\b")) return number;
        return null;
    }
}
