using System.Text;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Questions;

/// <summary>
/// A question asked by a button: "q|doss|lao-cai-217|p2|c" = the dossier of lao-cai-217, phase 2, collectives;
/// "*" for no plan; "|o8" = the list from its 9th item on ("Xem tiếp"). Open to everyone in a group chat.
/// </summary>
public sealed record QuestionPress(QuestionKind Kind, string? CampaignId, int? Phase = null, Beneficiary? Beneficiary = null, int Skip = 0)
    : ButtonPayload, IPayloadFamily<QuestionPress>
{
    public static string Prefix => "q";

    public static Button Ask(string text, QuestionKind kind, Campaign? campaign, int? phase = null, Beneficiary? beneficiary = null, int skip = 0) =>
        new QuestionPress(kind, campaign?.Id, phase, beneficiary, skip).Button(text);

    public override string Data
    {
        get
        {
            var data = new StringBuilder(Prefix).Append('|').Append(Kind.Code()).Append('|').Append(CampaignId ?? "*");
            if (Phase is not null) data.Append("|p").Append(Write(Phase.Value));
            if (Beneficiary is Knowledge.Beneficiary.Collective) data.Append("|c");
            if (Beneficiary is Knowledge.Beneficiary.Individual) data.Append("|i");
            if (Skip > 0) data.Append("|o").Append(Write(Skip));
            return data.ToString();
        }
    }

    public static QuestionPress? FromFields(string[] fields)
    {
        if (fields.Length < 2 || !QuestionKindCodes.TryParse(fields[0], out var kind)) return null;
        var press = new QuestionPress(kind, fields[1] == "*" ? null : fields[1]);
        foreach (var field in fields.Skip(2))
        {
            if (field.Length > 1 && field[0] == 'p' && Number(field[1..]) is { } p and > 0 and < 20) press = press with { Phase = p };
            else if (field == "c") press = press with { Beneficiary = Knowledge.Beneficiary.Collective };
            else if (field == "i") press = press with { Beneficiary = Knowledge.Beneficiary.Individual };
            else if (field.Length > 1 && field[0] == 'o' && Number(field[1..]) is { } o and > 0 and < 1000) press = press with { Skip = o };
            else return null;
        }
        return press;
    }
}
