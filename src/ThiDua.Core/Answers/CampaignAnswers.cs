using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// Builds the answer to what a question asks of one plan: each kind it asks, in the question's order, from the
/// plan's facts; where the facts are silent, from the plan's own sentences; where those are silent too, a one-line
/// "the plan does not say", then the closest thing it does say, and the law where the law answers. Nothing here
/// knows any question's wording.
/// </summary>
public static partial class CampaignAnswers
{
    /// <summary>More than two notes would crowd out the answer itself.</summary>
    private const int MaxLegalNotes = 2;

    public static Reply Answer(AnswerRequest request)
    {
        var b = new AnswerBuilder(request.Campaign, request.Skip);
        var asks = request.Asks.Count > 0 ? request.Asks : [Ask.Of(request.Kind)];
        Absences.Lead(b, request);
        foreach (var ask in asks)
        {
            var r = request with { Kind = ask.Kind, Ask = ask };
            b.Asking(ask);
            if (!Render(b, r)) Absences.Unstated(b, r);
            else Absences.AddCloserSentence(b, r);
        }
        var showsStatus = asks.Any(a => a.Kind is QuestionKind.TimeFrame or QuestionKind.Overview or QuestionKind.Deadlines or QuestionKind.NextDeadlines);
        if (!showsStatus && request.Campaign.Period.End < request.Today)
            b.Note($"Lưu ý: kế hoạch này đã kết thúc ngày {VietnameseDates.Format(request.Campaign.Period.End)}.");
        foreach (var note in request.Legal.NotesFor(b.Content, request.Today).Take(MaxLegalNotes)) b.Note("Lưu ý: " + note);
        FollowUps(b, request with { Kind = asks[0].Kind, Ask = asks[0] });
        Button More(QuestionKind kind, int from) => QuestionPress.Ask("Xem tiếp", kind, request.Campaign, request.PhaseNumber, request.Beneficiary, from);
        var reply = b.Build(More);
        var leads = Citations.Named(request).Concat(Counted.Leads(request, reply.Text)).Where(h => !reply.Text.Contains(h.Unit.Text, StringComparison.Ordinal))
            .Concat(Evidence.Unshown(request, reply.Text)).DistinctBy(h => h.Unit).Take(Evidence.MaxLeads).ToList();
        if (leads.Count == 0) return reply;
        foreach (var lead in Enumerable.Reverse(leads)) b.Lead(Absences.Shown(lead, request), lead.Unit.Section);
        return b.Build(More);
    }

    /// <summary>
    /// The same question answered for each of two or three plans, one after the other, each cut to its share of the
    /// screen at a line, each with its own citation.
    /// </summary>
    public static Conversations.Reply SideBySide(IReadOnlyList<AnswerRequest> requests)
    {
        var share = AnswerBuilder.MaxLength / requests.Count - 10;
        var parts = requests.Select(r =>
        {
            var lines = Answer(r).Text.Split('\n').Where(l => !l.StartsWith("… và", StringComparison.Ordinal)).ToList();
            var citation = lines[^1];
            var body = new List<string>();
            foreach (var line in lines.Take(lines.Count - 1))
            {
                if (body.Sum(l => l.Length + 1) + line.Length + citation.Length + 1 > share) break;
                body.Add(line);
            }
            return string.Join('\n', body.Append(citation));
        });
        var buttons = requests.Select(r => QuestionPress.Ask(r.Campaign.ShortName, r.Kind, r.Campaign, r.PhaseNumber, r.Beneficiary)).ToList();
        return new Conversations.Reply(string.Join("\n\n", parts)) { Buttons = AnswerBuilder.ButtonRows(buttons) };
    }

    /// <summary>What one plan's record says of a kind, in one line; null when it says nothing of it.</summary>
    /// <param name="ask">The kind with the plan's units the question points at, so the line shown is the one it asks about.</param>
    public static string? Summary(Campaign campaign, QuestionKind kind, DateOnly today, IReadOnlyList<string>? words = null, Ask? ask = null)
    {
        var b = new AnswerBuilder(campaign);
        return Render(b, new AnswerRequest(campaign, kind, today, Words: words) { Ask = ask ?? Ask.Of(kind) }) ? b.FirstStatement : null;
    }

    /// <summary>Renders one kind from the plan's facts; false when the plan's record holds none of that kind.</summary>
    private static bool Render(AnswerBuilder b, AnswerRequest r) => r.Kind switch
    {
        QuestionKind.TimeFrame => TimeFrame(b, r),
        QuestionKind.Theme => Theme(b, r),
        QuestionKind.Purpose => Purpose(b),
        QuestionKind.Anniversaries => Anniversaries(b, r),
        QuestionKind.LegalBasis => LegalBasis(b, r),
        QuestionKind.Criteria => Criteria(b, r),
        QuestionKind.Awards => Awards(b, r),
        QuestionKind.Quotas => Quotas(b, r),
        QuestionKind.Dossier => Dossier(b, r),
        QuestionKind.Submission => Submission(b, r),
        QuestionKind.Appraisal => Appraisal(b),
        QuestionKind.Deadlines => Deadlines(b, r),
        QuestionKind.NextDeadlines => NextDeadlines(b, r),
        QuestionKind.Tasks => Tasks(b, r),
        QuestionKind.Responsibilities => Responsibilities(b, r),
        QuestionKind.Contacts => Contacts(b),
        QuestionKind.Contents => Contents(b, r),
        QuestionKind.Targets => Targets(b, r),
        QuestionKind.Issuance => Issuance(b, r),
        QuestionKind.Funding => false,
        QuestionKind.None => Absences.Quote(b, r) || Overview(b, r),
        _ => Overview(b, r),
    };

    private static bool Overview(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        b.Title("Tóm tắt kế hoạch", QuestionKind.Overview);
        b.Line(TextFit.Shorten(c.Document.Title, 220));
        var signer = c.Document.Signer is null ? "" : $"; ký: {SignerName(c.Document)}";
        b.Line($"Ban hành: {KnowledgeBase.PlanName(c)}{signer}.", "Phần mở đầu");
        foreach (var theme in c.Themes.Where(t => t.PhaseId is null).Take(1)) b.Line($"Chủ đề: {theme.Text}", theme.Section);
        PeriodLine(b, c, r.Today);
        foreach (var p in c.Phases) b.Bullet($"{p.Name}: {Range(p.Start, p.End)}{(p.Theme is null ? "" : $" – “{p.Theme}”")}", p.Section, p);
        if (c.Phases.Count == 0) NoPhases(b, r);
        if (c.Awards.Count > 0) b.Line("Khen thưởng: " + string.Join("; ", c.Awards.Select(a => a.Name)), c.Awards[0].Section);
        return true;
    }

    /// <summary>Number, date, issuer and signer: the line the question asks for comes first.</summary>
    private static bool Issuance(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var d = c.Document;
        b.Title("Số, ngày ban hành, người ký", QuestionKind.Issuance);
        var number = d.Number is { Length: > 0 } n ? $"Số: {n}" : "Số: văn bản không ghi số (“Số: …/KH-UBND” để trống)";
        var date = d.IssuedOn is { } on ? $"Ngày ban hành: {VietnameseDates.Format(on)}"
            : d.IssuedMonth is { } month ? $"Ngày ban hành: văn bản chỉ ghi tháng {int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture)}/{month[..4]}, không ghi ngày"
            : d.IssuedYear is { } year ? $"Ngày ban hành: văn bản chỉ ghi năm {year}, không ghi ngày, tháng" : "Ngày ban hành: văn bản không ghi";
        var signer = d.Signer is null ? "Người ký: văn bản không ghi" : $"Người ký: {SignerName(d)}";
        var lines = new List<(string Text, double Weight)>
        {
            (number, r.Ask.Focus.Count == 0 ? 0 : Asked(r, "so")),
            (date, Asked(r, "ngay", "thang", "khi")),
            (signer, Asked(r, "ky")),
            ($"Cơ quan ban hành: {d.Issuer}", Asked(r, "co quan", "cap nao", "ai ban hanh")),
        };
        foreach (var (text, _) in lines.OrderByDescending(l => l.Weight)) b.Line(text, "Phần mở đầu");
        b.Line($"Tên: {TextFit.Shorten(d.Title, 200)}");
        return true;
    }

    /// <summary>How strongly the question's own words ask for a line (1 when one of the words is there).</summary>
    private static double Asked(AnswerRequest r, params string[] folded) =>
        r.Words is { } words && folded.Any(f => (" " + string.Join(' ', words) + " ").Contains(" " + f + " ", StringComparison.Ordinal)) ? 1 : 0;

    private static string SignerName(PlanDocument d) =>
        d.SignerTitle is { Length: > 0 } title ? $"{d.Signer} ({title})" : d.Signer ?? "";

    private static bool TimeFrame(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        if (r.Phase is { } phase)
        {
            b.Title($"Thời gian {phase.Name}", QuestionKind.TimeFrame);
            // "chia mấy giai đoạn, giai đoạn 2 kết thúc khi nào": the count is asked besides the one phase.
            if (Asked(r, "may dot", "bao nhieu dot", "may giai doan", "bao nhieu giai doan", "chia") > 0)
                b.Line($"Kế hoạch chia {c.Phases.Count} {PhaseWord(c)}: {string.Join("; ", c.Phases.Select(p => $"{p.Name} ({Range(p.Start, p.End, p.EndEstimatedFrom)})"))}.", phase.Section);
            b.Line($"{phase.Name}: {Range(phase.Start, phase.End, phase.EndEstimatedFrom)} — {VietnameseDates.PeriodStatus(phase.Start, phase.End, r.Today)}.", phase.Section);
            Told(b, phase.Wording, phase.EndEstimatedFrom);
            if (phase.Theme is not null) b.Line($"Chủ đề: “{phase.Theme}”");
            if (phase.Closing is not null) b.Line(phase.Closing);
            return true;
        }
        b.Title("Thời gian thi đua", QuestionKind.TimeFrame);
        PeriodLine(b, c, r.Today);
        if (c.Phases.Count == 0) NoPhases(b, r);
        else if (c.Phases.Count > 1) b.Line($"Kế hoạch có {c.Phases.Count} {PhaseWord(c)}:");
        foreach (var p in c.Phases)
            b.Bullet($"{p.Name}: {Range(p.Start, p.End, p.EndEstimatedFrom)} ({VietnameseDates.PeriodStatus(p.Start, p.End, r.Today)}){(p.Wording is null ? "" : $"; kế hoạch ghi: {p.Wording}")}{(p.Closing is null ? "" : ". " + p.Closing)}", p.Section, p);
        foreach (var d in c.Deadlines.Where(d => d.Kind is DeadlineKind.MidTermReview or DeadlineKind.FinalReview).OrderBy(d => d.DueDate))
            b.Bullet($"{d.Title}: {d.Wording}", d.Section, d);
        return true;
    }

    /// <summary>
    /// A record without phases: "không chia thành các đợt" only when the text names none either; when it does (the
    /// importer missed them), those sentences as the plan says them.
    /// </summary>
    private static void NoPhases(AnswerBuilder b, AnswerRequest r)
    {
        var told = PhaseSentences(r);
        if (told.Count == 0)
        {
            b.Line("Kế hoạch không chia thành các đợt.");
            return;
        }
        b.Line("Các đợt, theo câu chữ của kế hoạch:");
        foreach (var hit in told) b.Bullet($"“{hit.Text}”", hit.Section);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-–•+]\s*)?(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Đợt|Giai đoạn|ĐỢT|GIAI ĐOẠN)\s+(?:\d|I|II|III|IV|một|hai|ba)\b")]
    private static partial System.Text.RegularExpressions.Regex PhaseSentence();

    /// <summary>The plan's sentences that open with a phase ("Đợt 1: từ …"): up to three.</summary>
    internal static List<Knowledge.Units.AnswerUnit> PhaseSentences(AnswerRequest r) =>
        r.Units is null ? [] : [.. r.Units.UnitsOf(r.Campaign).Where(u => u.IsParagraph && PhaseSentence().IsMatch(u.Text)).Take(3)];

    /// <summary>What the plan calls its phases: "giai đoạn" when it names them so, else "đợt".</summary>
    private static string PhaseWord(Campaign c) =>
        c.Phases.Count > 0 && c.Phases.All(p => VietnameseText.Fold(p.Name).StartsWith("giai doan", StringComparison.Ordinal)) ? "giai đoạn" : "đợt";

    private static void PeriodLine(AnswerBuilder b, Campaign c, DateOnly today)
    {
        b.Line($"Thời gian: {VietnameseDates.Format(c.Period)} — {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)}.", c.Period.Section);
        Told(b, c.Period.Wording, c.Period.EndEstimatedFrom);
    }

    /// <summary>A time the plan gives in words, or without an end, is said as the plan says it: an estimate is never passed off as a date.</summary>
    private static void Told(AnswerBuilder b, string? wording, string? estimatedFrom)
    {
        if (wording is not null) b.Line($"Kế hoạch ghi thời gian: {wording}.");
        if (estimatedFrom is not null) b.Line($"Kế hoạch không ghi ngày kết thúc; ngày kết thúc trên là ước tính ({estimatedFrom}).");
    }

    private static bool Theme(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var themes = c.Themes.Where(t => r.Phase is null || t.PhaseId is null || t.PhaseId == r.Phase.Id).ToList();
        if (themes.Count == 0) return false;
        b.Title("Chủ đề, khẩu hiệu", QuestionKind.Theme);
        foreach (var t in themes)
        {
            var phase = c.Phases.FirstOrDefault(p => p.Id == t.PhaseId);
            b.Bullet(phase is null ? $"“{t.Text}”" : $"{phase.Name}: “{t.Text}”", t.Section, t);
        }
        return true;
    }

    private static bool Purpose(AnswerBuilder b)
    {
        var c = b.Campaign;
        if (c.Purposes.Count + c.Requirements.Count == 0) return false;
        b.Title("Mục đích, yêu cầu", QuestionKind.Purpose);
        // The item the question's words point at first, wherever it stands.
        var pointed = c.Purposes.Concat(c.Requirements).Where(p => b.FocusOf(p) >= 0.4).OrderByDescending(b.FocusOf).Take(1).ToList();
        foreach (var p in pointed) b.Highlight(p.Text, p.Section);
        foreach (var p in c.Purposes.Except(pointed)) b.Bullet(p.Text, p.Section, p);
        if (c.Requirements.Except(pointed).Any()) b.Line("Yêu cầu:");
        foreach (var p in c.Requirements.Except(pointed)) b.Bullet(p.Text, p.Section, p);
        return true;
    }

    private static bool Anniversaries(AnswerBuilder b, AnswerRequest r) => ListAnswer(b, r, "Các ngày kỷ niệm được chào mừng",
        b.Campaign.Anniversaries.Select(a => (a.Described, a.Section, (object)a)));

    private static bool LegalBasis(AnswerBuilder b, AnswerRequest r) =>
        ListAnswer(b, r, "Căn cứ pháp lý", b.Campaign.LegalBases.Select(l => (l.Text, l.Section, (object)l)));

    /// <summary>A titled list of the plan's items, those the question names first; false (nothing written) when there are none.</summary>
    private static bool ListAnswer(AnswerBuilder b, AnswerRequest r, string title, IEnumerable<(string Text, string Section, object Fact)> items)
    {
        var list = items.OrderByDescending(i => r.Ask.Score(i.Fact)).ToList();
        if (list.Count == 0) return false;
        b.Title(title, r.Kind);
        foreach (var (text, section, fact) in list) b.Bullet(text, section, fact);
        return true;
    }

    private static string Range(DateOnly start, DateOnly end, string? endEstimatedFrom = null) =>
        $"{VietnameseDates.Format(start)} – {VietnameseDates.Format(end)}{(endEstimatedFrom is null ? "" : " (ước tính)")}";
}
