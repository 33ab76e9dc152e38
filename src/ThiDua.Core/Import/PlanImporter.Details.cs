using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

// The descriptive parts of a plan: purposes, contents, targets, criteria, quotas, legal bases, anniversaries,
// responsibilities and contacts, read from the sections their headings name.
public static partial class PlanImporter
{
    [GeneratedRegex(@"(?:không quá|tối đa|không vượt quá)\s+(?<n>\d{1,3})\s+(?<who>tập thể,\s*cá nhân|tập thể và cá nhân|tập thể|cá nhân)?(?:\s*(?:,|và)\s*(?<n2>\d{1,3})\s+(?<who2>cá nhân|tập thể))?", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaPattern();

    [GeneratedRegex(@"(?<kind>Luật|Nghị định|Thông tư|Quyết định|Kế hoạch|Hướng dẫn|Chỉ thị|Công văn|Văn bản|Lời kêu gọi|Nghị quyết)\s+(?:số\s+)?(?<number>\d{1,5}(?:/\d{4})?/[A-ZĐ][\wĐđ\-.]*)[^;]*")]
    private static partial Regex LegalDocument();

    [GeneratedRegex(@"(?<years>\d{1,3})\s+năm\s+(?<name>(?:Ngày\s+|Chiến thắng\s+|Ngày\s+thành lập\s+)?[\p{Lu}][^(;,.]{3,80}?)\s*\((?<from>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?<to>\d{1,2}/\d{1,2}/\d{4})\)")]
    private static partial Regex AnniversaryPattern();

    [GeneratedRegex(@"(?:ĐT|Đt|điện thoại|SĐT|số điện thoại)\s*:?\s*(?<phone>0[\d .]{8,13}\d)")]
    private static partial Regex Phone();

    /// <summary>The lines of the sections whose heading holds one of the words (folded).</summary>
    private static List<Line> SectionLines(List<Line> lines, params string[] headingWords)
    {
        var romans = lines.Where(l => RomanHeading().IsMatch(l.Text) && headingWords.Any(w => VietnameseText.Fold(l.Text).Contains(w, StringComparison.Ordinal)))
            .Select(l => l.Section).ToHashSet(StringComparer.Ordinal);
        var subs = lines.Where(l => NumberHeading().IsMatch(l.Text) && l.Text.Length < 80 && headingWords.Any(w => VietnameseText.Fold(l.Text).Contains(w, StringComparison.Ordinal)))
            .Select(l => l.Section).ToHashSet(StringComparer.Ordinal);
        return [.. lines.Where(l => romans.Contains(l.Section.Split('.')[0]) || subs.Any(s => l.Section == s || l.Section.StartsWith(s + ".", StringComparison.Ordinal)))
            .Where(l => !RomanHeading().IsMatch(l.Text))];
    }

    /// <summary>Items of a section: its numbered points and list lines, headings of one or two words left out.</summary>
    private static List<SourcedText> Items(List<Line> section) =>
        [.. section.Where(l => l.Text.Length > 25).Select(l => new SourcedText { Text = Strip(l.Text), Section = l.Section }).Take(12)];

    private static string Strip(string text) => Regex.Replace(text, @"^(?:[-+•–]\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[a-zđ]\)\s*)", "").Trim();

    private static List<Criterion> Criteria(List<Line> lines)
    {
        var section = SectionLines(lines, "tieu chuan");
        var criteria = new List<Criterion>();
        var appliesTo = Beneficiary.Both;
        var items = new List<string>();
        var where = section.FirstOrDefault()?.Section ?? "";
        void Flush()
        {
            if (items.Count > 0) criteria.Add(new Criterion { AppliesTo = appliesTo, Items = [.. items], Section = where });
            items.Clear();
        }
        foreach (var line in section)
        {
            var f = VietnameseText.Fold(line.Text);
            var heading = line.Text.Length < 90 && (f.Contains("tap the", StringComparison.Ordinal) || f.Contains("ca nhan", StringComparison.Ordinal)) && !PlanTextCleaner.IsListItem(line.Text) | line.Text.EndsWith(':');
            if (heading && (f.Contains("tap the", StringComparison.Ordinal) ^ f.Contains("ca nhan", StringComparison.Ordinal)))
            {
                Flush();
                appliesTo = f.Contains("tap the", StringComparison.Ordinal) ? Beneficiary.Collective : Beneficiary.Individual;
                where = line.Section;
                continue;
            }
            if (line.Text.Length > 25 && !line.Text.EndsWith(':')) items.Add(Strip(line.Text));
        }
        Flush();
        return criteria;
    }

    private static List<Quota> Quotas(List<Line> lines, List<AwardForm> awards)
    {
        var quotas = new List<Quota>();
        foreach (var line in lines)
        {
            if (QuotaPattern().Match(line.Text) is not { Success: true } m) continue;
            var f = VietnameseText.Fold(line.Text);
            // "không quá 34 tập thể, 36 cá nhân" is two limits.
            foreach (var (n, who) in new[] { ("n", "who"), ("n2", "who2") })
            {
                if (!int.TryParse(m.Groups[n].Value, out var max)) continue;
                var kind = VietnameseText.Fold(m.Groups[who].Value);
                quotas.Add(new Quota
                {
                    Max = max,
                    AwardId = awards.FirstOrDefault(a => f.Contains(VietnameseText.Fold(a.DecidedBy), StringComparison.Ordinal))?.Id,
                    Scope = f.Contains("moi dot", StringComparison.Ordinal) ? QuotaScope.Phase : f.Contains("moi don vi", StringComparison.Ordinal) || f.Contains("moi co quan", StringComparison.Ordinal) ? QuotaScope.Unit : QuotaScope.Plan,
                    AppliesTo = kind == "tap the" ? Beneficiary.Collective : kind == "ca nhan" ? Beneficiary.Individual : Beneficiary.Both,
                    Text = Shorten(line.Text, 200),
                    Section = line.Section,
                });
            }
        }
        return quotas;
    }

    private static List<LegalBasis> LegalBases(List<Line> lines, int year) =>
        [.. lines.Where(l => l.Section == "Phần mở đầu" && (l.Text.StartsWith("Căn cứ", StringComparison.Ordinal) || l.Text.StartsWith("Thực hiện", StringComparison.Ordinal)))
            .SelectMany(l => LegalDocument().Matches(l.Text).Select(m => new LegalBasis
            {
                Text = Shorten(m.Value.Trim().TrimEnd(',', '.'), 240),
                DocumentNumber = m.Groups["number"].Value,
                Date = DateMentions.Find(m.Value, year).FirstOrDefault(d => d.Start is null)?.Due,
                Section = l.Section,
            }))
            .GroupBy(b => b.DocumentNumber).Select(g => g.First()).Take(10)];

    private static List<Anniversary> Anniversaries(string all) =>
        [.. AnniversaryPattern().Matches(all).Select(m =>
        {
            var said = Regex.Replace(m.Groups["name"].Value, @"\s+", " ").Trim();
            var name = $"{m.Groups["years"].Value} năm {said}";
            var core = VietnameseText.Fold(said);
            return new Anniversary
            {
                Name = name,
                Years = int.Parse(m.Groups["years"].Value, CultureInfo.InvariantCulture),
                EventDate = DateOnly.TryParseExact(m.Groups["from"].Value, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : null,
                AnniversaryDate = DateOnly.TryParseExact(m.Groups["to"].Value, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a) ? a : null,
                Keywords = [core, VietnameseText.Fold(name)],
                Section = "Phần mở đầu",
            };
        }).GroupBy(a => VietnameseText.Fold(a.Name)).Select(g => g.First()).Take(5)];

    /// <summary>"1. Thủ trưởng cơ quan, đơn vị" in the organisation section, with the duties listed under it.</summary>
    private static List<Responsibility> Responsibilities(List<Line> lines)
    {
        var result = new List<Responsibility>();
        foreach (var group in SectionLines(lines, "to chuc thuc hien", "trach nhiem").GroupBy(l => l.Section))
        {
            var heading = group.First();
            var who = NumberHeading().Match(heading.Text) is { Success: true } h && h.Groups["title"].Value.Length < 100 ? h.Groups["title"].Value.TrimEnd(':', '.') : null;
            var duties = group.Skip(who is null ? 0 : 1).Select(l => Strip(l.Text)).Where(d => d.Length > 15).Take(8).ToList();
            if (who is null || duties.Count == 0) continue;
            result.Add(new Responsibility { Who = who, Duties = duties, Section = heading.Section });
        }
        return result;
    }

    private static List<Contact> Contacts(List<Line> lines) =>
        [.. lines.Select(l => (l, m: Phone().Match(l.Text))).Where(x => x.m.Success)
            .Select(x => new Contact { Name = Shorten(Strip(x.l.Text[..x.m.Index]).TrimEnd(',', ' ', '('), 120), Phone = x.m.Groups["phone"].Value.Replace(" ", "", StringComparison.Ordinal), Section = x.l.Section })
            .Take(5)];
}
