using System.Text.RegularExpressions;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// One officer in one private chat, acting on each message like a person would: asks questions, registers
/// nominations (the first one registers the officer: name, then unit), presses Xác nhận on the summary card.
/// Whatever it did not expect (a form the bot calls finished, an answer to something else) makes it type the
/// nomination again. Its tasks come from a seeded Random, so a run repeats the same conversations.
/// </summary>
internal sealed partial class Officer
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn", "Thắng", "Tuấn", "Việt"];
    private const int MaxRetypes = 4;

    private readonly Random _random;
    private readonly List<string> _questions;
    private int _lastQuestion = -1;
    private int _nominees;
    private string? _nominee;
    private bool _cancelling;
    private int _retypes;
    private readonly TimeSpan? _repeatsWithin;
    private string? _lastSeen;
    private DateTimeOffset _lastSeenAt;
    private bool _windingDown;

    /// <param name="repeatsWithin">
    /// A message the same as the last one, this soon after it, is the platform's repeat and read once (null: never, as
    /// in the scripted channel). Shorter than the silence after which the officer sends again, so an answer the same as
    /// the last one to a message sent again is still read.
    /// </param>
    public Officer(int index, long chatId, int seed, IReadOnlyList<string> questions, TimeSpan? repeatsWithin)
    {
        _repeatsWithin = repeatsWithin;
        Index = index;
        ChatId = chatId;
        _random = new Random(seed);
        _questions = [.. questions];
        Name = $"{FamilyNames[index % FamilyNames.Length]} Thị {GivenNames[index / FamilyNames.Length % GivenNames.Length]}";
        Unit = $"UBND xã Bản {index + 1}";
    }

    public int Index { get; }
    public long ChatId { get; }
    public string Name { get; }
    public string Unit { get; }
    /// <summary>The input that waits for the bot's answer, null when the officer has nothing more to do.</summary>
    public ChatInput? Waiting { get; private set; }
    public bool Done => Waiting is null;
    public List<(string Code, string Nominee)> Confirmations { get; } = [];
    public int Retypes { get; private set; }
    public int Abandoned { get; private set; }
    public int DuplicateWarnings { get; private set; }
    public int Sent { get; private set; }

    public ChatInput Begin() => Send(NextTask()!);

    /// <summary>After the task in hand, nothing more.</summary>
    public void WindDown() => _windingDown = true;

    /// <summary>No answer came: the same input once more, as a person taps again.</summary>
    public ChatInput? SendAgain() => Waiting is { } input ? Send(input) : null;

    /// <summary>The next input once the bot has answered, or null to wait for another message (or when done).</summary>
    public ChatInput? OnMessage(BotMessage message)
    {
        if (message.Text.StartsWith("✅ Đã đăng ký:", StringComparison.Ordinal)) return null;    // the card follows
        if (_repeatsWithin is { } window && message.Text == _lastSeen && message.At - _lastSeenAt < window)
            return null;                                 // the same message again soon after: read once
        (_lastSeen, _lastSeenAt) = (message.Text, message.At);
        if (Saved().Match(message.Text) is { Success: true } saved) Confirmations.Add((saved.Groups["code"].Value, saved.Groups["name"].Value));
        if (Waiting is null) return null;
        return Send(Next(message) ?? NextTask());
    }

    private ChatInput? Next(BotMessage message)
    {
        if (_nominee is not { } nominee) return null;    // a question's answer ends the task
        if (_cancelling) return null;
        if (Confirmations.Count > 0 && Confirmations[^1].Nominee == nominee && message.Text.Contains(Confirmations[^1].Code, StringComparison.Ordinal)) return null;
        if (message.Text.Contains("trùng với", StringComparison.Ordinal) && message.Buttons.Contains("f|cancel"))
        {
            // Told it is saved already: the officer stops there and cancels the copy.
            DuplicateWarnings++;
            _cancelling = true;
            return ChatInput.Press("f|cancel", message.MessageId);
        }
        if (message.Buttons.Contains("g|cancel") && message.Text.Contains("họ và tên", StringComparison.OrdinalIgnoreCase)) return ChatInput.Say(Name);
        if (message.Text.Contains("Đơn vị của bạn", StringComparison.Ordinal)) return ChatInput.Say(Unit);
        if (message.Buttons.Contains("f|ok")) return ChatInput.Press("f|ok", message.MessageId);
        if (message.Text.StartsWith("Bạn đang đăng ký dở", StringComparison.Ordinal)) return ChatInput.Press("f|resume", message.MessageId);
        if (++_retypes > MaxRetypes)
        {
            Abandoned++;
            return null;
        }
        Retypes++;
        return QuickEntry(nominee);
    }

    /// <summary>A question (never the one just asked) or a nomination, about as often; null once winding down.</summary>
    private ChatInput? NextTask()
    {
        (_nominee, _cancelling, _retypes) = (null, false, 0);
        if (_windingDown) return null;
        if (_random.Next(5) < 2)
        {
            _nominee = NomineeName(_nominees++);
            return QuickEntry(_nominee);
        }
        int pick;
        do pick = _random.Next(_questions.Count); while (pick == _lastQuestion);
        _lastQuestion = pick;
        return ChatInput.Say(_questions[pick]);
    }

    private ChatInput Send(ChatInput? input)
    {
        Waiting = input;
        if (input is not null) Sent++;
        return input!;
    }

    /// <summary>Distinct within a chat: a second nomination of one person would be a duplicate on purpose.</summary>
    private string NomineeName(int n) =>
        $"{FamilyNames[(n + Index) % FamilyNames.Length]} Văn {GivenNames[n / FamilyNames.Length % GivenNames.Length]} {GivenNames[(n + 7) % GivenNames.Length]}";

    private static ChatInput QuickEntry(string nominee) => ChatInput.Say(
        $"Đề nghị BK CT tỉnh cho đ/c {nominee}, Chỉ huy trưởng Ban CHQS xã Y, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");

    [GeneratedRegex(@"Đã lưu đề nghị (?<code>[A-Z]+-\d{4}-\d{4}) \(trạng thái: nháp\) cho (?<name>[^\n]+?)\.(\n|$)")]
    private static partial Regex Saved();
}
