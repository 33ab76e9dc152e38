namespace ThiDua.Core.Text;

/// <summary>Phrase matching over folded words, shared by the glossary, plan resolution, question signals and legal notes.</summary>
public static class WordSequence
{
    public static bool StartsAt(IReadOnlyList<string> words, int index, IReadOnlyList<string> phrase)
    {
        if (index + phrase.Count > words.Count) return false;
        for (var k = 0; k < phrase.Count; k++)
            if (words[index + k] != phrase[k]) return false;
        return true;
    }

    public static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= words.Count; i++)
            if (StartsAt(words, i, phrase)) return true;
        return false;
    }
}
