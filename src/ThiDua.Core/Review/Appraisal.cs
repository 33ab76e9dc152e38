using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Review;

/// <summary>A reviewer's step on a nomination: the status it moves to, and what that status needs (a reason, a decision).</summary>
public sealed record AppraisalStep(NominationStatus To, string? Note = null, string? DecisionNumber = null, DateOnly? DecisionDate = null);

/// <summary>What came of a step: done (with the notice for the submitting officer) or refused, and why, in Vietnamese.</summary>
public sealed record AppraisalOutcome(bool Done, string Message, PushedMessage? Notice = null);

/// <summary>
/// Moving a nomination through the review, whatever the screen (chat buttons, the web desk): the same checks —
/// a reviewer of the plan, a nomination submitted at least once, nobody appraising what they or their unit
/// proposed, only the moves <see cref="StatusFlow"/> allows, a reason to return, a decision to award — and one
/// way to record the change, its history, and the notice to the officer.
/// </summary>
public sealed class Appraisal(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    public const string NotReviewer = "Chức năng này dành cho cán bộ thẩm định (Ban Thi đua – Khen thưởng). Nếu bạn là cán bộ thẩm định, xin mã mời từ quản trị viên.";
    public const string OutOfScope = "Không mở được đề nghị này (không có, chưa nộp, hoặc ngoài phạm vi thẩm định của bạn).";
    public const int MinReasonLength = 5;

    /// <summary>The nomination if this reviewer may appraise it: submitted at least once, of a plan they cover. A draft never submitted is its unit's own: to a reviewer it does not exist.</summary>
    public static bool MayOpen(KnowledgeBase kb, Actor actor, Nomination n) =>
        actor.IsReviewer && kb.Find(n.CampaignId ?? "") is { } c && AccessPolicy.Covers(actor, c) && AccessPolicy.WasSubmitted(n);

    public AppraisalOutcome Take(KnowledgeBase kb, Actor actor, Nomination n, AppraisalStep step)
    {
        var action = $"thẩm định {n.Code} → {step.To}";
        if (!actor.IsReviewer) return Refused(actor, action, NotReviewer);
        if (!MayOpen(kb, actor, n)) return Refused(actor, action, OutOfScope);
        if (access.ConflictOfInterest(actor, n) is { } conflict)
            return Refused(actor, action, ConflictMessage(n, conflict));
        if (!StatusFlow.ReviewerMay(n.Status, step.To))
            return new AppraisalOutcome(false, $"Đề nghị {n.Code} đang “{StatusFlow.Name(n.Status)}”: không chuyển sang “{StatusFlow.Name(step.To)}” được.");
        if (step.To == NominationStatus.Returned && (step.Note?.Trim().Length ?? 0) < MinReasonLength)
            return new AppraisalOutcome(false, "Lý do trả lại cần rõ hơn (ít nhất vài chữ): người đề nghị sẽ nhận được lý do này.");
        if (step.To == NominationStatus.Awarded && (string.IsNullOrWhiteSpace(step.DecisionNumber) || step.DecisionDate is null))
            return new AppraisalOutcome(false, "Cần số và ngày quyết định khen thưởng, ví dụ 1234/QĐ-UBND ngày 20/12/2024.");
        var from = n.Status;
        return new AppraisalOutcome(true, $"Đã chuyển {n.Code}: {StatusFlow.Name(from)} → {StatusFlow.Name(step.To)}.", Apply(actor, n, step));
    }

    /// <summary>Why this reviewer does not appraise or decide this nomination (<see cref="AccessPolicy.ConflictOfInterest"/>), as every screen says it.</summary>
    public static string ConflictMessage(Nomination n, string conflict) =>
        $"Bạn không thẩm định, quyết định được đề nghị {n.Code}: {conflict}. Việc này do cán bộ thẩm định khác làm.";

    /// <summary>Records a step already checked: the decision, the history, the file synced; the notice for the officer, if anyone is to be told.</summary>
    public PushedMessage? Apply(Actor actor, Nomination n, AppraisalStep step)
    {
        if (step.To == NominationStatus.Awarded)
        {
            n.DecisionNumber = step.DecisionNumber?.Trim();
            n.DecisionDate = step.DecisionDate;
        }
        var note = step.To == NominationStatus.Awarded && step.Note is null && n.DecisionDate is { } d
            ? $"Quyết định {n.DecisionNumber} ngày {Text.VietnameseDates.Format(d)}"
            : step.Note?.Trim();
        var notice = StatusFlow.Change(n, step.To, actor, clock.TimeProvider.GetUtcNow().UtcDateTime, note);
        db.Nominations.Update(n);
        db.SyncToDisk();
        return notice;
    }

    private AppraisalOutcome Refused(Actor actor, string action, string why) => new(false, access.Refuse(actor, action, why).Text);
}
