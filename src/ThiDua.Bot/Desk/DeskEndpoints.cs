using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ThiDua.Core.Desk;
using ThiDua.Core.Nominations;
using ThiDua.Core.Review;

namespace ThiDua.Bot.Desk;

/// <summary>
/// The desk's routes that are not pages: signing in and out, dossier files, the spreadsheet of a filtered view, and
/// the reviewer's status steps (one or several nominations). Every one asks <see cref="DeskContext.Who"/> first and
/// the core's rules after; form posts carry the antiforgery token or are refused.
/// </summary>
public static class DeskEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/desk/signin/{secret}", SignIn);
        app.MapPost("/desk/signout", SignOut);
        app.MapGet("/desk/files/{code}/{index:int}", File);
        app.MapGet("/desk/export", Export);
        app.MapPost("/desk/act", Act);
    }

    /// <summary>A used, expired or forged link opens nothing and says so; a good one starts the session and leaves the address bar.</summary>
    private static IResult SignIn(string secret, HttpContext http, DeskContext desk)
    {
        if (desk.SignIns.Redeem(secret) is not var (cookie, _)) return Results.Redirect("/desk/signin?loi=1");
        http.Response.Cookies.Append(DeskContext.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the link is opened from a chat app (another site); forms are guarded by antiforgery.
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/desk",
            // No expiry of its own: the browser forgets it when closed, and the server ends the session on time.
        });
        return Results.Redirect("/desk");
    }

    private static IResult SignOut(IFormCollection form, HttpContext http, DeskContext desk)
    {
        desk.SignIns.SignOut(http.Request.Cookies[DeskContext.CookieName]);
        http.Response.Cookies.Delete(DeskContext.CookieName, new CookieOptions { Path = "/desk" });
        return Results.Redirect("/desk/signin?ra=1");
    }

    /// <summary>A dossier file, to whoever may read its nomination, and only if it is the file that was stored (SHA-256).</summary>
    private static IResult File(string code, int index, HttpContext http, DeskContext desk)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        if (desk.Table.ByCode(desk.Plans, actor, code) is not { } n || index < 0 || index >= n.Attachments.Count) return Results.NotFound();
        var attachment = n.Attachments[index];
        var content = new MemoryStream();
        if (desk.Db.Files.FindById(attachment.FileId) is null) return Results.Problem($"Tệp “{attachment.FileName}” không còn trong kho.", statusCode: 410);
        if (DossierFiles.CopyVerified(desk.Db, attachment.FileId, attachment.Sha256, content) is { } damaged)
            return Results.Problem($"Tệp “{attachment.FileName}” của {n.Code} hỏng ({damaged}): không gửi bản hỏng. Quản trị viên khôi phục từ bản sao lưu, hoặc đơn vị gửi lại tệp.", statusCode: 500);
        content.Position = 0;
        var type = DossierFiles.ContentTypeFor(attachment.FileName);
        // PDFs and photos open in the browser; anything else is downloaded, never rendered as a page of the desk.
        var inline = type is "application/pdf" || type.StartsWith("image/", StringComparison.Ordinal);
        return Results.File(content, inline ? type : "application/octet-stream", inline ? null : DossierFiles.NormaliseName(attachment.FileName), enableRangeProcessing: false);
    }

    /// <summary>
    /// What the table shows now (its filters), for one plan: the trích ngang spreadsheet, or (for a reviewer) the draft
    /// Tờ trình of those under review or presented, as the chat's /duyet makes them.
    /// </summary>
    private static IResult Export(HttpContext http, DeskContext desk)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        var query = DeskQuery.From(http.Request.Query);
        if (query.Plan is null || desk.Plans.Find(query.Plan) is not { } plan)
            return Results.BadRequest("Chọn một kế hoạch trong bộ lọc rồi xuất: danh sách trích ngang là của một kế hoạch.");
        var rows = desk.Table.All(desk.Plans, actor, query);
        var toTrinh = http.Request.Query[DeskQuery.Kind] == DeskQuery.ToTrinh;
        if (toTrinh && !actor.IsReviewer) return Results.BadRequest(Appraisal.NotReviewer);
        var reply = toTrinh
            ? desk.Exports.ToTrinh(plan, [.. rows.Where(n => n.Status is NominationStatus.UnderReview or NominationStatus.Presented)])
            : desk.Exports.Spreadsheet(plan, rows, "bộ lọc trên bàn làm việc web");
        return reply.File is { } file ? Results.File(file.Path, file.ContentType, file.FileName) : Results.BadRequest(reply.Text);
    }

    /// <summary>
    /// One status step for each nomination named ("code", once or many times): each checked by the same appraisal
    /// rules as in chat; the officers are told through the outbox; the page comes back with what was done and refused.
    /// </summary>
    private static IResult Act(IFormCollection form, HttpContext http, DeskContext desk)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        var back = form["back"].ToString() is { } b && b.StartsWith("/desk", StringComparison.Ordinal) && !b.StartsWith("//", StringComparison.Ordinal) && !b.Contains('\\') ? b : "/desk/nominations";
        if (!Enum.TryParse<NominationStatus>(form["to"], out var to) || !Enum.IsDefined(to) || char.IsDigit(form["to"].ToString().FirstOrDefault()))
            return Results.Redirect(WithMessage(back, "Chưa chọn thao tác."));
        DateOnly? date = DateOnly.TryParseExact(form["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var step = new AppraisalStep(to, NullIfBlank(form["note"]), NullIfBlank(form["number"]), date);
        var codes = form["code"].Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct().Take(NominationTable.MaxPageSize).ToList();
        if (codes.Count == 0) return Results.Redirect(WithMessage(back, "Chưa chọn đề nghị nào."));
        var messages = new List<string>();
        foreach (var code in codes)
        {
            if (desk.Table.ByCode(desk.Plans, actor, code) is not { } n)
            {
                messages.Add($"{code}: không có, hoặc ngoài phạm vi của bạn.");
                continue;
            }
            var outcome = desk.Appraisal.Take(desk.Plans, actor, n, step);
            if (outcome.Notice is { } notice) desk.Notify(notice, n);
            messages.Add(outcome.Message);
        }
        return Results.Redirect(WithMessage(back, string.Join(" ", messages)));
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string WithMessage(string back, string message) =>
        $"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}kq={Uri.EscapeDataString(TextFit(message))}";

    private static string TextFit(string s) => Core.Text.TextFit.Shorten(s, 1500);
}
