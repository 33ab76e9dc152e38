namespace ThiDua.Core.Text;

/// <summary>
/// The terms text is matched on: folded words that carry meaning, and every pair of neighbouring words. Vietnamese
/// words are syllables: "hồ sơ", "bằng khen", "ban hành" mean something only as pairs, and a pair survives where
/// one of its syllables alone is too ambiguous to keep ("ban" is bạn, ban, bản; "ban hanh" is one thing).
/// </summary>
public static class SearchTerms
{
    /// <summary>Function words and the officer's chat words; alone they say nothing about which fact is meant.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "va", "cua", "cac", "nhung", "la", "co", "cho", "trong", "duoc", "the", "nao", "gi", "thi", "sao", "voi", "tai",
        "ve", "theo", "de", "khong", "bao", "nhieu", "toi", "ban", "xin", "hoi", "a", "oi", "nhe", "cai", "nay", "do",
        "mot", "nhu", "o", "dau", "ai", "khi", "gium", "giup", "minh", "em", "anh", "chi", "vay", "roi", "chua", "can",
        "phai", "se", "da", "dang", "tu", "den", "ra", "vao", "len", "nua", "con", "lam", "biet", "muon", "may", "hay",
        "ah", "u", "nhi", "voi", "hoac", "tung", "moi", "tat", "ca", "neu", "ma", "vi", "nen", "thuoc", "sau", "truoc",
        "cung", "nhat", "duoi", "tren", "qua", "bang", "ngay", "nam", "thang",
    };

    /// <summary>
    /// Pairs that are words of their own though a syllable folds to a function word ("đăng" → "dang" as "đang"):
    /// they weigh as pairs, not as their other syllable.
    /// </summary>
    public static readonly IReadOnlySet<string> Compounds = new HashSet<string>(StringComparer.Ordinal)
    {
        "dang_ky", "bang_khen", "ban_hanh", "ca_nhan",
    };

    /// <summary>Unigrams (stop words left out) and bigrams ("ho_so"; a pair of two stop words left out).</summary>
    public static List<string> Of(IReadOnlyList<string> words)
    {
        var terms = new List<string>(words.Count * 2);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var stop = StopWords.Contains(w);
            if (!stop) terms.Add(w);
            DocumentReferences.AddShortForms(w, terms);
            if (i + 1 < words.Count && !(stop && StopWords.Contains(words[i + 1]))) terms.Add(Pair(w, words[i + 1]));
        }
        return terms;
    }

    public static string Pair(string a, string b) => a + "_" + b;

    public static bool IsPair(string term) => term.Contains('_', StringComparison.Ordinal);

    /// <summary>The words of a term: one for a unigram, two for a pair.</summary>
    public static string[] WordsOf(string term) => term.Split('_');
}
