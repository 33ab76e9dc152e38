namespace ThiDua.Core.Text;

/// <summary>
/// The one way text is made to fit a length: at the end of a sentence when one ends late enough, else at a clause
/// break, else between words; never inside a word. What was cut is marked with "…".
/// </summary>
public static class TextFit
{
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        if (max < 2) return "…";
        var room = max - 1;
        var sentence = LastBreak(text, max - 2, ".;!?", mustBeFollowedBySpace: true);
        if (sentence >= room / 2) return text[..(sentence + 1)] + " …";
        var clause = LastBreak(text, room, ",:–", mustBeFollowedBySpace: true);
        if (clause >= room / 2) return text[..clause].TrimEnd() + "…";
        var space = text.LastIndexOf(' ', room - 1);
        var cut = space >= room / 3 ? space : room;
        return text[..cut].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Index of the last break character within the first <paramref name="room"/> characters, or -1.</summary>
    private static int LastBreak(string text, int room, string breaks, bool mustBeFollowedBySpace)
    {
        for (var i = Math.Min(room, text.Length) - 1; i > 0; i--)
            if (breaks.Contains(text[i], StringComparison.Ordinal) && (!mustBeFollowedBySpace || i + 1 < text.Length && text[i + 1] == ' ')) return i;
        return -1;
    }
}
