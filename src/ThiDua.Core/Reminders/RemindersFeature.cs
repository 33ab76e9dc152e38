using ThiDua.Core.Conversations;

namespace ThiDua.Core.Reminders;

/// <summary>Deadline reminders a chat follows (/nhacviec, "r|") and one's own reminders (/nhacnho, "x|").</summary>
public sealed class RemindersFeature : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context)
    {
        FollowDesk Follows() => new(context.Db, context.Clock.TimeProvider, context.ReminderOptions);
        routes.Command("nhacviec", (turn, _) => [Follows().Menu(turn.Knowledge, turn.Message)]);
        routes.Command("nhacnho", (turn, _) => [context.PersonalReminders.List(turn.Message)]);
        routes.Button<FollowPress>((turn, press) => [Follows().Press(turn.Knowledge, turn.Message, press, turn.Today)]);
        // Removing a personal reminder redraws the message it was pressed on, where the channel can.
        routes.Button<PersonalReminderPress>((turn, press) => [context.PersonalReminders.Press(turn.Message, press) with { ReplacesPressedMessage = press is PersonalReminderPress.Delete }]);
    }
}
