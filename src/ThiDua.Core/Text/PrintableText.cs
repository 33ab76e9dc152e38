namespace ThiDua.Core.Text;

/// <summary>
/// Text as it may be stored and exported: control characters (other than line breaks and tabs) and the Unicode
/// non-characters U+FFFE/U+FFFF become spaces. A "\x01" pasted into one field once broke the whole campaign's
/// Tờ trình export (XML cannot hold it); cleaned where messages arrive and again where documents are written.
/// </summary>
public static class PrintableText
{
    public static string Of(string text)
    {
        if (!text.Any(Unprintable)) return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = Unprintable(source[i]) ? ' ' : source[i];
        });
    }

    private static bool Unprintable(char c) => c is '\uFFFE' or '\uFFFF' || char.IsControl(c) && c is not ('\n' or '\r' or '\t');
}
