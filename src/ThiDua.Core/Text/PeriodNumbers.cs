using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.Core.Text;

/// <summary>
/// The one reading of a phase or quarter number — "đợt 2", "đợt II", "đợt hai", "đợt đầu", "giai đoạn 1", "quý III" —
/// in what an officer types and in a plan's own text; everything that needs the number asks here.
/// </summary>
public static partial class PeriodNumbers
{
    private const string Said = @"(?<n>\d{1,2}|iv|v|i{1,3}|mot|hai|ba|bon|tu|nam|dau)";

    [GeneratedRegex(@"(?<![\p{L}\d])(?:dot|giai doan) " + Said + @"(?![\p{L}\d/])")]
    private static partial Regex PhasePattern();

    [GeneratedRegex(@"(?<![\p{L}\d])quy " + Said + @"(?![\p{L}\d])")]
    private static partial Regex QuarterPattern();

    /// <summary>A number as written after "đợt" or "quý", with or without diacritics, in any case; null when it is not one.</summary>
    public static int? Value(string said) => VietnameseText.Fold(said) switch
    {
        "1" or "i" or "mot" or "dau" => 1,
        "2" or "ii" or "hai" => 2,
        "3" or "iii" or "ba" => 3,
        "4" or "iv" or "bon" or "tu" => 4,
        "5" or "v" or "nam" => 5,
        var w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 20 ? n : null,
    };

    /// <summary>Every phase number named in folded text ("de nghi dot 2", "giai doan ii"), in order, each once.</summary>
    public static IReadOnlyList<int> Phases(string folded) =>
        [.. PhasePattern().Matches(folded).Select(m => Value(m.Groups["n"].Value)).OfType<int>().Distinct()];

    /// <summary>The one phase number named, or null when none is or several different ones are.</summary>
    public static int? Phase(string folded) => Phases(folded) is [var only] ? only : null;

    /// <summary>The quarter named first ("quy 3", "quy iii"), or null.</summary>
    public static int? Quarter(string folded) =>
        QuarterPattern().Match(folded) is { Success: true } m && Value(m.Groups["n"].Value) is int q and <= 4 ? q : null;
}
