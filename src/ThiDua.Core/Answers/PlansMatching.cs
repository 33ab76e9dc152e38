using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// "Kế hoạch nào còn nhận hồ sơ / do cấp tỉnh ban hành / có Huân chương / có hạn trong tháng 6 / kỷ niệm 70 năm
/// Điện Biên Phủ?": every condition the question sets is checked on every plan, and each plan that meets them is
/// listed with the fact that makes it match. None matching is said so; no condition lists them all.
/// </summary>
public static partial class PlansMatching
{
    /// <summary>A plan matches a topic when one of its units holds this share of the topic's words.</summary>
    private const double TopicCoverage = 0.7;

    /// <summary>A condition: what it is called in the answer, and the fact that meets it for a plan (null: not met).</summary>
    private sealed record Condition(string Label, Func<Campaign, string?> Fact, string[] Words);

    public static Reply Answer(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var conditions = Conditions(kb, q, today);
        if (conditions.Count == 0) return GeneralAnswers.ListCampaigns(kb, today);
        var matches = new List<(Campaign Campaign, List<string> Facts)>();
        foreach (var c in kb.Campaigns)
        {
            var facts = conditions.Select(x => x.Fact(c)).ToList();
            if (facts.All(f => f is not null)) matches.Add((c, [.. facts.Where(f => f!.Length > 0).Select(f => f!)]));
        }
        var label = string.Join(", ", conditions.Select(x => x.Label).Distinct(StringComparer.Ordinal));
        var asOf = $"tính đến {VietnameseDates.Format(today)}";
        if (matches.Count == 0)
            return PlanList.Build($"Không có kế hoạch nào {label} trong {kb.Campaigns.Count} kế hoạch đã nạp ({asOf}). Các kế hoạch đã nạp:", kb.Campaigns,
                c => $"{c.ShortName} ({KnowledgeBase.PlanName(c)})", QuestionKind.Overview);
        var factsOf = matches.ToDictionary(m => m.Campaign, m => m.Facts);
        return PlanList.Build($"{matches.Count}/{kb.Campaigns.Count} kế hoạch {label} ({asOf}):", [.. matches.Select(m => m.Campaign)],
            c => $"{c.ShortName} ({KnowledgeBase.PlanName(c)}){(factsOf[c].Count == 0 ? "" : ": " + string.Join("; ", factsOf[c]))}", QuestionKind.Overview);
    }

    private static List<Condition> Conditions(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var joined = " " + string.Join(' ', q.Words) + " ";
        bool Has(string phrase) => joined.Contains(" " + phrase + " ", StringComparison.Ordinal);
        var conditions = new List<Condition>();

        if (Levels(q.Words) is { Count: > 0 } levels)
            conditions.Add(new($"do cấp {string.Join(" hoặc ", levels.Select(LevelName))} ban hành", c => levels.Contains(c.Level) ? c.Document.Issuer : null,
                ["cap", "tinh", "huyen", "quan", "xa", "phuong", "thi", "tran", "co", "so", "hoac", "va", "ban", "hanh"]));
        if (Phases(joined) is { } phases)
            conditions.Add(new(phases.Label, c => phases.Fits(c.Phases.Count) ? (c.Phases.Count == 0 ? "không chia đợt" : $"{c.Phases.Count} đợt") : null,
                ["dot", "chia", "lam", "nhieu", "theo", "khong", "co", "2", "3", "4", "hai", "ba", "bon", "bao", "nhieu"]));
        if (Has("dang dien ra") || Has("con hieu luc") || Has("dang thi dua"))
            conditions.Add(new("đang diễn ra", c => c.Period.Start <= today && today <= c.Period.End ? $"đến {VietnameseDates.Format(c.Period.End)}" : null, ["dang", "dien", "ra", "con", "hieu", "luc"]));
        if (Has("sap dien ra") || Has("sap bat dau"))
            conditions.Add(new("sắp diễn ra", c => today < c.Period.Start ? $"từ {VietnameseDates.Format(c.Period.Start)}" : null, ["sap", "dien", "ra", "bat", "dau"]));
        if (Has("da ket thuc") || Has("het han") || Has("ket thuc roi"))
            conditions.Add(new("đã kết thúc", c => c.Period.End < today ? $"kết thúc {VietnameseDates.Format(c.Period.End)}" : null, ["da", "ket", "thuc", "het", "han", "roi"]));
        if (Has("con nhan") || Has("con han") || Has("chua het han") || Has("van nhan") || Has("con nop"))
            conditions.Add(new("còn hạn nộp hồ sơ, báo cáo", c => c.Deadlines.Where(d => d.DueDate >= today && d.Kind is DeadlineKind.Submission or DeadlineKind.Report)
                .OrderBy(d => d.DueDate).Select(d => $"{d.Title}: {d.Wording}").FirstOrDefault(), ["con", "nhan", "han", "chua", "het", "van", "nop", "ho", "so", "khen", "thuong", "de", "nghi"]));

        // "ban hành trong tháng 3/2024" asks when the plan was issued, not which of its deadlines fall then.
        if (q.Month is { } issuedIn && (Has("ban hanh") || Has("ky ban hanh") || Has("duoc ky")))
        {
            var year = System.Text.RegularExpressions.Regex.Match(joined, @" thang \d{1,2}/(\d{4}) ") is { Success: true } y ? int.Parse(y.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            conditions.Add(new($"ban hành trong tháng {issuedIn}{(year is null ? "" : "/" + year)}", c => IssuedIn(c.Document, issuedIn, year),
                ["thang", issuedIn.ToString(System.Globalization.CultureInfo.InvariantCulture), .. year is null ? Array.Empty<string>() : [year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{issuedIn}/{year}"], "ban", "hanh", "ky", "duoc"]));
        }
        else if (q.Month is { } month)
            conditions.Add(new($"có hạn trong tháng {month}", c => c.Deadlines.Where(d => d.DueDate.Month == month && d.Kind != DeadlineKind.Event)
                .Select(d => $"{d.Title}: {VietnameseDates.Format(d.DueDate)}").FirstOrDefault(), ["thang", month.ToString(System.Globalization.CultureInfo.InvariantCulture), "han", "co"]));

        if (YearCondition(q, joined) is { } years) conditions.Add(years);
        var cites = CitedDocuments(kb, q);
        foreach (var reference in cites)
            conditions.Add(new($"nhắc đến văn bản số {reference}", c => Citations.Of(kb.Units, c, reference) is { } hit ? TextFit.Shorten(hit.Unit.Text, 200) : null,
                [.. q.Words.Where(w => DocumentReferences.NumberOf(w) == DocumentReferences.NumberOf(reference)), .. CitationWords]));

        if (AwardForms.Mentioned(q.Words) is { } form)
            conditions.Add(new($"có {form.Name}", c => AwardForms.Offered(c, form).Select(a => a.Name).FirstOrDefault(), [.. form.Kind, .. form.Issuer ?? []]));

        if (!q.Mention.IsNone)
        {
            var named = q.Mention.Candidates;
            // One day named longer by one plan ("… tháng Tám thành công") than by another is said once, by its shorter name.
            var days = q.Mention.AnniversaryNames.Where(n => !q.Mention.AnniversaryNames.Any(o => o.Length < n.Length && VietnameseText.Fold(n).StartsWith(VietnameseText.Fold(o), StringComparison.Ordinal))).ToList();
            var label = days.Count > 0 ? $"chào mừng {string.Join(", ", days)}" : "được nêu";
            conditions.Add(new(label, c => named.Contains(c) ? "" : null, []));
        }
        foreach (var mention in q.Places)
        {
            var place = mention.First;
            if (place.Level != PlaceLevel.Province || !q.Mention.IsNone) continue;
            conditions.Add(new($"ở {place.InSentence}", c => VietnameseText.Fold(c.Area.Province) == VietnameseText.Fold(place.Bare) ? c.Area.Commune ?? c.Area.District ?? "" : null, []));
        }

        // A kind of fact asked of every plan ("ai ký từng kế hoạch", "kế hoạch nào giới hạn số lượng, bao nhiêu"):
        // the plans whose record has it, each with what it says.
        var kind = q.Clauses.SelectMany(c => c.Cues).Where(kv => kv.Key is not (QuestionKind.ListCampaigns or QuestionKind.TimeFrame or QuestionKind.Contents) || conditions.Count == 0)
            .Where(kv => kv.Key != QuestionKind.ListCampaigns).OrderByDescending(kv => kv.Value).FirstOrDefault();
        var kindWords = kind.Value >= KindAsked ? q.Clauses.SelectMany(c => c.CueWords.GetValueOrDefault(kind.Key) ?? new HashSet<string>()).ToArray() : [];
        // "có hạn trong tháng 6" already says which deadline: the plans' other deadlines are not a second reason.
        // "căn cứ QĐ 923" is answered by the sentence that cites it, not by every plan's grounds.
        if (kind.Value >= KindAsked && !(kind.Key == QuestionKind.Deadlines && q.Month is not null) && !(kind.Key == QuestionKind.LegalBasis && cites.Count > 0))
            conditions.Add(kind.Key == QuestionKind.Funding
                // Money has no record of its own: the plan's sentence on it that holds the question says it (so the
                // question's words are all this condition's, and no topic condition is added beside it).
                ? new($"nêu {KindLabel(kind.Key)}", c => MoneySentence(kb, c, q) is { } said ? TextFit.Shorten(said, 200) : null, [.. q.Words])
                : new($"nêu {KindLabel(kind.Key)}", c => CampaignAnswers.Summary(c, kind.Key, today, q.Words, QuestionAnswerer.Focused(kb, c, q, kind.Key)) is { } line ? TextFit.Shorten(line, 200) : null, kindWords));

        // What else the question asks of the plans: a topic one of their units must hold ("thi đua bầu cử").
        var used = conditions.SelectMany(x => x.Words).Concat(kindWords).ToHashSet(StringComparer.Ordinal);
        // The cue words are the topic here ("nộp hồ sơ qua cổng dịch vụ công"): only the words that ask "which plans" are not.
        var topic = q.Clauses.SelectMany(c => c.Terms).Where(t => !SearchTerms.WordsOf(t).Any(w => used.Contains(w) || SearchTerms.StopWords.Contains(w) || Generic.Contains(w)))
            .Distinct(StringComparer.Ordinal).ToList();
        if (topic.Count > 0)
            conditions.Add(new("nêu nội dung này", c => kb.Units.Search(topic, c, take: 1) is [var top] && top.Coverage >= TopicCoverage
                ? TextFit.Shorten(top.Unit.Text, 160) : null, []));
        return conditions;
    }

    /// <summary>"kế hoạch nào tính tiền thưởng theo số lần mức lương cơ sở": a sentence naming money that holds most of the question.</summary>
    private static string? MoneySentence(KnowledgeBase kb, Campaign c, ParsedQuestion q)
    {
        var terms = q.Clauses.SelectMany(x => x.Terms).Where(t => !SearchTerms.WordsOf(t).Any(Generic.Contains)).Distinct(StringComparer.Ordinal).ToList();
        return kb.Units.Search(terms, c, u => u.IsParagraph && Money().IsMatch(u.Text), 1) is [var top] && top.Coverage >= MoneyCoverage ? top.Unit.Text : null;
    }

    private const double MoneyCoverage = 0.6;

    [System.Text.RegularExpressions.GeneratedRegex(@"tiền thưởng|kinh phí|\d[\d.,]*\s*(?:đồng|triệu)|lần mức lương", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Money();

    /// <summary>
    /// "kéo dài sang năm 2026", "diễn ra trong năm 2025": a condition on the plan's period. A year the question gives
    /// as the plan's own ("kế hoạch năm 2024") or in a date is the parser's, not this.
    /// </summary>
    private static Condition? YearCondition(ParsedQuestion q, string joined)
    {
        var m = System.Text.RegularExpressions.Regex.Match(joined, @" (sang|den het|toi|trong|den|qua) nam (20\d\d) ");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        string Period(Campaign c) => VietnameseDates.Format(c.Period);
        return m.Groups[1].Value is "trong"
            ? new($"diễn ra trong năm {year}", c => c.Period.Start.Year <= year && year <= c.Period.End.Year ? Period(c) : null, ["dien", "ra", "trong", "nam", m.Groups[2].Value])
            : new($"kéo dài sang năm {year}", c => c.Period.Start.Year < year && year <= c.Period.End.Year ? Period(c) : null,
                ["keo", "dai", "sang", "den", "het", "toi", "qua", "nam", m.Groups[2].Value]);
    }

    /// <summary>Document numbers the question names that are no loaded plan's own ("căn cứ QĐ 923/QĐ-TTg"): cited documents.</summary>
    private static List<string> CitedDocuments(KnowledgeBase kb, ParsedQuestion q)
    {
        var own = kb.Campaigns.Select(c => c.Document.Number is { Length: > 0 } n ? DocumentReferences.NumberOf(n) : null).ToHashSet(StringComparer.Ordinal);
        return [.. q.Words.Where(DocumentReferences.IsReference).Where(w => !own.Contains(DocumentReferences.NumberOf(w))).Distinct(StringComparer.Ordinal)];
    }

    private static readonly string[] CitationWords =
        ["can", "cu", "theo", "van", "ban", "so", "qd", "quyet", "dinh", "chi", "thi", "ct", "nghi", "nq", "nd", "thong", "tu", "tt", "huong", "dan", "hd", "ket", "luan", "kl", "nhac", "trich", "dan"];

    /// <summary>The issue date, when it falls in that month (and year, if asked); a plan dated by its month alone counts too.</summary>
    private static string? IssuedIn(PlanDocument d, int month, int? year)
    {
        if (d.IssuedOn is { } on) return on.Month == month && (year is null || on.Year == year) ? $"ban hành {VietnameseDates.Format(on)}" : null;
        if (d.IssuedMonth is { Length: >= 7 } m && int.TryParse(m[5..7], out var mm) && int.TryParse(m[..4], out var yy))
            return mm == month && (year is null || yy == year) ? $"ban hành tháng {mm}/{yy}" : null;
        return null;
    }

    /// <summary>"cấp quận, huyện hoặc xã, phường": the levels named after "cấp" (any of them).</summary>
    private static HashSet<AdministrativeLevel> Levels(IReadOnlyList<string> words)
    {
        var levels = new HashSet<AdministrativeLevel>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "cap") continue;
            for (var k = i + 1; k < words.Count; k++)
            {
                var level = words[k] switch
                {
                    "tinh" => AdministrativeLevel.Province,
                    "huyen" or "quan" => AdministrativeLevel.District,
                    "xa" or "phuong" or "tran" or "so" => AdministrativeLevel.Commune,
                    _ => (AdministrativeLevel?)null,
                };
                if (level is { } l) levels.Add(l);
                else if (words[k] is not ("hoac" or "va" or "thi" or "co")) break;
            }
        }
        return levels;
    }

    private static string LevelName(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => "tỉnh",
        AdministrativeLevel.District => "huyện",
        _ => "xã",
    };

    private sealed record PhaseCondition(string Label, Func<int, bool> Fits);

    /// <summary>"chia làm 2 đợt", "có nhiều đợt", "không chia đợt": a condition on the number of phases.</summary>
    private static PhaseCondition? Phases(string joined)
    {
        if (joined.Contains(" khong chia dot ", StringComparison.Ordinal)) return new("không chia đợt", n => n == 0);
        var m = System.Text.RegularExpressions.Regex.Match(joined, @" (\d|hai|ba|bon) dot ");
        if (m.Success && !joined.Contains(" dot " + m.Groups[1].Value + " ", StringComparison.Ordinal))
        {
            var n = m.Groups[1].Value switch { "hai" => 2, "ba" => 3, "bon" => 4, var d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) };
            return new($"chia làm {n} đợt", count => count == n);
        }
        return joined.Contains(" chia dot ", StringComparison.Ordinal) || joined.Contains(" nhieu dot ", StringComparison.Ordinal) || joined.Contains(" chia lam ", StringComparison.Ordinal)
            ? new("chia thành nhiều đợt", n => n >= 2) : null;
    }

    /// <summary>A cue this strong asks that kind of fact of every plan.</summary>
    private const double KindAsked = 2.5;

    private static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.Issuance => "số, ngày, người ký",
        QuestionKind.Quotas => "số lượng khen thưởng",
        QuestionKind.Dossier => "hồ sơ",
        QuestionKind.Submission => "nơi nộp",
        QuestionKind.Deadlines => "thời hạn",
        QuestionKind.Awards => "hình thức khen thưởng",
        QuestionKind.Criteria => "tiêu chuẩn",
        QuestionKind.Theme => "chủ đề",
        QuestionKind.Appraisal => "cơ quan thẩm định",
        QuestionKind.Contacts => "liên hệ",
        QuestionKind.Anniversaries => "ngày kỷ niệm",
        QuestionKind.LegalBasis => "căn cứ",
        QuestionKind.Targets => "chỉ tiêu",
        QuestionKind.Tasks => "nhiệm vụ theo thời gian",
        QuestionKind.Responsibilities => "phân công",
        QuestionKind.Purpose => "mục đích",
        QuestionKind.Funding => "tiền thưởng, kinh phí",
        _ => "nội dung này",
    };

    /// <summary>Words of "which plans…" questions that set no condition of their own.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "thi", "dua", "khen", "thuong", "ke", "hoach", "phong", "trao", "hien", "nay", "nhung", "nao", "cac", "danh", "sach", "tat", "ca",
        "quy", "dinh", "ro", "phai", "neu", "ghi", "cu", "the", "he", "thong", "du", "lieu", "hien", "co", "nap", "dang", "giao",
        "chao", "mung", "ky", "niem",
    };
}
