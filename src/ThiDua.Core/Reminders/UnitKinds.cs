using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Reminders;

/// <summary>The kind of unit an officer works in, read from the unit's name ("UBND xã Bản Vược" → commune).</summary>
public static class UnitKinds
{
    private static readonly (string Prefix, UnitKind Kind)[] Prefixes =
    [
        ("bo chi huy quan su", UnitKind.ArmedForces), ("ban chi huy quan su", UnitKind.ArmedForces), ("cong an", UnitKind.ArmedForces),
        ("ubnd xa", UnitKind.Commune), ("ubnd phuong", UnitKind.Commune), ("ubnd thi tran", UnitKind.Commune),
        ("uy ban nhan dan xa", UnitKind.Commune), ("uy ban nhan dan phuong", UnitKind.Commune), ("xa ", UnitKind.Commune), ("phuong ", UnitKind.Commune),
        ("ubnd huyen", UnitKind.District), ("ubnd quan", UnitKind.District), ("ubnd thi xa", UnitKind.District), ("ubnd thanh pho", UnitKind.District),
        ("so ", UnitKind.Department), ("ban ", UnitKind.Department), ("phong ", UnitKind.Office),
        ("truong ", UnitKind.School), ("cong ty", UnitKind.Enterprise), ("doanh nghiep", UnitKind.Enterprise), ("hop tac xa", UnitKind.Enterprise),
        ("thon ", UnitKind.Village), ("to dan pho", UnitKind.Village), ("khu pho", UnitKind.Village),
    ];

    public static UnitKind? FromUnitName(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        var folded = VietnameseText.Fold(unit).Replace("uy ban nhan dan", "ubnd", StringComparison.Ordinal) + " ";
        foreach (var (prefix, kind) in Prefixes)
            if (folded.StartsWith(prefix, StringComparison.Ordinal)) return kind;
        return null;
    }

    /// <summary>An obligation concerns a unit kind when it is addressed to all or to that kind (unknown kinds get everything).</summary>
    public static bool Concerns(Deadline deadline, UnitKind? kind) =>
        kind is null || deadline.Audience.Contains(UnitKind.All) || deadline.Audience.Contains(kind.Value);
}
