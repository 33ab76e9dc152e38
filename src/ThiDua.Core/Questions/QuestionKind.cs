namespace ThiDua.Core.Questions;

/// <summary>The kinds of question the bot answers from structured data. Codes travel in button data: keep them short and stable.</summary>
public enum QuestionKind
{
    None,
    ListCampaigns,
    Overview,
    TimeFrame,
    Theme,
    Purpose,
    Anniversaries,
    LegalBasis,
    Criteria,
    Awards,
    Quotas,
    Dossier,
    Submission,
    Appraisal,
    Deadlines,
    NextDeadlines,
    Tasks,
    Responsibilities,
    Contacts,
    Contents,
    Targets,
    /// <summary>Number, date, issuer and signer of the plan itself.</summary>
    Issuance,
    /// <summary>Money: prize amounts, funding sources.</summary>
    Funding,
}

public static class QuestionKindCodes
{
    private static readonly Dictionary<QuestionKind, string> Codes = new()
    {
        [QuestionKind.ListCampaigns] = "list",
        [QuestionKind.Overview] = "ov",
        [QuestionKind.TimeFrame] = "time",
        [QuestionKind.Theme] = "theme",
        [QuestionKind.Purpose] = "purp",
        [QuestionKind.Anniversaries] = "anni",
        [QuestionKind.LegalBasis] = "legal",
        [QuestionKind.Criteria] = "crit",
        [QuestionKind.Awards] = "award",
        [QuestionKind.Quotas] = "quota",
        [QuestionKind.Dossier] = "doss",
        [QuestionKind.Submission] = "submit",
        [QuestionKind.Appraisal] = "appr",
        [QuestionKind.Deadlines] = "dl",
        [QuestionKind.NextDeadlines] = "next",
        [QuestionKind.Tasks] = "task",
        [QuestionKind.Responsibilities] = "resp",
        [QuestionKind.Contacts] = "contact",
        [QuestionKind.Contents] = "content",
        [QuestionKind.Targets] = "target",
        [QuestionKind.Issuance] = "doc",
        [QuestionKind.Funding] = "fund",
    };

    private static readonly Dictionary<string, QuestionKind> Kinds = Codes.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string Code(this QuestionKind kind) => Codes.GetValueOrDefault(kind, "ov");

    public static bool TryParse(string code, out QuestionKind kind) => Kinds.TryGetValue(code, out kind);
}
