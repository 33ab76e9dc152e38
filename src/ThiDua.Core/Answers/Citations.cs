using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// A document the question names by its number that the plan cites ("Chỉ thị 34-CT/TW … ban hành ngày nào",
/// "Kế hoạch 1663/KH-UBND mà KH 1023 nhắc tới"): what the plan says of it leads the answer, its entry among the
/// plan's grounds (number, date, issuer, subject) where it has one, else the sentence that cites it.
/// </summary>
internal static class Citations
{
    public static IReadOnlyList<UnitHit> Named(AnswerRequest r)
    {
        if (r.Question is not { } q || r.Units is not { } units) return [];
        var own = r.Campaign.Document.Number is { Length: > 0 } n ? DocumentReferences.NumberOf(n) : null;
        var found = new List<UnitHit>();
        foreach (var word in q.Words.Where(DocumentReferences.IsReference).Concat(q.PlanNumbers).Distinct(StringComparer.Ordinal))
        {
            if (DocumentReferences.NumberOf(word) == own) continue;
            if (Of(units, r.Campaign, word) is { } hit) found.Add(hit);
        }
        return found;
    }

    /// <summary>What the plan says of the document numbered so (a reference or its bare number), or null when it never names it.</summary>
    public static UnitHit? Of(UnitIndex units, Knowledge.Campaign campaign, string reference)
    {
        if (DocumentReferences.NumberOf(reference) is not { } number) return null;
        var terms = new List<string> { reference };
        DocumentReferences.AddShortForms(reference, terms);
        // The number as a document's ("1663/KH-UBND", "34-CT/TW"), not any "34" of the text.
        var hits = units.Search(terms, campaign, take: 5).Where(h => DocumentReferences.Cites(h.Unit.Text, number)).ToList();
        // A fact of the plan's grounds says it with its date and issuer; a sentence only as it happens to cite it.
        return hits.FirstOrDefault(h => h.Unit.Kind == Questions.QuestionKind.LegalBasis && !h.Unit.IsParagraph) ?? hits.FirstOrDefault(h => h.Unit.IsParagraph);
    }
}
