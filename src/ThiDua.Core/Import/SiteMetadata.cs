using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Import;

/// <summary>
/// The rows legal-document websites print above a plan ("Số hiệu 1/KH-HĐTĐKT", "Ngày ban hành 20/05/2024",
/// "Người ký …", "Cơ quan ban hành …"). They describe the plan but are not part of it: the header below them is read
/// first, these only fill what the header leaves out (and say so). The page's own date ("Thứ 2, Ngày 28/10/2024")
/// is never one of them.
/// </summary>
internal sealed partial record SiteMetadata(string? Number, DateOnly? IssuedOn, string? Signer, string? Issuer, int LastLine)
{
    public static SiteMetadata None { get; } = new(null, null, null, null, -1);

    [GeneratedRegex(@"^(?<label>Số hiệu|Ngày ban hành|Ngày có hiệu lực|Người ký|Cơ quan ban hành|Nơi ban hành|Loại văn bản|Lĩnh vực|Tình trạng|Ngày đăng|Ngày hết hiệu lực|Ngày công báo|Số công báo)\s*:?\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})\b")]
    private static partial Regex Date();

    /// <summary>How far from the top the rows are looked for.</summary>
    private const int Top = 40;

    public static SiteMetadata Read(IReadOnlyList<string> lines)
    {
        string? number = null, signer = null, issuer = null;
        DateOnly? issued = null;
        var last = -1;
        for (var i = 0; i < Math.Min(Top, lines.Count); i++)
        {
            if (Row().Match(lines[i].Trim()) is not { Success: true } row) continue;
            last = i;
            var value = row.Groups["value"].Value.Trim();
            switch (row.Groups["label"].Value.ToLowerInvariant())
            {
                case "số hiệu" when value.Contains('/', StringComparison.Ordinal): number ??= value; break;
                case "ngày ban hành" when Date().Match(value) is { Success: true } d:
                    if (DateOnly.TryParseExact($"{d.Groups["d"].Value}/{d.Groups["m"].Value}/{d.Groups["y"].Value}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) issued ??= date;
                    break;
                case "người ký" when value.Length is > 3 and < 60: signer ??= value; break;
                case "cơ quan ban hành" when value.Length is > 3 and < 120: issuer ??= value; break;
            }
        }
        return last < 0 ? None : new SiteMetadata(number, issued, signer, issuer, last);
    }
}
