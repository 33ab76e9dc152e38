using System.Text.RegularExpressions;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

/// <summary>
/// "Phường Cam Phú thuộc tỉnh nào?", "Hải Dương nay thuộc đâu?": where a unit stood before 1 July 2025 and what it
/// became after, from the administrative-units dataset, with its sources.
/// </summary>
public static partial class PlaceAnswers
{
    [GeneratedRegex(@" (thuoc (tinh|thanh pho|huyen|quan|xa|phuong|dau|ve)|o tinh nao|o dau|nay la|sap nhap|sau sap xep|truoc day|bay gio la|gio la) ")]
    private static partial Regex GeographyWords();

    public static bool IsAbout(ParsedQuestion q) =>
        q.Places.Count > 0 && GeographyWords().IsMatch(" " + string.Join(' ', q.Words) + " ") && q.KindScore < 2.5;

    public static Reply Answer(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var lines = new List<string>();
        var mention = q.Places[0];
        foreach (var place in mention.Places.Take(3))
        {
            if (place.Era == PlaceEra.Before2025)
            {
                var within = place.Level switch
                {
                    PlaceLevel.Commune => $"{Lower(place.District)}, {Lower(place.Province)}",
                    PlaceLevel.District => Lower(place.Province),
                    _ => null,
                };
                lines.Add(within is null ? $"{place.Name} (trước 1/7/2025)." : $"{place.Name} thuộc {within} (trước 1/7/2025).");
                var after = kb.Places.Successors(place).ToList();
                if (after.Count > 0)
                    lines.Add($"Từ 1/7/2025: {string.Join("; ", after.Select(a => a.Level == PlaceLevel.Province ? a.Name : $"{Lower(a.Name)}, {Lower(a.Province)}"))}.");
                else if (place.Level == PlaceLevel.District)
                    lines.Add("Từ 1/7/2025 không còn cấp huyện: các xã, phường của đơn vị này thuộc trực tiếp tỉnh, thành phố.");
            }
            else
            {
                var from = place.FormedFrom.Count == 0 ? "" : $", hình thành từ {string.Join(", ", place.FormedFrom.Take(8))}{(place.FormedFrom.Count > 8 ? "…" : "")}";
                lines.Add(place.Level == PlaceLevel.Province ? $"{place.Name} (từ 1/7/2025{from})." : $"{place.Name} thuộc {Lower(place.Province)} (từ 1/7/2025{from}).");
            }
        }
        var plans = mention.Places.SelectMany(p => Declines.Covering(kb, p)).Distinct().ToList();
        if (plans.Count > 0) lines.Add("Kế hoạch đã nạp của địa bàn này: " + string.Join("; ", plans.Select(c => c.ShortName)) + ".");
        var sources = kb.Places.Sources.Select(s => $"{s.Name}{(s.AsOf is null ? "" : $", {s.AsOf}")}");
        lines.Add($"(Theo danh mục đơn vị hành chính: {string.Join("; ", sources)})");
        return new Reply(GeneralAnswers.Fit(lines, 0))
        {
            Buttons = [.. plans.Take(4).Select(c => (IReadOnlyList<Button>)[ButtonData.Ask(c.ShortName, QuestionKind.Overview, c)])],
        };
    }

    private static string Lower(string? name) => string.IsNullOrEmpty(name) ? "" : char.ToLowerInvariant(name[0]) + name[1..];
}
