using ThiDua.Core.Questions;

namespace ThiDua.Core.Conversations;

/// <summary>Slash commands: Vietnamese words without diacritics, one per common question.</summary>
public static class Commands
{
    public static readonly IReadOnlyDictionary<string, QuestionKind> Questions = new Dictionary<string, QuestionKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["kehoach"] = QuestionKind.ListCampaigns,
        ["tomtat"] = QuestionKind.Overview,
        ["thoigian"] = QuestionKind.TimeFrame,
        ["chude"] = QuestionKind.Theme,
        ["mucdich"] = QuestionKind.Purpose,
        ["kyniem"] = QuestionKind.Anniversaries,
        ["cancu"] = QuestionKind.LegalBasis,
        ["tieuchuan"] = QuestionKind.Criteria,
        ["khenthuong"] = QuestionKind.Awards,
        ["soluong"] = QuestionKind.Quotas,
        ["hoso"] = QuestionKind.Dossier,
        ["noinop"] = QuestionKind.Submission,
        ["thamdinh"] = QuestionKind.Appraisal,
        ["han"] = QuestionKind.Deadlines,
        ["hansaptoi"] = QuestionKind.NextDeadlines,
        ["nhiemvu"] = QuestionKind.Tasks,
        ["phancong"] = QuestionKind.Responsibilities,
        ["lienhe"] = QuestionKind.Contacts,
        ["noidung"] = QuestionKind.Contents,
        ["chitieu"] = QuestionKind.Targets,
    };

    public static readonly IReadOnlyList<string> HelpCommands = ["start", "help", "trogiup", "huongdan"];

    /// <summary>The command menu channels show (Telegram's "/" menu), most used first, in Vietnamese.</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Menu =
    [
        ("kehoach", "Danh sách kế hoạch thi đua"),
        ("han", "Các mốc hạn của một kế hoạch"),
        ("hansaptoi", "Hạn sắp tới của mọi kế hoạch"),
        ("hoso", "Hồ sơ đề nghị khen thưởng"),
        ("tieuchuan", "Tiêu chuẩn khen thưởng"),
        ("khenthuong", "Hình thức khen thưởng"),
        ("noinop", "Nộp hồ sơ ở đâu, bằng cách nào"),
        ("lienhe", "Đầu mối liên hệ"),
        ("dangky", "Đăng ký đề nghị khen thưởng"),
        ("cuatoi", "Các đề nghị của tôi"),
        ("xuat", "Xuất danh sách trích ngang (Excel)"),
        ("nhacviec", "Bật/tắt nhắc hạn kế hoạch"),
        ("nhacnho", "Các nhắc việc riêng của tôi"),
        ("huy", "Hủy đăng ký đang làm dở"),
        ("duyet", "Thẩm định đề nghị (cán bộ thẩm định)"),
        ("moi", "Tạo mã mời cán bộ đơn vị"),
        ("donvi", "Xác nhận cán bộ, đơn vị mới đang chờ"),
        ("nhapkehoach", "Nhập kế hoạch mới từ tệp (cán bộ thẩm định)"),
        ("lienket", "Liên kết tài khoản Telegram và Zalo"),
        ("xoadulieu", "Xem, xóa dữ liệu cá nhân của tôi"),
        ("help", "Hướng dẫn sử dụng"),
    ];

    /// <summary>Splits "/hoso@ThiDuaBot lào cai" into ("hoso", "lào cai").</summary>
    public static bool TryParse(string text, out string name, out string args)
    {
        name = ""; args = "";
        if (text.Length < 2 || text[0] != '/') return false;
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        args = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return name.Length > 0;
    }
}
