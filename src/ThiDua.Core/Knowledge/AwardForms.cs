using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge;

/// <summary>
/// The award forms and emulation titles of the Law on Emulation and Commendation (Luật Thi đua, khen thưởng 2022,
/// Điều 7–8), as officers name them: enough to tell "Bằng khen Thủ tướng" from the province chairman's Bằng khen,
/// and to say which of them a plan does not offer.
/// </summary>
public static class AwardForms
{
    /// <summary>A form: its name, the words that name its kind, and the issuer words that set it apart, if any.</summary>
    public sealed record Form(string Name, string[] Kind, string[]? Issuer = null);

    // Longest and most specific first: a mention is the first form whose words are all there.
    private static readonly Form[] Forms =
    [
        new("Bằng khen của Thủ tướng Chính phủ", ["bang", "khen"], ["thu", "tuong"]),
        new("Bằng khen của Chủ tịch UBND tỉnh", ["bang", "khen"], ["chu", "tich"]),
        new("Bằng khen của Bộ trưởng", ["bang", "khen"], ["bo", "truong"]),
        new("Chiến sĩ thi đua toàn quốc", ["chien", "si", "thi", "dua"], ["toan", "quoc"]),
        new("Chiến sĩ thi đua cấp tỉnh", ["chien", "si", "thi", "dua"], ["cap", "tinh"]),
        new("Chiến sĩ thi đua cơ sở", ["chien", "si", "thi", "dua"], ["co", "so"]),
        new("Tập thể lao động xuất sắc", ["lao", "dong", "xuat", "sac"]),
        new("Lao động tiên tiến", ["lao", "dong", "tien", "tien"]),
        new("Chiến sĩ thi đua", ["chien", "si", "thi", "dua"]),
        new("Huân chương", ["huan", "chuong"]),
        new("Huy chương", ["huy", "chuong"]),
        new("Kỷ niệm chương", ["ky", "niem", "chuong"]),
        // Folded, "co thi dua" is also "có thi đua": the flag is named with whose it is.
        new("Cờ thi đua", ["co", "thi", "dua"], ["cua"]),
        new("Cờ thi đua", ["co", "thi", "dua"], ["uy", "ban"]),
        new("Cờ thi đua", ["co", "thi", "dua"], ["chinh", "phu"]),
        new("Bằng khen", ["bang", "khen"]),
        new("Giấy khen", ["giay", "khen"]),
    ];

    /// <summary>How far after the kind's words its issuer may be named ("bằng khen của chủ tịch ubnd tỉnh").</summary>
    private const int IssuerWindow = 4;

    /// <summary>The first form the words name, most specific first; null when they name none.</summary>
    public static Form? Mentioned(IReadOnlyList<string> words)
    {
        foreach (var form in Forms)
        {
            for (var i = 0; i + form.Kind.Length <= words.Count; i++)
            {
                if (!WordSequence.StartsAt(words, i, form.Kind)) continue;
                if (form.Issuer is null) return form;
                var window = words.Skip(i + form.Kind.Length).Take(IssuerWindow + form.Issuer.Length).ToList();
                if (WordSequence.Contains(window, form.Issuer)) return form;
            }
        }
        return null;
    }

    /// <summary>The plan's awards that are of that form (its kind words, and its issuer's when the form has one).</summary>
    public static IReadOnlyList<AwardForm> Offered(Campaign campaign, Form form) =>
        [.. campaign.Awards.Where(a =>
        {
            var words = VietnameseText.Words(a.Name + " " + a.DecidedBy);
            return WordSequence.Contains(words, form.Kind) && (form.Issuer is null || form.Issuer[0] == "cua" || WordSequence.Contains(words, form.Issuer));
        })];
}
