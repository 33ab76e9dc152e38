using ThiDua.Core.Knowledge;
using ThiDua.Core.Legal;

namespace ThiDua.Core.Nominations;

/// <param name="PreparedElsewhere">The body of another level that prepares it (the Tờ trình of Bộ CHQS tỉnh): not the unit's to send.</param>
public sealed record ChecklistItem(string ComponentId, string Name, int? Copies, bool Done, string? PreparedElsewhere = null);

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

    public static (IReadOnlyList<ChecklistItem> Items, bool FromLaw) For(INominationFacts n, Campaign c)
    {
        var attached = n.AttachedComponents;
        if (c.Dossier is { Components.Count: > 0 } dossier)
            return ([.. dossier.Components
                .Where(x => x.AppliesTo == Beneficiary.Both || n.Beneficiary is null || x.AppliesTo == n.Beneficiary)
                .Select(x => new ChecklistItem(x.Id, x.Name, x.Copies, attached.Contains(x.Id), OtherLevel(x.PreparedBy)))], false);
        return ([.. GeneralComponents.Select(x => new ChecklistItem(x.Id, x.Name, null, attached.Contains(x.Id)))], true);
    }

    /// <summary>Words that say the proposing unit (or its nominee) prepares a component: "cơ quan, đơn vị, địa phương", "tập thể, cá nhân".</summary>
    private static readonly string[] ProposerMarks = ["co quan, don vi, dia phuong", "tap the, ca nhan", "don vi de nghi", "ca nhan", "tap the"];

    private static string? OtherLevel(string? preparedBy) =>
        preparedBy is null || ProposerMarks.Any(Text.VietnameseText.Fold(preparedBy).Contains) ? null : preparedBy;

    public static IEnumerable<string> Lines(Nomination n, Campaign c)
    {
        var (items, fromLaw) = For(n, c);
        yield return fromLaw ? $"Hồ sơ cần có ({GeneralSourceLabel}):" : "Hồ sơ cần có theo kế hoạch:";
        foreach (var item in items)
            yield return item.PreparedElsewhere is { } by && !item.Done
                ? $"↪️ {item.Name} — do {by} lập, không phải hồ sơ đơn vị bạn gửi"
                : $"{(item.Done ? "✅" : "❌")} {item.Name}{(item.Copies is { } k ? $" ({k:00} bản)" : "")}";
        if (c.Dossier is { } d)
        {
            if (d.CopiesText is not null) yield return $"Số bộ: {d.CopiesText}";
            if (d.SubmitTo is not null) yield return $"Nộp về: {d.SubmitTo}{(d.PortalUrl is null ? "" : $"; trực tuyến: {d.PortalUrl}")}";
        }
    }

    /// <summary>What the unit itself still has to send: components another level prepares are not counted.</summary>
    public static IReadOnlyList<ChecklistItem> Missing(INominationFacts n, Campaign c) => [.. For(n, c).Items.Where(i => !i.Done && i.PreparedElsewhere is null)];

    public static int MissingCount(INominationFacts n, Campaign c) => Missing(n, c).Count;
}
