using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Core.Import;

/// <summary>
/// The numbers Word draws before list paragraphs ("I.", "1.2.", "a)", "-"): they are not in the runs' text, yet the
/// importer finds a plan's sections by them. Counted as Word counts them, per list and level, a level restarting
/// when a level above it moves on; a paragraph numbered through its style counts too.
/// </summary>
internal sealed class WordNumbering(MainDocumentPart? part)
{
    private readonly Numbering? _numbering = part?.NumberingDefinitionsPart?.Numbering;
    private readonly Styles? _styles = part?.StyleDefinitionsPart?.Styles;
    private readonly Dictionary<int, int[]> _counters = [];

    /// <returns>The paragraph's number and a space, or "" when it is not in a list.</returns>
    public string Next(Paragraph paragraph)
    {
        if (_numbering is null || Properties(paragraph) is not { } properties) return "";
        var numberId = properties.NumberingId?.Val?.Value ?? 0;
        var level = Math.Clamp(properties.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        if (numberId == 0 || Levels(numberId) is not { } levels) return "";
        var counters = _counters.TryGetValue(numberId, out var kept) ? kept : _counters[numberId] = new int[9];
        counters[level] = counters[level] == 0 ? Start(levels, level) : counters[level] + 1;
        for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
        var format = Level(levels, level);
        if (format?.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet) return "- ";
        var text = format?.LevelText?.Val?.Value ?? $"%{level + 1}.";
        for (var n = 0; n <= level; n++)
            text = text.Replace($"%{n + 1}", Format(Math.Max(counters[n], Start(levels, n)), Level(levels, n)?.NumberingFormat?.Val?.Value), StringComparison.Ordinal);
        return text.Length == 0 ? "" : text + " ";
    }

    private NumberingProperties? Properties(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.NumberingProperties is { NumberingId: not null } direct) return direct;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var style = styleId is null ? null : _styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
        return style?.StyleParagraphProperties?.NumberingProperties;
    }

    private AbstractNum? Levels(int numberId)
    {
        var instance = _numbering!.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        return abstractId is null ? null : _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
    }

    private static Level? Level(AbstractNum levels, int level) => levels.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static int Start(AbstractNum levels, int level) => Level(levels, level)?.StartNumberingValue?.Val?.Value ?? 1;

    private static string Format(int value, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.UpperRoman) return Roman(value);
        if (format == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter) return Letter(value).ToUpperInvariant();
        if (format == NumberFormatValues.LowerLetter) return Letter(value);
        if (format == NumberFormatValues.DecimalZero) return value.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Letter(int value) => new((char)('a' + (value - 1) % 26), 1 + (value - 1) / 26);

    private static string Roman(int value)
    {
        var roman = new System.Text.StringBuilder();
        foreach (var (worth, digits) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; value >= worth; value -= worth) roman.Append(digits);
        return roman.ToString();
    }
}
