using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Questions;

/// <summary>Reads a free-text question: its kind (by weighted signal phrases), the plan it names, and its details.</summary>
public sealed partial class QuestionParser
{
    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<string, List<(string[] Words, QuestionKind Kind, double Weight)>> _signals = new(StringComparer.Ordinal);

    public QuestionParser(KnowledgeBase knowledge)
    {
        _knowledge = knowledge;
        foreach (var (kind, phrase, weight) in QuestionVocabulary.Signals)
        {
            var words = phrase.Split(' ');
            if (!_signals.TryGetValue(words[0], out var list)) _signals[words[0]] = list = [];
            list.Add((words, kind, weight));
        }
        foreach (var list in _signals.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public ParsedQuestion Parse(string text)
    {
        var words = _knowledge.Glossary.Expand(_knowledge.Typos.Correct([.. Text.VietnameseText.Words(text)]));
        var joined = " " + string.Join(' ', words) + " ";
        var (scores, topic) = ScoreKinds(words);
        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        var (kind, score) = ranked.Count > 0 ? (ranked[0].Key, ranked[0].Value) : (QuestionKind.None, 0);
        return new ParsedQuestion
        {
            Text = text,
            Words = words,
            Kind = kind,
            KindScore = score,
            RunnerUp = ranked.Count > 1 ? ranked[1].Key : QuestionKind.None,
            Mention = _knowledge.Resolver.Resolve(words),
            TopicWords = topic,
            PhaseNumber = ParsePhase(joined),
            Quarter = ParseQuarter(joined),
            Beneficiary = ParseBeneficiary(joined),
            LooksLikeFollowUp = FollowUp().IsMatch(joined),
            IsGreeting = Greeting().IsMatch(joined) && words.Length <= 6,
            AsksHelp = Help().IsMatch(joined),
        };
    }

    private (Dictionary<QuestionKind, double> Scores, List<string> Unused) ScoreKinds(string[] words)
    {
        var scores = new Dictionary<QuestionKind, double>();
        var unused = new List<string>();
        for (var i = 0; i < words.Length;)
        {
            var matchedLength = 0;
            if (_signals.TryGetValue(words[i], out var candidates))
            {
                foreach (var (phrase, kind, weight) in candidates)
                {
                    if (matchedLength > 0 && phrase.Length < matchedLength) break;
                    if (!WordSequence.StartsAt(words, i, phrase)) continue;
                    matchedLength = phrase.Length;
                    scores[kind] = scores.GetValueOrDefault(kind) + weight;
                }
            }
            if (matchedLength == 0) unused.Add(words[i]);
            i += Math.Max(1, matchedLength);
        }
        return (scores, unused);
    }

    private static int? ParsePhase(string joined)
    {
        var m = PhasePattern().Match(joined);
        return m.Success ? NumberWord(m.Groups[1].Value) : null;
    }

    private static int? ParseQuarter(string joined)
    {
        var m = QuarterPattern().Match(joined);
        return m.Success ? NumberWord(m.Groups[1].Value) : null;
    }

    private static Beneficiary? ParseBeneficiary(string joined)
    {
        var collective = joined.Contains(" tap the ", StringComparison.Ordinal);
        var individual = joined.Contains(" ca nhan ", StringComparison.Ordinal);
        return (collective, individual) switch
        {
            (true, false) => Knowledge.Beneficiary.Collective,
            (false, true) => Knowledge.Beneficiary.Individual,
            _ => null,
        };
    }

    private static int? NumberWord(string w) => w switch
    {
        "1" or "i" or "mot" or "dau" => 1,
        "2" or "ii" or "hai" => 2,
        "3" or "iii" or "ba" => 3,
        "4" or "iv" or "bon" or "tu" => 4,
        _ => int.TryParse(w, out var n) && n is > 0 and < 20 ? n : null,
    };

    [GeneratedRegex(@" dot (\d{1,2}|i{1,3}|iv|mot|hai|ba|bon|dau) ")]
    private static partial Regex PhasePattern();

    [GeneratedRegex(@" quy (i{1,3}|iv|[1-4]|mot|hai|ba|bon|tu) ")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"( thi sao | the nao \?| con | vay | the con | con thi | rieng | doi voi )")]
    private static partial Regex FollowUp();

    [GeneratedRegex(@"^ (xin chao|chao|hello|hi|alo|chao ban|chao bot|kinh chao) ")]
    private static partial Regex Greeting();

    [GeneratedRegex(@" (huong dan su dung|tro giup|giup toi|giup do|help|lam duoc gi|hoi duoc gi|biet gi|ban la ai) ")]
    private static partial Regex Help();
}
