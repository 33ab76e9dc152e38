namespace ThiDua.Core.Tests.Scans;

/// <summary>The look each seed plan's scanned copy has, the same in the xunit floor and the accuracy benchmark.</summary>
public static class ScannedSeeds
{
    /// <summary>Tilts between 0.5° and 1.3°, a different speckle per plan; the first plan's second page upside down (the orientation check).</summary>
    public static ScanLook Look(string plan) => new(Tilt: 0.5 + (Math.Abs(StableHash(plan)) % 5) * 0.2, Seed: StableHash(plan));

    public static List<byte[]> Pages(string plan, string text) => PlanScanner.Pages(text, Look(plan));

    private static int StableHash(string s) => s.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
