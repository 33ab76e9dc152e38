using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ThiDua.Core.Conversations;
using ThiDua.Core.Desk;
using ThiDua.Core.Import;
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
        // A plan file may be up to the import limit; every other request stays within the server's 1 MB.
        app.MapPost("/desk/import", Upload).WithMetadata(new BodyLimit(PlanFileReader.MaxBytes + 64 * 1024));
        app.MapPost("/desk/import/press", PressDraft);
        app.MapPost("/desk/import/value", CorrectDraft);
    }

    /// <summary>A used, expired or forged link opens nothing and says so; a good one starts the session and leaves the address bar.</summary>
    private static IResult SignIn(string secret, HttpContext http, DeskContext desk, DeskAddress address)
    {
        if (desk.SignIns.Redeem(secret) is not var (cookie, _)) return Results.Redirect("/desk/signin?loi=1");
        http.Response.Cookies.Append(DeskContext.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the link is opened from a chat app (another site); forms are guarded by antiforgery.
            SameSite = SameSiteMode.Lax,
            // Behind the office's HTTPS proxy the request itself arrives in plain HTTP: the public address says it is HTTPS.
            Secure = http.Request.IsHttps || address.Url?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true,
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
        if (StatusFlow.Parse(form["to"]) is not { } to) return Results.Redirect(WithMessage(back, "Chưa chọn thao tác."));
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

    /// <summary>A plan file uploaded: read now, within the import limits, into a draft to check field by field (the chat's import desk).</summary>
    private static async Task<IResult> Upload(IFormFile? file, HttpContext http, DeskContext desk, CancellationToken ct)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        if (file is null || file.Length == 0) return Results.Redirect(WithMessage(ImportPage, "Chưa chọn tệp kế hoạch."));
        if (!actor.IsReviewer) return Results.Redirect(WithMessage(ImportPage, desk.Import.Start(actor, NoChat()).Text));
        var incoming = new IncomingFile(Path.GetFileName(file.FileName), file.ContentType, file.Length, _ => Task.FromResult(file.OpenReadStream()));
        var reply = await desk.Import.DraftAsync(actor, incoming, ct);
        return Results.Redirect(WithMessage(ImportPage, reply.Text));
    }

    /// <summary>A button of the draft's card (right, drop, publish), as in chat.</summary>
    private static IResult PressDraft(IFormCollection form, HttpContext http, DeskContext desk)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        var reply = desk.Import.Press(desk.Plans, actor, NoChat(), Payload.Read<ImportPress>(form["press"].ToString()));
        return Results.Redirect(WithMessage(ImportPage, reply.Text));
    }

    /// <summary>The right value of the field being checked, typed in the page instead of after “Sửa” in chat.</summary>
    private static IResult CorrectDraft(IFormCollection form, HttpContext http, DeskContext desk)
    {
        if (desk.Who(http) is not { } actor) return Results.Redirect("/desk/signin");
        var reply = desk.Import.Edit(actor, NoChat(), new DraftValue(form["draft"].ToString()), form["value"].ToString());
        return Results.Redirect(WithMessage(ImportPage, reply.Text));
    }

    private const string ImportPage = "/desk/import";

    /// <summary>The chat state the import desk keeps its awaited input in: a page has none to keep.</summary>
    private static Core.Storage.ChatState NoChat() => new() { Key = "web" };

    private sealed class BodyLimit(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string WithMessage(string back, string message) =>
        $"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}kq={Uri.EscapeDataString(Core.Text.TextFit.Shorten(message, 1500))}";
}
