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
            Cán bộ thẩm định: /duyet (hàng đợi, xuất danh sách, tờ trình), /moi (mã mời), /donvi, /bangiao, /nhapkehoach. Cá nhân: /lienket, /xoadulieu.
            Lệnh hỏi: /kehoach (danh sách), /thoigian, /tieuchuan, /khenthuong, /hoso, /noinop, /han, /hansaptoi, /nhiemvu, /lienhe, /cancu.
            """;
        return new Reply(text) { Buttons = CampaignButtons(kb, QuestionKind.Overview) };
    }

    public static Reply ListCampaigns(KnowledgeBase kb, DateOnly today, IReadOnlyList<string> words)
    {
        var joined = " " + string.Join(' ', words) + " ";
        Func<Campaign, bool> filter = joined switch
        {
            _ when joined.Contains(" dang dien ra ", StringComparison.Ordinal) => c => c.Period.Start <= today && today <= c.Period.End,
            _ when joined.Contains(" sap dien ra ", StringComparison.Ordinal) => c => today < c.Period.Start,
            _ when joined.Contains(" da ket thuc ", StringComparison.Ordinal) => c => c.Period.End < today,
            _ => _ => true,
        };
        var chosen = kb.Campaigns.Where(filter).ToList();
        var lines = new List<string> { $"Có {kb.Campaigns.Count} kế hoạch thi đua (tính đến {VietnameseDates.Format(today)}):" };
        if (chosen.Count < kb.Campaigns.Count)
            lines[0] = chosen.Count == 0
                ? $"Không có kế hoạch nào như vậy (tính đến {VietnameseDates.Format(today)}). Tất cả {kb.Campaigns.Count} kế hoạch:"
                : $"{chosen.Count}/{kb.Campaigns.Count} kế hoạch phù hợp (tính đến {VietnameseDates.Format(today)}):";
        foreach (var c in chosen.Count == 0 ? kb.Campaigns : chosen)
            lines.Add($"• {c.ShortName}: {VietnameseDates.Format(c.Period.Start)} – {VietnameseDates.Format(c.Period.End)}, {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)}. {KnowledgeBase.PlanName(c)}.");
        lines.Add("Chọn một kế hoạch để xem tóm tắt:");
        return new Reply(Fit(lines)) { Buttons = CampaignButtons(kb, QuestionKind.Overview) };
    }

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
        return new Reply(Fit(lines)) { Buttons = CampaignButtons(kb, QuestionKind.Deadlines) };
    }

    /// <summary>Asks which plan is meant, with a button per candidate and one line on each.</summary>
    public static Reply WhichCampaign(IReadOnlyList<Campaign> candidates, QuestionKind kind, DateOnly today, string? why = null, int? phase = null, Beneficiary? beneficiary = null)
    {
        var lines = new List<string> { why ?? "Bạn hỏi về kế hoạch nào?" };
        foreach (var c in candidates)
            lines.Add($"• {c.ShortName} ({KnowledgeBase.PlanName(c)}; {VietnameseDates.PeriodStatus(c.Period.Start, c.Period.End, today)})");
        var buttons = candidates.Select(c => ButtonData.Ask(c.ShortName, kind, c, phase, beneficiary)).ToList();
        return new Reply(Fit(lines)) { Buttons = [.. buttons.Select(b => (IReadOnlyList<Button>)[b])] };
    }

    public static Reply NotUnderstood(KnowledgeBase kb, DateOnly today, Campaign? context)
    {
        var text = """
            Tôi chưa tìm thấy câu trả lời cho câu này trong các kế hoạch đã nạp, và tôi không tự đặt ra thông tin.
            Bạn có thể hỏi về: thời gian, tiêu chuẩn, hình thức khen thưởng, số lượng, hồ sơ, nơi nộp, các hạn, phân công, liên hệ — kèm tên địa phương hoặc số kế hoạch. Gõ /help để xem hướng dẫn.
            """;
        var buttons = context is null
            ? CampaignButtons(kb, QuestionKind.Overview)
            : AnswerBuilder.ButtonRows([
                ButtonData.Ask("Tóm tắt", QuestionKind.Overview, context), ButtonData.Ask("Hồ sơ", QuestionKind.Dossier, context),
                ButtonData.Ask("Các hạn", QuestionKind.Deadlines, context), ButtonData.Ask("Tiêu chuẩn", QuestionKind.Criteria, context),
            ]);
        return new Reply(text) { Buttons = buttons };
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
        return new Reply(Fit(lines)) { Buttons = [[ButtonData.Ask("Các kế hoạch thi đua", QuestionKind.ListCampaigns, null)]] };
    }

    public static Reply Quote(PlanSearchHit hit, DateOnly today)
    {
        var c = hit.Passage.Campaign;
        var lines = new List<string>
        {
            $"Tôi không có câu trả lời có cấu trúc cho câu này; đoạn liên quan nhất trong kế hoạch {c.ShortName}:",
            $"“{AnswerBuilder.Shorten(hit.Passage.Text, 700)}”",
        };
        if (c.Period.End < today) lines.Add($"Lưu ý: kế hoạch này đã kết thúc ngày {VietnameseDates.Format(c.Period.End)}.");
        lines.Add(KnowledgeBase.Citation(c, [hit.Passage.Section]));
        return new Reply(string.Join('\n', lines))
        {
            Buttons = AnswerBuilder.ButtonRows([ButtonData.Ask("Tóm tắt kế hoạch", QuestionKind.Overview, c), ButtonData.Ask("Các hạn", QuestionKind.Deadlines, c)]),
        };
    }

    /// <summary>One plan a row: the names are too long to share a row on a phone.</summary>
    private static IReadOnlyList<IReadOnlyList<Button>> CampaignButtons(KnowledgeBase kb, QuestionKind kind) =>
        [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[ButtonData.Ask(c.ShortName, kind, c)])];

    /// <summary>Drops bullets from the end until the text fits a phone screen; the first and last lines (source) stay.</summary>
    private static string Fit(List<string> lines)
    {
        var dropped = 0;
        while (lines.Sum(l => l.Length + 1) > AnswerBuilder.MaxLength - 40 && lines.FindLastIndex(l => l.StartsWith("• ", StringComparison.Ordinal)) is var i and > 0)
        {
            lines.RemoveAt(i);
            dropped++;
        }
        if (dropped > 0) lines.Insert(lines.Count - 1, $"… và {dropped} mục nữa.");
        var text = string.Join('\n', lines);
        return text.Length <= AnswerBuilder.MaxLength ? text : AnswerBuilder.Shorten(text, AnswerBuilder.MaxLength);
    }
}
