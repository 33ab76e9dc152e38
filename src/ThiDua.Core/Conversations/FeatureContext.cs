using Microsoft.Extensions.Logging;
using ThiDua.Core.Access;
using ThiDua.Core.Failures;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Reminders;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Conversations;

/// <summary>
/// What every feature stands on, made once by the engine: storage, clock, plans, the access policy, and the desks
/// more than one feature uses. The desks hold no state of their own (it is all in LiteDB), so they are made where used.
/// </summary>
public sealed class FeatureContext(
    KnowledgeProvider knowledge,
    BotDatabase db,
    LocalClock clock,
    AccessPolicy access,
    ILogger logger,
    ReminderOptions reminderOptions,
    FailureLog failures,
    ImportOptions? importOptions,
    ImportQueue? importQueue)
{
    private const string RegisterFirst = "Để đăng ký đề nghị khen thưởng, bạn cho biết họ tên và đơn vị (chỉ một lần).";

    public KnowledgeProvider Knowledge => knowledge;
    public BotDatabase Db => db;
    public LocalClock Clock => clock;
    public AccessPolicy Access => access;
    public ILogger Logger => logger;
    public ReminderOptions ReminderOptions => reminderOptions;
    public FailureLog Failures => failures;

    public NominationFlow Nominations => new(db, clock, access);
    public OfficerDesk Desk => new(db, clock, access);
    public RegistrationDesk Onboarding => new(db, clock, access, Membership);
    public UnitMembership Membership => new(db, clock, access);
    public IdentityLinks Links => new(db, clock, access);
    public ReviewDesk Review => new(db, clock, access);
    public ImportDesk Import => new(db, clock, knowledge, access, importOptions, importQueue);
    public PersonalReminders PersonalReminders => new(db, clock, reminderOptions);

    /// <summary>Handles a message as if just sent (set by the engine): a request replayed after registering.</summary>
    internal Func<Turn, List<Reply>> Handle { get; set; } = _ => [];

    /// <summary>Runs a message again through the whole engine (set by the engine): a failed one an administrator re-runs.</summary>
    internal Func<IncomingMessage, Task<ConversationResult>> HandleAgain { get; set; } = _ => Task.FromResult(new ConversationResult([]));

    /// <summary>Nominations need to know who and which unit: unregistered people are asked first, then their request is replayed.</summary>
    public List<Reply>? Gate(Turn turn, string? text = null, string? button = null) =>
        turn.Actor.IsRegistered ? null : [Onboarding.Begin(turn.Actor.Key, RegisterFirst, text, button)];

    /// <summary>What the person asked before registering, answered now that they are.</summary>
    public List<Reply> Replay(Turn turn, Registration done)
    {
        if (done.PendingText is null && done.PendingButton is null) return [];
        var again = turn.Message with { Text = done.PendingText, ButtonData = done.PendingButton };
        return Handle(turn with { Message = again, Actor = access.Who(again) });
    }
}
