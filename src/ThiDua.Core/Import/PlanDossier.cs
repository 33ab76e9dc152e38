using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// The nomination dossier: its components (tờ trình, biên bản, báo cáo thành tích, danh sách trích ngang, bản sao…)
/// with their copies ("01 bộ", "02 bản") and who prepares them, how it is filed (paper, electronic, the public
/// service portal) and where. Read from the lines under a "Hồ sơ" heading, after "Hồ sơ … gồm:", or from one line listing them with semicolons.
/// </summary>
internal static partial class PlanDossier
{
    /// <summary>The nouns a dossier component starts with, and the id nomination checklists know it by.</summary>
    private static readonly (string Folded, string Id)[] Components =
    [
        ("to trinh", "to-trinh"), ("bien ban", "bien-ban"), ("bao cao thanh tich", "bao-cao-thanh-tich"), ("bao cao tom tat thanh tich", "bao-cao-thanh-tich"),
        ("ban tom tat thanh tich", "bao-cao-thanh-tich"), ("tom tat thanh tich", "bao-cao-thanh-tich"), ("danh sach", "trich-ngang"), ("trich ngang", "trich-ngang"),
        ("ban sao", "ban-sao"), ("giay xac nhan", "xac-nhan"), ("xac nhan", "xac-nhan"), ("van ban xac nhan", "xac-nhan"), ("van ban de nghi", "van-ban-de-nghi"),
        ("quyet dinh", "quyet-dinh"), ("phieu", "phieu"), ("bang tong hop", "bang-tong-hop"), ("y kien", "y-kien"), ("hinh anh", "hinh-anh"), ("file", "ban-dien-tu"),
    ];

    /// <summary>
    /// The one rule from a component's name to its id, for the importer and for a list a reviewer types: the kind of
    /// paper the name starts with ("Tờ trình …" → "to-trinh"), else its place in the list; a second of a kind gets "-2".
    /// </summary>
    public static string IdFor(string name, int position, IReadOnlyCollection<DossierComponent> taken) =>
        Unique(KindOf(name) ?? $"thanh-phan-{position + 1}", taken);

    private static string? KindOf(string name)
    {
        var f = VietnameseText.Fold(name);
        return Components.FirstOrDefault(c => f.StartsWith(c.Folded, StringComparison.Ordinal)).Id;
    }

    private static string Unique(string kind, IReadOnlyCollection<DossierComponent> taken)
    {
        var id = kind;
        for (var n = 2; taken.Any(x => x.Id == id); n++) id = $"{kind}-{n}";
        return id;
    }

    [GeneratedRegex(@"\(?\b(?<n>\d{1,2})\s*(?<unit>bản|bộ)\b\)?", RegexOptions.IgnoreCase)]
    private static partial Regex Copies();

    [GeneratedRegex(@"(?:nộp|gửi)\s+(?:01\s+bộ\s+)?(?:hồ sơ(?:\s+đề nghị(?:\s+khen thưởng)?)?\s+)?(?:(?:bản\s+)?(?:giấy|điện tử)\s+)?(?:về|tại|cho|đến|tới)\s+(?<to>[\p{Lu}][^.;:]+?)(?=\s+(?:trước|chậm nhất|trong|để|theo|đồng thời|qua\s+(?:đường|hệ thống|phần mềm|cổng))\b|[.;]|,\s*(?:đồng thời|trước|chậm)|$)")]
    private static partial Regex SubmitTo();

    [GeneratedRegex(@"^hồ sơ\b.*(?:gồm|bao gồm)\s*:?\s*$|^hồ sơ\b[^.]{0,60}:$", RegexOptions.IgnoreCase)]
    private static partial Regex ListLead();

    /// <summary>
    /// "Hồ sơ đề nghị khen thưởng gồm: Tờ trình …; báo cáo thành tích …; danh sách …" or "Thành phần hồ sơ: tờ trình …;
    /// biên bản …" on one line.
    /// </summary>
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s+|\p{Ll}\)\s+)?(?:hồ sơ\b[^:;.]{0,80}?\b(?:gồm|bao gồm)(?:\s+có)?\s*:?|thành phần hồ sơ\b[^:;.]{0,60}?(?:\b(?:gồm|bao gồm)(?:\s+có)?\s*:?|:))\s*(?<list>[^;]{3,};.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineList();

    [GeneratedRegex(@"https?://[^\s)>]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\bdo\s+(?<by>[^.;()]+?)\s+(?:lập|ký|xác nhận|cấp|chuẩn bị)\b|\bcó xác nhận của\s+(?<by>[^.;()]+)|\bcủa\s+(?<by>Hội đồng[^.;()]+|cơ quan[^.;()]+|Thủ trưởng[^.;()]+|đơn vị[^.;()]+)")]
    private static partial Regex PreparedBy();

    public static Dossier? Read(PlanReading r)
    {
        // "6. HỒ SƠ … / 6.3. Số lượng và nơi nộp", "3. Hình thức nộp": a sub-heading on copies, where or how to send is still the dossier.
        var parts = r.Sections.Under("ho so", "nop").Where(p => !p.IsTableRow).ToList();
        // No heading: the lines after "Hồ sơ … gồm:" wherever it stands.
        if (parts.Count == 0)
        {
            var body = r.Sections.Body.ToList();
            var lead = body.FindIndex(p => ListLead().IsMatch(p.Bare) || InlineList().IsMatch(p.Bare));
            if (lead >= 0) parts = [.. body.Skip(lead).Take(12).TakeWhile((p, i) => i == 0 || p.Section == body[lead].Section)];
        }
        var components = new List<DossierComponent>();
        var notes = new List<string>();
        string? copiesText = null, submitTo = null, portal = null;
        var dossierSaid = false;
        foreach (var part in parts)
        {
            var text = part.Bare.TrimEnd('.', ';');
            if (InlineList().Match(text) is { Success: true } inline)
            {
                foreach (var item in inline.Groups["list"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    foreach (var c in ComponentsIn(TextCasing.Capitalise(item), part.Section)) components.Add(c with { Id = Unique(c.Id, components) });
                submitTo ??= SubmitPlace(text);
                continue;
            }
            if (part.IsHeading || ListLead().IsMatch(part.Bare)) continue;
            var f = VietnameseText.Fold(text);
            var to = SubmitPlace(text);
            // Where reports go is often another office than where the dossier goes: a line on the dossier says it surely.
            if (to is not null && !dossierSaid && f.Contains("ho so", StringComparison.Ordinal)) { submitTo = to; dossierSaid = true; }
            submitTo ??= to;
            portal ??= Url().Matches(text).Select(m => m.Value.TrimEnd('.', ',')).FirstOrDefault(u => u.Contains("dichvucong", StringComparison.OrdinalIgnoreCase) || u.Contains("dvc", StringComparison.OrdinalIgnoreCase));
            if (f.StartsWith("so luong ho so", StringComparison.Ordinal) || f.StartsWith("so bo ho so", StringComparison.Ordinal) || f.StartsWith("so luong:", StringComparison.Ordinal))
            {
                copiesText = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                continue;
            }
            var found = ComponentsIn(text, part.Section);
            if (found.Count == 0)
            {
                if (text.Length > 15) notes.Add(text + ".");
                continue;
            }
            foreach (var c in found) components.Add(c with { Id = Unique(c.Id, components) });
        }
        if (components.Count == 0)
        {
            r.Flag("dossier", parts.Count == 0
                ? "không thấy danh mục hồ sơ: bot sẽ dùng hồ sơ chung theo Điều 84 Luật Thi đua, khen thưởng"
                : $"có mục hồ sơ (mục {parts[0].Section}) nhưng không đọc được các thành phần: nhập tay");
            return null;
        }
        var all = VietnameseText.Fold(string.Join(' ', parts.Select(p => p.Text)));
        var formats = new List<SubmissionFormat>();
        if (Regex.IsMatch(all, @"\bho so giay\b|\bban giay\b|\bban chinh\b|\bbo ho so\b") || components.Any(c => c.Copies is not null) || copiesText is not null) formats.Add(SubmissionFormat.Paper);
        if (Regex.IsMatch(all, @"\bdien tu\b|\bban mem\b|\bfile\b|\bdinh dang (?:pdf|word)\b|\bemail\b|\bthu dien tu\b")) formats.Add(SubmissionFormat.Electronic);
        if (portal is not null || Regex.IsMatch(all, @"dich vu cong|dichvucong|\btruc tuyen\b|phan mem quan ly")) formats.Add(SubmissionFormat.Portal);
        if (formats.Count == 0) r.Flag("dossier.formats", "kế hoạch không nói nộp hồ sơ giấy hay điện tử");
        if (submitTo is null) r.Flag("dossier.submitTo", "kế hoạch không nói nộp hồ sơ về đâu (trong mục hồ sơ)");
        copiesText ??= parts.Select(p => Regex.Match(p.Text, @"(?:gồm|lập thành|mỗi loại)\s+(?<c>\d{1,2}\s+(?:bộ|bản)[^.;,]*)", RegexOptions.IgnoreCase)).FirstOrDefault(m => m.Success)?.Groups["c"].Value;
        return new Dossier
        {
            Components = components,
            CopiesText = copiesText,
            Formats = formats,
            SubmitTo = submitTo,
            PortalUrl = portal,
            Notes = [.. notes.Take(6)],
            Section = parts.FirstOrDefault(p => p.IsHeading)?.Section ?? components[0].Section,
        };
    }

    /// <summary>
    /// The components a line lists: usually one, two when it says "Tờ trình và trích ngang thành tích … do … lập":
    /// each noun its own component, sharing who prepares them.
    /// </summary>
    /// <summary>Where the line says the dossier is sent ("nộp về Sở Nội vụ (Ban TĐKT) trước …" → "Sở Nội vụ (Ban TĐKT)").</summary>
    private static string? SubmitPlace(string text) =>
        SubmitTo().Match(text) is { Success: true } s ? s.Groups["to"].Value.Trim().TrimEnd(',') : null;

    private static List<DossierComponent> ComponentsIn(string text, string section)
    {
        var f = VietnameseText.Fold(text);
        var first = Components.FirstOrDefault(c => f.StartsWith(c.Folded, StringComparison.Ordinal));
        if (first == default) return [];
        var by = PreparedBy().Match(text) is { Success: true } p ? p.Groups["by"].Value.Trim() : null;
        var copies = Copies().Match(text) is { Success: true } c && int.TryParse(c.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : (int?)null;
        var appliesTo = Regex.IsMatch(f, @"\b(?:doi voi|cua|cho) (?:cac )?tap the\b") && !f.Contains("ca nhan", StringComparison.Ordinal) ? Beneficiary.Collective
            : Regex.IsMatch(f, @"\b(?:doi voi|cua|cho) (?:cac )?ca nhan\b") && !f.Contains("tap the", StringComparison.Ordinal) ? Beneficiary.Individual : Beneficiary.Both;
        // "Tờ trình và trích ngang thành tích của …": the first noun alone, then the rest as the second.
        var and = Regex.Match(text, @"^(?<a>\p{L}+(?:\s+\p{L}+)?)\s+và\s+(?<b>.+)$");
        if (and.Success && Components.FirstOrDefault(x => VietnameseText.Fold(and.Groups["b"].Value).StartsWith(x.Folded, StringComparison.Ordinal)) is { Id: not null } second
            && Components.Any(x => x.Folded == VietnameseText.Fold(and.Groups["a"].Value)))
        {
            var a = and.Groups["a"].Value + (by is null ? "" : $" (do {by} lập)");
            return
            [
                new DossierComponent { Id = first.Id, Name = a, PreparedBy = by, Copies = copies, AppliesTo = appliesTo, Section = section },
                new DossierComponent { Id = second.Id, Name = TextCasing.Capitalise(and.Groups["b"].Value), PreparedBy = by, Copies = copies, AppliesTo = appliesTo, Section = section },
            ];
        }
        return [new DossierComponent { Id = first.Id, Name = text, PreparedBy = by, Copies = copies, AppliesTo = appliesTo, Section = section }];
    }
}
