using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Review;

/// <summary>
/// Which status changes are allowed, and to whom; each change is kept in the nomination's history and the
/// submitting officer is told in chat (with the reason when it is returned).
/// </summary>
public static class StatusFlow
{
    private static readonly Dictionary<NominationStatus, NominationStatus[]> ByReviewer = new()
    {
        [NominationStatus.Submitted] = [NominationStatus.UnderReview, NominationStatus.Returned],
        [NominationStatus.UnderReview] = [NominationStatus.Presented, NominationStatus.Returned],
        [NominationStatus.Presented] = [NominationStatus.Awarded, NominationStatus.NotAwarded],
    };

    public static bool ReviewerMay(NominationStatus from, NominationStatus to) => ByReviewer.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<NominationStatus> ReviewerNext(NominationStatus from) => ByReviewer.TryGetValue(from, out var next) ? next : [];

    /// <summary>The officer edits a draft, or one returned to them.</summary>
    public static bool OfficerMayEdit(NominationStatus s) => s is NominationStatus.Draft or NominationStatus.Returned;

    /// <summary>Withdrawing is possible until the nomination is presented for decision.</summary>
    public static bool OfficerMayWithdraw(NominationStatus s) => s is NominationStatus.Draft or NominationStatus.Submitted or NominationStatus.UnderReview or NominationStatus.Returned;

    /// <summary>Records the change and says whom to tell: the owner, unless the owner is the one acting.</summary>
    public static PushedMessage? Change(Nomination n, NominationStatus to, Actor by, DateTime now, string? note = null)
    {
        var from = n.Status;
        n.History.Add(new StatusChange { At = now, ByKey = by.Key, ByName = by.Profile?.Name, From = from, To = to, Note = note });
        n.Status = to;
        n.UpdatedAt = now;
        if (to == NominationStatus.Submitted) n.SubmittedAt = now;
        if (to == NominationStatus.Returned) n.ReturnReason = note;
        if (by.Keys.Contains(n.OwnerKey) || AccessPolicy.AddressOf(n.OwnerKey) is not var (channel, chatId))
            return null;
        var text = $"📋 Đề nghị {n.Code} ({n.NomineeName}): {Name(from)} → {Name(to)}"
            + (to == NominationStatus.Returned ? $".\nLý do trả lại: {note}\nBạn sửa rồi nộp lại (mở đề nghị: /cuatoi)." : ".")
            + (to == NominationStatus.Awarded && n.DecisionNumber is not null ? $"\nQuyết định số {n.DecisionNumber}{(n.DecisionDate is { } d ? $" ngày {Text.VietnameseDates.Format(d)}" : "")}." : "");
        return new PushedMessage(channel, chatId, new Reply(text) { Buttons = [[new OfficerPress.Act(NominationAction.Open, n.Id).Button($"Mở {n.Code}")]] });
    }

    /// <summary>The status a text names by its English name ("UnderReview"), as buttons, forms and links carry it; never by its number.</summary>
    public static NominationStatus? Parse(string? text) =>
        text is { Length: > 0 } && !char.IsDigit(text[0]) && Enum.TryParse<NominationStatus>(text, out var status) && Enum.IsDefined(status) ? status : null;

    public static string Name(NominationStatus status) => status switch
    {
        NominationStatus.Draft => "nháp",
        NominationStatus.Submitted => "đã nộp",
        NominationStatus.UnderReview => "đang thẩm định",
        NominationStatus.Returned => "trả lại",
        NominationStatus.Presented => "đã trình",
        NominationStatus.Awarded => "đã khen",
        NominationStatus.NotAwarded => "không khen",
        _ => "đã rút",
    };
}
