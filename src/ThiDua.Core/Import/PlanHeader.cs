using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// The header block of a plan: the issuer lines ("ỦY BAN NHÂN DÂN / TỈNH SƠN LA", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG
/// TRUNG ƯƠNG"), "Số: 01/KH-UBND", "Sơn La, ngày 02 tháng 01 năm 2025" and the title under "KẾ HOẠCH". Site chrome
/// above it (menus, "Đăng nhập", a page date, metadata rows) is skipped; the header's two columns may be printed
/// side by side, over table pipes, or one under the other.
/// </summary>
internal sealed partial record PlanHeader
{
    public string? Number { get; init; }
    public DateOnly? IssuedOn { get; init; }
    /// <summary>The month when the plan prints no day ("ngày … tháng 3 năm 2024").</summary>
    public int? IssuedMonth { get; init; }
    public int? IssuedYear { get; init; }
    /// <summary>The place on the date line: "Sơn La", "Cam Phú".</summary>
    public string? Place { get; init; }
    /// <summary>The issuer's own lines, in capitals as printed, the national motto cut away.</summary>
    public IReadOnlyList<string> IssuerLines { get; init; } = [];
    /// <summary>The title in running-text capitals, without "Kế hoạch": "triển khai công tác thi đua, khen thưởng năm 2025".</summary>
    public string? Title { get; init; }
    public SiteMetadata Site { get; init; } = SiteMetadata.None;
    /// <summary>The first line after the header block: where the signature, at the end, may be looked for from.</summary>
    public int BodyStart { get; init; }

    [GeneratedRegex(@"(?<![\p{L}])Số\s*:?\s*(?<n>\d{0,5}[A-Za-z]?)\s*(?<sep>[/-])\s*(?<s>[A-ZĐ][\p{L}\d\-/.]*[\p{L}\d])")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?<place>(?:TP\.?\s*|Tp\.?\s*)?(?:[\p{Lu}][\p{Ll}]+(?:\s+phố)?\s+){0,4}[\p{Lu}][\p{Ll}]+)\s*,\s*ngày\s*(?:(?<d>\d{1,2})?[\s—–|.]*tháng\s*(?<m>\d{1,2})?[\s—–|.]*năm\s*(?<y>\d{4})|(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4}))")]
    private static partial Regex DateLine();

    /// <summary>The national motto, printed beside or under the issuer: cut from issuer lines.</summary>
    [GeneratedRegex(@"CỘNG\s+H(?:ÒA|OÀ|OA)|Cộng\s+h(?:òa|oà)\s+xã\s+hội|CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]|ĐỘC\s+LẬP\s*[-–]")]
    private static partial Regex Motto();

    [GeneratedRegex(@"^(?:ỦY|UỶ|UBND|HỘI|HĐND|BAN|BỘ|SỞ|PHÒNG|TỈNH|THÀNH|HUYỆN|QUẬN|ĐẢNG|TRƯỜNG|CỤC|CHI|TRUNG|VĂN|LIÊN|CÔNG|ĐOÀN|VIỆN)\b")]
    private static partial Regex IssuerStart();

    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Theo|Để|Nhằm|Trên cơ sở|Nhằm|Ủy ban|Uỷ ban|UBND|Hội đồng|Ban Chỉ đạo|Sở|Phòng)\b")]
    private static partial Regex PreambleStart();

    [GeneratedRegex(@"^(?:[IVX]{1,5}|\d{1,2})\s*[.)]\s")]
    private static partial Regex NumberedHeading();

    /// <summary>"… ban hành Kế hoạch phát động Phong trào thi đua “…” trên địa bàn tỉnh Ninh Thuận với các nội dung như sau:".</summary>
    [GeneratedRegex(@"(?:ban hành|xây dựng|đề ra|triển khai|phê duyệt)\s+[Kk]ế hoạch\s+(?<t>.+?)(?:\s+(?:với|gồm)\s+(?:các|những)\s+nội dung|\s+như\s+sau|\s*\((?:viết tắt|sau đây)|,?\s+cụ thể|\s*:|\.\s*$|$)")]
    private static partial Regex TitleInSentence();

    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Theo|Triển khai|Trên cơ sở)\b")]
    private static partial Regex Citing();

    /// <summary>How many lines after the header starts it may run.</summary>
    private const int Window = 40;

    public static PlanHeader Read(IReadOnlyList<string> lines, List<ImportFlag> flags)
    {
        var site = SiteMetadata.Read(lines);
        var start = Start(lines, site.LastLine + 1);
        var end = Math.Min(lines.Count, start + Window);
        var head = lines.Skip(start).Take(end - start).ToList();

        var issuer = ReadIssuerLines(head);
        var number = ReadNumber(head, site, flags);
        var date = head.Select(l => DateLine().Match(l)).FirstOrDefault(m => m.Success);
        var title = ReadTitle(lines, start, end, flags);

        DateOnly? issued = null;
        int? month = null, year = null;
        string? place = null;
        if (date is not null)
        {
            place = date.Groups["place"].Value.Trim();
            year = int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture);
            var hasMonth = int.TryParse(date.Groups["m"].Value, out var m) && m is >= 1 and <= 12;
            if (hasMonth && int.TryParse(date.Groups["d"].Value, out var d) && d >= 1 && d <= DateTime.DaysInMonth(year.Value, m)) issued = new DateOnly(year.Value, m, d);
            else
            {
                if (hasMonth) month = m;
                flags.Add(new ImportFlag("document.issuedOn", $"văn bản chưa ghi đủ ngày ban hành (\"{date.Value.Trim()}\")"));
            }
            if (site.IssuedOn is { } listed && issued is { } printed && listed != printed)
                flags.Add(new ImportFlag("document.issuedOn", $"trang web ghi ngày ban hành {listed:d/M/yyyy}, văn bản ghi {printed:d/M/yyyy}: lấy ngày trong văn bản"));
        }
        else if (site.IssuedOn is { } listed)
        {
            (issued, year) = (listed, listed.Year);
            flags.Add(new ImportFlag("document.issuedOn", $"không thấy dòng \"<địa danh>, ngày … tháng … năm …\": ngày {listed:d/M/yyyy} lấy từ thông tin của trang web"));
        }
        else flags.Add(new ImportFlag("document.issuedOn", "không thấy dòng \"<địa danh>, ngày … tháng … năm …\""));

        return new PlanHeader
        {
            Number = number,
            IssuedOn = issued,
            IssuedMonth = month,
            IssuedYear = year,
            Place = place,
            IssuerLines = issuer,
            Title = title,
            Site = site,
            // A decision that issues the plan is headed "QUYẾT ĐỊNH", and signed above the plan.
            BodyStart = head.FindIndex(l => l.StartsWith("KẾ HOẠCH", StringComparison.Ordinal) || l == "QUYẾT ĐỊNH") is >= 0 and var heading ? start + heading + 1 : end,
        };
    }

    /// <summary>The first line of the header proper: the issuer in capitals, the motto, or "Số: …".</summary>
    private static int Start(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < Math.Min(lines.Count, from + Window); i++)
        {
            var line = lines[i].Trim();
            if (NumberLine().IsMatch(line) && line.StartsWith("Số", StringComparison.Ordinal) || Motto().IsMatch(line)) return i;
            if (TextCasing.IsCapitals(line) && IssuerStart().IsMatch(line) && line.Length < 120) return i;
        }
        return from < lines.Count ? from : 0;
    }

    /// <summary>The issuer's lines: capitals before "Số:", the motto printed beside them cut away.</summary>
    private static List<string> ReadIssuerLines(List<string> head)
    {
        var result = new List<string>();
        foreach (var raw in head)
        {
            var line = raw.Trim();
            if (line.StartsWith("Số", StringComparison.Ordinal) && NumberLine().IsMatch(line) || line.StartsWith("KẾ HOẠCH", StringComparison.Ordinal) || DateLine().IsMatch(line)) break;
            if (Motto().Match(line) is { Success: true } motto) line = line[..motto.Index].Trim();
            line = line.Trim('-', '–', '—', '|', ' ');
            if (line.Length >= 3 && TextCasing.IsCapitals(line)) result.Add(line);
        }
        return result;
    }

    private static string? ReadNumber(List<string> head, SiteMetadata site, List<ImportFlag> flags)
    {
        if (head.Select(l => NumberLine().Match(l)).FirstOrDefault(m => m.Success) is not { } n)
        {
            if (site.Number is { } listed)
            {
                flags.Add(new ImportFlag("document.number", $"không thấy dòng \"Số: …\": số {listed} lấy từ thông tin của trang web"));
                return listed;
            }
            flags.Add(new ImportFlag("document.number", "không thấy dòng \"Số: …/KH-…\""));
            return null;
        }
        if (n.Groups["n"].Value.Length == 0)
        {
            flags.Add(new ImportFlag("document.number", $"văn bản để trống số (\"Số: /{n.Groups["s"].Value}\"): ghi số khi kế hoạch được ban hành"));
            return null;
        }
        var number = $"{n.Groups["n"].Value}{n.Groups["sep"].Value}{n.Groups["s"].Value}";
        if (site.Number is { } other && !string.Equals(Trimmed(other), Trimmed(number), StringComparison.OrdinalIgnoreCase))
            flags.Add(new ImportFlag("document.number", $"trang web ghi số hiệu {other}, văn bản ghi {number}: lấy số trong văn bản"));
        return number;
    }

    /// <summary>"01/KH-UBND" and "1/KH-UBND" are the same number.</summary>
    private static string Trimmed(string number) => number.TrimStart('0');

    /// <summary>The lines under "KẾ HOẠCH"; without that heading, the plan named in its opening sentence.</summary>
    private static string? ReadTitle(IReadOnlyList<string> lines, int start, int end, List<ImportFlag> flags)
    {
        var body = lines.Where(l => !TextCasing.IsCapitals(l)).ToList();
        var heading = -1;
        string? inline = null;
        for (var i = start; i < end && heading < 0; i++)
        {
            var line = lines[i].Trim();
            if (line == "KẾ HOẠCH") heading = i;
            else if (line.StartsWith("KẾ HOẠCH ", StringComparison.Ordinal) && line.Length > 12) (heading, inline) = (i, line[9..].Trim());
        }
        // A decision that issues the plan ("QUYẾT ĐỊNH Ban hành Kế hoạch …"): the title is the attached plan's own.
        if (heading < 0 && DocumentParts.FirstAttachment(lines) is > 0 and var attached)
            heading = Enumerable.Range(attached, Math.Min(Window, lines.Count - attached)).FirstOrDefault(i => lines[i].Trim() == "KẾ HOẠCH", -1);
        if (heading >= 0)
        {
            var parts = new List<string>();
            if (inline is not null) parts.Add(inline);
            for (var i = heading + 1; i < Math.Min(lines.Count, heading + 8) && parts.Count < 5; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0) continue;
                // The title runs on over lines until the preamble ("Căn cứ …", "Ủy ban nhân dân tỉnh ban hành …") or a heading.
                var continues = !PreambleStart().IsMatch(line) && !NumberedHeading().IsMatch(line) && !line.Contains("kèm theo", StringComparison.OrdinalIgnoreCase)
                    && (parts.Count == 0 || !".;:".Contains(parts[^1][^1], StringComparison.Ordinal) && line.Length < 200 && TextCasing.IsCapitals(line) == TextCasing.IsCapitals(parts[^1]) || line.StartsWith('('));
                if (!continues || line.EndsWith(':') || line.Length > 300) break;
                parts.Add(line);
            }
            if (parts.Count > 0) return Readable(string.Join(' ', parts), body);
        }
        // Some sites drop the heading and the title with it: the opening sentence names the plan.
        for (var i = start; i < Math.Min(lines.Count, start + Window + 20); i++)
        {
            if (NumberedHeading().IsMatch(lines[i])) break;
            // "Căn cứ Quyết định … ban hành Kế hoạch …" names another plan: only the issuer's own sentence names this one.
            if (Citing().IsMatch(lines[i])) continue;
            if (TitleInSentence().Match(lines[i]) is { Success: true } t && t.Groups["t"].Value.Length > 10)
            {
                flags.Add(new ImportFlag("document.title", "không thấy tiêu đề \"KẾ HOẠCH\": tên kế hoạch lấy từ câu mở đầu"));
                return t.Groups["t"].Value.Trim().TrimEnd('.', ',', ';');
            }
        }
        flags.Add(new ImportFlag("document.title", "không thấy tiêu đề \"KẾ HOẠCH\" hay câu nêu tên kế hoạch: gõ tên kế hoạch"));
        return null;
    }

    /// <summary>A title in capitals in the capitals of running text; a title in running text with its first word as the plan writes it.</summary>
    private static string Readable(string title, List<string> body)
    {
        title = Regex.Replace(title, @"\s+([,;.])", "$1");
        if (TextCasing.IsCapitals(title)) return TextCasing.Recase(title, body);
        var first = title.Split(' ')[0];
        return TextCasing.Recase(first.ToUpperInvariant(), body) is var recased && char.IsLower(recased[0]) ? TextCasing.Uncapitalise(title) : title;
    }
}
