using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;
using ThiDua.Core.Text;

namespace ThiDua.Core.Questions;

/// <summary>
/// Reads a free-text question: which plan it names (place, number, anniversary) and which places and plan numbers it
/// names at all; the clauses it asks ("nộp mấy bộ, nộp về đâu" is two), each with its cues and the words it is
/// about; and its details (phase, collectives or individuals, quarter, month). It decides nothing: the answerer
/// weighs the cues against what the plans hold.
/// </summary>
public sealed partial class QuestionParser
{
    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<string, List<(string[] Words, QuestionKind Kind, double Weight)>> _cues = new(StringComparer.Ordinal);

    public QuestionParser(KnowledgeBase knowledge)
    {
        _knowledge = knowledge;
        foreach (var (kind, phrase, weight) in KindCues.All)
        {
            var words = phrase.Split(' ');
            if (!_cues.TryGetValue(words[0], out var list)) _cues[words[0]] = list = [];
            list.Add((words, kind, weight));
        }
        foreach (var list in _cues.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>Every cue phrase, as words (typo repair must know them).</summary>
    /// <summary>The words questions are asked in (cues, "có nhắc đến …"): known words, never "corrected" into a plan's words.</summary>
    public static IEnumerable<string[]> CuePhrases => KindCues.All.Select(c => c.Phrase.Split(' ')).Concat(MentionVerbs);

    public ParsedQuestion Parse(string text)
    {
        // Punctuation separates what is asked: each segment is read on its own, then joined.
        var segments = new List<(int Start, int Length)>();
        var asked = new HashSet<int>();
        var words = new List<string>();
        var from = 0;
        foreach (Match end in Segments().Matches(text + "\n"))
        {
            var segment = text[from..Math.Min(end.Index, text.Length)];
            from = Math.Min(end.Index + end.Length, text.Length);
            var segmentWords = _knowledge.Glossary.Expand(_knowledge.Typos.Correct(Unglued(VietnameseText.Words(segment))));
            if (segmentWords.Length == 0) continue;
            if (end.Value.Contains('?', StringComparison.Ordinal)) asked.Add(words.Count);
            segments.Add((words.Count, segmentWords.Length));
            words.AddRange(segmentWords);
        }
        // "01023/KH-UBND" is plan 1023.
        for (var i = 0; i < words.Count; i++)
            if (DocumentNumber().Match(words[i]) is { Success: true } n && words[i][0] == '0') words[i] = words[i].TrimStart('0');
        var mention = _knowledge.Resolver.Resolve(words);
        var planWords = new HashSet<int>(mention.PlanWords);
        var places = _knowledge.Places.Find(words).Select(p => AdministrativeUnits.AsWritten(p, text))
            .Select(p => p with { NamesPlan = Enumerable.Range(p.Start, p.Length).Any(planWords.Contains) }).ToList();
        var numbers = PlanNumbers(words);
        foreach (var p in places) for (var k = p.Start; k < p.Start + p.Length; k++) planWords.Add(k);
        foreach (var (at, length) in numbers.Positions) for (var k = at; k < at + length; k++) planWords.Add(k);

        var cueAt = new Cue?[words.Count];
        for (var i = 0; i < words.Count;)
        {
            var length = MatchCues(words, i, planWords, cueAt);
            i += Math.Max(1, length);
        }
        // "kế hoạch" outside a cue ("theo kh Hải Dương") refers to the plan: it says nothing of what is asked.
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == "ke" && words[i + 1] == "hoach" && !CoveredByCue(cueAt, i)) { planWords.Add(i); planWords.Add(i + 1); }
        // "có nói đến", "có đề cập": how a question asks whether the plan says something, not what it asks about.
        for (var i = 0; i < words.Count; i++)
            foreach (var phrase in MentionVerbs)
                if (WordSequence.StartsAt(words, i, phrase) && !CoveredByCue(cueAt, i))
                    for (var k = i; k < i + phrase.Length; k++) planWords.Add(k);
        var clauses = Clauses(words, segments, asked, cueAt, planWords);
        var best = clauses.SelectMany(c => c.Cues).GroupBy(kv => kv.Key).Select(g => (Kind: g.Key, Score: g.Max(kv => kv.Value)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Kind).FirstOrDefault();
        var joined = " " + string.Join(' ', words) + " ";
        return new ParsedQuestion
        {
            Text = text,
            Words = words,
            Clauses = clauses,
            Kind = best.Kind,
            KindScore = best.Score,
            Mention = mention,
            Places = places,
            PlanNumbers = numbers.Numbers,
            DayTerms = mention.Explicit ? [] : NamedDay(words, mention.PlanWords),
            Year = YearPattern().Match(joined) is { Success: true } y ? int.Parse(y.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            // "đợt 1 và đợt 2": two phases named are both asked, so none narrows the answer.
            PhaseNumber = PeriodNumbers.Phase(joined),
            Quarter = PeriodNumbers.Quarter(joined),
            Month = MonthPattern().Match(joined) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var month) && month is >= 1 and <= 12 ? month : null,
            Beneficiary = ParseBeneficiary(joined),
            AsksWhichPlans = !mention.Explicit && WhichPlans().IsMatch(joined),
            AsksWhichMovements = !mention.Explicit && WhichMovements().IsMatch(joined),
            ThisPeriod = ThisPeriod().Match(joined) is { Success: true } t ? t.Groups[1].Value : null,
            IsYesNo = YesNo().IsMatch(joined),
            LooksLikeFollowUp = FollowUp().IsMatch(joined),
            IsGreeting = Greeting().IsMatch(joined) && words.Count <= 6,
            AsksHelp = Help().IsMatch(joined),
        };
    }

    /// <summary>Words that end a question ("… không?", "… chưa ạ"): never part of what it asks about.</summary>
    public static readonly IReadOnlySet<string> EndParticles = new HashSet<string>(StringComparer.Ordinal)
    {
        "khong", "chua", "a", "ah", "nhi", "vay", "ha", "nhe", "nha", "ta", "ne",
    };

    /// <summary>The words a "có nói đến / đề cập / nhắc tới …" question asks about: after its verb, without the ending; null without one.</summary>
    public static List<string>? SubjectOfMention(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
            foreach (var verb in MentionVerbs)
                if (WordSequence.StartsAt(words, i, verb))
                {
                    var subject = words.Skip(i + verb.Length).ToList();
                    while (subject.Count > 0 && EndParticles.Contains(subject[^1])) subject.RemoveAt(subject.Count - 1);
                    return subject;
                }
        return null;
    }

    private static readonly string[][] MentionVerbs =
        [["noi", "den"], ["noi", "ve"], ["noi", "toi"], ["de", "cap"], ["nhac", "den"], ["nhac", "toi"], ["co", "neu"], ["co", "ghi"], ["co", "nhac"], ["huong", "toi"], ["huong", "den"]];

    /// <summary>"kh217", "dot1": letters typed against a number are two words.</summary>
    private static string[] Unglued(List<string> words)
    {
        var result = new List<string>(words.Count + 2);
        foreach (var w in words)
        {
            if (Glued().Match(w) is { Success: true } m) { result.Add(m.Groups[1].Value); result.Add(m.Groups[2].Value); }
            else result.Add(w);
        }
        return [.. result];
    }

    /// <summary>A cue phrase found at a position: its length and every kind it names ("còn mấy ngày" of a time frame and of a deadline).</summary>
    private sealed record Cue(int Length, IReadOnlyList<(QuestionKind Kind, double Weight)> Kinds);

    /// <summary>
    /// The longest cue phrase at a position (never across a word that named a plan); records it, returns its length.
    /// A phrase that starts inside it, reaches further and weighs more wins the words they share: "sở mấy bộ"
    /// (no accents: "so may bo") asks how many copies ("mấy bộ"), not the plan's number ("số mấy").
    /// </summary>
    private int MatchCues(List<string> words, int i, HashSet<int> planWords, Cue?[] cueAt)
    {
        if (LongestCue(words, i, planWords) is not { } here) return 0;
        for (var j = i + 1; j < i + here.Length; j++)
            if (LongestCue(words, j, planWords) is { } later && j + later.Length > i + here.Length && later.Kinds.Max(k => k.Weight) > here.Kinds.Max(k => k.Weight))
            {
                here = LongestCue(words, i, planWords, maxLength: j - i);
                if (here is null) return 0;
                break;
            }
        cueAt[i] = here;
        return here.Length;
    }

    private Cue? LongestCue(List<string> words, int i, HashSet<int> planWords, int maxLength = int.MaxValue)
    {
        if (planWords.Contains(i) || !_cues.TryGetValue(words[i], out var candidates)) return null;
        foreach (var (phrase, _, _) in candidates)
        {
            if (phrase.Length > maxLength || !WordSequence.StartsAt(words, i, phrase) || Enumerable.Range(i, phrase.Length).Any(planWords.Contains)) continue;
            return new Cue(phrase.Length, [.. candidates.Where(c => c.Words.SequenceEqual(phrase)).Select(c => (c.Kind, c.Weight))]);
        }
        return null;
    }

    /// <summary>
    /// Segments become clauses; "và", "còn" split a segment too when both sides ask for different kinds. A segment
    /// with no cue of its own ("Lào Cai,") belongs to the clause after it (or before, at the end).
    /// </summary>
    private static List<QuestionClause> Clauses(List<string> words, List<(int Start, int Length)> segments, HashSet<int> asked, Cue?[] cueAt, HashSet<int> planWords)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var (start, length) in segments)
        {
            var from = start;
            for (var i = start + 1; i < start + length - 1; i++)
            {
                if (words[i] is not ("va" or "con") || cueAt[i] is not null) continue;
                var left = CueKinds(cueAt, from, i);
                var right = CueKinds(cueAt, i + 1, start + length);
                if (left.Count == 0 || right.Count == 0 || left.SetEquals(right)) continue;
                spans.Add((from, i));
                from = i + 1;
            }
            spans.Add((from, start + length));
        }
        // In a message of several sentences, those that ask nothing and speak of the asker ("em là cán bộ xã…",
        // "lãnh đạo dặn…") are context; a sentence that only names the topic ("kh Cam Phú dẫn NĐ 98, …") is not.
        var asking = spans.Where(s => IsQuestion(words, s.Start, s.End, segments.Any(g => asked.Contains(g.Start) && g.Start <= s.Start && s.End <= g.Start + g.Length))).ToList();
        var context = asking.Count > 0 && asking.Count < spans.Count
            ? spans.Except(asking).Where(s => SpeakerWords().IsMatch(" " + string.Join(' ', words.Skip(s.Start).Take(s.End - s.Start)) + " ")).ToHashSet()
            : [];
        // Fold cue-less spans into a neighbour.
        var merged = new List<(int Start, int End, bool Context)>();
        // Context sentences join the question after them: their words say who asks and about what ("tôi là cán bộ
        // xã, tôi phải làm gì"), their cues ask nothing.
        var quiet = new HashSet<int>(context.SelectMany(c => Enumerable.Range(c.Start, c.End - c.Start)));
        var pendingStart = -1;
        foreach (var span in spans)
        {
            var start = pendingStart >= 0 ? pendingStart : span.Start;
            if (context.Contains(span) || CueKinds(cueAt, span.Start, span.End).Count == 0) { pendingStart = start; continue; }
            merged.Add((start, span.End, false));
            pendingStart = -1;
        }
        if (pendingStart >= 0)
        {
            if (merged.Count == 0) merged.Add((pendingStart, words.Count, false));
            else merged[^1] = (merged[^1].Start, words.Count, false);
        }
        return [.. merged.Select(s => Clause(words, s.Start, s.End, cueAt, planWords, quiet))];
    }

    /// <summary>A sentence that asks: it ends with "?", has a question word, asks "cho em hỏi", or ends yes-or-no ("… không", "… chưa").</summary>
    private static bool IsQuestion(List<string> words, int start, int end, bool questionMark)
    {
        var joined = " " + string.Join(' ', words.Skip(start).Take(end - start)) + " ";
        return questionMark || AskingWords().IsMatch(joined) || YesNoEnding().IsMatch(joined);
    }

    private static bool CoveredByCue(Cue?[] cueAt, int position)
    {
        for (var i = Math.Max(0, position - 4); i <= position; i++)
            if (cueAt[i] is { } c && i + c.Length > position) return true;
        return false;
    }

    private static HashSet<QuestionKind> CueKinds(Cue?[] cueAt, int from, int to)
    {
        var kinds = new HashSet<QuestionKind>();
        for (var i = from; i < to; i++) if (cueAt[i] is { } c) kinds.UnionWith(c.Kinds.Select(k => k.Kind));
        return kinds;
    }

    private static QuestionClause Clause(List<string> words, int start, int end, Cue?[] cueAt, HashSet<int> planWords, HashSet<int> quiet)
    {
        var clauseEnd = end;
        var cues = new Dictionary<QuestionKind, double>();
        var cueWords = new HashSet<int>();
        var wordsByKind = new Dictionary<QuestionKind, IReadOnlySet<string>>();
        for (var i = start; i < end; i++)
        {
            if (cueAt[i] is not { } c) continue;
            for (var k = i; k < i + c.Length && k < end; k++) cueWords.Add(k);
            // A sentence that tells rather than asks ("em muốn dẫn đúng văn bản") sets the scene: its cues ask nothing.
            if (quiet.Contains(i)) continue;
            foreach (var (kind, weight) in c.Kinds)
            {
                cues[kind] = cues.GetValueOrDefault(kind) + weight;
                var kindWords = wordsByKind.TryGetValue(kind, out var w) ? (HashSet<string>)w : new HashSet<string>(StringComparer.Ordinal);
                wordsByKind[kind] = kindWords;
                for (var k = i; k < i + c.Length && k < end; k++) kindWords.Add(words[k]);
            }
        }
        var terms = new List<string>();
        var content = new List<string>();
        var run = new List<string>();
        var contentRun = new List<string>();
        void Flush(List<string> r, List<string> into) { into.AddRange(SearchTerms.Of(r)); r.Clear(); }
        // "… bình đẳng giới không ạ": the ending pairs with no word of the subject ("gioi_khong" is nowhere, and counts as missing).
        while (end > start && EndParticles.Contains(words[end - 1])) end--;
        for (var i = start; i < end; i++)
        {
            if (planWords.Contains(i)) { Flush(run, terms); Flush(contentRun, content); continue; }
            run.Add(words[i]);
            if (cueWords.Contains(i)) Flush(contentRun, content);
            else contentRun.Add(words[i]);
        }
        Flush(run, terms);
        Flush(contentRun, content);
        return new QuestionClause(words[start..clauseEnd], cues, terms, content) { CueWords = wordsByKind };
    }

    /// <summary>The terms of the words that named a day the plans celebrate, each run of them on its own.</summary>
    private static List<string> NamedDay(List<string> words, IReadOnlySet<int> dayWords)
    {
        var terms = new List<string>();
        var run = new List<string>();
        for (var i = 0; i <= words.Count; i++)
        {
            if (i < words.Count && dayWords.Contains(i)) { run.Add(words[i]); continue; }
            if (run.Count > 0) terms.AddRange(SearchTerms.Of(run));
            run.Clear();
        }
        return terms;
    }

    /// <summary>"456/kh-ubnd", "kế hoạch (số) 456", "số 456/…": plan numbers, wherever they are loaded or not.</summary>
    private static (List<string> Numbers, List<(int At, int Length)> Positions) PlanNumbers(List<string> words)
    {
        var numbers = new List<string>();
        var positions = new List<(int, int)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (DocumentNumber().Match(words[i]) is { Success: true } d)
            {
                numbers.Add(d.Groups[1].Value.TrimStart('0'));
                positions.Add((i, 1));
            }
            else if (i + 2 < words.Count && words[i] == "ke" && words[i + 1] == "hoach")
            {
                var at = words[i + 2] == "so" && i + 3 < words.Count ? i + 3 : i + 2;
                if (Number().IsMatch(words[at]) && !(at + 1 < words.Count && words[at + 1] is "nam" or "dot" or "ngay"))
                {
                    numbers.Add(words[at].TrimStart('0'));
                    positions.Add((at, 1));
                }
            }
        }
        return ([.. numbers.Distinct()], positions);
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

    [GeneratedRegex(@"[,;?!\n]+|\.(?=\s|$)")]
    private static partial Regex Segments();


    [GeneratedRegex(@"^([a-z]{1,4})(\d{1,5})$")]
    private static partial Regex Glued();

    [GeneratedRegex(@"^0*(\d{1,5})/[a-z]")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^\d{1,5}$")]
    private static partial Regex Number();

    /// <summary>The year of the plan asked about: "kế hoạch (thi đua, khen thưởng) năm 2025", not any year a question mentions.</summary>
    [GeneratedRegex(@" (?:ke hoach|cong tac)(?: thi dua)?(?: khen thuong)? nam (20\d\d) ")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@" (quy|thang|tuan|nam) nay ")]
    private static partial Regex ThisPeriod();

    [GeneratedRegex(@" thang (\d{1,2})(?:/\d{4})? ")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@" (ke hoach nao|nhung ke hoach|cac ke hoach|tat ca ke hoach|bao nhieu ke hoach|may ke hoach|o dau co|noi nao co|tinh nao co|danh sach ke hoach|tung ke hoach|moi ke hoach|ca 5 ke hoach|ca nam ke hoach|tat ca cac ke hoach) ")]
    private static partial Regex WhichPlans();

    /// <summary>Asked of the movements themselves; about plans only when no plan is named ("Lào Cai đang là đợt thi đua nào" is about Lào Cai).</summary>
    [GeneratedRegex(@" (phong trao nao|nhung phong trao|cac phong trao|dot thi dua nao|nhung dot thi dua|cac dot thi dua) ")]
    private static partial Regex WhichMovements();

    [GeneratedRegex(@" (gi|nao|ai|bao nhieu|bao lau|bao gio|hoi|cho em hoi|cho minh hoi|cho toi hoi|xin hoi|the nao|ra sao|o dau|ve dau|di dau) ")]
    private static partial Regex AskingWords();

    [GeneratedRegex(@" (khong|chua|a|nhi|nhe|the|vay|sao)(?: a| vay| the| nhi)? $")]
    private static partial Regex YesNoEnding();

    [GeneratedRegex(@" (em|toi|minh|chung toi|chung em|ben em|ben minh|chao|xin chao|cam on|thanks|lanh dao|anh oi|chi oi|ban oi|bot oi|moi nhan|moi chuyen) ")]
    private static partial Regex SpeakerWords();

    [GeneratedRegex(@" (co|duoc|co phai|phai) .* (khong|ko|k|hong|chua) $| (khong|chua) \?? $")]
    private static partial Regex YesNo();

    [GeneratedRegex(@"( thi sao | the nao \?| con | vay | the con | con thi | rieng | doi voi )")]
    private static partial Regex FollowUp();

    [GeneratedRegex(@"^ (xin chao|chao|hello|hi|alo|chao ban|chao bot|kinh chao) ")]
    private static partial Regex Greeting();

    [GeneratedRegex(@" (huong dan su dung|tro giup|giup toi|giup do|help|lam duoc gi|hoi duoc gi|biet gi|ban la ai) ")]
    private static partial Regex Help();
}
