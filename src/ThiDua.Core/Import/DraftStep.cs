namespace ThiDua.Core.Import;

/// <summary>The import review's steps, in the order a reviewer checks them; <see cref="Checked"/>: all confirmed, ready to publish.</summary>
public enum DraftStep { Document, Issuer, ShortName, Period, Awards, Dossier, Deadlines, Checked }

/// <summary>What each step shows and asks: its title, the importer's flags it covers, an example of a correction.</summary>
internal static class DraftSteps
{
    public const int ToCheck = (int)DraftStep.Checked;

    public static string Title(this DraftStep step) => step switch
    {
        DraftStep.Document => "Số và ngày ban hành",
        DraftStep.Issuer => "Cơ quan ban hành và địa bàn",
        DraftStep.ShortName => "Tên ngắn",
        DraftStep.Period => "Thời gian thi đua và các đợt",
        DraftStep.Awards => "Hình thức khen thưởng",
        DraftStep.Dossier => "Hồ sơ đề nghị",
        _ => "Các mốc hạn",
    };

    public static string Hint(this DraftStep step) => step switch
    {
        DraftStep.Document => "Ví dụ: 217/KH-UBND, 15/4/2024",
        DraftStep.Issuer => "Ví dụ: UBND tỉnh Lào Cai",
        DraftStep.ShortName => "Ví dụ: Lào Cai – 70 năm ĐBP",
        DraftStep.Period => "Ví dụ: 10/4/2024 - 31/12/2024",
        DraftStep.Awards or DraftStep.Dossier => "Liệt kê, cách nhau bằng dấu chấm phẩy: Bằng khen của Chủ tịch UBND tỉnh; Giấy khen của Giám đốc Sở",
        _ => "Gõ “bỏ 3” hoặc “bỏ 3, 5” để bỏ các mốc đọc sai.",
    };

    /// <summary>The importer's flags ("dossier.formats: …") the step shows: the fields the reviewer checks there.</summary>
    public static IReadOnlyList<string> Fields(this DraftStep step) => step switch
    {
        DraftStep.Document => ["document"],
        DraftStep.Issuer => ["level", "area", "bodies", "responsibilities"],
        DraftStep.ShortName => ["id", "themes", "legalBases"],
        DraftStep.Period => ["period", "phases"],
        DraftStep.Awards => ["awards", "criteria", "quotas"],
        DraftStep.Dossier => ["dossier"],
        _ => ["deadlines"],
    };
}
