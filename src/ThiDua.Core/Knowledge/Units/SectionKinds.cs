using System.Text.RegularExpressions;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>
/// What a plan's own headings say a paragraph is about ("V. HỒ SƠ, THỦ TỤC" → dossier), and what its content shows
/// (a date with "chậm nhất", "trước ngày" is a deadline). Plans name their sections in a handful of ways; these are
/// the field's standard section names, not any one plan's.
/// </summary>
public static partial class SectionKinds
{
    private static readonly (string Folded, QuestionKind Kind)[] HeadingWords =
    [
        ("muc dich", QuestionKind.Purpose), ("yeu cau", QuestionKind.Purpose), ("muc tieu", QuestionKind.Purpose),
        ("thoi gian", QuestionKind.TimeFrame), ("pham vi", QuestionKind.TimeFrame), ("doi tuong", QuestionKind.Criteria),
        ("chu de", QuestionKind.Theme), ("khau hieu", QuestionKind.Theme),
        ("noi dung", QuestionKind.Contents), ("nhiem vu trong tam", QuestionKind.Contents), ("nhiem vu", QuestionKind.Tasks),
        ("chi tieu", QuestionKind.Targets),
        ("tieu chuan", QuestionKind.Criteria), ("tieu chi", QuestionKind.Criteria), ("dieu kien", QuestionKind.Criteria),
        ("hinh thuc khen", QuestionKind.Awards), ("khen thuong", QuestionKind.Awards), ("danh hieu", QuestionKind.Awards),
        ("so luong", QuestionKind.Quotas), ("co cau", QuestionKind.Quotas),
        ("ho so", QuestionKind.Dossier), ("thu tuc", QuestionKind.Submission), ("quy trinh", QuestionKind.Submission),
        ("thoi han", QuestionKind.Deadlines), ("che do bao cao", QuestionKind.Deadlines), ("so ket", QuestionKind.Deadlines),
        ("tong ket", QuestionKind.Deadlines),
        ("to chuc thuc hien", QuestionKind.Responsibilities), ("trach nhiem", QuestionKind.Responsibilities),
        ("phan cong", QuestionKind.Responsibilities),
        ("lien he", QuestionKind.Contacts), ("kinh phi", QuestionKind.Funding), ("can cu", QuestionKind.LegalBasis),
        ("tham dinh", QuestionKind.Appraisal),
    ];

    [GeneratedRegex(@"\b(?:chậm nhất|trước ngày|hạn chót|thời hạn|trước \d|đến hết ngày|hoàn thành (?:trước|trong))", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineWords();

    [GeneratedRegex(@"\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\b|\btháng\s+\d{1,2}\b|\bquý\s+(?:I{1,3}|IV|[1-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();

    [GeneratedRegex(@"\b(?:gửi|nộp)\b[^.;]{0,60}\b(?:về|qua|tại|cho)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SendWords();

    [GeneratedRegex(@"(?:Bằng khen|Giấy khen|Cờ thi đua|Huân chương|Kỷ niệm chương|Chiến sĩ thi đua|lao động tiên tiến|lao động xuất sắc)")]
    private static partial Regex AwardWords();

    [GeneratedRegex(@"(?:gồm|bao gồm)\s*:|\b\d{2}\s+bộ\b|\bbản chính\b|\bbản sao\b|\bTờ trình\b|\bBiên bản\b|\bBáo cáo thành tích\b")]
    private static partial Regex DossierWords();

    [GeneratedRegex(@"\b(?:tiền thưởng|mức thưởng|kinh phí|quỹ thi đua)", RegexOptions.IgnoreCase)]
    private static partial Regex FundingWords();

    [GeneratedRegex(@"\b(?:chủ đề|khẩu hiệu|thông điệp)\s*(?:là|:)?\s*[“""]", RegexOptions.IgnoreCase)]
    private static partial Regex ThemeWords();

    /// <summary>The kinds a paragraph answers: from its headings, nearest first, then from what it contains.</summary>
    public static List<QuestionKind> Of(IReadOnlyList<string> headings, string text)
    {
        var kinds = new List<QuestionKind>();
        foreach (var heading in headings.Reverse())
        {
            var folded = " " + VietnameseText.Fold(heading) + " ";
            foreach (var (words, kind) in HeadingWords)
                if (folded.Contains(" " + words + " ", StringComparison.Ordinal) && !kinds.Contains(kind)) kinds.Add(kind);
        }
        void Add(QuestionKind kind) { if (!kinds.Contains(kind)) kinds.Add(kind); }
        var dated = DateWords().IsMatch(text);
        if (dated && DeadlineWords().IsMatch(text)) Add(QuestionKind.Deadlines);
        if (dated && SendWords().IsMatch(text)) Add(QuestionKind.Deadlines);
        if (SendWords().IsMatch(text)) Add(QuestionKind.Submission);
        if (AwardWords().IsMatch(text)) Add(QuestionKind.Awards);
        if (DossierWords().IsMatch(text)) Add(QuestionKind.Dossier);
        if (FundingWords().IsMatch(text)) Add(QuestionKind.Funding);
        if (ThemeWords().IsMatch(text)) Add(QuestionKind.Theme);
        return kinds;
    }
}
