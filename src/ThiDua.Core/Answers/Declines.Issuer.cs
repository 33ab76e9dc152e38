using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

public static partial class Declines
{
    /// <summary>A province's departments as questions write them (folded), longest first, with their names.</summary>
    private static readonly (string[] Words, string Name)[] Departments = [.. new (string, string)[]
    {
        ("giao duc va dao tao", "Sở Giáo dục và Đào tạo"), ("giao duc", "Sở Giáo dục và Đào tạo"), ("gddt", "Sở Giáo dục và Đào tạo"),
        ("y te", "Sở Y tế"), ("tai chinh", "Sở Tài chính"), ("xay dung", "Sở Xây dựng"), ("cong thuong", "Sở Công Thương"),
        ("nong nghiep va moi truong", "Sở Nông nghiệp và Môi trường"), ("nong nghiep", "Sở Nông nghiệp và Môi trường"),
        ("khoa hoc va cong nghe", "Sở Khoa học và Công nghệ"), ("khoa hoc", "Sở Khoa học và Công nghệ"),
        ("van hoa the thao va du lich", "Sở Văn hóa, Thể thao và Du lịch"), ("van hoa", "Sở Văn hóa, Thể thao và Du lịch"),
        ("tu phap", "Sở Tư pháp"), ("ngoai vu", "Sở Ngoại vụ"), ("dan toc va ton giao", "Sở Dân tộc và Tôn giáo"),
        ("noi vu", "Sở Nội vụ"), ("tai nguyen va moi truong", "Sở Tài nguyên và Môi trường"),
        ("giao thong van tai", "Sở Giao thông vận tải"), ("thong tin va truyen thong", "Sở Thông tin và Truyền thông"),
        ("lao dong thuong binh va xa hoi", "Sở Lao động - Thương binh và Xã hội"),
    }.Select(d => (d.Item1.Split(' '), d.Item2)).OrderByDescending(d => d.Item1.Length)];

    /// <summary>How far (in words) before "của sở X" "kế hoạch" may stand for the plan to be read as that department's.</summary>
    private const int PlanWordReach = 6;

    /// <summary>
    /// "kh tđkt của Sở Y tế Ninh Bình", "Sở Y tế Ninh Bình kh … hạn khi nào": a plan asked as a department's that no
    /// loaded plan is issued by. Answering from the province's other plan (its Sở GD&amp;ĐT's) would be a wrong plan
    /// said confidently. A department named as where to send ("nộp về Sở Nội vụ") or as a plan's task holder is no
    /// such question: only "kế hoạch" owned by it ("kế hoạch của sở X", "sở X kế hoạch") makes the plan its own.
    /// </summary>
    private static Reply? IssuerNotLoaded(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        if (q.PlanNumbers.Count > 0) return null;
        var w = q.Words;
        for (var i = 0; i + 1 < w.Count; i++)
        {
            if (w[i] != "so" || Departments.FirstOrDefault(d => WordSequence.StartsAt(w, i + 1, d.Words)) is not { Words: not null } department) continue;
            if (!OwnsPlan(q, i, i + 1 + department.Words.Length)) continue;
            var folded = VietnameseText.Fold(department.Name);
            var there = q.Mention.Candidates;
            // Sở Y tế Hà Tĩnh's plan is not Sở Y tế Thanh Hóa's: with a place named, the department's plan must be there.
            if (kb.Campaigns.Any(c => VietnameseText.Fold(c.Document.Issuer).Contains(folded, StringComparison.Ordinal) && (q.Places.Count == 0 || there.Contains(c)))) return null;
            var where = q.Places.Count > 0 ? " " + q.Places[0].First.InSentence
                : there.Count > 0 ? " tỉnh " + there[0].Area.Province : "";
            return Decline(kb, today, $"Chưa có kế hoạch nào của {department.Name}{where} trong dữ liệu, nên tôi không trả lời thay bằng kế hoạch của cơ quan khác.", there);
        }
        return null;
    }

    /// <summary>
    /// "kế hoạch (thi đua) của sở X", or "sở X (Ninh Bình) (có) kế hoạch": the plan is the department's. "trong kế
    /// hoạch Thái Nguyên, sở X có nhiệm vụ gì" names another's plan.
    /// </summary>
    private static bool OwnsPlan(ParsedQuestion q, int start, int end)
    {
        var w = q.Words;
        bool PlanAt(int k) => k + 1 < w.Count && w[k] == "ke" && w[k + 1] == "hoach";
        if (start > 0 && w[start - 1] == "cua" && Enumerable.Range(Math.Max(0, start - 1 - PlanWordReach), Math.Min(start - 1, PlanWordReach)).Any(PlanAt)) return true;
        var after = end;
        foreach (var place in q.Places) if (place.Start == after) after += place.Length;
        if (after < w.Count && w[after] == "co") after++;
        return PlanAt(after);
    }
}
