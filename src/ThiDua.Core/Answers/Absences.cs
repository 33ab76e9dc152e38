using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// What a plan does not say, said honestly. A negative is a claim too: it is made only after the plan's own text was
/// searched for it, and it comes with the closest thing the plan does say (labelled) and, where the law answers,
/// the law with its article. A phase that does not exist, an award form the plan never names, a detail the plan's
/// facts lack but its sentences state (quoted), or nothing at all.
/// </summary>
internal static partial class Absences
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\d[\d.,]*\s*(?:đồng|triệu|nghìn|lần mức lương)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Amount();

    /// <summary>A sentence of the plan counts as saying something on the question when it holds this share of it.</summary>
    private const double SentenceCoverage = 0.3;
    /// <summary>A unit is put over the answer's list only when it holds at least this share of the question.</summary>
    private const double MinimumHighlight = 0.5;
    /// <summary>A sentence is put over the facts when it holds the question this much better than any of them.</summary>
    private const double CloserBy = 0.1;
    private const int MaxQuotes = 3;
    /// <summary>A sentence holding all of one of a kind's own phrases ("chủ đề", "khẩu hiệu") speaks of that kind.</summary>
    private const double WholePhrase = 0.99;

    /// <summary>Lines that must come before the answer: what the question names that the plan does not have.</summary>
    public static void Lead(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        if (r.PhaseNumber is { } n && r.Phase is null && r.Skip == 0 && !(c.Phases.Count == 0 && CampaignAnswers.PhaseSentences(r).Count > 0))
            b.Line(c.Phases.Count == 0
                ? $"Kế hoạch không có đợt {n}: kế hoạch không chia thành các đợt ({VietnameseDates.Format(c.Period)})."
                : $"Kế hoạch không có đợt {n}: kế hoạch chỉ có {c.Phases.Count} đợt ({string.Join("; ", c.Phases.Select(p => $"{p.Name}: {VietnameseDates.Format(p.Start)} – {VietnameseDates.Format(p.End)}"))}).", c.Phases.FirstOrDefault()?.Section);
        if (r.Question is { } q && AwardForms.Mentioned(q.Words) is { } form && AwardForms.Offered(c, form).Count == 0 && !TextNames(r, form))
        {
            var offered = c.Awards.Count == 0 ? "kế hoạch không nêu hình thức cụ thể" : "kế hoạch chỉ có: " + string.Join("; ", c.Awards.Select(a => a.Name));
            // "Khen thưởng theo thẩm quyền của Chủ tịch UBND phường" names no form, but by law that authority gives giấy khen.
            var byAuthority = form.Kind is ["giay", "khen"] && c.Awards.Any(a => VietnameseText.Fold(a.Name).Contains("theo tham quyen", StringComparison.Ordinal))
                ? " Kế hoạch không ghi tên giấy khen, nhưng theo Điều 80 Luật Thi đua, khen thưởng, khen thưởng theo thẩm quyền của Chủ tịch UBND cấp xã, thủ trưởng cơ quan, đơn vị gồm giấy khen."
                : "";
            b.Line($"Kế hoạch không nêu {form.Name}; {offered}.{byAuthority}", c.Awards.FirstOrDefault()?.Section);
        }
    }

    /// <summary>True when a sentence of the plan names the form (kind and issuer words together).</summary>
    private static bool TextNames(AnswerRequest r, AwardForms.Form form)
    {
        if (r.Units is null) return false;
        var terms = r.Units.TermsOf(string.Join(' ', form.Kind.Concat(form.Issuer?.Where(w => w != "cua") ?? [])));
        return r.Units.Search(terms, r.Campaign, u => u.IsParagraph, 1) is [var top] && top.Coverage >= 0.99;
    }

    /// <summary>The plan's record has nothing of the kind: its own sentences, else one line that it does not say, the law, the closest.</summary>
    public static void Unstated(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        var quotes = SentencesOn(r).ToList();
        b.Title(Title(r.Kind), r.Kind);
        // Sentences on funding that name no sum do not say how much: that is still not stated.
        var saysAmount = r.Kind != QuestionKind.Funding || quotes.Any(h => Amount().IsMatch(h.Unit.Text));
        if (quotes.Count > 0 && saysAmount)
        {
            // "quỹ … tổng cộng bao nhiêu tiền" where the sentence on the fund names no sum, other sentences prizes'.
            b.Line(r.Kind != QuestionKind.Funding || Amount().IsMatch(quotes[0].Unit.Text)
                ? "Kế hoạch ghi:" : "Kế hoạch không nêu số tiền cho điều bạn hỏi. Về tiền, kế hoạch ghi:");
            foreach (var hit in quotes) b.Bullet($"“{hit.Unit.Text}”", hit.Unit.Section);
            return;
        }
        // "tặng bao nhiêu cá nhân" where the record has no quota but a sentence gives "78 cá nhân": that sentence.
        if (r.Kind != QuestionKind.Funding && Counted.Units(r) is { Count: > 0 } counts)
        {
            b.Line("Kế hoạch ghi:");
            foreach (var hit in counts) b.Bullet(Quoted(hit, r), hit.Unit.Section);
            return;
        }
        if (quotes.Count > 0)
        {
            b.Line($"{NotStated(r.Kind, c)} Về kinh phí, kế hoạch ghi:");
            foreach (var hit in quotes) b.Bullet($"“{hit.Unit.Text}”", hit.Unit.Section);
            Law(b, r);
            return;
        }
        // No section of that kind, but a sentence holds what the question is about ("chú trọng khen thưởng những
        // đối tượng nào" in a plan with no criteria list): said as it stands, after saying there is no such section.
        if (r.Kind != QuestionKind.Funding && HoldsContent(r) is { } about)
        {
            b.Line($"{NotStated(r.Kind, c).Split(';')[0].TrimEnd('.')}; về điều bạn hỏi, kế hoạch ghi:");
            b.Bullet($"“{Snippet(about, r)}”", about.Unit.Section);
            return;
        }
        b.Line(NotStated(r.Kind, c));
        Law(b, r);
        Closest(b, r);
    }

    /// <summary>The sentence of the plan that holds most of the question's own words (beside its cues), if it holds enough.</summary>
    private static UnitHit? HoldsContent(AnswerRequest r)
    {
        if (r.Units is null || r.Question is null) return null;
        var content = r.Question.ContentTerms.Distinct(StringComparer.Ordinal).ToList();
        if (content.Count == 0) return null;
        var units = r.Units;
        return units.Search(content, r.Campaign, u => u.IsParagraph, 1) is [var top]
            && top.Coverage >= MinimumHighlight && top.Matched.Sum(units.Weight) >= SureContent ? top : null;
    }

    /// <summary>The rarity two fairly rare terms add up to: what a sentence must hold of the question to speak of it.</summary>
    private const double SureContent = 8;

    /// <summary>
    /// Over the facts: what holds the question's own words best, when the list would bury it. A fact of another kind
    /// ("Sở GD&ĐT chủ trì …" from the task table, asked as "đơn vị nào chủ trì") or the plan's sentence, which
    /// says it in full where the record only summarises it.
    /// </summary>
    public static void AddCloserSentence(AnswerBuilder b, AnswerRequest r)
    {
        // Who decides the award form the question names ("giấy khen … ai xét, quyết định") is the line that answers it.
        if (r.Kind == QuestionKind.Appraisal && r.Question is { } q && AwardForms.Mentioned(q.Words) is { } form
            && AwardForms.Offered(r.Campaign, form) is [var award])
        {
            b.Highlight("• " + award.Describe(), award.Section);
            return;
        }
        var facts = r.Ask.Focus.Where(h => !h.Unit.IsParagraph).ToList();
        var bestFact = facts.Select(h => h.Coverage).DefaultIfEmpty(0).Max();
        // Over the list only for words that say something: "hồ sơ" alone is held by half the plan's sentences.
        var sentence = r.Ask.Paragraphs.FirstOrDefault(h => h.Coverage >= MinimumHighlight && h.Coverage >= bestFact + CloserBy
            && (r.Units is null || h.Matched.Sum(r.Units.Weight) >= SureContent));
        // A record this kind's list does not show but that answers it too (a task with its executor, asked "việc nào
        // do Sở GD&ĐT chủ trì"): its line goes over the list.
        var other = facts.FirstOrDefault(h => h.Coverage >= MinimumHighlight && h.Unit.Kind != r.Kind && h.Unit.Kinds.Contains(r.Kind) && h.Coverage >= bestFact - CloserBy);
        if (sentence is not null) b.Highlight($"Kế hoạch ghi: “{Snippet(sentence, r)}”", sentence.Unit.Section);
        else if (other is not null) b.Highlight($"• {other.Unit.Text}", other.Unit.Section);
    }

    /// <summary>
    /// No kind asked, a sentence of the plan holds the question ("có nói đến bình đẳng giới không?"): the sentence
    /// is the answer, quoted and cited; a yes-or-no question gets its "Có" first.
    /// </summary>
    public static bool Quote(AnswerBuilder b, AnswerRequest r)
    {
        // "chia bao nhiêu cụm": a sentence that gives a number of them ("04 cụm thi đua") answers before those that only name them.
        var counted = Counted.Word(r);
        var quotes = r.Ask.Paragraphs.Where(h => h.Coverage >= MinimumHighlight).Take(4)
            .OrderByDescending(h => counted is not null && Counted.Gives(h.Unit.Text, counted)).Take(2).ToList();
        if (quotes.Count == 0) return false;
        b.Title("Kế hoạch ghi", QuestionKind.None);
        // "bế mạc ngày nào" where the plan gives only "dự kiến quý III": no day is said, and that is the answer's first line.
        if (r.Asks.Count <= 1 && AsksDay(r) && (!quotes.Any(h => DayDate().IsMatch(h.Unit.Text)) || VagueDate().IsMatch(quotes[0].Unit.Text)))
            b.Line(VietnameseText.Fold(quotes[0].Unit.Text).Contains("du kien", StringComparison.Ordinal)
                ? "Kế hoạch không nêu ngày cụ thể, chỉ ghi thời gian dự kiến:" : "Kế hoạch không nêu ngày cụ thể. Câu gần nhất kế hoạch ghi:");
        // "hỗ trợ tiền ăn, đi lại bao nhiêu" where the plan says only "theo quy định hiện hành".
        else if (r.Asks.Count <= 1 && (counted is not null || r.Mentions("bao nhieu")) && !quotes.Any(h => Import.PlanSections.WithoutMark(h.Unit.Text).Any(char.IsDigit)))
            b.Line("Kế hoạch không nêu con số cụ thể. Câu gần nhất kế hoạch ghi:");
        else if (r.Question?.IsYesNo == true) b.Line("Có. Kế hoạch ghi:");
        foreach (var hit in quotes) b.Bullet(Quoted(hit, r), hit.Unit.Section);
        return true;
    }

    internal static bool AsksDay(AnswerRequest r) => r.Mentions("ngay nao") || r.Mentions("ngay may") || r.Mentions("hom nao");

    /// <summary>"(dự kiến tổ chức trong quý III/2026)": a time the plan only foresees, to the quarter or month.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"dự kiến[^.;()\d]{0,30}?(?:quý|tháng|năm)\s+[IVX\d]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex VagueDate();

    /// <summary>A date to the day: "27/3/2026", "ngày 15 tháng 11".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}/\d{1,2}\b|\bngày\s+\d{1,2}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    internal static partial System.Text.RegularExpressions.Regex DayDate();

    /// <summary>A unit as an answer's line: a sentence quoted, a fact of the record as it stands.</summary>
    public static string Shown(UnitHit hit, AnswerRequest r) => hit.Unit.IsParagraph ? "Kế hoạch ghi: " + Quoted(hit, r) : "• " + hit.Unit.Text;

    /// <summary>A sentence in quotes, after the heading it stands under when that names who ("Công chức Văn hóa – Xã hội: “…”").</summary>
    private static string Quoted(UnitHit hit, AnswerRequest r)
    {
        var heading = hit.Unit.Headings.Split(" › ").LastOrDefault() ?? "";
        var quote = $"“{Snippet(hit, r)}”";
        return heading.Length is > 0 and < 90 && !hit.Unit.Text.Contains(heading, StringComparison.OrdinalIgnoreCase) && hit.Unit.Headings.Contains(" › ", StringComparison.Ordinal)
            ? $"{heading}: {quote}" : quote;
    }

    /// <summary>The part of a long sentence that holds the question's words: from the phrase where most of them are.</summary>
    private static string Snippet(UnitHit hit, AnswerRequest r)
    {
        var text = hit.Unit.Text;
        if (text.Length <= SnippetLength || r.Units is null) return text;
        var pieces = text.Split([';', '.', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var units = r.Units;
        var best = pieces.Select((p, i) => (i, Held: units.TermsOf(p).Where(hit.Matched.Contains).Distinct().Sum(units.Weight))).MaxBy(x => x.Held).i;
        var start = text.IndexOf(pieces[best], StringComparison.Ordinal);
        return (start > 0 ? "… " : "") + TextFit.Shorten(text[start..], SnippetLength);
    }

    /// <summary>A quote longer than this is cut to the clause that answers.</summary>
    private const int SnippetLength = 360;

    /// <summary>The plan's sentences on the kind: those the question's words found, else those under the kind's own headings.</summary>
    private static IEnumerable<UnitHit> SentencesOn(AnswerRequest r)
    {
        // A sum asked ("ấp xếp thứ hai được thưởng bao nhiêu") is said where the plan says it, under whatever heading.
        var sums = r.Kind == QuestionKind.Funding ? SumSaid(r) : [];
        var found = sums.Concat(r.Ask.Paragraphs.Where(h => h.Coverage >= SentenceCoverage && h.Unit.Kinds.Contains(r.Kind))).DistinctBy(h => h.Unit).Take(MaxQuotes).ToList();
        if (found.Count > 0 || r.Units is null) return found;
        // Not found by the question's words: look for the kind's own words anywhere in the text before saying the
        // plan is silent ("với chủ đề: “…”" sits under "Thời gian", not under a heading of its own).
        // Only sentences the plan itself places under that kind (by their headings or their form: a quoted slogan)
        // count: "tiêu chí thi đua" in a paragraph on requirements is not a list of criteria.
        var units = r.Units;
        return KindWords(r.Kind)
            .SelectMany(phrase => units.Search(units.TermsOf(phrase), r.Campaign, u => u.IsParagraph && u.Kinds.Contains(r.Kind), MaxQuotes)
                .Where(h => h.Coverage >= WholePhrase))
            .DistinctBy(h => h.Unit).OrderByDescending(h => h.Score).Take(MaxQuotes);
    }

    /// <summary>The plan's sentence that names a sum and holds most of the question's own words, if one does.</summary>
    private static IEnumerable<UnitHit> SumSaid(AnswerRequest r)
    {
        if (r.Units is not { } units || r.Question is not { } q) return [];
        var title = AskedKinds.NameTerms(units, r.Campaign);
        var terms = q.Clauses.SelectMany(c => c.ContentTerms).Where(t => !title.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        return units.Search(terms, r.Campaign, u => u.IsParagraph && Amount().IsMatch(u.Text), 1)
            .Where(h => h.Coverage >= MinimumHighlight && h.Matched.Sum(units.Weight) >= SureContent);
    }

    /// <summary>The words a plan uses for the kind in its own text (what is searched before saying it is silent).</summary>
    private static string[] KindWords(QuestionKind kind) => kind switch
    {
        QuestionKind.Criteria => ["tiêu chuẩn", "tiêu chí", "điều kiện"],
        QuestionKind.Awards => ["hình thức khen thưởng", "bằng khen", "giấy khen"],
        QuestionKind.Quotas => ["số lượng khen", "không quá", "tối đa"],
        QuestionKind.Dossier => ["hồ sơ gồm", "hồ sơ đề nghị", "thành phần hồ sơ"],
        QuestionKind.Submission => ["nộp hồ sơ", "gửi hồ sơ", "nộp về"],
        QuestionKind.Appraisal => ["thẩm định"],
        QuestionKind.Deadlines => ["chậm nhất", "trước ngày", "thời hạn"],
        QuestionKind.Responsibilities => ["tổ chức thực hiện", "trách nhiệm", "chủ trì"],
        QuestionKind.Contacts => ["liên hệ", "điện thoại"],
        QuestionKind.Funding => ["kinh phí", "tiền thưởng", "quỹ thi đua", "mức thưởng"],
        QuestionKind.Theme => ["chủ đề", "khẩu hiệu"],
        QuestionKind.Purpose => ["mục đích", "yêu cầu"],
        QuestionKind.Contents => ["nội dung thi đua"],
        QuestionKind.Targets => ["chỉ tiêu"],
        QuestionKind.LegalBasis => ["căn cứ"],
        _ => [],
    };

    private static string Title(QuestionKind kind) => kind switch
    {
        QuestionKind.Theme => "Chủ đề, khẩu hiệu",
        QuestionKind.Purpose => "Mục đích, yêu cầu",
        QuestionKind.Anniversaries => "Các ngày kỷ niệm",
        QuestionKind.LegalBasis => "Căn cứ pháp lý",
        QuestionKind.Criteria => "Tiêu chuẩn khen thưởng",
        QuestionKind.Awards => "Hình thức khen thưởng",
        QuestionKind.Quotas => "Số lượng khen thưởng",
        QuestionKind.Dossier => "Hồ sơ đề nghị khen thưởng",
        QuestionKind.Submission => "Nơi nộp, cách nộp hồ sơ",
        QuestionKind.Appraisal => "Thẩm định, xét duyệt",
        QuestionKind.Deadlines => "Các mốc thời hạn",
        QuestionKind.Responsibilities => "Phân công tổ chức thực hiện",
        QuestionKind.Contacts => "Liên hệ",
        QuestionKind.Contents => "Nội dung thi đua",
        QuestionKind.Targets => "Chỉ tiêu thi đua",
        QuestionKind.Funding => "Tiền thưởng, kinh phí",
        _ => "Kế hoạch",
    };

    private static string NotStated(QuestionKind kind, Campaign c) => kind switch
    {
        QuestionKind.Theme => $"Kế hoạch không nêu chủ đề hay khẩu hiệu riêng. Tên kế hoạch: {TextFit.Shorten(c.Document.Title, 300)}",
        QuestionKind.Purpose => "Kế hoạch không có mục riêng về mục đích, yêu cầu.",
        QuestionKind.Anniversaries => "Kế hoạch không gắn với ngày kỷ niệm cụ thể.",
        QuestionKind.LegalBasis => "Kế hoạch không nêu văn bản căn cứ.",
        QuestionKind.Criteria => "Kế hoạch không nêu tiêu chuẩn khen thưởng riêng; áp dụng tiêu chuẩn chung theo Luật Thi đua, khen thưởng và văn bản hướng dẫn.",
        QuestionKind.Awards => "Kế hoạch không nêu hình thức khen thưởng cụ thể.",
        QuestionKind.Quotas => "Kế hoạch không nêu số lượng khen thưởng tối đa (không giới hạn bằng con số cụ thể).",
        QuestionKind.Dossier => "Kế hoạch không nêu thành phần hồ sơ đề nghị khen thưởng (không liệt kê giấy tờ, số bộ); hồ sơ lập theo quy định chung của pháp luật.",
        QuestionKind.Submission => "Kế hoạch không nêu nơi nộp, cách nộp hồ sơ.",
        QuestionKind.Appraisal => "Kế hoạch không nêu rõ cơ quan thẩm định.",
        QuestionKind.Deadlines => "Kế hoạch không nêu thời hạn cụ thể.",
        QuestionKind.Responsibilities => "Kế hoạch không có mục phân công riêng.",
        QuestionKind.Contacts => "Kế hoạch không nêu người hay số điện thoại liên hệ.",
        QuestionKind.Contents => "Kế hoạch không nêu nội dung thi đua riêng.",
        QuestionKind.Targets => "Kế hoạch không đặt chỉ tiêu thi đua bằng con số.",
        QuestionKind.Funding => "Kế hoạch không nêu mức tiền thưởng hay kinh phí khen thưởng.",
        _ => "Kế hoạch không nêu nội dung này.",
    };

    /// <summary>Where the law answers what the plan leaves open: labelled as the law, with its article.</summary>
    private static void Law(AnswerBuilder b, AnswerRequest r)
    {
        var ruleId = r.Kind switch
        {
            QuestionKind.Dossier => Legal.LegalKnowledge.DossierRuleId,
            QuestionKind.Funding => Legal.LegalKnowledge.PrizeMoneyRuleId,
            _ => null,
        };
        var rule = ruleId is null ? null : r.Legal.Rule(ruleId, r.Today);
        // The question's own words may name a rule, but only on kinds the law answers (not a theme, not a date).
        if (rule is null && r.Kind is QuestionKind.Criteria or QuestionKind.Awards or QuestionKind.Dossier or QuestionKind.Submission or QuestionKind.Funding or QuestionKind.Appraisal
            && r.Question is { } q && r.Legal.MatchRule(q.Words, r.Today) is { } matched) rule = matched.Rule;
        // The article first: a long rule is shortened from its end, never losing where it comes from.
        if (rule is not null)
            b.Line($"Quy định chung (của luật, không phải của kế hoạch): theo {rule.Source.Article}, {rule.Source.Document} — {rule.Text}");
    }

    /// <summary>The closest thing the plan does say, labelled as such.</summary>
    private static void Closest(AnswerBuilder b, AnswerRequest r)
    {
        var c = r.Campaign;
        switch (r.Kind)
        {
            case QuestionKind.Funding or QuestionKind.Quotas when c.Awards.Count > 0:
                b.Line("Kế hoạch chỉ nêu hình thức khen thưởng: " + string.Join("; ", c.Awards.Select(a => a.Name)), c.Awards[0].Section);
                break;
            case QuestionKind.Dossier or QuestionKind.Submission or QuestionKind.Contacts or QuestionKind.Appraisal:
                foreach (var body in c.Bodies.Where(x => x.Role is BodyRole.Receiving or BodyRole.Appraising or BodyRole.Lead).DistinctBy(x => x.Name).Take(2))
                    b.Bullet($"Đầu mối theo kế hoạch: {body.Name}{(body.Note is null ? "" : " – " + body.Note)}", body.Section);
                break;
            case QuestionKind.Deadlines:
                b.Line($"Thời gian thi đua: {VietnameseDates.Format(c.Period)}.", c.Period.Section);
                break;
        }
    }
}
