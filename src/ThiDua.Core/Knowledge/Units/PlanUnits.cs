using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>Every answer unit of one plan: each structured fact of its record, then each paragraph of its text.</summary>
public static class PlanUnits
{
    /// <summary>Paragraphs longer than this are split into sentences, so a match points at the sentence that says it.</summary>
    private const int MaxParagraph = 450;

    public static List<AnswerUnit> Build(Campaign c, string? planText)
    {
        var units = new List<AnswerUnit>();
        void Fact(QuestionKind kind, string text, string section, object fact, params QuestionKind[] more)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            units.Add(new AnswerUnit { Campaign = c, Kinds = [kind, .. more], Text = text, Section = section, Fact = fact });
        }

        var d = c.Document;
        Fact(QuestionKind.Issuance, $"{KnowledgeBase.PlanName(c)}{(d.Signer is null ? "" : $"; người ký: {d.SignerTitle} {d.Signer}")}", "Phần mở đầu", d);
        Fact(QuestionKind.Overview, d.Title, "Phần mở đầu", c);
        Fact(QuestionKind.TimeFrame, $"Thời gian thi đua {VietnameseDates.Format(c.Period.Start)} – {VietnameseDates.Format(c.Period.End)}", c.Period.Section, c.Period);
        foreach (var p in c.Phases)
            Fact(QuestionKind.TimeFrame, $"{p.Name}: {VietnameseDates.Format(p.Start)} – {VietnameseDates.Format(p.End)} {p.Theme} {p.Closing}", p.Section, p);
        foreach (var t in c.Themes) Fact(QuestionKind.Theme, t.Text, t.Section, t);
        foreach (var t in c.Purposes) Fact(QuestionKind.Purpose, t.Text, t.Section, t);
        foreach (var t in c.Requirements) Fact(QuestionKind.Purpose, t.Text, t.Section, t);
        foreach (var a in c.Anniversaries)
            units.Add(new AnswerUnit
            {
                Campaign = c,
                Kinds = [QuestionKind.Anniversaries],
                Section = a.Section,
                Fact = a,
                Keywords = string.Join(' ', a.Keywords),
                Text = a.Described,
            });
        foreach (var l in c.LegalBases) Fact(QuestionKind.LegalBasis, l.Text, l.Section, l);
        foreach (var x in c.Contents) Fact(QuestionKind.Contents, $"{x.Title} {x.Text}", x.Section, x);
        // A task with its executor, a deadline with its recipient, an award with its decider also answer "who" and "where to".
        foreach (var t in c.Tasks)
            Fact(QuestionKind.Tasks, $"{t.Period}: {t.Text} {t.Responsible}", t.Section, t, t.Responsible is null ? [] : [QuestionKind.Responsibilities]);
        foreach (var t in c.Targets) Fact(QuestionKind.Targets, t.Text, t.Section, t);
        foreach (var x in c.Criteria)
        {
            var award = c.Awards.FirstOrDefault(a => a.Id == x.AwardId)?.Name;
            Fact(QuestionKind.Criteria, $"Tiêu chuẩn {Beneficiaries(x.AppliesTo)} {award}: {string.Join("; ", x.Items)}", x.Section, x);
        }
        foreach (var a in c.Awards) Fact(QuestionKind.Awards, a.Describe(), a.Section, a, QuestionKind.Appraisal);
        // A limit from a table row ("Sở Y tế: 02 tập thể, 04 cá nhân") is found by its award's name too, which is over the table.
        foreach (var q in c.Quotas)
            units.Add(new AnswerUnit { Campaign = c, Kinds = [QuestionKind.Quotas], Text = q.Text, Section = q.Section, Fact = q, Keywords = c.Awards.FirstOrDefault(a => a.Id == q.AwardId)?.Name });
        if (c.Dossier is { } dossier)
        {
            foreach (var part in dossier.Components) Fact(QuestionKind.Dossier, $"Hồ sơ: {part.Name} {part.PreparedBy}", part.Section, part);
            var how = string.Join(". ", new[] { dossier.CopiesText, dossier.SubmitTo is null ? null : "Nộp về " + dossier.SubmitTo, dossier.PortalUrl }.Concat(dossier.Notes)
                .OfType<string>().Select(s => s.TrimEnd('.', ' ')));
            Fact(QuestionKind.Submission, how, dossier.Section, dossier, QuestionKind.Dossier);
        }
        foreach (var x in c.Deadlines)
            Fact(QuestionKind.Deadlines, $"{x.Title}: {x.Wording}. {x.Who} {x.SendTo}", x.Section, x, x.SendTo is null ? [] : [QuestionKind.Submission]);
        foreach (var b in c.Bodies.Where(b => b.Role != BodyRole.Issuer))
        {
            var kind = b.Role switch
            {
                BodyRole.Appraising or BodyRole.Deciding => QuestionKind.Appraisal,
                BodyRole.Receiving => QuestionKind.Submission,
                _ => QuestionKind.Responsibilities,
            };
            Fact(kind, $"{b.Name} {b.Note}", b.Section, b);
        }
        foreach (var r in c.Responsibilities) Fact(QuestionKind.Responsibilities, $"{r.Who}: {string.Join("; ", r.Duties)}", r.Section, r);
        foreach (var x in c.Contacts) Fact(QuestionKind.Contacts, $"{x.Name} {x.Role} {x.Phone} {x.Email}", x.Section, x);

        if (planText is null) return units;
        var leadIns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in TableRows.Arrange(PlanOutline.Read(planText)))
        {
            // A heading that is a sentence leading into its list ("1. Các thôn, bản … được chia thành 04 cụm thi đua:")
            // says a fact of its own, which no line under it repeats. (A line's own label is in its text already.)
            for (var i = 0; i < p.Headings.Count; i++)
            {
                var heading = p.Headings[i];
                if (!IsLeadIn(heading) || p.Text.Contains(heading, StringComparison.Ordinal) || !leadIns.Add(heading)) continue;
                var above = p.Headings.Take(i).ToList();
                units.Add(new AnswerUnit
                {
                    Campaign = c,
                    Kinds = SectionKinds.Of(above, heading),
                    Text = heading,
                    Section = p.Section.Contains('.', StringComparison.Ordinal) ? p.Section[..p.Section.LastIndexOf('.')] : p.Section,
                    Headings = string.Join(" › ", above),
                });
            }
            foreach (var sentence in Sentences(p.Text))
                units.Add(new AnswerUnit
                {
                    Campaign = c,
                    Kinds = SectionKinds.Of(p.Headings, sentence),
                    Text = sentence,
                    Section = p.Section,
                    Headings = p.HeadingPath,
                });
        }
        return units;
    }

    /// <summary>Eight words or more and a number: a sentence standing as a heading, not a topic's name.</summary>
    /// <summary>A sentence of eight words or more with a number, or a label with a number after it ("Số lượng: 520 đại biểu, gồm").</summary>
    private static bool IsLeadIn(string heading) =>
        heading.Any(char.IsDigit) && (VietnameseText.Words(heading).Take(8).Count() == 8
            || heading.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && heading.AsSpan(colon).IndexOfAnyInRange('0', '9') >= 0);

    private static string Beneficiaries(Beneficiary b) => b switch
    {
        Beneficiary.Collective => "tập thể",
        Beneficiary.Individual => "cá nhân",
        _ => "tập thể, cá nhân",
    };

    /// <summary>A long paragraph as its sentences (split after ". " or "; " before a capital), each a unit of its own.</summary>
    internal static IEnumerable<string> Sentences(string paragraph)
    {
        if (paragraph.Length <= MaxParagraph)
        {
            yield return paragraph;
            yield break;
        }
        var start = 0;
        for (var i = 1; i < paragraph.Length - 2; i++)
        {
            if (paragraph[i] is not ('.' or ';') || paragraph[i + 1] != ' ' || !char.IsUpper(paragraph[i + 2]) && paragraph[i + 2] != '“') continue;
            if (i + 1 - start < 60) continue;
            yield return paragraph[start..(i + 1)].Trim();
            start = i + 2;
        }
        if (start < paragraph.Length) yield return paragraph[start..].Trim();
    }
}
