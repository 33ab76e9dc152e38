using ThiDua.Core.Conversations;

namespace ThiDua.Core.Desk;

/// <summary>/web: a one-time link to the web desk for the person asking, on whatever channel they ask.</summary>
public sealed class WebSignInFeature(DeskAddress desk) : IFeature
{
    public void Register(FeatureRoutes routes, FeatureContext context) => routes.Command("web", (turn, _) => [LinkFor(context, turn)]);

    private Reply LinkFor(FeatureContext context, Turn turn)
    {
        if (desk.Url is not { } address)
            return new Reply("Bàn làm việc trên web chưa bật trên máy chủ này (quản trị viên bật bằng cấu hình Urls).");
        if (!turn.Actor.IsRegistered && !turn.Actor.IsReviewer)
            return new Reply("Bàn làm việc trên web dành cho cán bộ đã đăng ký. Gõ /dangky để đăng ký (họ tên, đơn vị) trước.");
        if (turn.Message.InSharedChat)
            return new Reply("Liên kết đăng nhập là của riêng bạn: gõ /web trong chat riêng với bot.");
        var secret = new WebAccess(context.Db, context.Clock.TimeProvider).NewLink(turn.Actor.Key);
        var minutes = (int)WebAccess.LinkLifetime.TotalMinutes;
        return new Reply($"Mở liên kết này trong {minutes} phút để vào bàn làm việc trên web (dùng một lần, chỉ cho bạn):\n{address}{DeskAddress.SignInPath(secret)}");
    }
}
