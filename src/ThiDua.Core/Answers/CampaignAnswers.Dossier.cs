using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

public static partial class CampaignAnswers
{
    private static bool Dossier(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        if (c.Dossier is not { } d) return false;
        b.Title("Hồ sơ đề nghị khen thưởng", QuestionKind.Dossier);
        // "mấy bộ": the number of copies is the answer, before the list of components.
        var counted = AsksCopies(r) ? CopySentences(r) : [];
        // "hồ sơ công nhận thôn văn hóa mấy bộ" where the plan counts copies only for Giấy khen and Bằng khen.
        var copiesLabel = "Số bộ";
        if (AsksCopies(r) && UncountedDossier(r) is { } uncounted)
        {
            b.Line($"Kế hoạch không nêu số bộ cho hồ sơ này. Về hồ sơ đó, kế hoạch ghi: “{TextFit.Shorten(Import.PlanSections.WithoutMark(uncounted.Unit.Text), 260)}”", uncounted.Unit.Section);
            copiesLabel = "Số bộ kế hoạch nêu cho các hồ sơ khác";
        }
        else if (AsksCopies(r) && UncountedForm(r) is { } form)
        {
            b.Line($"Kế hoạch không nêu số bộ cho hồ sơ đề nghị {form.Name}.", d.Section);
            copiesLabel = "Số bộ kế hoạch nêu cho các hồ sơ khác";
        }
        // A count per award form ("Bằng khen … (01 bộ)", "Thủ tướng … : 03 bộ") is in the sentences, not in one figure.
        if (counted.Count > 1 || counted.Count == 1 && d.CopiesText is null)
            foreach (var hit in counted) b.Line($"{copiesLabel} — kế hoạch ghi: “{TextFit.Shorten(Import.PlanSections.WithoutMark(hit.Unit.Text), 260)}”", hit.Unit.Section);
        else if (d.CopiesText is not null) b.Line($"{copiesLabel}: {d.CopiesText}", d.Section);
        else if (AsksCopies(r) && d.Components.All(x => x.Copies is null) && !TextCountsCopies(r))
            b.Line("Kế hoạch không nêu số bộ hồ sơ phải nộp. Các thành phần hồ sơ kế hoạch nêu:", d.Section);
        foreach (var part in d.Components.Where(x => r.Beneficiary is null || x.AppliesTo == Beneficiary.Both || x.AppliesTo == r.Beneficiary))
        {
            var copies = part.Copies is { } n ? $" ({n:00} bản)" : "";
            var by = part.PreparedBy is null ? "" : $" — {part.PreparedBy}";
            b.Bullet($"{part.Name}{copies}{by}", part.Section, part);
        }
        b.Cite(d.Section);
        if (d.SubmitTo is not null) b.Line($"Nộp về: {d.SubmitTo}");
        if (d.PortalUrl is not null) b.Line($"Nộp trực tuyến: {d.PortalUrl}");
        SubmissionDeadlines(b, c, r.Today, 2);
        return true;
    }

    private static bool AsksCopies(AnswerRequest r) => r.Mentions("may bo") || r.Mentions("bao nhieu bo") || r.Mentions("so bo") || r.Mentions("may ban");

    /// <summary>
    /// The plan's sentences that count copies, those that hold the question's words (the award form asked about) first;
    /// two at most, as a question may ask two forms ("hồ sơ Bằng khen mấy bộ, hồ sơ Giấy khen mấy bộ").
    /// </summary>
    private static List<UnitHit> CopySentences(AnswerRequest r)
    {
        if (r.Units is null || r.Question is null) return [];
        var terms = r.Question.ContentTerms.Concat(r.Question.Words.Where(w => w is not ("may" or "bo" or "ban" or "bao" or "nhieu"))).Distinct(StringComparer.Ordinal).ToList();
        var hits = r.Units.Search(terms, r.Campaign, keep: CountsCopies, take: 2);
        return hits.Count > 0 ? hits : [.. r.Units.UnitsOf(r.Campaign).Where(CountsCopies).Take(2).Select(u => new UnitHit(u, 0, 0, new HashSet<string>()))];
    }

    /// <summary>
    /// The plan's sentence on the dossier the question names, when no sentence of the plan that counts copies speaks
    /// of it: the words that name it ("công nhận thôn, bản văn hóa") weigh as much as a sure match and none of them
    /// is in any copy count. Null when the question names no dossier beyond the plan and the copies.
    /// </summary>
    private static UnitHit? UncountedDossier(AnswerRequest r)
    {
        if (r.Units is not { } units || r.Question is not { } q) return null;
        // The plan's own sentences: a record's summary joins several of them (the dossier's notes) and would hold every word.
        var counting = units.UnitsOf(r.Campaign).Where(CountsCopies).ToList();
        if (counting.Count == 0) return null;
        var title = AskedKinds.NameTerms(units, r.Campaign);
        var terms = q.ContentTerms.Where(t => !title.Contains(t) && units.PlanHas(r.Campaign, t)).Distinct(StringComparer.Ordinal).ToList();
        var counted = counting.SelectMany(u => units.TermsOf(u.Text)).ToHashSet(StringComparer.Ordinal);
        var about = units.Search(terms, r.Campaign, keep: u => u.IsParagraph && !CopyCount().IsMatch(u.Text) && VietnameseText.Fold(u.Text).Contains("ho so", StringComparison.Ordinal), take: 1).FirstOrDefault();
        if (about is null) return null;
        var uncounted = about.Matched.Where(t => !counted.Contains(t)).Sum(units.Weight);
        return uncounted >= AskedKinds.SureMatch && uncounted >= 0.5 * terms.Sum(units.Weight) ? about : null;
    }

    /// <summary>
    /// The award form the question names, when the plan counts copies form by form ("Hồ sơ đề nghị Bằng khen …: 01 bộ")
    /// and no count names that form. A count that names no form is for every dossier: then null.
    /// </summary>
    private static AwardForms.Form? UncountedForm(AnswerRequest r)
    {
        if (r.Units is not { } units || r.Question is not { } q || AwardForms.Mentioned(q.Words) is not { } form) return null;
        var counts = units.UnitsOf(r.Campaign).Where(CountsCopies).Select(u => VietnameseText.Words(u.Text)).ToList();
        if (counts.Count == 0 || counts.Any(words => AwardForms.Mentioned(words) is null)) return null;
        return counts.Any(words => WordSequence.Contains(words, form.Kind)) ? null : form;
    }

    /// <summary>A sentence of the plan that counts copies ("02 bộ bản chính"); a record's summary joins several sentences and is not one.</summary>
    private static bool CountsCopies(AnswerUnit u) => u.IsParagraph && CopyCount().IsMatch(u.Text);

    /// <summary>Said only after the plan's own sentences were searched: none gives a count of copies ("02 bộ", "03 bản").</summary>
    private static bool TextCountsCopies(AnswerRequest r) =>
        r.Units is not null && r.Units.UnitsOf(r.Campaign).Any(u => CopyCount().IsMatch(u.Text));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}\s*(?:bộ|bản)\b(?!\s+(?:kế hoạch|hướng dẫn|quy định))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CopyCount();

    private static bool Submission(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var receiving = c.Bodies.Where(x => x.Role == BodyRole.Receiving && (c.Dossier?.SubmitTo is null || !SameText(x.Name, c.Dossier.SubmitTo))).ToList();
        var due = SubmissionDeadlineList(c);
        if (c.Dossier is null && receiving.Count == 0 && due.Count == 0) return false;
        b.Title("Nơi nộp, cách nộp hồ sơ", QuestionKind.Submission);
        // "báo cáo … gửi về đâu": a report often goes elsewhere than the dossier; where it goes is the answer.
        var reports = r.Mentions("bao cao") ? due.Where(x => x.Kind == DeadlineKind.Report && !string.IsNullOrWhiteSpace(x.SendTo)).ToList() : [];
        foreach (var to in reports.Select(x => x.SendTo!).Distinct(StringComparer.Ordinal))
            b.Line($"Báo cáo gửi: {to} ({string.Join("; ", reports.Where(x => x.SendTo == to).Select(x => $"{x.Title} — {x.Wording}"))})", reports[0].Section);
        // "địa chỉ … để nộp": said absent only once no sentence of the plan gives a street address.
        if (r.Mentions("dia chi") && r.Units is not null && !r.Units.UnitsOf(c).Any(u => StreetAddress().IsMatch(u.Text)))
            b.Line($"Kế hoạch không nêu địa chỉ nơi nhận hồ sơ{(c.Dossier?.SubmitTo is { } to ? $"; chỉ ghi nơi nhận: {to}" : "")}.", c.Dossier?.Section);
        if (c.Dossier is { } d)
        {
            b.Cite(d.Section);
            if (d.SubmitTo is not null) b.Line($"Nộp về: {d.SubmitTo}");
            if (d.Formats.Count > 0) b.Line("Hình thức: " + string.Join(", ", d.Formats.Select(FormatName)) + (d.CopiesText is null ? "" : $" ({d.CopiesText})"));
            if (d.PortalUrl is not null) b.Line($"Cổng dịch vụ công: {d.PortalUrl}");
            foreach (var note in d.Notes) b.Bullet(note);
        }
        foreach (var body in receiving) b.Bullet($"Tiếp nhận: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section, body);
        SubmissionDeadlines(b, c, r.Today, 3);
        return true;
    }

    /// <summary>"số 18 đường Nha Trang", "Địa chỉ: …", "số 5 phố …": a street address as plans write it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[Ss]ố|[Ss]ố nhà)\s+\d+[\w/]*,?\s+(?:đường|phố|ngõ|ngách|hẻm)\b|\b[Đđ]ịa chỉ\s*:")]
    private static partial System.Text.RegularExpressions.Regex StreetAddress();

    private static List<Deadline> SubmissionDeadlineList(Campaign c) =>
        [.. c.Deadlines.Where(x => x.Kind is DeadlineKind.Submission or DeadlineKind.Report or DeadlineKind.UnitPlan).OrderBy(x => x.DueDate)];

    /// <summary>Adds the plan's submission, report and unit-plan deadlines; returns how many.</summary>
    private static int SubmissionDeadlines(AnswerBuilder b, Campaign c, DateOnly today, int max)
    {
        var due = SubmissionDeadlineList(c).Take(max).ToList();
        foreach (var x in due)
            b.Bullet($"Hạn: {x.Title} — {x.Wording} ({DueStatus(x, today)}){(string.IsNullOrWhiteSpace(x.SendTo) ? "" : $"; gửi: {x.SendTo}")}", x.Section, x);
        return due.Count;
    }

    private static bool Appraisal(AnswerBuilder b)
    {
        var c = b.Campaign;
        var bodies = c.Bodies.Where(x => x.Role is BodyRole.Appraising or BodyRole.Deciding).ToList();
        var duties = c.Responsibilities.SelectMany(resp => resp.Duties.Where(x => VietnameseText.Fold(x).Contains("tham dinh", StringComparison.Ordinal)).Select(x => (resp, x))).ToList();
        if (bodies.Count == 0 && duties.Count == 0) return false;
        b.Title("Thẩm định, xét duyệt", QuestionKind.Appraisal);
        foreach (var body in bodies)
        {
            var role = body.Role == BodyRole.Appraising ? "Thẩm định" : "Quyết định khen thưởng";
            b.Bullet($"{role}: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section, body);
        }
        foreach (var (resp, duty) in duties) b.Bullet($"{resp.Who}: {duty}", resp.Section, resp);
        return true;
    }

    private static string FormatName(SubmissionFormat f) => f switch
    {
        SubmissionFormat.Paper => "bản giấy",
        SubmissionFormat.Electronic => "bản điện tử",
        _ => "trực tuyến trên cổng dịch vụ công",
    };

    private static bool SameText(string a, string b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);
}
