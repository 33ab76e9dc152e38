using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>Something the importer could not read, or read with doubt: shown to the reviewer, never guessed silently.</summary>
public sealed record ImportFlag(string Field, string Problem);

/// <summary>A drafted campaign record and what a person must check before it is published.</summary>
public sealed record ImportDraft(Campaign Campaign, IReadOnlyList<ImportFlag> Flags);

/// <summary>
/// Drafts a campaign record (schema v1) from a plan's text: header (number, place, date, issuer, level), title,
/// theme, phases and period, award forms, dossier components, and every dated obligation with who must meet it
/// and the section it comes from. Heuristic by nature: what it is unsure of becomes a flag.
/// </summary>
public static partial class PlanImporter
{
    [GeneratedRegex(@"Số\s*:?\s*(?<n>\d*)\s*/\s*(?<s>[A-ZĐ][A-ZĐ0-9\-]*)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?<place>(?:[\p{Lu}][\p{Ll}]+\s?){1,4}),\s*ngày\s*(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>\d{4})")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?:Ủy ban nhân dân|ỦY BAN NHÂN DÂN|UBND)\s+(?<kind>tỉnh|TỈNH|thành phố|THÀNH PHỐ|quận|QUẬN|huyện|HUYỆN|thị xã|THỊ XÃ|phường|PHƯỜNG|xã|XÃ|thị trấn|THỊ TRẤN)\s+(?<name>[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})")]
    private static partial Regex Authority();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,5})\.\s+(?<title>.+)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?<title>.+)$")]
    private static partial Regex NumberHeading();

    [GeneratedRegex(@"(?<form>Bằng khen|Giấy khen|Cờ thi đua|Kỷ niệm chương|Huân chương|Chiến sĩ thi đua|Tập thể lao động xuất sắc|[Kk]hen thưởng (?=của|theo thẩm quyền))\s*(?<rest>(?:của|do|theo thẩm quyền của)?\s*[^.;:\n(]{0,90})")]
    private static partial Regex AwardMention();

    [GeneratedRegex(@"Chủ tịch (?:Ủy ban nhân dân|UBND) (?<lvl>tỉnh|thành phố|quận|huyện|thị xã|phường|xã)\b[^.;]{0,40}?\b(?:xét\s+)?(?<form>tặng Bằng khen|tặng Giấy khen|khen thưởng)")]
    private static partial Regex DeciderAward();

    [GeneratedRegex(@"đề nghị (?<body>(?:UBND|Ủy ban nhân dân) (?:tỉnh|thành phố|quận|huyện|thị xã)(?: [\p{Lu}][\p{Ll}]+){0,3})(?=[^.;]{0,80}khen thưởng| theo Luật)")]
    private static partial Regex HigherAuthority();

    [GeneratedRegex(@"\b\d{1,4}/[A-ZĐ]")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?:UBND|Ủy ban nhân dân|Chủ tịch UBND)\s+(?<kind>phường|xã|thị trấn|quận|huyện|thị xã)(?!\s+[\p{Lu}])")]
    private static partial Regex SelfAuthority();

    [GeneratedRegex(@"tỉnh\s+(?<name>[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){0,2})")]
    private static partial Regex ProvinceName();

    [GeneratedRegex(@"đợt\s+(?<n>\d|I{1,3}|một|hai|ba)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhaseWord();

    [GeneratedRegex(@"\((?<n>\d{1,2})\s*bản\)|(?<n>\d{1,2})\s*bản\b")]
    private static partial Regex Copies();

    [GeneratedRegex(@"https?://[^\s)>]+")]
    private static partial Regex Url();

    private sealed record Line(string Text, string Section);

    public static ImportDraft Import(string raw)
    {
        var flags = new List<ImportFlag>();
        var cleaned = PlanTextCleaner.Clean(raw);
        if (cleaned.Count(l => l.Length > 0) < 5) throw new InvalidDataException("văn bản gần như trống: không có nội dung kế hoạch để đọc");
        var lines = Sectioned(cleaned);
        var all = string.Join('\n', cleaned);

        var (number, place, issuedOn, issuedMonth, year) = Header(cleaned, flags);
        year ??= MostCommonYear(all);
        if (year is null) throw new InvalidDataException("không tìm thấy năm nào trong văn bản: có thể không phải kế hoạch, hoặc tệp bị lỗi mã chữ");
        var (level, province, district, commune, issuer) = Authority(all, place, flags);
        if (province == "?" && ProvinceName().Matches(all).GroupBy(m => m.Groups["name"].Value).OrderByDescending(g => g.Count()).FirstOrDefault() is { } named)
        {
            province = named.Key;
            flags.Add(new ImportFlag("area.province", $"tỉnh đoán từ văn bản: {province}"));
        }
        var title = Title(cleaned, flags);
        var (signerTitle, signer) = Signature.Read(cleaned);
        if (signer is null) flags.Add(new ImportFlag("document.signer", "không đọc được người ký ở cuối văn bản"));
        var phases = Phases(lines, year.Value);
        var period = Regex.IsMatch(title, @"năm \d{4}\s*$") && phases.Count == 0
            ? new DateRange { Start = new DateOnly(year.Value, 1, 1), End = new DateOnly(year.Value, 12, 31), Section = "Tên kế hoạch" }
            : Period(lines, phases, year.Value, issuedOn, flags);
        var awards = Awards(lines, issuer, level, flags);
        var dossier = ReadDossier(lines, flags);
        var deadlines = Deadlines(lines, year.Value, flags);
        var themes = lines.Where(l => l.Text.Contains("chủ đề", StringComparison.OrdinalIgnoreCase) && l.Text.Contains('“', StringComparison.Ordinal))
            .Select(l => new SourcedText { Text = l.Text, Section = l.Section }).Take(3).ToList();
        if (themes.Count == 0) flags.Add(new ImportFlag("themes", "không thấy chủ đề/khẩu hiệu trong ngoặc kép"));

        var responsibilities = Responsibilities(lines);
        // Whoever the plan tasks with "thẩm định hồ sơ" appraises the dossiers.
        var appraising = responsibilities.Where(r => r.Duties.Any(d => VietnameseText.Fold(d).Contains("tham dinh", StringComparison.Ordinal)))
            .Select(r => new Body { Role = BodyRole.Appraising, Name = r.Who, Section = r.Section }).Take(2).ToList();
        if (appraising.Count == 0) flags.Add(new ImportFlag("bodies", "không thấy cơ quan thẩm định hồ sơ"));
        var areaName = commune ?? district ?? province;
        var id = Slug($"{areaName}-{number?.Split('/')[0] ?? year.Value.ToString(CultureInfo.InvariantCulture)}");
        id = id.Length <= 24 ? id : id[..24].TrimEnd('-');
        var campaign = new Campaign
        {
            Id = id,
            ShortName = $"{areaName} – {Shorten(title, 40)}",
            CodePrefix = Prefix(areaName),
            Document = new PlanDocument
            {
                Number = number,
                IssuedOn = issuedOn,
                IssuedMonth = issuedMonth,
                IssuedYear = issuedOn is null && issuedMonth is null ? year : null,
                Issuer = issuer,
                Title = title,
                Signer = signer,
                SignerTitle = signer is null ? null : signerTitle,
                SourceFile = PlanFiles.SourceFileOf(id),
            },
            Level = level,
            Area = new Area { Province = province, District = district, Commune = commune },
            Aliases = [areaName],
            LegalBases = LegalBases(lines, year.Value),
            Purposes = Items(SectionLines(lines, "muc dich")),
            Requirements = [],
            Themes = themes,
            Anniversaries = Anniversaries(all),
            Contents = [.. Items(SectionLines(lines, "noi dung thi dua", "nhiem vu trong tam")).Select(i => new ContentItem { Title = Shorten(i.Text, 100), Text = i.Text.Length > 100 ? i.Text : null, Section = i.Section })],
            Targets = Items(SectionLines(lines, "chi tieu")),
            Criteria = Criteria(lines),
            Quotas = Quotas(lines, awards),
            Responsibilities = responsibilities,
            Contacts = Contacts(lines),
            Period = period,
            Phases = phases,
            Awards = awards,
            Dossier = dossier,
            Deadlines = deadlines,
            Bodies = [new Body { Role = BodyRole.Issuer, Name = issuer, Section = "Phần mở đầu" }, .. Receiving(lines), .. appraising],
        };
        return new ImportDraft(campaign, flags);
    }

    private static List<Line> Sectioned(List<string> cleaned)
    {
        var result = new List<Line>();
        var roman = "Phần mở đầu";
        var sub = "";
        foreach (var text in cleaned)
        {
            if (text.Length == 0) continue;
            // "II. THỜI GIAN THI ĐUA": a roman numeral and a title mostly in capitals.
            if (RomanHeading().Match(text) is { Success: true } r && r.Groups["title"].Value is var heading && heading.Length < 120
                && heading.Count(char.IsUpper) > heading.Count(char.IsLetter) / 2)
            {
                roman = r.Groups["roman"].Value;
                sub = "";
            }
            else if (roman != "Phần mở đầu" && NumberHeading().Match(text) is { Success: true } n)
            {
                sub = n.Groups["num"].Value;
            }
            result.Add(new Line(text, roman == "Phần mở đầu" ? roman : sub.Length > 0 ? $"{roman}.{sub}" : roman));
        }
        return result;
    }

    private static (string? Number, string? Place, DateOnly? IssuedOn, string? Month, int? Year) Header(List<string> lines, List<ImportFlag> flags)
    {
        var head = string.Join('\n', lines.Take(25));
        string? number = null;
        if (NumberLine().Match(head) is { Success: true } n)
        {
            if (n.Groups["n"].Value.Length > 0) number = $"{n.Groups["n"].Value}/{n.Groups["s"].Value}";
            else flags.Add(new ImportFlag("document.number", $"văn bản để trống số (\"Số: /{n.Groups["s"].Value}\"): ghi số khi kế hoạch được ban hành"));
        }
        else flags.Add(new ImportFlag("document.number", "không thấy dòng \"Số: …/KH-…\""));
        if (DateLine().Match(head) is not { Success: true } d)
        {
            flags.Add(new ImportFlag("document.issuedOn", "không thấy dòng \"<địa danh>, ngày … tháng … năm …\""));
            return (number, null, null, null, null);
        }
        var year = int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture);
        DateOnly? issued = null;
        if (d.Groups["d"].Success && d.Groups["m"].Success && DateOnly.TryParseExact($"{d.Groups["d"].Value}/{d.Groups["m"].Value}/{year}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
            issued = full;
        else flags.Add(new ImportFlag("document.issuedOn", $"văn bản chưa ghi đủ ngày ban hành (\"{d.Value}\")"));
        var month = issued is null && d.Groups["m"].Success ? $"{year}-{int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture):00}" : null;
        return (number, d.Groups["place"].Value.Trim(), issued, month, year);
    }

    private static (AdministrativeLevel, string Province, string? District, string? Commune, string Issuer) Authority(string all, string? place, List<ImportFlag> flags)
    {
        var mentions = Authority().Matches(all).Select(m => (Kind: VietnameseText.Fold(m.Groups["kind"].Value), Name: Title(m.Groups["name"].Value))).ToList();
        var folded = VietnameseText.Fold(place);
        // The issuing authority is the one named after the place in the date line; otherwise the first named.
        var own = mentions.FirstOrDefault(m => folded.Length > 0 && VietnameseText.Fold(m.Name).StartsWith(folded, StringComparison.Ordinal));
        if (own == default && place is not null && SelfAuthority().Matches(all).GroupBy(m => VietnameseText.Fold(m.Groups["kind"].Value)).OrderByDescending(g => g.Count()).FirstOrDefault() is { } self)
            own = (self.Key, place);
        if (own == default)
        {
            flags.Add(new ImportFlag("level", "không xác định được cơ quan ban hành; kiểm tra cấp (tỉnh/huyện/xã) và địa bàn"));
            own = mentions.FirstOrDefault();
            if (own == default) return (AdministrativeLevel.Province, place ?? "?", null, null, $"UBND {place}");
        }
        var name = place is { Length: > 0 } ? place : own.Name;
        var parent = mentions.FirstOrDefault(m => m.Kind is "tinh" || m.Kind == "thanh pho" && !VietnameseText.Fold(m.Name).StartsWith(folded, StringComparison.Ordinal));
        return own.Kind switch
        {
            "tinh" => (AdministrativeLevel.Province, name, null, null, $"UBND tỉnh {name}"),
            "thanh pho" when parent == default => (AdministrativeLevel.Province, name, null, null, $"UBND thành phố {name}"),
            "quan" or "huyen" or "thi xa" or "thanh pho" => (AdministrativeLevel.District, Province(mentions, parent, flags), name, null, $"UBND {Kind(own.Kind)} {name}"),
            _ => (AdministrativeLevel.Commune, Province(mentions, parent, flags), parent == default ? null : parent.Name, name, $"UBND {Kind(own.Kind)} {name}"),
        };
    }

    private static string Province(List<(string Kind, string Name)> mentions, (string Kind, string Name) parent, List<ImportFlag> flags)
    {
        var province = mentions.FirstOrDefault(m => m.Kind == "tinh");
        if (province != default) return province.Name;
        if (parent != default) return parent.Name;
        flags.Add(new ImportFlag("area.province", "không thấy tên tỉnh/thành phố trực thuộc trung ương"));
        return "?";
    }

    private static string Kind(string folded) => folded switch
    {
        "thanh pho" => "thành phố",
        "quan" => "quận",
        "huyen" => "huyện",
        "thi xa" => "thị xã",
        "phuong" => "phường",
        "thi tran" => "thị trấn",
        "xa" => "xã",
        _ => "tỉnh",
    };

    private static string Title(List<string> lines, List<ImportFlag> flags)
    {
        var start = lines.FindIndex(l => l.Trim() == "KẾ HOẠCH");
        if (start < 0)
        {
            flags.Add(new ImportFlag("document.title", "không thấy tiêu đề \"KẾ HOẠCH\""));
            return "Kế hoạch thi đua";
        }
        var parts = lines.Skip(start + 1).SkipWhile(l => l.Length == 0)
            .TakeWhile(l => l.Length > 0 && !l.StartsWith("Thực hiện", StringComparison.Ordinal) && !l.StartsWith("Căn cứ", StringComparison.Ordinal) && !RomanHeading().IsMatch(l)).Take(3);
        var title = string.Join(' ', parts).Trim();
        return title.Length > 0 ? char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..] : "Kế hoạch thi đua";
    }

    private static List<Phase> Phases(List<Line> lines, int year)
    {
        var phases = new List<Phase>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (PhaseWord().Match(lines[i].Text) is not { Success: true, Index: < 12 } p) continue;
            // The phase's range is on its line or the next two.
            var range = lines.Skip(i).Take(3).SelectMany(l => DateMentions.Find(l.Text, year)).FirstOrDefault(m => m.Start is not null && m.Rule == DueRule.OnOrBefore && m.Due.Year >= year - 1);
            if (range is null) continue;
            var n = phases.Count + 1;
            if (phases.Any(x => x.Start == range.Start)) continue;
            phases.Add(new Phase { Id = $"dot-{n}", Name = $"Đợt {n}", Start = range.Start!.Value, End = range.Due, Section = lines[i].Section });
        }
        return phases;
    }

    private static DateRange Period(List<Line> lines, List<Phase> phases, int year, DateOnly? issuedFallback, List<ImportFlag> flags)
    {
        if (phases.Count > 0) return new DateRange { Start = phases.Min(p => p.Start), End = phases.Max(p => p.End), Section = phases[0].Section };
        // The range in the "THỜI GIAN" section, or on a line that speaks of the time of the campaign.
        var timeSections = lines.Where(l => RomanHeading().IsMatch(l.Text) && VietnameseText.Fold(l.Text).Contains("thoi gian", StringComparison.Ordinal)).Select(l => l.Section).ToHashSet(StringComparer.Ordinal);
        var candidates = lines.Where(l => timeSections.Contains(l.Section.Split('.')[0]) || VietnameseText.Fold(l.Text).Contains("thoi gian", StringComparison.Ordinal));
        foreach (var line in candidates)
        {
            if (DateMentions.Find(line.Text, year).FirstOrDefault(m => m.Start is not null && m.Rule == DueRule.OnOrBefore && m.Due.Year >= year) is { } range)
                return new DateRange { Start = range.Start!.Value, End = range.Due, Section = line.Section };
            if (VietnameseText.Fold(line.Text).Contains("tu nay", StringComparison.Ordinal) && DateMentions.Find(line.Text, year).FirstOrDefault(m => m.Due.Year >= year) is { } until)
            {
                // "từ nay đến …": from the plan's date, or, undated, from the latest document it implements.
                var from = issuedFallback ?? lines.Where(l => l.Section == "Phần mở đầu").SelectMany(l => DateMentions.Find(l.Text, year))
                    .Where(m => m.Start is null && m.Wording.StartsWith("ngày", StringComparison.OrdinalIgnoreCase) && m.Due < until.Due && m.Due.Year >= year)
                    .Select(m => (DateOnly?)m.Due).Max();
                if (from is null) continue;
                flags.Add(new ImportFlag("period.start", $"kế hoạch ghi \"từ nay\": tạm lấy {VietnameseDates.Format(from.Value)} làm ngày bắt đầu"));
                return new DateRange { Start = from.Value, End = until.Due, Section = line.Section };
            }
        }
        // A yearly plan ("Công tác thi đua, khen thưởng năm 2024") runs the whole year.
        flags.Add(new ImportFlag("period", $"không thấy thời gian thi đua \"từ ngày … đến ngày …\"; lấy cả năm {year}"));
        return new DateRange { Start = new DateOnly(year, 1, 1), End = new DateOnly(year, 12, 31), Section = "?" };
    }

    private static List<AwardForm> Awards(List<Line> lines, string issuer, AdministrativeLevel level, List<ImportFlag> flags)
    {
        var awards = new List<AwardForm>();
        void Add(string name, string decidedBy, string section)
        {
            var key = VietnameseText.Fold(name);
            if (awards.Any(a => VietnameseText.Fold(a.Name) == key)) return;
            var id = Slug(name, 20);
            if (awards.Any(a => a.Id == id)) id = $"{id}-{awards.Count + 1}";
            awards.Add(new AwardForm { Id = id, Name = name, DecidedBy = decidedBy, Section = section });
        }
        foreach (var line in lines)
        {
            // "Chủ tịch Ủy ban nhân dân tỉnh xét khen thưởng …", "đề nghị Chủ tịch UBND thành phố tặng Bằng khen".
            foreach (Match d in DeciderAward().Matches(line.Text))
            {
                var decider = $"Chủ tịch UBND {d.Groups["lvl"].Value}";
                var form = d.Groups["form"].Value.StartsWith("tặng ", StringComparison.Ordinal) ? d.Groups["form"].Value[5..] : "Khen thưởng";
                Add($"{form} của {decider}", decider, line.Section);
            }
            if (line.Text.Contains("theo thẩm quyền", StringComparison.OrdinalIgnoreCase))
            {
                // Heads of units award within their powers; otherwise it is the issuing authority's chair.
                if (line.Text.Contains("Thủ trưởng", StringComparison.Ordinal))
                    Add("Khen thưởng theo thẩm quyền của Thủ trưởng cơ quan, đơn vị, địa phương", "Thủ trưởng cơ quan, đơn vị, địa phương", line.Section);
                else if (level != AdministrativeLevel.Province)
                    Add($"Khen thưởng theo thẩm quyền của Chủ tịch {issuer}", $"Chủ tịch {issuer}", line.Section);
            }
            // A commune or district plan that sends the best upward: "đề nghị UBND thành phố khen thưởng".
            if (level != AdministrativeLevel.Province && HigherAuthority().Match(line.Text) is { Success: true } up
                && !VietnameseText.Fold(issuer).Contains(VietnameseText.Fold(up.Groups["body"].Value), StringComparison.Ordinal))
                Add($"Đề nghị {up.Groups["body"].Value} khen thưởng", up.Groups["body"].Value, line.Section);
        }
        foreach (var line in lines)
        {
            foreach (Match m in AwardMention().Matches(line.Text))
            {
                var rest = Regex.Split(m.Groups["rest"].Value, @"\s+(?:theo|cho|đối với|và|về|trong|xét|để|nhằm|vì|có|đã)\s+")[0].Trim(' ', ',', '-', '–');
                var form = m.Groups["form"].Value.Trim();
                var name = $"{char.ToUpper(form[0], CultureInfo.InvariantCulture)}{form[1..]} {rest}".Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal).Trim();
                if (rest.Length < 4 || name.Length > 90) continue;
                if (rest.StartsWith("theo thẩm quyền", StringComparison.Ordinal) && !rest.Contains("của", StringComparison.Ordinal)) continue;
                var decidedBy = rest.StartsWith("của ", StringComparison.Ordinal) || rest.StartsWith("do ", StringComparison.Ordinal) ? rest[(rest.IndexOf(' ', StringComparison.Ordinal) + 1)..] : rest;
                Add(name, decidedBy, line.Section);
            }
        }
        if (awards.Count == 0) flags.Add(new ImportFlag("awards", "không thấy hình thức khen thưởng (Bằng khen, Giấy khen…)"));
        else flags.Add(new ImportFlag("awards", $"{awards.Count} hình thức đọc tự động: kiểm tra tên và số lượng (chưa đọc số lượng)"));
        return [.. awards.Take(6)];
    }

    private static Dossier? ReadDossier(List<Line> lines, List<ImportFlag> flags)
    {
        // "Hồ sơ … gồm:", "b) Hồ sơ", "3.3. Hồ sơ khen thưởng": the list of components follows.
        var start = lines.FindIndex(l => VietnameseText.Fold(l.Text) is var f && f.Contains("ho so", StringComparison.Ordinal)
            && (f.Contains("gom", StringComparison.Ordinal) || f.EndsWith(':') || f.Length < 40 && !f.Contains("thu tuc", StringComparison.Ordinal)));
        if (start < 0)
        {
            flags.Add(new ImportFlag("dossier", "không thấy danh mục hồ sơ: bot sẽ dùng hồ sơ chung theo Điều 84 Luật Thi đua, khen thưởng"));
            return null;
        }
        var components = new List<DossierComponent>();
        foreach (var line in lines.Skip(start + 1).Take(12))
        {
            var f = VietnameseText.Fold(line.Text);
            if (!PlanTextCleaner.IsListItem(line.Text) && !f.StartsWith('+')) { if (components.Count > 0) break; continue; }
            var id = f.Contains("to trinh", StringComparison.Ordinal) ? "to-trinh" : f.Contains("bien ban", StringComparison.Ordinal) ? "bien-ban"
                : f.Contains("bao cao thanh tich", StringComparison.Ordinal) ? "bao-cao-thanh-tich" : f.Contains("trich ngang", StringComparison.Ordinal) || f.Contains("danh sach", StringComparison.Ordinal) ? "trich-ngang" : null;
            if (id is null) { if (components.Count > 0) break; continue; }
            if (components.Any(c => c.Id == id)) id = $"{id}-{components.Count(c => c.Id.StartsWith(id, StringComparison.Ordinal)) + 1}";
            var name = line.Text.TrimStart('-', '+', '•', '–', ' ');
            var copies = Copies().Match(name) is { Success: true } c && int.TryParse(c.Groups["n"].Value, out var k) ? k : (int?)null;
            components.Add(new DossierComponent { Id = id, Name = name.Split(';')[0].Trim().TrimEnd('.'), Copies = copies, Section = line.Section });
        }
        var rest = lines.Skip(start).Take(20).ToList();
        var copiesText = rest.FirstOrDefault(l => VietnameseText.Fold(l.Text).Contains("so luong ho so", StringComparison.Ordinal))?.Text.Split(':').Last().Trim();
        var submitTo = rest.Select(l => Regex.Match(l.Text, @"(?:nộp|gửi) hồ sơ (?:về|tại|cho) (?<to>[^.;,(]+)")).FirstOrDefault(m => m.Success)?.Groups["to"].Value.Trim();
        var portal = rest.Select(l => Url().Match(l.Text)).FirstOrDefault(m => m.Success && m.Value.Contains("dichvucong", StringComparison.OrdinalIgnoreCase))?.Value;
        if (components.Count == 0)
        {
            flags.Add(new ImportFlag("dossier", "có nhắc hồ sơ nhưng không đọc được danh mục thành phần"));
            return null;
        }
        return new Dossier
        {
            Components = components,
            CopiesText = copiesText,
            SubmitTo = submitTo,
            PortalUrl = portal,
            Formats = [SubmissionFormat.Paper, .. portal is null ? Array.Empty<SubmissionFormat>() : [SubmissionFormat.Portal]],
            Section = lines[start].Section,
        };
    }

    private static List<Deadline> Deadlines(List<Line> lines, int year, List<ImportFlag> flags)
    {
        var deadlines = new List<Deadline>();
        var who = "Các cơ quan, đơn vị, địa phương";
        foreach (var line in lines)
        {
            // A responsibility heading ("1. Thủ trưởng cơ quan, đơn vị") names who the obligations below it fall on.
            if (NumberHeading().Match(line.Text) is { Success: true } h && h.Groups["title"].Value.Length < 90 && !h.Groups["title"].Value.Contains(' ' + "ngày", StringComparison.Ordinal) && line.Section.StartsWith('V'))
                who = h.Groups["title"].Value.TrimEnd(':', '.');
            if (line.Section == "Phần mở đầu" || line.Text.StartsWith("Căn cứ", StringComparison.Ordinal)) continue;
            foreach (var sentence in Regex.Split(line.Text, @"(?<=[.;])\s+"))
            {
                foreach (var mention in DateMentions.Find(sentence, year))
                {
                    if (mention.Cited || mention.Due.Year < year - 1 || mention.Start?.Year < year - 1) continue;
                    var before = sentence[..mention.Index];
                    if (DocumentNumber().IsMatch(before.Length > 40 ? before[^40..] : before)) continue;
                    var kind = KindOf(VietnameseText.Fold(sentence), mention);
                    var phase = PhaseWord().Matches(before).LastOrDefault() is { } p ? $"dot-{PhaseNumber(p.Groups["n"].Value)}" : null;
                    var title = Shorten(sentence.TrimStart('-', '+', ' '), 140);
                    deadlines.Add(new Deadline
                    {
                        Id = $"{Slug(kind.ToString(), 12)}-{deadlines.Count + 1}",
                        Kind = kind,
                        Title = title,
                        Wording = mention.Wording,
                        Rule = mention.Rule,
                        DueDate = mention.Due,
                        Who = who,
                        PhaseId = phase,
                        Section = line.Section,
                    });
                }
            }
        }
        if (deadlines.Count == 0) flags.Add(new ImportFlag("deadlines", "không thấy mốc thời gian nào có ngày cụ thể"));
        else flags.Add(new ImportFlag("deadlines", $"{deadlines.Count} mốc đọc tự động: kiểm tra loại (báo cáo/nộp hồ sơ/sơ kết…) và người thực hiện"));
        return deadlines;
    }

    private static DeadlineKind KindOf(string folded, DateMention mention) =>
        folded.Contains("tong ket", StringComparison.Ordinal) ? DeadlineKind.FinalReview
        : folded.Contains("so ket", StringComparison.Ordinal) ? DeadlineKind.MidTermReview
        : folded.Contains("ho so", StringComparison.Ordinal) || folded.Contains("de nghi khen", StringComparison.Ordinal) ? DeadlineKind.Submission
        : folded.Contains("bao cao", StringComparison.Ordinal) ? DeadlineKind.Report
        : folded.Contains("ke hoach", StringComparison.Ordinal) && (folded.Contains("xay dung", StringComparison.Ordinal) || folded.Contains("ban hanh", StringComparison.Ordinal)) ? DeadlineKind.UnitPlan
        : mention.Start is not null || folded.Contains("ket thuc", StringComparison.Ordinal) || folded.Contains("den het", StringComparison.Ordinal) ? DeadlineKind.PhaseEnd
        : DeadlineKind.Event;

    private static IEnumerable<Body> Receiving(List<Line> lines) =>
        lines.Select(l => (l, m: Regex.Match(l.Text, @"(?:nộp|gửi)(?: hồ sơ| báo cáo)? về (?<to>[\p{Lu}][^.;,:]{3,80})"))).Where(x => x.m.Success)
            .GroupBy(x => VietnameseText.Fold(x.m.Groups["to"].Value)).Take(3)
            .Select(g => new Body { Role = BodyRole.Receiving, Name = g.First().m.Groups["to"].Value.Trim(), Section = g.First().l.Section });

    private static int PhaseNumber(string said) => said.ToLowerInvariant() switch { "1" or "i" or "một" => 1, "2" or "ii" or "hai" => 2, _ => 3 };

    private static int? MostCommonYear(string text) =>
        Regex.Matches(text, @"\b(20[2-3]\d)\b").GroupBy(m => m.Value).OrderByDescending(g => g.Count()).Select(g => (int?)int.Parse(g.Key, CultureInfo.InvariantCulture)).FirstOrDefault();

    private static string Title(string upper) => string.Join(' ', upper.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Length == 0 ? w : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..].ToLower(CultureInfo.GetCultureInfo("vi-VN"))));

    private static string Slug(string text, int max = 24)
    {
        var slug = Regex.Replace(VietnameseText.Fold(text), "[^a-z0-9]+", "-").Trim('-');
        return slug.Length <= max ? slug : slug[..max].TrimEnd('-');
    }

    private static string Prefix(string area)
    {
        var letters = string.Concat(VietnameseText.Fold(area).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
        return letters.Length is >= 2 and <= 4 ? letters : (letters + "KH")[..Math.Clamp(letters.Length + 2, 2, 4)];
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
