using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// Who signed a plan, from its signature block at the end: the authority line ("TM. ỦY BAN NHÂN DÂN"), the office
/// ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the name under them. Files often run the block into the distribution list
/// ("Lê Thành Đô- Các cơ quan TW…"): the name is the capitalised words before that.
/// </summary>
public static partial class Signature
{
    [GeneratedRegex(@"^(?:(?:TM|KT|Q|TL|TUQ)\.\s*)?(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG THI ĐUA\s*[-–]?\s*KHEN THƯỞNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ)\b[\p{Lu}\s.–-]*$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,4})(?=\s*(?:$|[-–;,.(]))")]
    private static partial Regex NameAtStart();

    /// <summary>How far from the end the block is looked for.</summary>
    private const int Tail = 60;

    public static (string? Title, string? Name) Read(IReadOnlyList<string> lines)
    {
        var attached = DocumentParts.FirstAttachment(lines);
        if (attached < 0) return ReadTail(lines);
        // What a decision issues (a plan, an appendix) may be signed below its heading; if not, the decision is
        // signed above it: the issuer line that heads the plan ("ỦY BAN NHÂN DÂN TỈNH …") is no signature.
        var own = ReadTail([.. lines.Skip(attached + DocumentParts.HeadingLines)]);
        return own.Title is not null ? own : ReadTail([.. lines.Take(attached)]);
    }

    private static (string? Title, string? Name) ReadTail(IReadOnlyList<string> lines)
    {
        var from = Math.Max(0, lines.Count - Tail);
        var last = -1;
        for (var i = lines.Count - 1; i >= from && last < 0; i--)
            if (TitleLine().IsMatch(lines[i].Trim())) last = i;
        if (last < 0) return (null, null);
        var first = last;
        while (first - 1 >= from && TitleLine().IsMatch(lines[first - 1].Trim())) first--;
        string? name = null;
        for (var i = last + 1; i < lines.Count && name is null; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('(') || line.Contains("ký", StringComparison.OrdinalIgnoreCase) && line.Length < 30) continue;
            if (NameAtStart().Match(line) is { Success: true } m && !TitleLine().IsMatch(line)) name = m.Groups["name"].Value.Trim();
            else break;
        }
        var title = string.Join(", ", lines.Skip(first).Take(last - first + 1).Select(l => Sentence(l.Trim())));
        return (title.Length == 0 ? null : title, name);
    }

    /// <summary>"TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân", "PHÓ CHỦ TỊCH" → "Phó Chủ tịch": capitals as in running text.</summary>
    private static string Sentence(string upper)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var prefix = Prefix().Match(upper);
        var rest = upper[prefix.Length..].ToLower(vi);
        rest = rest.Length == 0 ? rest : char.ToUpper(rest[0], vi) + rest[1..];
        return prefix.Value + rest.Replace(" chủ tịch", " Chủ tịch", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?:TM|KT|Q|TL|TUQ)\.\s*")]
    private static partial Regex Prefix();
}
