using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks;

/// <summary>What the web desk is measured on: 100,000 submitted nominations of the Lào Cai plan from 1,000 units.</summary>
internal static class DeskNominations
{
    public const int Stored = 100_000, Units = 1_000;

    /// <param name="ownerPrefix">The channel part of the owners' keys ("bench", "script").</param>
    public static IEnumerable<Nomination> Make(DateTime now, string ownerPrefix) => Enumerable.Range(0, Stored).Select(i => new Nomination
    {
        Code = $"LC-2024-{i + 1:000000}",
        OwnerKey = $"{ownerPrefix}:o{i % Units}",
        CampaignId = "lao-cai-217",
        PhaseId = "dot-1",
        Beneficiary = Beneficiary.Individual,
        AwardId = "bk-ct-tinh",
        NomineeName = $"Nguyễn Văn {i}",
        NameKey = VietnameseText.Fold($"Nguyễn Văn {i}"),
        ProposingUnit = $"Đơn vị {i % Units}",
        UnitKey = VietnameseText.Fold($"Đơn vị {i % Units}"),
        Status = NominationStatus.Submitted,
        CreatedAt = now,
        UpdatedAt = now,
        SubmittedAt = now.AddSeconds(-i),
    });
}
