using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Review;

/// <summary>
/// One filter of the reviewer's queue, carried in button data as a short token: "open" (still to decide),
/// "all", "st:UnderReview", "u:&lt;unit key&gt;", "aw:&lt;award id&gt;", "miss" (dossier incomplete).
/// </summary>
public sealed record Filter(string Token)
{
    public static Filter Open { get; } = new("open");
    public static Filter All { get; } = new("all");
    public static Filter Incomplete { get; } = new("miss");

    public static Filter WithStatus(NominationStatus status) => new($"st:{status}");
    public static Filter OfUnit(string unitKey) => new($"u:{KeyRef.To(unitKey)}");
    public static Filter OfAward(string awardId) => new($"aw:{KeyRef.To(awardId)}");

    public static Filter Parse(string? token) => token is null or "" ? Open : new Filter(token);

    public bool Matches(INominationFacts n, Campaign c)
    {
        if (n.Status is NominationStatus.Draft or NominationStatus.Withdrawn) return false;
        return Token switch
        {
            "all" => true,
            "miss" => IsOpen(n) && DossierChecklist.MissingCount(n, c) > 0,
            _ when Token.StartsWith("st:", StringComparison.Ordinal) => n.Status.ToString() == Token[3..],
            _ when Token.StartsWith("u:", StringComparison.Ordinal) => new KeyRef(Token[2..]).Names(n.UnitKey),
            _ when Token.StartsWith("aw:", StringComparison.Ordinal) => new KeyRef(Token[3..]).Names(n.AwardId),
            _ => IsOpen(n),
        };
    }

    public string Describe(Campaign c, BotDatabase db) => Token switch
    {
        "all" => "mọi trạng thái",
        "miss" => "còn thiếu hồ sơ",
        _ when Token.StartsWith("st:", StringComparison.Ordinal) && Enum.TryParse<NominationStatus>(Token[3..], out var s) => StatusFlow.Name(s),
        _ when Token.StartsWith("u:", StringComparison.Ordinal) => "đơn vị " + (db.UnitNamed(new KeyRef(Token[2..]))?.Name ?? Token[2..]),
        _ when Token.StartsWith("aw:", StringComparison.Ordinal) => new KeyRef(Token[3..]).In(c.Awards, a => a.Id)?.Name ?? Token[3..],
        _ => "chưa quyết định",
    };

    private static bool IsOpen(INominationFacts n) => n.Status is NominationStatus.Submitted or NominationStatus.UnderReview or NominationStatus.Returned or NominationStatus.Presented;
}
