namespace ThiDua.Core.Import;

/// <summary>A line of a document's content; <see cref="StartsPart"/> names the document or appendix it begins ("Phụ lục"), "" for a plan.</summary>
internal readonly record struct ContentLine(string Text, string? StartsPart);

/// <summary>
/// Which lines of a document carry its content. The distribution list ("Nơi nhận:") and the signature block after it
/// carry nothing an officer asks about and are left out, but only up to a document issued with it: the plan a
/// decision issues ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)") or an appendix of forms ("PHỤ LỤC"). Those are
/// read on, each from its heading, which starts a new part (its roman numbers are its own).
/// </summary>
internal static partial class DocumentParts
{
    /// <summary>"Nơi nhận:" over the distribution list; not "Nơi nhận hồ sơ: …" in the plan's body.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^Nơi\s+nhận\s*(?::|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DistributionList();

    public static bool IsDistributionList(string line) => DistributionList().IsMatch(line);

    /// <summary>Where the first document issued with this one begins, after this one's distribution list; -1 when none.</summary>
    public static int FirstAttachment(IReadOnlyList<string> lines)
    {
        var listed = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (listed && PartAt(lines, i) is not null) return i;
            listed |= IsDistributionList(lines[i]);
        }
        return -1;
    }

    /// <summary>How many lines under a heading its "(Ban hành kèm theo …)" may stand.</summary>
    private const int AttachedWithin = 4;

    /// <summary>The lines a part's heading block may take: the heading and what stands under it.</summary>
    public const int HeadingLines = AttachedWithin + 1;

    public static IEnumerable<ContentLine> Content(IReadOnlyList<string> lines)
    {
        var skipping = false;
        var lastPart = -AttachedWithin - 1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            // The heading block of a part ("PHỤ LỤC" / "DANH MỤC MẪU …" / "(Kèm theo …)") starts it once.
            if (i - lastPart > AttachedWithin && PartAt(lines, i) is { } part)
            {
                lastPart = i;
                skipping = false;
                yield return new ContentLine(line, part);
                continue;
            }
            if (IsDistributionList(line)) skipping = true;
            if (!skipping) yield return new ContentLine(line, null);
        }
    }

    /// <summary>The part a line begins, if it heads an attached document: "Phụ lục" for an appendix, "" for anything else.</summary>
    public static string? PartAt(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length is 0 or > 60 || !TextCasing.IsCapitals(line)) return null;
        if (line.StartsWith("PHỤ LỤC", StringComparison.Ordinal)) return "Phụ lục";
        for (var j = i + 1; j < Math.Min(lines.Count, i + 1 + AttachedWithin); j++)
            if (lines[j].TrimStart().StartsWith('(') && lines[j].Contains("kèm theo", StringComparison.OrdinalIgnoreCase)) return "";
        return null;
    }
}
