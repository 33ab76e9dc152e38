using System.Net;
using System.Text.RegularExpressions;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Desk;

/// <summary>
/// The desk's guarantees as an attacker would probe them over plain HTTP: no data without a session, links that
/// work once and only in time, nobody reaching another unit's nomination or file, no form accepted without its
/// antiforgery token, typed HTML shown as text, and the headers that keep pages out of frames and scripts out.
/// </summary>
public sealed partial class WebDeskSecurityTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }), cookies);
    }

    private static async Task<HttpClient> SignedIn(DeskSession desk, string chat)
    {
        var link = await desk.SignInLink(chat);
        var (client, _) = Browser();
        client.BaseAddress = new Uri(DeskSession.BaseOf(link));
        var opened = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/desk", DeskSession.RedirectPath(opened));
        return client;
    }

    [Fact]
    public async Task Without_a_session_every_page_sends_to_sign_in_and_shows_no_data()
    {
        using var desk = await DeskSession.StartAsync();
        var code = await desk.Nominate(DeskSession.OfficerA, "Nguyễn Văn Một");
        var (client, _) = Browser();
        client.BaseAddress = new Uri(DeskSession.BaseOf(await desk.SignInLink(DeskSession.OfficerA)));
        foreach (var path in new[] { "/desk", "/desk/nominations", $"/desk/nominations/{code}", "/desk/plans", $"/desk/files/{code}/0", "/desk/export?kehoach=lao-cai-217" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/desk/signin", DeskSession.RedirectPath(response), StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Văn Một", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Without_a_web_address_web_says_the_desk_is_off_and_gives_no_link()
    {
        using var db = new ThiDua.Core.Tests.TempDatabase();
        using var bot = new ScriptSession("--now", "2024-05-02T09:00:00+07:00", $"--Storage:DatabasePath={db.Path}", "--Access:Admins:0=script:admin");
        var reply = FirstText(await bot.Text("admin", "/web"));
        Assert.Contains("chưa bật", reply);
        Assert.DoesNotContain("/desk/signin", reply);
    }

    [Fact]
    public async Task A_link_opens_once_and_only_in_time_and_a_forged_one_never()
    {
        using var desk = await DeskSession.StartAsync();
        var link = await desk.SignInLink(DeskSession.OfficerA);
        var (client, _) = Browser();
        Assert.Equal("/desk", DeskSession.RedirectPath(await client.GetAsync(link)));
        Assert.Equal("/desk/signin?loi=1", DeskSession.RedirectPath(await client.GetAsync(link)));           // used
        Assert.Equal("/desk/signin?loi=1", DeskSession.RedirectPath(await client.GetAsync(link[..^3] + "abc"))); // forged

        var late = await desk.SignInLink(DeskSession.OfficerA);
        await desk.Bot.SendAsync(new { clock = "2024-05-02T09:11:00+07:00" });
        Assert.Equal("/desk/signin?loi=1", DeskSession.RedirectPath(await client.GetAsync(late)));            // expired after 10 minutes
    }

    [Fact]
    public async Task An_officer_never_reaches_another_units_nomination_or_its_file()
    {
        using var desk = await DeskSession.StartAsync();
        var theirs = await desk.Nominate(DeskSession.OfficerA, "Nguyễn Văn Một");
        await desk.Bot.SendAsync(new { chat = DeskSession.OfficerA, file = DeskSession.PdfFile("to-trinh.pdf"), caption = "Tờ trình" });
        var mine = await desk.Nominate(DeskSession.OfficerB, "Giàng A Hai");
        var b = await SignedIn(desk, DeskSession.OfficerB);

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/desk/nominations/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/desk/files/{theirs}/0")).StatusCode);
        var list = await b.GetStringAsync("/desk/nominations");
        Assert.Contains(mine, list);
        Assert.DoesNotContain(theirs, list);
        // An officer is no reviewer: the step is refused by the same rules as in chat, and nothing changes.
        var page = await b.GetStringAsync($"/desk/nominations/{mine}");
        var token = Token().Match(await b.GetStringAsync("/desk/nominations")).Groups[1].Value;
        var act = await b.PostAsync("/desk/act", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("code", mine), new("to", "UnderReview"), new("back", $"/desk/nominations/{mine}")]));
        Assert.Contains("dành cho cán bộ thẩm định", Uri.UnescapeDataString(DeskSession.RedirectPath(act)!));
        Assert.DoesNotContain("Nhận thẩm định", page);
        Assert.Contains("đã nộp", await b.GetStringAsync($"/desk/nominations/{mine}"));
    }

    [Fact]
    public async Task A_step_without_the_antiforgery_token_is_refused()
    {
        using var desk = await DeskSession.StartAsync();
        var code = await desk.Nominate(DeskSession.OfficerA, "Nguyễn Văn Một");
        var reviewer = await SignedIn(desk, DeskSession.Reviewer);

        var forged = await reviewer.PostAsync("/desk/act", new FormUrlEncodedContent([new("code", code), new("to", "UnderReview")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("đã nộp", await reviewer.GetStringAsync($"/desk/nominations/{code}"));
        Assert.DoesNotContain(Pushed(await desk.Bot.Text(DeskSession.OfficerA, "/cuatoi")), _ => true);
    }

    [Fact]
    public async Task Typed_html_is_shown_as_text_and_pages_carry_strict_security_headers()
    {
        using var desk = await DeskSession.StartAsync();
        var code = await desk.Nominate(DeskSession.OfficerA, "Nguyễn Văn Một", achievement: "dẫn đầu phong trào <script>alert(1)</script>");
        var reviewer = await SignedIn(desk, DeskSession.Reviewer);

        var response = await reviewer.GetAsync($"/desk/nominations/{code}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("script-src", csp);           // default-src 'none': no script at all
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_session_lasts_across_a_restart_and_ends_at_sign_out()
    {
        using var desk = await DeskSession.StartAsync();
        var link = await desk.SignInLink(DeskSession.Reviewer);
        var (client, cookies) = Browser();
        await client.GetAsync(link);

        desk.Restart("2024-05-02T10:00:00+07:00");
        var again = DeskSession.BaseOf(await desk.SignInLink(DeskSession.Admin));
        var home = await client.GetAsync($"{again}/desk");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Trần Văn Thẩm", await home.Content.ReadAsStringAsync());

        var token = Token().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value;
        var signedOut = await client.PostAsync($"{again}/desk/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal("/desk/signin?ra=1", DeskSession.RedirectPath(signedOut));
        Assert.StartsWith("/desk/signin", DeskSession.RedirectPath(await client.GetAsync($"{again}/desk")), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(new Uri(again + "/desk")), c => c.Name == "thidua_desk" && !c.Expired && c.Value.Length > 0);
    }
}
