using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ThiDua.Core.Conversations;

namespace ThiDua.Core.Tests.Eval;

/// <summary>One case of a question set (tests/eval/*.jsonl): turns sent to one chat, facts the last reply must hold.</summary>
public sealed record QuestionCase(string Id, IReadOnlyList<string> Turns, IReadOnlyList<IReadOnlyList<string>> Expect, IReadOnlyList<string> Forbid, DateTimeOffset? Now)
{
    public override string ToString() => Id;
}

/// <summary>
/// Reads question sets and judges replies exactly as ../shared/qa/check does: folded text (no diacritics, lower case,
/// dates as d/m/yyyy), each expected group matched by one of its alternatives, no forbidden phrase, and the reply
/// with its buttons no longer than a phone screen.
/// </summary>
public static partial class QuestionSet
{
    public const string DefaultNow = "2024-04-20T09:00:00+07:00";
    private const int MaxChars = 1500;

    public static List<QuestionCase> Load(string file)
    {
        var cases = new List<QuestionCase>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "eval", file)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var expect = root.GetProperty("expect").EnumerateArray().Select(g => (IReadOnlyList<string>)[.. g.EnumerateArray().Select(a => a.GetString()!)]).ToList();
            var forbid = root.TryGetProperty("forbid", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var now = root.TryGetProperty("now", out var n) ? DateTimeOffset.Parse(n.GetString()!, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
            cases.Add(new QuestionCase(root.GetProperty("id").GetString()!, [.. root.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!)], expect, forbid, now));
        }
        return cases;
    }

    /// <summary>What is missing from a reply (empty: the case passes).</summary>
    public static List<string> Judge(QuestionCase c, Reply reply)
    {
        var buttons = reply.Buttons.SelectMany(r => r).Select(b => $"{{'text': '{b.Text}', 'data': '{b.Data}'}}");
        var raw = string.Join('\n', buttons.Prepend(reply.Text));
        var text = Norm(raw);
        var missing = c.Expect.Where(g => !g.Any(a => text.Contains(Norm(a), StringComparison.Ordinal))).Select(g => "[" + string.Join(" | ", g) + "]").ToList();
        missing.AddRange(c.Forbid.Where(f => text.Contains(Norm(f), StringComparison.Ordinal)).Select(f => $"forbidden '{f}'"));
        if (raw.Length > MaxChars) missing.Add($"{raw.Length} chars > {MaxChars}");
        return missing;
    }

    /// <summary>The checker's folding: đ → d, no marks, lower case, "ngày 5 tháng 3 năm 2024" → 5/3/2024, no leading zeros.</summary>
    public static string Norm(string s)
    {
        s = s.Replace('Đ', 'D').Replace('đ', 'd');
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
        s = sb.ToString();
        s = FullDate().Replace(s, "$1/$2/$3");
        s = MonthYear().Replace(s, "thang $1/$2");
        s = NumericDate().Replace(s, m => $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}/{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)}/{m.Groups[3].Value}");
        s = MonthSlashYear().Replace(s, m => $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}/{m.Groups[2].Value}");
        return Spaces().Replace(s, " ");
    }

    [GeneratedRegex(@"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"thang\s+(\d{1,2})\s+nam\s+(\d{4})")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b0*(\d{1,2})[/.-]0*(\d{1,2})[/.-](\d{4})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b0*(\d{1,2})/(\d{4})\b")]
    private static partial Regex MonthSlashYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
