using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// The award forms a plan offers, by their full names ("Huân chương Lao động hạng Ba", "Bằng khen của Thủ tướng Chính
/// phủ", "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Thủ trưởng cơ quan, đơn vị", "Cờ thi đua", "Kỷ niệm chương
/// “…”", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"), who decides each, for whom and in which phase. Also the
/// awards a plan gives by who decides them ("Chủ tịch UBND tỉnh xét khen thưởng …", "khen thưởng theo thẩm quyền",
/// "đề nghị UBND thành phố khen thưởng"). A decider the plan does not name is left empty and flagged.
/// </summary>
internal static partial class PlanAwards
{
    private const string Decider =
        @"Thủ tướng Chính phủ|Chính phủ|Chủ tịch nước|Chủ tịch (?:Ủy ban nhân dân|UBND)(?:\s+(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn))?(?:\s+[\p{Lu}][\p{Ll}]+){0,3}" +
        @"|(?:Ủy ban nhân dân|UBND)\s+(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)(?:\s+[\p{Lu}][\p{Ll}]+){0,3}" +
        @"|Bộ trưởng(?:\s+Bộ\s+[\p{Lu}][\p{Ll}]*(?:\s+[\p{L}]+){0,4})?|Hội đồng nhân dân(?:\s+tỉnh)?" +
        @"|(?:Thủ trưởng|Giám đốc|Chủ tịch|Trưởng ban|Hiệu trưởng|Tổng Giám đốc|Tư lệnh|Chỉ huy trưởng|Người đứng đầu)\b[^.;:()]{0,70}";

    [GeneratedRegex(@"(?<form>Huân chương(?:\s+(?:Lao động|Bảo vệ Tổ quốc|Chiến công|Độc lập|Hồ Chí Minh|Sao vàng|Quân công|Đại đoàn kết dân tộc|Dũng cảm|Hữu nghị))?(?:\s+hạng\s+(?:Nhất|Nhì|Ba|nhất|nhì|ba))?" +
        @"|Bằng khen|Giấy khen|Cờ thi đua|Kỷ niệm chương(?:\s*[“""][^”""]{3,120}[”""])?" +
        @"|Chiến sĩ thi đua(?:\s+(?:toàn quốc|cấp tỉnh|cấp bộ|cơ sở))?|Lao động tiên tiến|Chiến sĩ tiên tiến|Tập thể lao động xuất sắc|Tập thể lao động tiên tiến)" +
        @"(?:\s*(?:của|do)?\s*(?<by>" + Decider + "))?")]
    private static partial Regex FormMention();

    /// <summary>"Chủ tịch UBND tỉnh xét khen thưởng …", "đề nghị Thủ tướng Chính phủ tặng Bằng khen", "Giám đốc Sở Nội vụ tặng Giấy khen".</summary>
    [GeneratedRegex(@"(?<by>Chủ tịch nước|Thủ tướng Chính phủ|Chủ tịch (?:Ủy ban nhân dân|UBND) (?:tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn)(?:\s+[\p{Lu}][\p{Ll}]+){0,3}" +
        @"|Bộ trưởng(?:\s+Bộ\s+[\p{Lu}][\p{Ll}]*(?:\s+\p{L}+){0,3})?|Giám đốc(?:\s+Sở\s+[\p{Lu}][\p{Ll}]*(?:\s+\p{L}+){0,3})?|Hiệu trưởng|Thủ trưởng(?:\s+(?:các\s+)?cơ quan, đơn vị(?:, địa phương)?)?)" +
        @"\b[^.;]{0,60}?\b(?:quyết định\s+|xét\s+)?(?<what>tặng\s+(?<form>Huân chương(?:\s+(?:Lao động|Bảo vệ Tổ quốc|Chiến công|Độc lập|Hồ Chí Minh|Sao vàng|Quân công|Đại đoàn kết dân tộc|Dũng cảm|Hữu nghị))?(?:\s+hạng\s+(?:Nhất|Nhì|Ba|nhất|nhì|ba))?|Bằng khen|Giấy khen|Cờ thi đua|Kỷ niệm chương(?:\s*[“""][^”""]{3,120}[”""])?)" +
        @"|tặng\s+(?:các\s+)?danh hiệu thi đua(?:\s+và\s+(?:các\s+)?hình thức khen thưởng)?|(?<!thi đua,\s|thi đua\s-\s|công tác\s|về\s)khen thưởng)")]
    private static partial Regex GivenBy();

    [GeneratedRegex(@"đề nghị (?<body>(?:UBND|Ủy ban nhân dân) (?:tỉnh|thành phố|quận|huyện|thị xã)(?: [\p{Lu}][\p{Ll}]+){0,3})(?=[^.;]{0,80}khen thưởng| theo Luật)")]
    private static partial Regex HigherAuthority();

    [GeneratedRegex(@"(?:trình|đề nghị|xét)\s+khen(?:\s+thưởng)?\s+cấp\s+[Nn]hà\s+nước")]
    private static partial Regex StateAward();

    /// <summary>Where a decider's name stops and the sentence goes on.</summary>
    [GeneratedRegex(@"\s+(?:theo|cho|đối với|về|trong|xét|để|nhằm|vì|có|đã|do|xem xét|quyết định|tặng|khen thưởng|lựa chọn|tham mưu|trên cơ sở|nhân dịp|và\s+(?=Bằng khen|Giấy khen|Cờ thi đua))\b.*$|\s*:.*$")]
    private static partial Regex DeciderTail();

    [GeneratedRegex(@"\b(?:đợt|giai đoạn)\s+(?<n>\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhaseNumber();

    public static List<AwardForm> Read(PlanReading r, IssuerReading issuer, List<Phase> phases)
    {
        var awards = new List<AwardForm>();
        foreach (var part in r.Sections.Body)
        {
            // A table row's cells are read one by one: its task, not its whole row, is the note.
            var texts = part.IsTableRow ? part.Text.Split(PlanTextCleaner.CellSeparator) : [part.Bare];
            foreach (var sentence in texts.SelectMany(PlanReading.Sentences))
            {
                var found = NamedForms(sentence, issuer).Concat(GivenForms(sentence, issuer)).Concat(WithinPowers(sentence, part, issuer)).Concat(Upward(sentence, issuer));
                if (StateAward().IsMatch(sentence)) found = found.Append(("Khen thưởng cấp Nhà nước", "Chủ tịch nước hoặc Thủ tướng Chính phủ, theo hình thức khen thưởng", null));
                foreach (var (name, decidedBy, appliesTo) in found)
                    Merge(awards, new AwardForm
                    {
                        Id = IdOf(name),
                        Name = name,
                        DecidedBy = Full(decidedBy),
                        AppliesTo = appliesTo ?? For(sentence),
                        PhaseIds = PhasesOf(sentence, part, phases),
                        Note = sentence.Length > name.Length + 20 ? TextFit.Shorten(PlanSections.WithoutMark(sentence), 300) : null,
                        Section = part.Section,
                    });
            }
        }
        Tidy(awards);
        if (awards.Count == 0) r.Flag("awards", "không thấy hình thức khen thưởng (Bằng khen, Giấy khen…)");
        else r.Flag("awards", $"{awards.Count} hình thức đọc tự động: kiểm tra tên, người quyết định và đợt");
        foreach (var a in awards.Where(a => a.DecidedBy.Length == 0)) r.Flag("awards", $"\"{a.Name}\": kế hoạch không nêu ai quyết định");
        return [.. awards.Take(10)];
    }

    /// <summary>Forms named with their decider after them: "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen do Thủ trưởng … quyết định", "Lao động tiên tiến".</summary>
    private static IEnumerable<(string Name, string DecidedBy, Beneficiary? For)> NamedForms(string sentence, IssuerReading issuer)
    {
        foreach (Match m in FormMention().Matches(sentence))
        {
            var form = m.Groups["form"].Value.Trim();
            var by = m.Groups["by"].Success ? Clean(m.Groups["by"].Value) : "";
            if (by.Length > 0 && !IsDecider(by)) by = "";
            var title = IsTitle(form);
            var decidedBy = by.Length > 0 ? Qualified(by, issuer) : ByLaw(form);
            var name = by.Length > 0 && !title ? $"{form} của {(IsOwn(by, issuer) ? Short(by) : Short(decidedBy))}" : form;
            yield return (name, decidedBy, title ? TitleFor(form) : null);
        }
    }

    /// <summary>Forms named by who gives them: "Chủ tịch UBND tỉnh xét khen thưởng …", "đề nghị Thủ tướng Chính phủ tặng Bằng khen".</summary>
    private static IEnumerable<(string Name, string DecidedBy, Beneficiary? For)> GivenForms(string sentence, IssuerReading issuer)
    {
        foreach (Match d in GivenBy().Matches(sentence))
        {
            var said = Regex.Replace(d.Groups["by"].Value, @"\s+", " ").Trim();
            var qualified = Qualified(said, issuer);
            // The issuer's own chair is named as plans name it; a higher one with its place ("… thành phố Hải Phòng").
            var decider = IsOwn(said, issuer) ? Short(said) : Short(qualified);
            var what = d.Groups["what"].Value;
            var form = d.Groups["form"].Value;
            var name = what.Contains("danh hiệu", StringComparison.Ordinal) ? $"Danh hiệu thi đua và hình thức khen thưởng theo thẩm quyền của {decider}"
                : form.Length == 0 ? $"Khen thưởng của {decider}"
                : form.StartsWith("Huân chương", StringComparison.Ordinal) || form.StartsWith("Kỷ niệm chương", StringComparison.Ordinal) ? form
                : $"{form} của {decider}";
            yield return (name, qualified, null);
        }
    }

    /// <summary>
    /// "khen thưởng theo thẩm quyền": heads of units within their powers; below the province, the issuing authority's
    /// chair. In the assignments it is the powers of the body assigned, not the issuer's.
    /// </summary>
    private static IEnumerable<(string Name, string DecidedBy, Beneficiary? For)> WithinPowers(string sentence, PlanPart part, IssuerReading issuer)
    {
        if (!sentence.Contains("theo thẩm quyền", StringComparison.OrdinalIgnoreCase) || !Regex.IsMatch(sentence, @"khen thưởng|biểu dương", RegexOptions.IgnoreCase)) yield break;
        var heads = sentence.Contains("Thủ trưởng", StringComparison.Ordinal);
        if (PlanSections.IsUnder(part, "to chuc thuc hien", "trach nhiem", "phan cong") && !heads) yield break;
        if (heads) yield return ("Khen thưởng theo thẩm quyền của Thủ trưởng cơ quan, đơn vị, địa phương", "Thủ trưởng cơ quan, đơn vị, địa phương", null);
        else if (issuer.Level != AdministrativeLevel.Province && !sentence.Contains("Chủ tịch UBND tỉnh", StringComparison.Ordinal))
            yield return ($"Khen thưởng theo thẩm quyền của Chủ tịch {issuer.Name}", $"Chủ tịch {issuer.Name}", null);
    }

    /// <summary>A commune or district plan that sends the best upward: "đề nghị UBND thành phố khen thưởng".</summary>
    private static IEnumerable<(string Name, string DecidedBy, Beneficiary? For)> Upward(string sentence, IssuerReading issuer)
    {
        if (issuer.Level == AdministrativeLevel.Province || HigherAuthority().Match(sentence) is not { Success: true } up) yield break;
        if (VietnameseText.Fold(issuer.Name).Contains(VietnameseText.Fold(up.Groups["body"].Value), StringComparison.Ordinal)) yield break;
        var body = Named(up.Groups["body"].Value, issuer);
        yield return ($"Đề nghị {body} khen thưởng", body, null);
    }

    /// <summary>
    /// "Khen thưởng của X" says only who decides: the form X gives (Bằng khen của X, or X's awards "theo thẩm quyền")
    /// says more and keeps its phases and notes. A bare form ("xét tặng Bằng khen") beside its full name is that award.
    /// </summary>
    private static void Tidy(List<AwardForm> awards)
    {
        foreach (var generic in awards.Where(a => a.Name.StartsWith("Khen thưởng của ", StringComparison.Ordinal)).ToList())
        {
            var specific = awards.FindIndex(a => a != generic && !a.Name.StartsWith("Khen thưởng của ", StringComparison.Ordinal) && SameDecider(a.DecidedBy, generic.DecidedBy));
            if (specific < 0) continue;
            var a = awards[specific];
            awards[specific] = a with { PhaseIds = [.. a.PhaseIds.Union(generic.PhaseIds)], Note = generic.Note ?? a.Note, Section = generic.Section };
            awards.Remove(generic);
        }
        awards.RemoveAll(bare => bare.DecidedBy.Length == 0 && awards.Any(a => a != bare && a.Name.StartsWith(bare.Name + " ", StringComparison.Ordinal)));
    }

    /// <summary>The same form twice is one: its phases joined, its first note kept.</summary>
    private static void Merge(List<AwardForm> awards, AwardForm award)
    {
        var key = VietnameseText.Fold(award.Name);
        var same = awards.FindIndex(a => VietnameseText.Fold(a.Name) == key);
        if (same >= 0)
        {
            var a = awards[same];
            awards[same] = a with { PhaseIds = [.. a.PhaseIds.Union(award.PhaseIds)], Note = a.Note ?? award.Note, DecidedBy = a.DecidedBy.Length > 0 ? a.DecidedBy : award.DecidedBy };
            return;
        }
        var id = award.Id;
        for (var n = 2; awards.Any(a => a.Id == id); n++) id = $"{award.Id}-{n}";
        awards.Add(award with { Id = id });
    }

    private static string Clean(string by) => DeciderTail().Replace(Regex.Replace(by, @"\s+", " ").Trim(), "").Trim(' ', ',', '-', '–');

    /// <summary>A decider is a person's office or a body, not the sentence running on ("Chủ tịch" alone is cut short).</summary>
    private static bool IsDecider(string by) => by.Length >= 6 && !by.Equals("Chủ tịch", StringComparison.Ordinal);

    /// <summary>
    /// "Chủ tịch UBND tỉnh" in a plan of tỉnh Lào Cai is the chair of that province's committee; "UBND thành phố" in a
    /// plan of quận Dương Kinh is Hải Phòng's, in one of phường Cam Phú it is Cam Ranh's.
    /// </summary>
    private static string Qualified(string decider, IssuerReading issuer)
    {
        var m = Regex.Match(decider, @"^(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND) (?<kind>tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)$");
        if (!m.Success) return decider;
        var kind = m.Groups["kind"].Value;
        if (IsOwn(decider, issuer)) return $"{decider} {issuer.AreaName}";
        if (issuer.District is { } d && d.StartsWith(kind + " ", StringComparison.Ordinal)) return $"{decider} {Knowledge.Places.AdministrativeUnits.BareName(d)}";
        return kind is "tỉnh" or "thành phố" && issuer.Province is not ("?" or "Toàn quốc") ? $"{decider} {issuer.Province}" : decider;
    }

    /// <summary>Whether "Chủ tịch UBND quận" is the issuer's own chair: the same kind of unit as the plan's own.</summary>
    private static bool IsOwn(string decider, IssuerReading issuer)
    {
        var m = Regex.Match(decider, @"(?:Ủy ban nhân dân|UBND) (?<kind>tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)$");
        if (!m.Success) return false;
        var own = issuer.Level switch
        {
            AdministrativeLevel.Province => issuer.Name.Contains("thành phố", StringComparison.Ordinal) ? "thành phố" : "tỉnh",
            AdministrativeLevel.District => issuer.District?.Split(' ')[0] is "thành" ? "thành phố" : issuer.District?.Split(' ')[0],
            _ => issuer.Commune?.Split(' ')[0] is "thị" ? "thị trấn" : issuer.Commune?.Split(' ')[0],
        };
        return m.Groups["kind"].Value == own;
    }

    /// <summary>"UBND thành phố" in a ward's plan is its city's: "UBND thành phố Cam Ranh".</summary>
    private static string Named(string body, IssuerReading issuer)
    {
        if (issuer.District is not { } district) return body;
        var bare = Knowledge.Places.AdministrativeUnits.BareName(district);
        var kind = district[..^bare.Length].Trim();
        return kind.Length > 0 && body.EndsWith(" " + kind, StringComparison.Ordinal) ? $"{body} {bare}" : body;
    }

    private static bool SameDecider(string a, string b)
    {
        static string Key(string s) => VietnameseText.Fold(s.Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal));
        var (ka, kb) = (Key(a), Key(b));
        return ka.Length > 0 && kb.Length > 0 && (ka.StartsWith(kb, StringComparison.Ordinal) || kb.StartsWith(ka, StringComparison.Ordinal));
    }

    private static string Short(string by) => by.Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal);

    /// <summary>Who decides is named in full, as the law names offices: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai".</summary>
    private static string Full(string by) => Regex.Replace(by, @"\bUBND\b", "Ủy ban nhân dân");

    private static bool IsTitle(string form) => form.StartsWith("Chiến sĩ", StringComparison.Ordinal) || form.StartsWith("Lao động", StringComparison.Ordinal) || form.StartsWith("Tập thể", StringComparison.Ordinal);

    /// <summary>Titles are for individuals or for collectives by the law's definition of them.</summary>
    private static Beneficiary TitleFor(string form) => form.StartsWith("Tập thể", StringComparison.Ordinal) ? Beneficiary.Collective : Beneficiary.Individual;

    /// <summary>Who decides a form when the plan does not say, where the law leaves no choice (Luật Thi đua, khen thưởng 2022).</summary>
    private static string ByLaw(string form) =>
        form.StartsWith("Huân chương", StringComparison.Ordinal) ? "Chủ tịch nước"
        : form == "Chiến sĩ thi đua toàn quốc" ? "Thủ tướng Chính phủ"
        : "";

    private static Beneficiary For(string sentence)
    {
        var f = VietnameseText.Fold(sentence);
        var collective = f.Contains("tap the", StringComparison.Ordinal);
        var individual = f.Contains("ca nhan", StringComparison.Ordinal);
        return collective == individual ? Beneficiary.Both : collective ? Beneficiary.Collective : Beneficiary.Individual;
    }

    /// <summary>"tổng kết mỗi đợt" is every phase; "Đợt 2: …" or a line under a phase is that phase.</summary>
    private static List<string> PhasesOf(string sentence, PlanPart part, List<Phase> phases)
    {
        var f = VietnameseText.Fold(sentence);
        if (phases.Count > 0 && Regex.IsMatch(f, @"\b(?:moi|cac|tung) (?:dot|giai doan)\b")) return [.. phases.Select(p => p.Id)];
        var named = PhaseNumber().Matches(sentence).Select(m => phases.FirstOrDefault(p => p.Name.EndsWith(" " + m.Groups["n"].Value, StringComparison.Ordinal))?.Id).OfType<string>().Distinct().ToList();
        if (named.Count > 0) return named;
        return [.. phases.Where(p => part.Section == p.Section || part.Section.StartsWith(p.Section + ".", StringComparison.Ordinal)).Select(p => p.Id)];
    }

    /// <summary>"bk-ttcp", "bk-ct-tinh", "gk-thu-truong", "kt-ct-phuong": the form's initials and the decider's.</summary>
    public static string IdOf(string name)
    {
        var f = VietnameseText.Fold(name);
        var form = f.StartsWith("bang khen", StringComparison.Ordinal) ? "bk" : f.StartsWith("giay khen", StringComparison.Ordinal) ? "gk"
            : f.StartsWith("co thi dua", StringComparison.Ordinal) ? "co" : f.StartsWith("huan chuong", StringComparison.Ordinal) ? "hc"
            : f.StartsWith("ky niem chuong", StringComparison.Ordinal) ? "knc" : f.StartsWith("khen thuong", StringComparison.Ordinal) ? "kt"
            : f.StartsWith("de nghi", StringComparison.Ordinal) ? "de-nghi" : f.StartsWith("danh hieu", StringComparison.Ordinal) ? "dh" : null;
        if (form is null) return ShortNames.Slug(name, 20);
        var by = f.Contains("thu tuong", StringComparison.Ordinal) ? "ttcp"
            : Regex.Match(f, @"chu tich (?:ubnd|uy ban nhan dan) (?<lvl>tinh|thanh pho|quan|huyen|thi xa|xa|phuong|thi tran)") is { Success: true } ct ? "ct-" + (ct.Groups["lvl"].Value == "thanh pho" ? "tp" : ct.Groups["lvl"].Value.Replace(' ', '-'))
            : Regex.Match(f, @"(?:ubnd|uy ban nhan dan) (?<lvl>tinh|thanh pho|quan|huyen|thi xa)") is { Success: true } u ? "ubnd-" + (u.Groups["lvl"].Value == "thanh pho" ? "tp" : u.Groups["lvl"].Value.Replace(' ', '-'))
            : f.Contains("thu truong", StringComparison.Ordinal) ? "thu-truong" : f.Contains("bo truong", StringComparison.Ordinal) ? "bo-truong"
            : f.Contains("giam doc", StringComparison.Ordinal) ? "giam-doc" : f.Contains("cap nha nuoc", StringComparison.Ordinal) ? "cap-nha-nuoc" : null;
        if (by is not null) return $"{form}-{by}";
        // "Kỷ niệm chương “Vì sự nghiệp …”": the form's initials and the first words of its own name.
        var own = Regex.Replace(f, @"^(?:bang khen|giay khen|co thi dua|huan chuong|ky niem chuong|khen thuong|de nghi|danh hieu)\s*", "");
        return own.Length == 0 ? form : $"{form}-{ShortNames.Slug(own, 14)}";
    }
}
