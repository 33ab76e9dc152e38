using System.Text.RegularExpressions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// "Phường Cam Phú thuộc tỉnh nào?", "Hải Dương nay thuộc đâu?": where a unit stood before 1 July 2025 and what it
/// became after, from the administrative-units dataset, with its sources.
/// </summary>
public static partial class PlaceAnswers
{
    [GeneratedRegex(@" (thuoc (dau|ve)|thuoc (tinh|thanh pho|huyen|quan|xa|phuong) nao|o tinh nao|nay la|sap nhap|sap xep|hinh thanh tu|gom nhung|truoc day|bay gio la|gio la) ")]
    private static partial Regex GeographyWords();

    public static bool IsAbout(ParsedQuestion q) =>
        q.Places.Count > 0 && q.KindScore < 2.5 && (GeographyWords().IsMatch(" " + string.Join(' ', q.Words) + " ") || PlaceIsUnder(q));

    /// <summary>
    /// "Cam Phú thuộc tỉnh Khánh Hòa à?": the place named before "thuộc" is the one asked about. After it ("các đơn vị
    /// thuộc phường Vĩnh Yên đăng ký … trước ngày mấy") the place only says whose units are meant.
    /// </summary>
    private static bool PlaceIsUnder(ParsedQuestion q)
    {
        var w = q.Words;
        var at = Enumerable.Range(0, w.Count).FirstOrDefault(i => w[i] == "thuoc", -1);
        if (at > 0 && at + 1 < w.Count && w[at + 1] is "tinh" or "thanh" or "huyen" or "quan" or "xa" or "phuong" && q.Places.Any(p => p.Start < at)) return true;
        // "Tả Van ở đâu" asks where the place is; "nộp hồ sơ của sở gd Ninh Bình ở đâu" asks where to submit.
        return q.Places.Any(p => p.Start <= 1 && p.Start + p.Length + 1 < w.Count && w[p.Start + p.Length] == "o" && w[p.Start + p.Length + 1] == "dau");
    }

    public static Reply Answer(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var lines = new List<string>();
        var mention = q.Places[0];
        var places = mention.Places.Take(4).ToList();
        // A unit that kept its name across 2025 is told once, from its old record.
        var kept = places.Where(p => p.Era == PlaceEra.After2025
            && places.Any(b => b.Era == PlaceEra.Before2025 && b.Level == p.Level && b.Name == p.Name && (b.Level == PlaceLevel.Province || b.Province == p.Province))).ToHashSet();
        foreach (var place in places.Where(p => !kept.Contains(p)))
            lines.AddRange(place.Era == PlaceEra.Before2025 ? Before(kb, place) : After(place));
        var plans = mention.Places.SelectMany(p => Declines.Covering(kb, p)).Distinct().ToList();
        if (plans.Count > 0)
            lines.Add("Kế hoạch đã nạp của địa bàn này: " + string.Join("; ", plans.Select(c =>
                $"{c.ShortName} ({VietnameseDates.Format(c.Period)}, {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)})")) + ".");
        var sources = kb.Places.Sources.Select(s => $"{s.Name}{(s.AsOf is null ? "" : $", {s.AsOf}")}");
        lines.Add($"(Theo danh mục đơn vị hành chính: {string.Join("; ", sources)})");
        return new Reply(GeneralAnswers.Fit(lines, 0))
        {
            Buttons = [.. plans.Take(4).Select(c => (IReadOnlyList<Button>)[QuestionPress.Ask(c.ShortName, QuestionKind.Overview, c)])],
        };
    }

    /// <summary>Where the unit stood before 1 July 2025 and what became of it: kept, merged into, split, or (a district) gone.</summary>
    private static IEnumerable<string> Before(KnowledgeBase kb, Place place)
    {
        var within = place.Level switch
        {
            PlaceLevel.Commune => $"{Lower(place.District)}, {Lower(place.Province)}",
            PlaceLevel.District => Lower(place.Province),
            _ => null,
        };
        if (within is not null) yield return $"{place.Name} thuộc {within} (trước 1/7/2025).";
        var after = kb.Places.Successors(place).ToList();
        if (after.Count == 1 && after[0].Name == place.Name && after[0].FormedFrom.All(f => Same(f, place.Name)))
            yield return $"Từ 1/7/2025: {place.Name} giữ nguyên, không sáp nhập với đơn vị khác.";
        else if (after.Count == 1)
        {
            var from = List([.. after[0].FormedFrom.Select(Lower)]);
            yield return after[0].Name == place.Name
                ? $"Từ 1/7/2025: {place.Name} giữ tên{(place.Level == PlaceLevel.Province ? "" : $", thuộc {Lower(after[0].Province)}")}, hình thành từ {from}."
                : $"Từ 1/7/2025: {place.Name} nhập vào {Lower(Written(after[0]))}, hình thành từ {from}.";
        }
        else if (after.Count > 1)
            yield return $"Từ 1/7/2025: {place.Name} chia về {string.Join("; ", after.Select(a => Lower(Written(a))))}.";
        else if (place.Level == PlaceLevel.District)
        {
            var communes = kb.Places.All.Where(p => p.Era == PlaceEra.Before2025 && p.Level == PlaceLevel.Commune && p.Province == place.Province && p.District == place.Name)
                .SelectMany(kb.Places.Successors).Distinct().ToList();
            yield return "Từ 1/7/2025 không còn cấp huyện" + (communes.Count == 0
                ? ": các xã, phường của đơn vị này thuộc trực tiếp tỉnh, thành phố."
                : $"; các xã, phường của {place.InSentence} nay thuộc: {string.Join("; ", communes.GroupBy(c => c.Province).Select(g => $"{List([.. g.Select(c => c.InSentence)])} ({Lower(g.Key)})"))}.");
        }
    }

    /// <summary>A unit formed on 1 July 2025 and what it was formed from.</summary>
    private static IEnumerable<string> After(Place place)
    {
        var from = place.FormedFrom.Count == 0 ? "" : $", hình thành từ {List([.. place.FormedFrom.Select(Lower)])}";
        yield return place.Level == PlaceLevel.Province ? $"{place.Name} (từ 1/7/2025{from})." : $"{place.Name} thuộc {Lower(place.Province)} (từ 1/7/2025{from}).";
    }

    private static string Written(Place p) => p.Level == PlaceLevel.Province ? p.Name : $"{p.InSentence}, {Lower(p.Province)}";

    private static string List(IReadOnlyList<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(8)) + $" và {names.Count - 8} đơn vị khác";

    private static bool Same(string a, string b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);

    private static string Lower(string? name) => string.IsNullOrEmpty(name) ? "" : char.ToLowerInvariant(name[0]) + name[1..];
}
