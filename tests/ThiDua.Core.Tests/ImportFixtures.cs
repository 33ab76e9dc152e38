using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>Short plans as real ones are written: a header and the sections a test is about.</summary>
internal static class ImportFixtures
{
    /// <summary>The header of a provincial plan of 2025, as most plans print it.</summary>
    public const string SonLaHeader = """
        ỦY BAN NHÂN DÂN
        TỈNH SƠN LA
        Số: 01/KH-UBND
        Sơn La, ngày 02 tháng 01 năm 2025
        KẾ HOẠCH
        Triển khai công tác thi đua, khen thưởng năm 2025
        Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
        Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025 như sau:

        """;

    public static ImportDraft Import(string body, string header = SonLaHeader) => PlanImporter.Import(header + body);

    public static Campaign Plan(string body, string header = SonLaHeader) => Import(body, header).Campaign;

    public static bool Flagged(this ImportDraft draft, string field) => draft.Flags.Any(f => f.Field.StartsWith(field, StringComparison.Ordinal));
}
