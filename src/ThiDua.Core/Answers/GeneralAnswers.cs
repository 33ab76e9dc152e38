using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>Answers that are not about one plan: the list of plans, what is due next everywhere, help, "not understood".</summary>
public static class GeneralAnswers
{
    public static Reply Welcome(KnowledgeBase kb, DateOnly today, string? name)
    {
        var hello = string.IsNullOrWhiteSpace(name) ? "Xin chào!" : $"Xin chào {name.Trim()}!";
        return Help(kb, today, $"{hello} Tôi là trợ lý thi đua – khen thưởng. Tôi trả lời về các kế hoạch thi đua đã nạp, theo đúng văn bản.");
    }

    public static Reply Help(KnowledgeBase kb, DateOnly today, string? intro = null)
    {
        var text = $"""
            {intro ?? "Tôi có thể trả lời về các kế hoạch thi đua đã nạp:"}
            • Thời gian, chủ đề, mục đích, ngày kỷ niệm, căn cứ pháp lý
            • Tiêu chuẩn tập thể/cá nhân, hình thức và số lượng khen thưởng
            • Hồ sơ đề nghị khen thưởng, số bộ, nơi nộp, cơ quan thẩm định
            • Các hạn báo cáo, sơ kết, tổng kết; hạn sắp tới; phân công; liên hệ
            Hỏi tự nhiên, có dấu hay không dấu, ví dụ: "hồ sơ khen thưởng Lào Cai gồm gì?", "han nop bao cao dot 1 lao cai".
            Đề nghị khen thưởng: /dangky (đăng ký), /cuatoi (đề nghị của tôi), /xuat (danh sách trích ngang), /huy (hủy đang nhập).
            Nhắc hạn: /nhacviec (bật/tắt nhắc trước mỗi hạn của kế hoạch), “nhắc tôi ngày 20/6 nộp báo cáo”, /nhacnho (các nhắc riêng).
            Cán bộ thẩm định: /duyet (hàng đợi, xuất danh sách, tờ trình), /moi (mã mời), /donvi, /bangiao, /nhapkehoach. Cá nhân: /web (vào bàn làm việc trên web), /lienket, /xoadulieu.
            Lệnh hỏi: /kehoach (danh sách), /thoigian, /tieuchuan, /khenthuong, /hoso, /noinop, /han, /hansaptoi, /nhiemvu, /lienhe, /cancu.
            """;
        return new Reply(text) { Buttons = CampaignButtons(kb, QuestionKind.Overview) };
    }

    /// <summary>Every loaded plan, a page at a time, with its time frame and state as of today.</summary>
    public static Reply ListCampaigns(KnowledgeBase kb, DateOnly today, int skip = 0) =>
        PlanList.Build($"Có {kb.Campaigns.Count} kế hoạch thi đua (tính đến {VietnameseDates.Format(today)}):", kb.Campaigns,
            c => $"{c.ShortName}: {VietnameseDates.Format(c.Period)}, {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)}. {KnowledgeBase.PlanName(c)}.",
            QuestionKind.Overview, skip, from => QuestionPress.Ask("Xem tiếp", QuestionKind.ListCampaigns, null, skip: from), "Chọn một kế hoạch để xem tóm tắt.");

    /// <summary>Upcoming deadlines across every plan; when none is left, says so and names each plan's last one.</summary>
    public static Reply NextDeadlinesEverywhere(KnowledgeBase kb, DateOnly today)
    {
        var upcoming = kb.Campaigns.SelectMany(c => c.Deadlines.Select(d => (c, d)))
            .Where(x => x.d.DueDate >= today && x.d.Kind != DeadlineKind.Event)
            .OrderBy(x => x.d.DueDate).Take(6).ToList();
        var lines = new List<string>();
        if (upcoming.Count > 0)
        {
            lines.Add($"Hạn sắp tới (tính đến {VietnameseDates.Format(today)}):");
            foreach (var (c, d) in upcoming)
                lines.Add($"• {VietnameseDates.WithWeekday(d.DueDate)} ({VietnameseDates.Relative(d.DueDate, today)}): {d.Title} — {c.ShortName}, mục {KnowledgeBase.CitableSection(d.Section)}");
            lines.Add("Nguồn: " + string.Join("; ", upcoming.Select(x => x.c).Distinct().Select(KnowledgeBase.PlanName)) + ".");
        }
        else
        {
            lines.Add($"Không còn hạn nào sắp tới: tất cả {kb.Campaigns.Count} kế hoạch đã kết thúc (tính đến {VietnameseDates.Format(today)}). Mốc cuối của từng kế hoạch:");
            foreach (var c in kb.Campaigns)
            {
                var last = c.Deadlines.OrderBy(d => d.DueDate).LastOrDefault();
                lines.Add(last is null
                    ? $"• {c.ShortName}: kết thúc {VietnameseDates.Format(c.Period.End)}"
                    : $"• {c.ShortName}: {last.Title} — {VietnameseDates.Format(last.DueDate)} ({VietnameseDates.Relative(last.DueDate, today)})");
            }
        }
        return new Reply(Fit(lines, kb.Campaigns.Count)) { Buttons = CampaignButtons(kb, QuestionKind.Deadlines) };
    }

    /// <summary>Asks which plan is meant, with a button per candidate and one line on each.</summary>
    public static Reply WhichCampaign(IReadOnlyList<Campaign> candidates, QuestionKind kind, DateOnly today, string? why = null, int? phase = null, Beneficiary? beneficiary = null)
    {
        var reply = PlanList.Build(why ?? "Bạn hỏi về kế hoạch nào?", candidates,
            c => $"{c.ShortName} ({KnowledgeBase.PlanName(c)}; {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)})", kind);
        // The pick answers the question as asked: its phase and beneficiary travel in the button.
        return reply with { Buttons = [.. candidates.Take(PlanList.PageSize).Select(c => (IReadOnlyList<Button>)[QuestionPress.Ask(c.ShortName, kind, c, phase, beneficiary)])] };
    }

    /// <summary>A general rule of the law, labelled as such, with its article. Rules carry their own validity dates.</summary>
    public static Reply Rule(KnowledgeBase kb, Legal.LegalRule rule, DateOnly today)
    {
        var lines = new List<string>
        {
            $"{rule.Topic} — quy định chung của pháp luật (không phải của một kế hoạch):",
            rule.Text,
        };
        lines.Add($"(Theo {rule.Source.Article}, {rule.Source.Document})");
        return new Reply(Fit(lines, 0)) { Buttons = [[QuestionPress.Ask("Các kế hoạch thi đua", QuestionKind.ListCampaigns, null)]] };
    }

    /// <summary>One plan a row: the names are too long to share a row on a phone.</summary>
    private static IReadOnlyList<IReadOnlyList<Button>> CampaignButtons(KnowledgeBase kb, QuestionKind kind) =>
        [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[QuestionPress.Ask(c.ShortName, kind, c)])];

    /// <summary>
    /// Drops bullets from the end until the text fits a phone screen; the first and last lines (source) stay. A
    /// dropped plan is still one button away (<paramref name="buttons"/> of them are offered), else /kehoach lists all.
    /// </summary>
    internal static string Fit(List<string> lines, int buttons)
    {
        var dropped = 0;
        while (lines.Sum(l => l.Length + 1) > AnswerBuilder.MaxLength - 60 && lines.FindLastIndex(l => l.StartsWith("• ", StringComparison.Ordinal)) is var i and > 0)
        {
            lines.RemoveAt(i);
            dropped++;
        }
        if (dropped > 0) lines.Insert(lines.Count - 1, buttons > 0 ? $"… và {dropped} mục nữa: chọn ở các nút bên dưới." : $"… và {dropped} mục nữa: gõ /kehoach để xem đủ.");
        var text = string.Join('\n', lines);
        return text.Length <= AnswerBuilder.MaxLength ? text : TextFit.Shorten(text, AnswerBuilder.MaxLength);
    }
}
