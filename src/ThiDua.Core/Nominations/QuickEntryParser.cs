using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Nominations;

/// <summary>What one message said about a nomination, slot by slot; absent slots stay null.</summary>
public sealed class QuickEntry : NomineeDetails
{
    /// <summary>The message named an award form the campaign does not offer.</summary>
    public string? UnknownAwardMention { get; set; }
    /// <summary>Several plans fit the message.</summary>
    public IReadOnlyList<Campaign> CampaignCandidates { get; set; } = [];
}

/// <summary>
/// Reads a one-message nomination ("Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X,
/// đợt 1 Lào Cai, thành tích: …") into slots. Free text is kept as written; closed choices come from the plan's data.
/// </summary>
public static partial class QuickEntryParser
{
    [GeneratedRegex(@"(?:thành tích|thanh tich|tóm tắt thành tích|tt)\s*[:：]\s*(?<a>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AchievementPattern();

    [GeneratedRegex(@"\bcho\s+(?:(?<title>đ/c|d/c|đồng chí|dong chi|ông|ong|bà|ba|anh|chị|chi)\s+)?(?<name>\p{Lu}[\p{L}\p{M}'’]*(?:\s+\p{Lu}[\p{L}\p{M}'’]*){1,6})")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:cho\s+)?tập thể\s+(?<name>[^,;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CollectivePattern();

    [GeneratedRegex(@"(?:sinh năm|năm sinh|sn|sinh)\s*[:]?\s*(?<y>(?:19|20)\d{2})|\((?<y>(?:19|20)\d{2})\)", RegexOptions.IgnoreCase)]
    private static partial Regex BirthYearPattern();

    [GeneratedRegex(@"(?:giới tính\s*[:]?\s*)?\b(?<g>nam|nữ)\b(?!\s+\p{L}*\s*(?:bộ|trung))", RegexOptions.IgnoreCase)]
    private static partial Regex GenderPattern();

    /// <summary>Words that start the name of an organisation: what follows a position is the nominee's unit.</summary>
    private static readonly string[] UnitStarts =
    [
        "ban ", "ubnd", "ủy ban", "uỷ ban", "phòng ", "trường ", "công ty", "xã ", "phường ", "thị trấn", "sở ", "hội ", "đoàn ", "bộ ",
        "trung tâm", "chi cục", "cục ", "bệnh viện", "công an", "thôn ", "bản ", "tổ dân phố", "khu phố", "hợp tác xã", "văn phòng",
        "mặt trận", "huyện ", "quận ", "tỉnh ", "đảng ủy", "đảng uỷ", "chi bộ", "trạm ", "đồn ", "lữ đoàn", "trung đoàn", "tiểu đoàn", "đại đội",
    ];

    public static QuickEntry Parse(string text, KnowledgeBase kb, Campaign? contextCampaign)
    {
        var entry = new QuickEntry();
        text = text.Normalize(NormalizationForm.FormC);
        if (AchievementPattern().Match(text) is { Success: true } a)
        {
            entry.Achievement = a.Groups["a"].Value.Trim();
            text = text[..a.Index];
        }
        var words = kb.Glossary.Expand(text);
        var mention = kb.Resolver.Resolve(words);
        if (mention.Candidates.Count == 1) entry.CampaignId = mention.Candidates[0].Id;
        else if (mention.Candidates.Count > 1) entry.CampaignCandidates = mention.Candidates;
        var campaign = entry.CampaignId is { } id ? kb.Find(id) : mention.IsNone ? contextCampaign : null;
        if (campaign is not null) entry.CampaignId = campaign.Id;

        var folded = " " + string.Join(' ', words) + " ";
        if (PeriodNumbers.Phase(folded) is { } n && campaign is not null && n <= campaign.Phases.Count)
            entry.PhaseId = campaign.Phases[n - 1].Id;
        if (campaign is not null) MatchAward(entry, campaign, words);
        else if (AwardMention(words) is { } mentioned) entry.UnknownAwardMention = mentioned;

        if (CollectivePattern().Match(text) is { Success: true } collective)
        {
            entry.Beneficiary = Beneficiary.Collective;
            entry.NomineeName = collective.Groups["name"].Value.Trim();
        }
        else if (PersonPattern().Match(text) is { Success: true } person && FieldRules.TryPersonName(person.Groups["name"].Value, out var name, out _))
        {
            entry.Beneficiary = Beneficiary.Individual;
            entry.NomineeName = name;
            ReadPositionAndUnit(entry, text[(person.Index + person.Length)..]);
        }
        if (entry.Beneficiary is null && folded.Contains(" ca nhan ", StringComparison.Ordinal)) entry.Beneficiary = Beneficiary.Individual;
        if (BirthYearPattern().Match(text) is { Success: true } y) entry.BirthYear = int.Parse(y.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (entry.Beneficiary == Beneficiary.Individual && GenderPattern().Match(text) is { Success: true } g && FieldRules.TryGender(g.Groups["g"].Value, out var gender))
            entry.Gender = gender;
        return entry;
    }

    /// <summary>After the name: ", Chỉ huy trưởng Ban CHQS xã X, …" → position "Chỉ huy trưởng", unit "Ban CHQS xã X".</summary>
    private static void ReadPositionAndUnit(QuickEntry entry, string rest)
    {
        var segment = rest.TrimStart(' ', ',', ';', '-', '–').Split([',', ';'], 2)[0].Trim();
        if (segment.Length == 0 || Regex.IsMatch(VietnameseText.Fold(segment), @"^(dot \d|sinh|nam sinh|thanh tich|gioi tinh|nam$|nu$)")) return;
        var lower = segment.ToLowerInvariant();
        var cut = UnitStarts.Select(s => lower.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (cut > 0)
        {
            entry.Position = segment[..cut].Trim();
            entry.NomineeUnit = segment[cut..].Trim();
            // "Trưởng thôn Sín Chải", "Trưởng phòng Nội vụ": a one-word title takes the unit's kind with it.
            if (!entry.Position.Contains(' ', StringComparison.Ordinal))
                entry.Position += " " + entry.NomineeUnit.Split(' ')[0];
        }
        else if (cut == 0) entry.NomineeUnit = segment;
        else entry.Position = segment;
    }

    private static readonly string[][] AwardWords = [["bang", "khen"], ["giay", "khen"], ["co", "thi", "dua"], ["chien", "si", "thi", "dua"], ["ky", "niem", "chuong"]];

    private static void MatchAward(QuickEntry entry, Campaign campaign, string[] words)
    {
        var mentioned = AwardMention(words);
        if (mentioned is null) return;
        var matching = MatchingAwards(campaign, words);
        if (matching.Count > 0) entry.AwardId = matching[0].Id;
        else entry.UnknownAwardMention = AwardNamed(words);
    }

    /// <summary>
    /// The plan's award forms that fit what the words name, best first: same kind (bằng khen, giấy khen…) and,
    /// when an issuer is named, that issuer — "BK Thủ tướng" is never the province chairman's Bằng khen.
    /// </summary>
    public static IReadOnlyList<AwardForm> MatchingAwards(Campaign campaign, IReadOnlyList<string> words)
    {
        var mentioned = AwardMention(words);
        if (mentioned is null) return [];
        var asked = words.ToHashSet(StringComparer.Ordinal);
        var issuer = IssuerMentioned(words);
        return [.. campaign.Awards
            .Select(a => (Award: a, Folded: " " + string.Join(' ', VietnameseText.Words(a.Name + " " + a.DecidedBy)) + " "))
            .Where(x => AwardMention([.. VietnameseText.Words(x.Award.Name)]) == mentioned
                        && (issuer is null || x.Folded.Contains(" " + issuer + " ", StringComparison.Ordinal)))
            .OrderByDescending(x => VietnameseText.Words(x.Award.Name).Count(asked.Contains))
            .Select(x => x.Award)];
    }

    /// <summary>The award form the words name, as the law names it ("Bằng khen của Thủ tướng Chính phủ"), else its words.</summary>
    public static string? AwardNamed(IReadOnlyList<string> words) =>
        AwardForms.Mentioned(words)?.Name ?? (AwardMention(words) is { } kind ? IssuerMentioned(words) is { } issuer ? $"{kind} {issuer}" : kind : null);

    /// <summary>The issuer the words name ("thu tuong", "chu tich"…), if any.</summary>
    public static string? IssuerNamed(IReadOnlyList<string> words) => IssuerMentioned(words);

    private static string? IssuerMentioned(IReadOnlyList<string> words)
    {
        var joined = " " + string.Join(' ', words) + " ";
        return Issuers.FirstOrDefault(i => joined.Contains(" " + i + " ", StringComparison.Ordinal));
    }

    private static readonly string[] Issuers = ["thu tuong", "chu tich", "bo truong", "giam doc"];

    /// <summary>The kind of award form a text names ("bang khen", "giay khen"…), with its issuer words when given.</summary>
    private static string? AwardMention(IReadOnlyList<string> words)
    {
        var joined = " " + string.Join(' ', words) + " ";
        foreach (var kind in AwardWords)
            if (joined.Contains(" " + string.Join(' ', kind) + " ", StringComparison.Ordinal))
                return string.Join(' ', kind);
        return null;
    }
}
