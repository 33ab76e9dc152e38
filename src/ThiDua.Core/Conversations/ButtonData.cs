using System.Text;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Conversations;

/// <summary>
/// Button data is opaque to channels, self-contained (it works after a restart) and at most 64 bytes:
/// "q|doss|lao-cai-217|p2|c" = ask kind doss about lao-cai-217, phase 2, collectives; "|o8" = from its 9th item on.
/// </summary>
public static class ButtonData
{
    public const int MaxBytes = 64;

    public static Button Ask(string text, QuestionKind kind, Campaign? campaign, int? phase = null, Beneficiary? beneficiary = null, int skip = 0)
    {
        var data = new StringBuilder("q|").Append(kind.Code()).Append('|').Append(campaign?.Id ?? "*");
        if (phase is not null) data.Append("|p").Append(phase.Value);
        if (beneficiary is Beneficiary.Collective) data.Append("|c");
        if (beneficiary is Beneficiary.Individual) data.Append("|i");
        if (skip > 0) data.Append("|o").Append(skip);
        return new Button(text, data.ToString());
    }

    public static bool TryParseAsk(string data, out QuestionKind kind, out string? campaignId, out int? phase, out Beneficiary? beneficiary) =>
        TryParseAsk(data, out kind, out campaignId, out phase, out beneficiary, out _);

    /// <param name="skip">How many items of the list the answer already showed ("Xem tiếp").</param>
    public static bool TryParseAsk(string data, out QuestionKind kind, out string? campaignId, out int? phase, out Beneficiary? beneficiary, out int skip)
    {
        kind = QuestionKind.None; campaignId = null; phase = null; beneficiary = null; skip = 0;
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes) return false;
        var parts = data.Split('|');
        if (parts.Length < 3 || parts[0] != "q" || !QuestionKindCodes.TryParse(parts[1], out kind)) return false;
        campaignId = parts[2] == "*" ? null : parts[2];
        foreach (var part in parts.Skip(3))
        {
            if (part.Length > 1 && part[0] == 'p' && int.TryParse(part.AsSpan(1), out var p) && p is > 0 and < 20) phase = p;
            else if (part == "c") beneficiary = Beneficiary.Collective;
            else if (part == "i") beneficiary = Beneficiary.Individual;
            else if (part.Length > 1 && part[0] == 'o' && int.TryParse(part.AsSpan(1), out var o) && o is > 0 and < 1000) skip = o;
            else return false;
        }
        return true;
    }

    public static Button Command(string text, string command) => new(text, "cmd|" + command);
}
