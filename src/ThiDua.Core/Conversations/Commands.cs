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
