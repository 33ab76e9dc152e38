using ThiDua.Core.Knowledge;
using ThiDua.Core.Legal;

namespace ThiDua.Core.Nominations;

public sealed record ChecklistItem(string ComponentId, string Name, int? Copies, bool Done);

/// <summary>
/// What a nomination's dossier needs, from the plan's dossier components, or from the law's general dossier
/// (labelled as such) when the plan lists none; each item ticked when a file is attached for it.
/// </summary>
public static class DossierChecklist
{
    public const string GeneralSourceLabel = "theo quy định chung (Điều 84 Luật Thi đua, khen thưởng), kế hoạch không liệt kê hồ sơ";

    private static readonly (string Id, string Name)[] GeneralComponents =
    [
        ("to-trinh", "Tờ trình đề nghị khen thưởng"),
        ("bao-cao-thanh-tich", "Báo cáo thành tích"),
        ("bien-ban", "Biên bản xét khen thưởng của Hội đồng TĐKT"),
    ];

    public static (IReadOnlyList<ChecklistItem> Items, bool FromLaw) For(Nomination n, Campaign c)
    {
        var attached = n.Attachments.Select(a => a.ComponentId).ToHashSet(StringComparer.Ordinal);
        if (c.Dossier is { Components.Count: > 0 } dossier)
            return ([.. dossier.Components
                .Where(x => x.AppliesTo == Beneficiary.Both || n.Beneficiary is null || x.AppliesTo == n.Beneficiary)
                .Select(x => new ChecklistItem(x.Id, x.Name, x.Copies, attached.Contains(x.Id)))], false);
        return ([.. GeneralComponents.Select(x => new ChecklistItem(x.Id, x.Name, null, attached.Contains(x.Id)))], true);
    }

    public static IEnumerable<string> Lines(Nomination n, Campaign c)
    {
        var (items, fromLaw) = For(n, c);
        yield return fromLaw ? $"Hồ sơ cần có ({GeneralSourceLabel}):" : "Hồ sơ cần có theo kế hoạch:";
        foreach (var item in items)
            yield return $"{(item.Done ? "✅" : "❌")} {item.Name}{(item.Copies is { } k ? $" ({k:00} bản)" : "")}";
        if (c.Dossier is { } d)
        {
            if (d.CopiesText is not null) yield return $"Số bộ: {d.CopiesText}";
            if (d.SubmitTo is not null) yield return $"Nộp về: {d.SubmitTo}{(d.PortalUrl is null ? "" : $"; trực tuyến: {d.PortalUrl}")}";
        }
    }

    public static int MissingCount(Nomination n, Campaign c) => For(n, c).Items.Count(i => !i.Done);
}
