using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// The assignments section ("TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM", "PHÂN CÔNG"): each body with its duties, whether
/// the plan heads them ("2. Sở Nội vụ" and lines under it), leads them ("1. Thủ trưởng các cơ quan: Triển khai …")
/// or says them in a sentence ("Giao cho Sở Lao động, Thương binh và Xã hội chủ trì, phối hợp …"). From them and
/// the rest of the draft: the bodies (lead, receiving, appraising, deciding, coordinating) and the contacts.
/// </summary>
internal static partial class PlanOrganisation
{
    private static readonly string[] Topics = ["to chuc thuc hien", "trach nhiem", "phan cong"];

    /// <summary>Verbs a duty starts with: where a sentence's subject (the body) ends.</summary>
    private static readonly string[] DutyVerbs =
    [
        "chủ động", "chủ trì", "quan tâm", "đẩy mạnh", "có trách nhiệm", "chịu trách nhiệm", "triển khai", "tổ chức", "xây dựng", "phối hợp",
        "theo dõi", "tham mưu", "thực hiện", "hướng dẫn", "tuyên truyền", "căn cứ", "lựa chọn", "kiểm tra", "đôn đốc", "báo cáo", "tăng cường",
        "thường xuyên", "tập trung", "nghiên cứu", "phát động", "vận động", "giới thiệu", "bố trí", "cân đối", "đảm bảo", "bảo đảm", "rà soát",
        "tiếp nhận", "thẩm định", "hưởng ứng", "tích cực", "nghiêm túc", "kịp thời", "biểu dương", "gửi", "nộp", "cử", "chỉ đạo các",
    ];

    /// <summary>What a body's name starts with, for telling "Các cơ quan truyền thông quan tâm …" from "Thời gian tổ chức …".</summary>
    [GeneratedRegex(@"^(?:[Cc]ác|Sở|Phòng|Ban|Ủy ban|Uỷ ban|UBND|Hội đồng|Thường trực|Bộ|Văn phòng|Cục|Chi cục|Trung tâm|Đảng ủy|Tỉnh ủy|Huyện ủy|Chủ tịch|Thủ trưởng|Công an|Cụm|Khối|Đài|Báo|Cổng|Trường|Liên đoàn|Đoàn|Hội|Mặt trận|Công chức|Cán bộ|Người đứng đầu|Lãnh đạo|Giám đốc|Trưởng|Cơ quan|Đơn vị|Doanh nghiệp|Thành viên|Tổ|Đội|Ngành|Huyện|Quận|Xã|Phường|Thị xã|Thị trấn|Tỉnh|Thành phố)\b")]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"(?<who>Hội đồng Thi đua\s*[-–,]\s*Khen thưởng(?:\s+(?:cấp\s+)?(?:tỉnh|thành phố|phường|xã|đặc khu|quận|huyện|thị xã|thị trấn|Sở|ngành))?(?:\s+[\p{Lu}][\p{Ll}]+){0,3})\s+(?:tổ chức\s+)?(?:họp\s+)?(?:xét|xem xét|thẩm định)\b")]
    private static partial Regex CouncilConsiders();

    [GeneratedRegex(@"^(?:Giao cho|Giao|Đề nghị|Yêu cầu)\s+")]
    private static partial Regex Assigning();

    [GeneratedRegex(@"^(?:Trách nhiệm|Nhiệm vụ)\s+của\s+(?<who>.+)$")]
    private static partial Regex OwnDuties();

    [GeneratedRegex(@"^(?:Căn cứ|Trên cơ sở|Dựa trên|Theo)\b[^,]{0,100},\s*")]
    private static partial Regex Basis();

    [GeneratedRegex(@"(?:ĐT|Đt|[Đđ]iện thoại|SĐT|[Ss]ố điện thoại|DĐ|[Dd]i động)\s*:?\s*(?<phone>0[\d .]{8,13}\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:đồng chí|Đồng chí|đ/c|Đ/c|ông|Ông|bà|Bà)\s+(?<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})")]
    private static partial Regex Person();

    [GeneratedRegex(@"phản [áả]nh\s+(?:về|với|cho|đến)\s+(?<a>[\p{Lu}](?:[^.;()]|\([^()]*\))+?)(?:\s+hoặc\s+(?<b>[\p{Lu}](?:[^.;()]|\([^()]*\))+?))?\s+để\s+(?:được\s+)?(?:hướng dẫn|giải quyết|xem xét|tổng hợp)")]
    private static partial Regex Guidance();

    private sealed class Group(string who, string section)
    {
        public string Who { get; } = who;
        public string Section { get; } = section;
        public List<string> Duties { get; } = [];
    }

    public static List<Responsibility> Responsibilities(PlanReading r)
    {
        var groups = new List<Group>();
        Group? current = null;
        Group Start(string who, string section)
        {
            // "Đề nghị Ủy ban Mặt trận Tổ quốc …" asks a body the plan cannot order: the body is who.
            current = new Group(TextCasing.Capitalise(Regex.Replace(who.Trim().TrimEnd(':', '.', ','), @"^(?:Đề nghị|Giao cho|Giao)\s+", "")), section);
            groups.Add(current);
            return current;
        }
        foreach (var part in r.Sections.Under(Topics))
        {
            var text = part.Bare;
            if (IsClosing(part.Text) || text.Length == 0) continue;
            var numbered = part.Text.Length > text.Length && char.IsDigit(part.Text[0]);
            if (part.IsHeading)
            {
                // "1. Trách nhiệm của Sở Nội vụ" heads a body; "VI. TỔ CHỨC THỰC HIỆN", "2. Phân công trách nhiệm" head the section.
                if (OwnDuties().Match(text) is { Success: true } of) { Start(of.Groups["who"].Value, part.Section); continue; }
                if (Topics.Any(t => part.Words.Contains(" " + t + " ", StringComparison.Ordinal))) continue;
                if (!numbered && current is not null && char.IsLetter(part.Text[0]) && part.Text.Length > 1 && part.Text[1] == ')') current.Duties.Add(text);
                else Start(text, part.Section);
                continue;
            }
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (numbered && colon is > 3 and < 90 && LooksLikeBody(text[..colon]))
            {
                var group = Start(text[..colon], part.Section);
                if (text[(colon + 1)..].Trim() is { Length: > 10 } duty) group.Duties.Add(TextCasing.Capitalise(duty));
                continue;
            }
            // "5. Thủ trưởng các sở, ban, ngành …; các cơ quan, đơn vị tham gia khối cụm thi đua": a heading too long to be a title.
            if (numbered && !".;!?".Contains(text[^1], StringComparison.Ordinal) && text.Length < 300 && LooksLikeBody(text)) { Start(text, part.Section); continue; }
            var inCurrent = current is not null && (part.Section == current.Section || part.Section.StartsWith(current.Section + ".", StringComparison.Ordinal));
            if ((numbered || !inCurrent) && Subject(text) is { } s)
            {
                Start(s.Who, part.Section).Duties.Add(s.Duty);
                continue;
            }
            current?.Duties.Add(text);
        }
        var result = groups.Where(g => g.Duties.Count > 0)
            .Select(g => new Responsibility { Who = g.Who, Duties = [.. g.Duties.Take(10)], Section = g.Section }).ToList();
        if (result.Count == 0) r.Flag("responsibilities", "không đọc được phần tổ chức thực hiện (ai làm gì)");
        return result;
    }

    /// <summary>
    /// "Các cơ quan truyền thông quan tâm đẩy mạnh …" → (Các cơ quan truyền thông, Quan tâm đẩy mạnh …): the body
    /// is what stands before the first duty verb, once "Giao cho", "Căn cứ …," are set aside.
    /// </summary>
    public static (string Who, string Duty)? Subject(string sentence)
    {
        var text = Assigning().Replace(sentence.Trim(), "");
        text = Basis().Replace(text, "");
        var at = DutyVerbs.Select(v => Regex.Match(text, @"\s" + Regex.Escape(v) + @"(?=[\s,;:.])")).Where(m => m.Success && m.Index >= 3).Select(m => m.Index).DefaultIfEmpty(-1).Min();
        if (at < 3) return null;
        var who = text[..at].Trim(' ', ',');
        if (who.Length > 150 || !BodyStart().IsMatch(who) || !LooksLikeBody(who)) return null;
        return (TextCasing.Capitalise(who), TextCasing.Capitalise(text[(at + 1)..].Trim()));
    }

    /// <summary>A body's name, not a duty: "Sở Nội vụ", "Thủ trưởng các cơ quan"; not "Triển khai thực hiện".</summary>
    private static bool LooksLikeBody(string text)
    {
        var t = text.Trim();
        if (t.Length < 4) return false;
        var lower = TextCasing.Uncapitalise(t);
        return !DutyVerbs.Any(v => lower.StartsWith(v + " ", StringComparison.Ordinal) || lower == v) && !lower.StartsWith("về ", StringComparison.Ordinal);
    }

    /// <summary>"Trên đây là Kế hoạch …", "…kịp thời./.": the plan's closing formula, no one's duty.</summary>
    public static bool IsClosing(string text) =>
        text.StartsWith("Trên đây", StringComparison.Ordinal) || text.TrimEnd().EndsWith("/.", StringComparison.Ordinal) || Regex.IsMatch(text, @"/\.\.?\w{0,4}\s*$")
        || text.StartsWith("Trong quá trình", StringComparison.Ordinal) && text.Contains("vướng mắc", StringComparison.Ordinal);

    /// <summary>Sections where the whole addressee list, not one body, is meant.</summary>
    private static bool IsEveryone(string who) => Regex.IsMatch(VietnameseText.Fold(who), @"^(?:thu truong|cac co quan|cac so|cac don vi|cac dia phuong|chu tich (?:uy ban nhan dan|ubnd) cac|(?:uy ban nhan dan|ubnd) cac)");

    public static List<Body> Bodies(IssuerReading issuer, List<Responsibility> responsibilities, List<AwardForm> awards, Dossier? dossier, PlanReading r)
    {
        var bodies = new List<Body> { new() { Role = BodyRole.Issuer, Name = issuer.Name, Section = PlanSections.Opening } };
        void Add(BodyRole role, string name, string section, string? note = null)
        {
            var key = VietnameseText.Fold(name);
            if (name.Length < 4 || bodies.Any(b => b.Role == role && VietnameseText.Fold(b.Name) == key)) return;
            bodies.Add(new Body { Role = role, Name = TextCasing.Capitalise(name), Section = section, Note = note is null ? null : TextFit.Shorten(note, 200) });
        }
        var named = responsibilities.Where(x => !IsEveryone(x.Who)).ToList();
        var lead = named.FirstOrDefault(x => x.Duties.Any(d => Regex.IsMatch(VietnameseText.Fold(d), @"\bchu tri\b|\btheo doi, don doc\b|\bco quan thuong truc\b")) || VietnameseText.Fold(x.Who).Contains("thuong truc", StringComparison.Ordinal));
        if (lead is not null) Add(BodyRole.Lead, lead.Who, lead.Section, lead.Duties[0]);
        if (dossier?.SubmitTo is { } to) Add(BodyRole.Receiving, to, dossier.Section, "Nhận hồ sơ đề nghị khen thưởng");
        foreach (var (name, section, sentence) in PlanDeadlines.ReceivingBodies(r)) Add(BodyRole.Receiving, name, section, sentence);
        // Whoever the plan tasks with "thẩm định hồ sơ" appraises the dossiers.
        foreach (var x in responsibilities.Where(x => x.Duties.Any(d => VietnameseText.Fold(d).Contains("tham dinh", StringComparison.Ordinal))).Take(2))
            Add(BodyRole.Appraising, x.Who, x.Section, x.Duties.First(d => VietnameseText.Fold(d).Contains("tham dinh", StringComparison.Ordinal)));
        // Else the council the plan says meets to consider the proposals ("Hội đồng Thi đua - Khen thưởng phường họp xét").
        if (!bodies.Any(b => b.Role == BodyRole.Appraising)
            && r.Sections.Body.Select(p => (p, m: CouncilConsiders().Match(p.Bare))).FirstOrDefault(x => x.m.Success) is { p: { } part, m: { } council })
            Add(BodyRole.Appraising, council.Groups["who"].Value.Trim(), part.Section, part.Bare);
        if (!bodies.Any(b => b.Role == BodyRole.Appraising)) r.Flag("bodies", "không thấy cơ quan thẩm định hồ sơ");
        foreach (var a in awards.Where(a => a.DecidedBy.Length > 0)) Add(BodyRole.Deciding, a.DecidedBy, a.Section, a.Name);
        foreach (var x in named.Where(x => x != lead && !bodies.Any(b => b.Role == BodyRole.Appraising && b.Name == x.Who))) Add(BodyRole.Coordinating, x.Who, x.Section, x.Duties[0]);
        return bodies;
    }

    public static List<Contact> Contacts(PlanReading r)
    {
        var contacts = new List<Contact>();
        foreach (var part in r.Sections.Body)
        {
            foreach (var sentence in PlanReading.Sentences(part.Text))
            {
                // "… phản ánh về Sở Nội vụ (qua Ban TĐKT, điện thoại: 0212.3852.123) để được hướng dẫn": the bodies to ask, with their numbers.
                if (Guidance().Match(sentence) is { Success: true } g)
                {
                    foreach (var body in new[] { g.Groups["a"], g.Groups["b"] }.Where(x => x.Success))
                        contacts.Add(Reach(body.Value) with { Name = Unreached(body.Value), Role = "Nơi phản ánh vướng mắc để được hướng dẫn", Section = part.Section });
                    continue;
                }
                var phone = Phone().Match(sentence);
                var email = Email().Match(sentence);
                if (!phone.Success && !email.Success) continue;
                var at = Math.Min(phone.Success ? phone.Index : int.MaxValue, email.Success ? email.Index : int.MaxValue);
                var before = sentence[..at];
                var person = Person().Match(before);
                var name = person.Success ? person.Groups["name"].Value : TextFit.Shorten(PlanSections.WithoutMark(before).Trim(' ', ',', ';', '(', '-', '–', ':'), 120);
                var role = person.Success ? before[(person.Index + person.Length)..].Trim(' ', ',', ';', '(', ')', '-', '–', ':') : null;
                if (name.Length >= 3) contacts.Add(Reach(sentence) with { Name = name, Role = role is { Length: > 2 } ? role : null, Section = part.Section });
            }
        }
        return [.. contacts.Take(8)];
    }

    /// <summary>The phone and email a text gives.</summary>
    private static Contact Reach(string text)
    {
        var phone = Phone().Match(text);
        var email = Email().Match(text);
        return new Contact
        {
            Name = "",
            Phone = phone.Success ? Regex.Replace(phone.Groups["phone"].Value, @"[ .]", "") : null,
            Email = email.Success ? email.Value.TrimEnd('.') : null,
            Section = "",
        };
    }

    /// <summary>"Sở Nội vụ (qua Ban TĐKT, điện thoại: 0212.3852.123)" → "Sở Nội vụ (qua Ban TĐKT)".</summary>
    private static string Unreached(string text)
    {
        var name = Phone().Replace(Email().Replace(text, ""), "");
        name = Regex.Replace(name, @"[,;]?\s*(?:email|e-mail|thư điện tử)\s*:?\s*(?=[,;)]|$)", "", RegexOptions.IgnoreCase);
        name = Regex.Replace(name, @"[,;]\s*(?=\))|\(\s*\)", "");
        return Regex.Replace(name, @"\s{2,}", " ").Trim(' ', ',', ';');
    }
}
