using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Desk;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Bot.Desk;

/// <summary>
/// What the web desk's pages stand on: the same plans, database, clock and access rules as the chat, and the same
/// appraisal and exports. The pages add no rule of their own; notices to officers go through the same outbox.
/// </summary>
public sealed class DeskContext(KnowledgeProvider knowledge, BotDatabase db, LocalClock clock, AccessOptions accessOptions, ImportOptions importOptions, ILogger<DeskContext> logger)
{
    public const string CookieName = "thidua_desk";

    public AccessPolicy Access { get; } = new(db, accessOptions, logger);
    public KnowledgeBase Plans => knowledge.Current;
    public BotDatabase Db => db;
    public LocalClock Clock => clock;
    public WebAccess SignIns => new(db, clock.TimeProvider);
    public NominationTable Table => new(db);
    public Appraisal Appraisal => new(db, clock, Access);
    public ReviewExports Exports => new(db, clock, logger);
    /// <summary>The chat's import desk: the web reads a plan file in the request, within the same limits.</summary>
    public ImportDesk Import => new(db, clock, knowledge, Access, importOptions);

    /// <summary>The person this browser is signed in as; null for no session, an expired one, or one signed out.</summary>
    public Actor? Who(HttpContext http) => SignIns.SignedIn(http.Request.Cookies[CookieName]) is { } key ? Access.Who(key) : null;

    /// <summary>A notice to an officer (returned, decided…), sent as the chat's own are: once, through the outbox.</summary>
    public void Notify(PushedMessage notice, Nomination n)
    {
        var now = clock.TimeProvider.GetUtcNow();
        OutboxWriter.EnqueueOnce(db, [OutboxWriter.FromReply($"web|{n.Id}|{n.History.Count}", notice.Channel, notice.ChatId, notice.Reply, now, now)]);
    }
}
