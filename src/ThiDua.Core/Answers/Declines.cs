using System.Text.RegularExpressions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// Questions the loaded plans cannot answer, declined without inventing: a plan number or a place no loaded plan
/// has ("Chưa có kế hoạch nào của tỉnh Bình Định trong dữ liệu"), then what there is; and questions the bot does
/// not understand or that are not about emulation and commendation at all.
/// </summary>
public static partial class Declines
{
    [GeneratedRegex(@"\b0*(\d{1,5})\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐa-zđ][\wĐđ\-]*", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenNumber();

    /// <summary>A decline when the question names a plan number or place that no loaded plan has; null otherwise.</summary>
    public static Reply? PlanNotLoaded(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var loadedNumbers = kb.Campaigns.Where(c => c.Document.Number is { Length: > 0 })
            .Select(c => c.Document.Number!.Split('/')[0].Trim().TrimStart('0')).ToHashSet(StringComparer.Ordinal);
        Reply? cited = null;
        foreach (var number in q.PlanNumbers.Where(n => !loadedNumbers.Contains(n) && !IsYear(n)))
        {
            var written = WrittenNumber().Matches(q.Text).Select(m => m.Value).FirstOrDefault(v => v.TrimStart('0').StartsWith(number, StringComparison.Ordinal)) ?? number;
            // What the loaded plans say of it ("Kế hoạch 1663/KH-UBND mà KH 1023 nhắc tới", "Hướng dẫn 836/HD-BNV"):
            // a number they cite is asked about through them, not missing.
            var citing = kb.Campaigns.Select(c => (Campaign: c, Hit: Citations.Of(kb.Units, c, number))).Where(x => x.Hit is not null).ToList();
            if (citing.Count == 0)
            {
                var byPlace = q.Mention.Explicit ? q.Mention.Candidates : [];
                var where = byPlace.Count > 0 ? $" của {byPlace[0].Area.Commune ?? byPlace[0].Area.District ?? byPlace[0].Area.Province}" : "";
                return Decline(kb, today, $"Chưa có kế hoạch số {written}{where} trong dữ liệu, nên tôi không trả lời thay bằng kế hoạch khác.", byPlace);
            }
            // Asked as if it were a plan ("kế hoạch 1663 nói gì") with no loaded plan named: not a plan of the data, but
            // the plans that cite it say what it is. With a plan named, that plan answers (Citations leads its answer).
            if (cited is not null || q.Mention.Explicit || q.AsksWhichPlans) continue;
            var said = citing.ToDictionary(x => x.Campaign, x => TextFit.Shorten(x.Hit!.Unit.Text, 240));
            var asPlan = !written.Contains('/', StringComparison.Ordinal) || VietnameseText.Fold(written).Contains("/kh", StringComparison.Ordinal);
            cited = PlanList.Build($"Chưa có {(asPlan ? "kế hoạch" : "văn bản")} số {written} trong dữ liệu; {citing.Count} kế hoạch đã nạp nhắc đến văn bản này:", [.. citing.Select(x => x.Campaign)],
                c => $"{c.ShortName}: “{said[c]}”", QuestionKind.LegalBasis);
        }
        if (cited is not null) return cited;
        var named = q.Mention.Explicit ? q.Mention.Candidates : [];
        foreach (var mention in q.Places)
        {
            // A place a loaded plan covers (its own area, or a commune of its province) is no reason to decline; nor,
            // when a plan is named, a place above it ("phường Cam Phú … tỉnh Khánh Hòa") or of another level than it.
            if (mention.NamesPlan || mention.Places.Any(p => Covering(kb, p).Count > 0)) continue;
            if (named.Count > 0 && mention.Places.All(p => named.Any(c => Contains(p, c) || LevelOf(p) != c.Level))) continue;
            var place = mention.First;
            var related = kb.Campaigns.Where(c => RelatedTo(c, place)).ToList();
            var text = $"Chưa có kế hoạch nào của {place.InSentence} trong dữ liệu.";
            if (related.Count > 0) text += $" Có kế hoạch của địa phương thuộc {place.InSentence}: {string.Join("; ", related.Select(c => c.ShortName))}.";
            return Decline(kb, today, text, related);
        }
        if (IssuerNotLoaded(kb, q, today) is { } otherIssuer) return otherIssuer;
        // A plan named by its number is that plan, whatever year the question mentions.
        return q.Mention.Explicit && q.PlanNumbers.Count == 0 ? YearNotLoaded(kb, q, today) : null;
    }

    /// <summary>The place is one of the plan's own area names (its province, district or commune).</summary>
    private static bool Contains(Place place, Campaign c)
    {
        var name = Bare(place.Name);
        return place.Level switch
        {
            PlaceLevel.Province => Bare(c.Area.Province) == name,
            PlaceLevel.District => Bare(c.Area.District) == name,
            _ => Bare(c.Area.Commune) == name,
        };
    }

    private static AdministrativeLevel LevelOf(Place place) => place.Level switch
    {
        PlaceLevel.Province => AdministrativeLevel.Province,
        PlaceLevel.District => AdministrativeLevel.District,
        _ => AdministrativeLevel.Commune,
    };

    /// <summary>"Lào Cai năm 2025" when the loaded Lào Cai plan is of 2024: not answered as if it were.</summary>
    private static Reply? YearNotLoaded(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        if (q.Year is not { } year || q.Mention.Candidates.Any(c => Covers(c, year))) return null;
        var c = q.Mention.Candidates[0];
        var where = c.Area.Commune ?? c.Area.District ?? c.Area.Province;
        return Decline(kb, today, $"Chưa có kế hoạch năm {year} của {where} trong dữ liệu; kế hoạch đã nạp của {where}: {KnowledgeBase.PlanName(c)} ({VietnameseDates.Format(c.Period)}).", q.Mention.Candidates);
    }

    private static bool Covers(Campaign c, int year) =>
        c.Period.Start.Year <= year && year <= c.Period.End.Year || c.Document.IssuedOn?.Year == year || c.Document.IssuedYear == year
        || c.Document.IssuedMonth?.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) == true;

    private static bool IsYear(string number) => number.Length == 4 && number.StartsWith("20", StringComparison.Ordinal);

    /// <summary>The loaded plans whose area is the place or holds it (a province plan covers its communes).</summary>
    public static IReadOnlyList<Campaign> Covering(KnowledgeBase kb, Place place)
    {
        var name = Bare(place.Name);
        var province = Bare(place.Province);
        var district = place.District is null ? null : Bare(place.District);
        return [.. kb.Campaigns.Where(c =>
        {
            var area = c.Area;
            var sameProvince = Bare(area.Province) == province;
            return place.Level switch
            {
                PlaceLevel.Province => Bare(area.Province) == name && c.Level == AdministrativeLevel.Province,
                PlaceLevel.District => Bare(area.District) == name && sameProvince || c.Level == AdministrativeLevel.Province && sameProvince,
                _ => Bare(area.Commune) == name && (sameProvince || district is not null && Bare(area.District) == district)
                     || c.Level == AdministrativeLevel.District && district is not null && Bare(area.District) == district
                     || c.Level == AdministrativeLevel.Province && sameProvince,
            };
        })];
    }

    /// <summary>"thành phố Cam Ranh" and "Cam Ranh" are one name: plans write their area either way.</summary>
    private static string Bare(string? name) => string.IsNullOrEmpty(name) ? "" : VietnameseText.Fold(AdministrativeUnits.BareName(name));

    /// <summary>A plan of a district or commune inside the place (a province's commune plan), or of a province merged into it.</summary>
    private static bool RelatedTo(Campaign c, Place place)
    {
        if (place.Level != PlaceLevel.Province) return false;
        return Bare(c.Area.Province) == Bare(place.Name) || place.FormedFrom.Any(f => Bare(f) == Bare(c.Area.Province));
    }

    private static Reply Decline(KnowledgeBase kb, DateOnly today, string first, IReadOnlyList<Campaign> offered)
    {
        var shown = offered.Count > 0 ? offered : kb.Campaigns;
        return PlanList.Build(first + (offered.Count > 0 ? " Bạn có thể xem:" : $" Các kế hoạch đã nạp ({kb.Campaigns.Count}):"), shown,
            c => $"{c.ShortName} ({KnowledgeBase.PlanName(c)}; {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)})", QuestionKind.Overview,
            last: "Cán bộ thẩm định có thể nhập kế hoạch mới bằng /nhapkehoach.");
    }

    /// <summary>Cues this strong name a kind of fact whatever else the question says ("hồ sơ", "tiêu chuẩn").</summary>
    private const double ClearCue = 2.5;

    /// <summary>
    /// Not about emulation and commendation: no clear cue (no cue at all when a plan is named), and not one pair of its
    /// own words appears in any plan ("giá vàng hôm nay", "thời tiết Điện Biên Phủ tuần này": "tuần này" alone does
    /// not make it a deadline question).
    /// </summary>
    public static bool OffTopic(KnowledgeBase kb, ParsedQuestion q)
    {
        var pairs = q.ContentTerms.Where(t => SearchTerms.IsPair(t) && !SearchTerms.WordsOf(t).Any(SearchTerms.StopWords.Contains)).ToList();
        return q.KindScore < (q.Mention.Explicit ? double.Epsilon : ClearCue) && pairs.Count > 0 && !pairs.Any(kb.Units.AnyPlanHas)
            && kb.Legal.MatchRule(q.Words, DateOnly.MaxValue) is null && kb.Legal.MatchRule(q.Words, DateOnly.MinValue) is null;
    }

    /// <summary>Nothing answers the question: off-topic when no plan knows its words, else "not found", never a guess.</summary>
    public static Reply NotUnderstood(KnowledgeBase kb, ParsedQuestion q, DateOnly today, Campaign? context)
    {
        var text = OffTopic(kb, q)
            ? "Câu này nằm ngoài phạm vi của tôi: tôi chỉ trả lời về thi đua, khen thưởng theo các kế hoạch đã nạp, và tôi chưa tìm thấy thông tin nào về câu này trong đó."
            : """
              Tôi chưa tìm thấy câu trả lời cho câu này trong các kế hoạch đã nạp, và tôi không tự đặt ra thông tin.
              Bạn có thể hỏi về: thời gian, tiêu chuẩn, hình thức khen thưởng, số lượng, hồ sơ, nơi nộp, các hạn, phân công, liên hệ — kèm tên địa phương hoặc số kế hoạch. Gõ /help để xem hướng dẫn.
              """;
        var buttons = context is null
            ? [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[QuestionPress.Ask(c.ShortName, QuestionKind.Overview, c)])]
            : AnswerBuilder.ButtonRows([
                QuestionPress.Ask("Tóm tắt", QuestionKind.Overview, context), QuestionPress.Ask("Hồ sơ", QuestionKind.Dossier, context),
                QuestionPress.Ask("Các hạn", QuestionKind.Deadlines, context), QuestionPress.Ask("Tiêu chuẩn", QuestionKind.Criteria, context),
            ]);
        return new Reply(text) { Buttons = buttons };
    }
}
