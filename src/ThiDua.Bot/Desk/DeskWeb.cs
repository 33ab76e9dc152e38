using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Desk;

namespace ThiDua.Bot.Desk;

/// <summary>
/// The web desk in the host's web server: pages rendered on the server (Razor components, no script), a session
/// cookie from a one-time /web link, antiforgery on every form, strict security headers, nothing from a CDN.
/// </summary>
public sealed class DeskWeb(DeskAddress address) : IWebModule
{
    public void AddServices(IServiceCollection services, IServiceProvider host)
    {
        services.AddSingleton(host.GetRequiredService<DeskContext>());
        services.AddSingleton(address);
        services.AddRazorComponents();
        // Vietnamese as it is written, not as numeric entities: half the size, and readable in the page source. Markup is still escaped.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "thidua_desk_af";
            o.Cookie.Path = "/desk";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public void Map(WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/desk"), desk => desk.Use(SecurityHeaders));
        app.UseAntiforgery();
        app.MapGet("/desk/desk.css", Stylesheet);
        DeskEndpoints.Map(app);
        app.MapRazorComponents<App>();
    }

    public void Started(IReadOnlyList<string> addresses)
    {
        if (addresses.Count > 0) address.Listening(addresses[0]);
    }

    /// <summary>No script at all, nothing from elsewhere, never inside another site's frame, no guessing of file types.</summary>
    private static Task SecurityHeaders(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Dossier files open in the browser's own viewer: the page policy is for pages.
        if (!http.Request.Path.StartsWithSegments("/desk/files"))
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.CacheControl = "no-store";
        return next(http);
    }

    private static IResult Stylesheet()
    {
        using var css = Assembly.GetExecutingAssembly().GetManifestResourceStream("desk.css")!;
        using var reader = new StreamReader(css);
        return Results.Text(reader.ReadToEnd(), "text/css; charset=utf-8");
    }
}
