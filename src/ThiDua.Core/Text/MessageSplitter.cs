namespace ThiDua.Core.Text;

/// <summary>Cuts a long text into pieces a channel accepts, at line ends where possible, never inside a surrogate pair.</summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength) return [text];
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            // Prefer a blank line, then any line end, then a space; a line longer than the limit is cut hard.
            var cut = window.LastIndexOf("\n\n");
            if (cut < maxLength / 2) cut = window.LastIndexOf('\n');
            if (cut < maxLength / 2) cut = window.LastIndexOf(' ');
            if (cut < maxLength / 2) cut = char.IsHighSurrogate(window[^1]) ? maxLength - 1 : maxLength;
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0) parts.Add(part.ToString());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest.ToString());
        return parts;
    }
}
