using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>Who issued the plan, named for display, and the level and area it covers.</summary>
internal sealed record IssuerReading(string Name, AdministrativeLevel Level, string Province, string? District, string? Commune)
{
    /// <summary>The area's own name for ids and short names: "Sơn La", "Cam Phú".</summary>
    public string AreaName => AdministrativeUnits.BareName(Commune ?? District ?? Province);

    /// <summary>As a sentence names it: "Sơn La", "phường Cam Phú", "quận Dương Kinh".</summary>
    public string AreaInSentence => Commune ?? District ?? Province;
}

/// <summary>
/// The issuer from the header's own lines ("ỦY BAN NHÂN DÂN / TỈNH SƠN LA" → "UBND tỉnh Sơn La", "UBND TỈNH X /
/// SỞ Y TẾ" → "Sở Y tế tỉnh X", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG"); when the header has none (text copied
/// without it), from the authorities the text names and the place on its date line. The province of a district or
/// commune comes from the text ("tỉnh Khánh Hòa") or, failing that, from the administrative-units list.
/// </summary>
internal static partial class Issuers
{
    [GeneratedRegex(@"\b(?<kind>tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)\s+(?<name>[\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){0,4})$")]
    private static partial Regex OwnUnit();

    [GeneratedRegex(@"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG)\s+(?!ỦY|UỶ)")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"(?:Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN|UBND)\s+(?<kind>tỉnh|TỈNH|thành phố|THÀNH PHỐ|quận|QUẬN|huyện|HUYỆN|thị xã|THỊ XÃ|phường|PHƯỜNG|xã|XÃ|thị trấn|THỊ TRẤN)[ \t]+(?<name>[\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){0,3})")]
    private static partial Regex NamedAuthority();

    [GeneratedRegex(@"(?:UBND|Ủy ban nhân dân|Chủ tịch UBND)\s+(?<kind>phường|xã|thị trấn|quận|huyện|thị xã)(?!\s+[\p{Lu}])")]
    private static partial Regex UnnamedAuthority();

    [GeneratedRegex(@"\btỉnh[ \t]+(?<name>[\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){0,2})|\bthành phố[ \t]+(?<name>Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế)\b")]
    private static partial Regex ProvinceMention();

    /// <summary>Cities that are provinces (trực thuộc trung ương).</summary>
    private static readonly HashSet<string> CentralCities = new(StringComparer.Ordinal) { "ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue" };

    public static IssuerReading Read(PlanHeader header, string all, DateOnly? issuedOn, AdministrativeUnits? places, List<ImportFlag> flags)
    {
        var bodies = Bodies(header.IssuerLines);
        var reading = bodies.Count > 0 ? FromHeader(bodies, flags) : null;
        if (reading is null)
        {
            if (bodies.Count > 0) flags.Add(new ImportFlag("document.issuer", $"dòng cơ quan ban hành chưa đủ (\"{string.Join(" ", header.IssuerLines)}\"): ghép với địa danh và văn bản"));
            reading = FromText(all, header.Place, flags);
        }
        return WithProvince(reading, all, issuedOn, places, flags);
    }

    /// <summary>"UBND TỈNH QUẢNG BÌNH" / "SỞ Y TẾ": each line that names a body starts one; "TỈNH SƠN LA" carries on the one above when it has no unit yet.</summary>
    private static List<string> Bodies(IReadOnlyList<string> lines)
    {
        var bodies = new List<string>();
        foreach (var line in lines)
        {
            if (bodies.Count > 0 && UnitLine().IsMatch(line))
            {
                // "TỈNH PHÚ THỌ" under "UBND PHƯỜNG VĨNH YÊN" only places a body that already names its unit.
                if (!OwnUnit().IsMatch(TextCasing.OrgName(bodies[^1]))) bodies[^1] += " " + line;
            }
            else bodies.Add(line);
        }
        return [.. bodies.Select(TextCasing.OrgName)];
    }

    private static IssuerReading? FromHeader(List<string> bodies, List<ImportFlag> flags)
    {
        var own = bodies[^1];
        var ownUnit = OwnUnit().Match(own);
        var parentUnit = bodies.Take(bodies.Count - 1).Select(b => OwnUnit().Match(b)).LastOrDefault(m => m.Success);
        if (own.Contains("Trung ương", StringComparison.Ordinal) || own.StartsWith("Bộ ", StringComparison.Ordinal) || own.StartsWith("Chính phủ", StringComparison.Ordinal))
        {
            flags.Add(new ImportFlag("level", $"{own} là cơ quan trung ương: kế hoạch áp dụng toàn quốc; ghi tạm cấp tỉnh, địa bàn \"Toàn quốc\""));
            return new IssuerReading(own, AdministrativeLevel.Province, "Toàn quốc", null, null);
        }
        var unit = ownUnit.Success ? ownUnit : parentUnit;
        if (unit is null) return null;
        // "Sở Y tế" under "UBND tỉnh Quảng Bình" is "Sở Y tế tỉnh Quảng Bình".
        var name = Short(ownUnit.Success ? own : $"{own} {unit.Groups["kind"].Value} {unit.Groups["name"].Value}");
        var kind = VietnameseText.Fold(unit.Groups["kind"].Value);
        var place = unit.Groups["name"].Value;
        var local = $"{unit.Groups["kind"].Value} {place}";
        return kind switch
        {
            "tinh" => new IssuerReading(name, AdministrativeLevel.Province, place, null, null),
            "thanh pho" when CentralCities.Contains(VietnameseText.Fold(place)) => new IssuerReading(name, AdministrativeLevel.Province, place, null, null),
            "thanh pho" or "quan" or "huyen" or "thi xa" => new IssuerReading(name, AdministrativeLevel.District, "?", local, null),
            _ => new IssuerReading(name, AdministrativeLevel.Commune, "?", null, local),
        };
    }

    /// <summary>The authority the text names after the date line's place, or the one it calls itself ("UBND phường").</summary>
    private static IssuerReading FromText(string all, string? place, List<ImportFlag> flags)
    {
        var mentions = NamedAuthority().Matches(all).Select(m => (Kind: VietnameseText.Fold(m.Groups["kind"].Value), Name: TextCasing.TitleCase(m.Groups["name"].Value))).ToList();
        var folded = VietnameseText.Fold(place);
        var own = mentions.FirstOrDefault(m => folded.Length > 0 && VietnameseText.Fold(m.Name).StartsWith(folded, StringComparison.Ordinal));
        if (own == default && place is not null && UnnamedAuthority().Matches(all).GroupBy(m => VietnameseText.Fold(m.Groups["kind"].Value)).OrderByDescending(g => g.Count()).FirstOrDefault() is { } self)
            own = (self.Key, place);
        // "Ủy ban nhân dân tỉnh ban hành …" of a plan dated "Điện Biên, ngày …" that speaks of "tỉnh Điện Biên".
        if (own == default && place is not null && ProvinceMention().Matches(all).Any(m => VietnameseText.Fold(m.Groups["name"].Value) == folded))
            own = ("tinh", place);
        if (own == default)
        {
            flags.Add(new ImportFlag("level", "không xác định được cơ quan ban hành; kiểm tra cấp (tỉnh/huyện/xã) và địa bàn"));
            own = mentions.FirstOrDefault();
            if (own == default) return new IssuerReading(place is null ? "(chưa rõ cơ quan ban hành)" : $"UBND {place}", AdministrativeLevel.Province, place ?? "?", null, null);
        }
        var name = place is { Length: > 0 } ? place : own.Name;
        var local = $"{Kind(own.Kind)} {name}";
        return own.Kind switch
        {
            "tinh" => new IssuerReading($"UBND tỉnh {name}", AdministrativeLevel.Province, name, null, null),
            "thanh pho" when CentralCities.Contains(VietnameseText.Fold(name)) => new IssuerReading($"UBND thành phố {name}", AdministrativeLevel.Province, name, null, null),
            "quan" or "huyen" or "thi xa" or "thanh pho" => new IssuerReading($"UBND {local}", AdministrativeLevel.District, "?", local, null),
            _ => new IssuerReading($"UBND {local}", AdministrativeLevel.Commune, "?", null, local),
        };
    }

    /// <summary>The province (and for a commune, its district) of a plan below the province.</summary>
    private static IssuerReading WithProvince(IssuerReading r, string all, DateOnly? issuedOn, AdministrativeUnits? places, List<ImportFlag> flags)
    {
        if (r.Level == AdministrativeLevel.Province) return r;
        var district = r.District ?? ParentDistrict(all, r.Commune);
        var named = ProvinceMention().Matches(all).GroupBy(m => m.Groups["name"].Value).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var listed = Listed(places, r.Commune ?? r.District!, issuedOn);
        var province = named ?? (listed is null ? null : AdministrativeUnits.BareName(listed.Province));
        if (named is null && listed is not null)
            flags.Add(new ImportFlag("area.province", $"kế hoạch không nêu tỉnh/thành phố: lấy {province} theo danh mục đơn vị hành chính ({listed.Name})"));
        if (r.Level == AdministrativeLevel.Commune && district is null && listed?.District is { } listedDistrict)
        {
            district = TextCasing.Uncapitalise(listedDistrict);
            flags.Add(new ImportFlag("area.district", $"kế hoạch không nêu huyện/quận: lấy {district} theo danh mục đơn vị hành chính"));
        }
        if (province is null) flags.Add(new ImportFlag("area.province", "không thấy tên tỉnh/thành phố trực thuộc trung ương"));
        return r with { Province = province ?? "?", District = r.Level == AdministrativeLevel.Commune ? district : r.District };
    }

    /// <summary>A commune plan names its district's authority: "UBND thành phố Cam Ranh".</summary>
    private static string? ParentDistrict(string all, string? commune)
    {
        if (commune is null) return null;
        var own = VietnameseText.Fold(AdministrativeUnits.BareName(commune));
        return NamedAuthority().Matches(all)
            .Select(m => (Kind: VietnameseText.Fold(m.Groups["kind"].Value), Name: TextCasing.TitleCase(m.Groups["name"].Value)))
            .Where(m => m.Kind is "thanh pho" or "quan" or "huyen" or "thi xa" && VietnameseText.Fold(m.Name) != own && !CentralCities.Contains(VietnameseText.Fold(m.Name)))
            .Select(m => $"{Kind(m.Kind)} {m.Name}").FirstOrDefault();
    }

    /// <summary>The unit in the administrative-units list, of the era the plan was issued in, when the name is not ambiguous.</summary>
    private static Place? Listed(AdministrativeUnits? places, string unit, DateOnly? issuedOn)
    {
        if (places is null) return null;
        var era = issuedOn is { } d && d >= new DateOnly(2025, 7, 1) ? PlaceEra.After2025 : PlaceEra.Before2025;
        var words = VietnameseText.Words(unit);
        var found = places.Find(words).FirstOrDefault(m => m.Start == 0 && m.Length == words.Count)?.Places.Where(p => p.Era == era).ToList();
        return found is [var only] ? only : null;
    }

    /// <summary>"Ủy ban nhân dân tỉnh Sơn La" → "UBND tỉnh Sơn La", as plans cite their issuer.</summary>
    private static string Short(string name) => Regex.Replace(name, @"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND");

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

    /// <summary>Two to four capital letters from the area's name: "Lào Cai" → "LC".</summary>
    public static string CodePrefix(string area)
    {
        var letters = string.Concat(VietnameseText.Fold(area).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
        letters = new string([.. letters.Where(c => c is >= 'A' and <= 'Z')]);
        return letters.Length is >= 2 and <= 4 ? letters : (letters + "KH")[..Math.Clamp(letters.Length + 2, 2, 4)];
    }

    /// <summary>The year the plan is for when the date line has none: the year it names most.</summary>
    public static int? MostCommonYear(string text) =>
        Regex.Matches(text, @"\b(20[0-3]\d)\b").GroupBy(m => m.Value).OrderByDescending(g => g.Count()).Select(g => (int?)int.Parse(g.Key, CultureInfo.InvariantCulture)).FirstOrDefault();
}
