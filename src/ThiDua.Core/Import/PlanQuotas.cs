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
    [GeneratedRegex(@"\bmỗi\s+(?<unit>(?:xã|phường|thị trấn|cơ quan|đơn vị|địa phương|huyện|sở|ban|ngành|trường|doanh nghiệp|cụm|khối|tổ chức|tổ dân phố|khu phố|thôn|bản|ấp|chi bộ|phòng)(?:[\s,]+(?:xã|phường|thị trấn|cơ quan|đơn vị|địa phương|huyện|thị xã|thành phố|sở|ban|ngành|trường|doanh nghiệp|tổ chức|và))*)\s*(?:được\s+)?(?:đề nghị|đề xuất|xét|chọn|lựa chọn|giới thiệu|bình chọn)?\s*(?:không quá|tối đa|không vượt quá)?\s*(?<n>\d{1,3})\s+(?<who>" + Who + @")(?:\s*(?:,|và)\s*(?<n2>\d{1,3})\s+(?<who2>" + Who + "))?", RegexOptions.IgnoreCase)]
    private static partial Regex PerUnit();

    [GeneratedRegex(@"(?:không quá|tối đa|không vượt quá|dưới|chiếm)\s*(?<p>\d{1,3}(?:[.,]\d{1,2})?)\s*%(?:\s+(?:trên\s+)?(?:tổng\s+số\s+|số\s+)?(?<of>[^.;:()]{3,80}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    [GeneratedRegex(@"\b(?:số lượng|khen thưởng|đề nghị|danh hiệu|bằng khen|giấy khen|xét tặng|xét chọn|suy tôn|cơ cấu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutAwards();

    /// <summary>Who a share may be of (folded): people or units, not files or cases.</summary>
    [GeneratedRegex(@"\b(?:tap the|ca nhan|can bo|cong chuc|vien chuc|giao vien|nhan vien|nguoi lao dong|dang vien|hoi vien|doan vien|chien si thi dua|lao dong tien tien)\b")]
    private static partial Regex CountsPeople();

    public static (List<Quota> Quotas, List<QuotaShare> Shares) Read(PlanReading r, List<AwardForm> awards, List<Phase> phases)
    {
        var quotas = new List<Quota>();
        var shares = new List<QuotaShare>();
        var leadIns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in r.Sections.Body)
        {
            if (part.Text.TrimEnd().EndsWith(':') && Named(part.Text, awards) is { } introduced) leadIns[part.Section] = introduced;
            if (part.IsTableRow)
            {
                quotas.AddRange(TableRow(part, awards, leadIns));
                continue;
            }
            foreach (var sentence in PlanReading.Sentences(part.Text))
            {
                var f = VietnameseText.Fold(sentence);
                var about = AboutAwards().IsMatch(sentence) || UnderAwardsHeading(part);
                var award = AwardOf(sentence, part, awards, leadIns);
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
                        var unitScope = PerUnit().IsMatch(m.Value) ? QuotaScope.Unit : scope;
                        // "1. Sơ kết giai đoạn 1 / a) … không quá 30 tập thể": the limit is that phase's, said in its line or its heading.
                        var phase = scope == QuotaScope.Plan ? PhaseOf(sentence, phases) ?? part.Headings.Reverse().Select(h => PhaseOf(h, phases)).FirstOrDefault(p => p is not null) : null;
                        quotas.Add(new Quota
                        {
                            Max = max,
                            AwardId = award,
                            Scope = phase is not null && unitScope == QuotaScope.Plan ? QuotaScope.Phase : unitScope,
                            AppliesTo = For(m.Groups[who].Value),
                            PhaseId = phase,
                            Text = TextFit.Shorten(PlanSections.WithoutMark(sentence), 200),
                            Section = part.Section,
                        });
                    }
                }
                foreach (Match m in Share().Matches(sentence))
                {
                    if (!about && !f.Contains("ty le", StringComparison.Ordinal)) continue;
                    // "tỷ lệ hồ sơ trễ hạn dưới 2%" is a target of the work, not a share of those who may be awarded.
                    if (!AboutAwards().IsMatch(sentence) && award is null && !CountsPeople().IsMatch(f)) continue;
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

    /// <summary>
    /// The award a limit is for: named in its sentence, or the one a lead-in line above the list names ("Phân bổ số
    /// lượng đề nghị Bằng khen của Chủ tịch UBND tỉnh:"), or the one form its line or section gives.
    /// </summary>
    private static string? AwardOf(string sentence, PlanPart part, List<AwardForm> awards, Dictionary<string, string> leadIns)
    {
        if (Named(sentence, awards) is { } named) return named;
        if (leadIns.TryGetValue(part.Section, out var lead)) return lead;
        var inLine = awards.Where(a => a.Section == part.Section).ToList();
        return inLine.Count == 1 ? inLine[0].Id : null;
    }

    /// <summary>
    /// The award a sentence names. The one it grants ("… đề nghị Thủ tướng Chính phủ trình Chủ tịch nước tặng Huân
    /// chương Lao động hạng Ba") before one whose decider it names on the way; else the longest name.
    /// </summary>
    private static string? Named(string sentence, List<AwardForm> awards)
    {
        var f = VietnameseText.Fold(sentence);
        var byName = awards.Where(a => f.Contains(VietnameseText.Fold(a.Name), StringComparison.Ordinal)).ToList();
        var granted = byName.Where(a => f.Contains("tang " + VietnameseText.Fold(a.Name), StringComparison.Ordinal)).ToList();
        if (granted.Count > 0) return granted.OrderByDescending(a => a.Name.Length).First().Id;
        var named = byName.Count > 0 ? byName : awards.Where(a => a.DecidedBy.Length > 0
            && f.Contains(VietnameseText.Fold(Regex.Replace(a.DecidedBy, @"\s+[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+)*$", "")), StringComparison.Ordinal)).ToList();
        return named.Count > 0 ? named.OrderByDescending(a => a.Name.Length).First().Id : null;
    }

    /// <summary>Under a heading on numbers, structure or forms of awards.</summary>
    private static bool UnderAwardsHeading(PlanPart part) => PlanSections.IsUnder(part, "so luong", "co cau", "khen thuong", "hinh thuc");

    /// <summary>"Sở Y tế — 02 tập thể, 04 cá nhân" in a table under "Phân bổ số lượng đề nghị Bằng khen …": that unit's limit.</summary>
    [GeneratedRegex(@"^0*(?<n>\d{1,3})\s+(?<who>tập thể|cá nhân)(?:\s*(?:,|;|và)\s*0*(?<n2>\d{1,3})\s+(?<who2>tập thể|cá nhân))?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CountCell();

    private static IEnumerable<Quota> TableRow(PlanPart part, List<AwardForm> awards, Dictionary<string, string> leadIns)
    {
        var cells = part.Text.Split(PlanTextCleaner.CellSeparator, StringSplitOptions.TrimEntries);
        var count = cells.Select(c => CountCell().Match(c)).FirstOrDefault(m => m.Success);
        if (count is null) yield break;
        var unit = cells.FirstOrDefault(c => c.Length > 2 && !c.All(char.IsDigit) && !CountCell().IsMatch(c));
        if (unit is null) yield break;
        var award = Named(part.Text, awards) ?? leadIns.GetValueOrDefault(part.Section)
            ?? part.Headings.Reverse().Select(h => Named(h, awards)).FirstOrDefault(a => a is not null);
        // Counts of collectives and individuals in a table are awards' limits when an award or a quota heading is over them.
        if (award is null && !UnderAwardsHeading(part)
            && !part.Headings.Any(h => VietnameseText.Fold(h).Contains("phan bo", StringComparison.Ordinal))) yield break;
        foreach (var (n, who) in new[] { ("n", "who"), ("n2", "who2") })
        {
            if (!int.TryParse(count.Groups[n].Value, out var max) || max <= 0) continue;
            yield return new Quota
            {
                Max = max,
                AwardId = award,
                Scope = QuotaScope.Unit,
                AppliesTo = For(count.Groups[who].Value),
                Text = TextFit.Shorten($"{unit}: {count.Value}", 200),
                Section = part.Section,
            };
        }
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
