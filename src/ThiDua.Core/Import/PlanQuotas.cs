using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// How many may be awarded: "không quá 10 tập thể, 15 cá nhân", per proposing unit ("mỗi xã, phường 02 trường hợp",
/// "mỗi cơ quan, đơn vị không quá 03 cá nhân"), per phase ("mỗi đợt"), and shares ("không quá 15% tổng số …",
/// "tỷ lệ … không quá 30%"). Also the targets ("100% cơ quan, đơn vị …") of a "chỉ tiêu" section.
/// </summary>
internal static partial class PlanQuotas
{
    private const string Who = @"tập thể,\s*cá nhân|tập thể và cá nhân|tập thể hoặc cá nhân|tập thể|cá nhân|trường hợp|người|hồ sơ|hộ gia đình|gia đình|đơn vị|lượt|suất";

    /// <summary>A count that is not of awards: "không quá 10 ngày", "15%", "2,5 triệu đồng".</summary>
    private const string NotACount = @"(?!\d|\s*(?:%|[.,]\d|(?:ngày|tháng|năm|giờ|phút|trang|lần|triệu|nghìn|đồng)\b))";

    [GeneratedRegex(@"(?<lead>không quá|tối đa|không vượt quá|(?:được\s+)?(?:đề nghị|chọn|lựa chọn|xét chọn|giới thiệu|bình chọn)\s+(?=\d))\s*(?<n>\d{1,3})" + NotACount + @"\s*(?<who>" + Who + @")?(?:\s*(?:,|và)\s*(?<n2>\d{1,3})\s+(?<who2>" + Who + "))?", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    /// <summary>"mỗi xã, phường 02 trường hợp", "mỗi cơ quan, đơn vị không quá 03 cá nhân".</summary>
    [GeneratedRegex(@"\bmỗi\s+(?<unit>(?:xã|phường|thị trấn|cơ quan|đơn vị|địa phương|huyện|sở|ban|ngành|trường|doanh nghiệp|cụm|khối|tổ chức)(?:[\s,]+(?:xã|phường|thị trấn|cơ quan|đơn vị|địa phương|huyện|thị xã|thành phố|sở|ban|ngành|trường|doanh nghiệp|tổ chức|và))*)\s*(?:được\s+)?(?:đề nghị|đề xuất|xét|chọn|lựa chọn|giới thiệu|bình chọn)?\s*(?:không quá|tối đa|không vượt quá)?\s*(?<n>\d{1,3})\s+(?<who>" + Who + @")(?:\s*(?:,|và)\s*(?<n2>\d{1,3})\s+(?<who2>" + Who + "))?", RegexOptions.IgnoreCase)]
    private static partial Regex PerUnit();

    [GeneratedRegex(@"(?:không quá|tối đa|không vượt quá|dưới|chiếm)\s*(?<p>\d{1,3}(?:[.,]\d{1,2})?)\s*%(?:\s+(?:trên\s+)?(?:tổng\s+số\s+|số\s+)?(?<of>[^.;:()]{3,80}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    [GeneratedRegex(@"\b(?:số lượng|khen thưởng|đề nghị|danh hiệu|bằng khen|giấy khen|xét tặng|xét chọn|suy tôn|cơ cấu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutAwards();

    public static (List<Quota> Quotas, List<QuotaShare> Shares) Read(PlanReading r, List<AwardForm> awards, List<Phase> phases)
    {
        var quotas = new List<Quota>();
        var shares = new List<QuotaShare>();
        foreach (var part in r.Sections.Body)
        {
            foreach (var sentence in PlanReading.Sentences(part.Text))
            {
                var f = VietnameseText.Fold(sentence);
                var about = AboutAwards().IsMatch(sentence) || PlanSections.IsUnder(part, "so luong", "co cau", "khen thuong", "hinh thuc");
                var award = AwardOf(sentence, part, awards);
                // "xét khen thưởng tổng kết mỗi đợt …. Số lượng không quá 10": the paragraph says per what.
                var scope = PerUnit().IsMatch(sentence) ? QuotaScope.Unit : Regex.IsMatch(VietnameseText.Fold(part.Text), @"\b(?:moi|tung) (?:dot|giai doan)\b") ? QuotaScope.Phase : QuotaScope.Plan;
                var taken = new List<(int, int)>();
                foreach (Match m in PerUnit().Matches(sentence).Concat(Limit().Matches(sentence)))
                {
                    if (taken.Any(t => m.Index < t.Item2 && m.Index + m.Length > t.Item1)) continue;
                    // A bare count is a quota only after "không quá" in a sentence about awards.
                    if (!m.Groups["who"].Success && (!about || !m.Groups["lead"].Value.StartsWith("không", StringComparison.OrdinalIgnoreCase) && !m.Groups["lead"].Value.StartsWith("tối", StringComparison.OrdinalIgnoreCase))) continue;
                    taken.Add((m.Index, m.Index + m.Length));
                    foreach (var (n, who) in new[] { ("n", "who"), ("n2", "who2") })
                    {
                        if (!int.TryParse(m.Groups[n].Value, out var max) || max <= 0) continue;
                        quotas.Add(new Quota
                        {
                            Max = max,
                            AwardId = award,
                            Scope = PerUnit().IsMatch(m.Value) ? QuotaScope.Unit : scope,
                            AppliesTo = For(m.Groups[who].Value),
                            PhaseId = scope == QuotaScope.Plan ? PhaseOf(sentence, phases) : null,
                            Text = TextFit.Shorten(PlanSections.WithoutMark(sentence), 200),
                            Section = part.Section,
                        });
                    }
                }
                foreach (Match m in Share().Matches(sentence))
                {
                    if (!about && !f.Contains("ty le", StringComparison.Ordinal)) continue;
                    shares.Add(new QuotaShare
                    {
                        Percent = decimal.Parse(m.Groups["p"].Value.Replace(',', '.'), CultureInfo.InvariantCulture),
                        Of = m.Groups["of"].Success ? m.Groups["of"].Value.Trim() : null,
                        AwardId = award,
                        Scope = scope,
                        AppliesTo = For(sentence),
                        Text = TextFit.Shorten(PlanSections.WithoutMark(sentence), 200),
                        Section = part.Section,
                    });
                }
            }
        }
        if (quotas.Count == 0 && shares.Count == 0) r.Flag("quotas", "không thấy số lượng khen thưởng (\"không quá … tập thể, … cá nhân\")");
        return (quotas, shares);
    }

    /// <summary>The award a limit is for: named in its sentence, or the one form its line or section gives.</summary>
    private static string? AwardOf(string sentence, PlanPart part, List<AwardForm> awards)
    {
        var f = VietnameseText.Fold(sentence);
        var named = awards.Where(a => f.Contains(VietnameseText.Fold(a.Name), StringComparison.Ordinal)
            || a.DecidedBy.Length > 0 && f.Contains(VietnameseText.Fold(Regex.Replace(a.DecidedBy, @"\s+[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+)*$", "")), StringComparison.Ordinal)).ToList();
        if (named.Count > 0) return named.OrderByDescending(a => a.Name.Length).First().Id;
        var inLine = awards.Where(a => a.Section == part.Section).ToList();
        return inLine.Count == 1 ? inLine[0].Id : null;
    }

    private static Beneficiary For(string who)
    {
        var f = VietnameseText.Fold(who);
        var collective = f.Contains("tap the", StringComparison.Ordinal);
        var individual = f.Contains("ca nhan", StringComparison.Ordinal);
        return collective == individual ? Beneficiary.Both : collective ? Beneficiary.Collective : Beneficiary.Individual;
    }

    private static string? PhaseOf(string sentence, List<Phase> phases) =>
        Regex.Match(sentence, @"\b(?:[Đđ]ợt|[Gg]iai đoạn)\s+(?<n>\d)\b") is { Success: true } m
            ? phases.FirstOrDefault(p => p.Name.EndsWith(" " + m.Groups["n"].Value, StringComparison.Ordinal))?.Id
            : null;

    /// <summary>The targets of a "chỉ tiêu" (or "mục tiêu") section: its items, "100% cơ quan, đơn vị …" and the like.</summary>
    public static List<SourcedText> Targets(PlanReading r) =>
        [.. r.Sections.Under("chi tieu", "muc tieu").Where(p => !p.IsHeading && p.Bare.Length > 20)
            .Select(p => new SourcedText { Text = p.Bare, Section = p.Section }).Take(12)];
}
