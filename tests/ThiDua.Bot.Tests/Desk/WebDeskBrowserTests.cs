using Microsoft.Playwright;
using MiniExcelLibs;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Desk;

/// <summary>Debian's chromium, driven by Playwright: one browser for the class, a fresh context (cookies) per test.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Path = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests leave screenshots of the main pages, to be looked at.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "desk-screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path)) throw new InvalidOperationException($"Chưa có trình duyệt {Path}: apt-get install chromium (.ci/run cài sẵn).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Path, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// The office's day on the web desk, in a real browser against the built bot: officers work in chat, the reviewer
/// signs in with /web, filters, opens a nomination and its file, returns it with a reason the officer receives in
/// chat, sees it come back fixed, moves three at once, and downloads the spreadsheet of the filtered view.
/// </summary>
public sealed class WebDeskBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_reviewer_works_through_nominations_from_chat_on_the_web_and_the_officer_hears_of_it_in_chat()
    {
        using var desk = await DeskSession.StartAsync();
        var first = await desk.Nominate(DeskSession.OfficerA, "Nguyễn Văn Một");
        var pdf = DeskSession.PdfFile("to-trinh-mot.pdf");
        Assert.Contains("Đã gắn", AllText(await desk.Bot.SendAsync(new { chat = DeskSession.OfficerA, file = pdf, caption = "Tờ trình" })));
        var second = await desk.Nominate(DeskSession.OfficerB, "Giàng A Hai");
        var third = await desk.Nominate(DeskSession.OfficerA, "Lò Văn Ba");

        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(await desk.SignInLink(DeskSession.Reviewer));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chào Trần Văn Thẩm" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("1-trang-chinh"), FullPage = true });

        // The table, filtered to one unit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đề nghị", Exact = true }).ClickAsync();
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "UBND xã Bản Vược" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var table = page.Locator("table.nominations");
        await Assertions.Expect(table).ToContainTextAsync(first);
        await Assertions.Expect(table).ToContainTextAsync(third);
        await Assertions.Expect(table).Not.ToContainTextAsync(second);
        await page.ScreenshotAsync(new() { Path = Shot("2-danh-sach-loc-don-vi"), FullPage = true });
        // The same table on a phone: one card per nomination, nothing wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("2b-danh-sach-dien-thoai"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Shot("2b-danh-sach-dien-thoai"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // One nomination, its file as the browser gets it, and a return with a reason.
        await page.GetByRole(AriaRole.Link, new() { Name = first }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Nguyễn Văn Một");
        var fileLink = page.GetByRole(AriaRole.Link, new() { Name = "to-trinh-mot.pdf" });
        var file = await context.APIRequest.GetAsync(new Uri(new Uri(page.Url), await fileLink.GetAttributeAsync("href")).ToString());
        Assert.Equal(200, file.Status);
        Assert.Equal("application/pdf", file.Headers["content-type"]);
        Assert.Equal(await File.ReadAllBytesAsync(pdf), await file.BodyAsync());
        await page.ScreenshotAsync(new() { Path = Shot("3-de-nghi"), FullPage = true });
        await page.GetByLabel("Lý do trả lại").FillAsync("Thiếu báo cáo thành tích có xác nhận của UBND xã");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã chuyển {first}: đã nộp → trả lại.");

        // The officer's next line in chat carries the notice, with the reason.
        var next = await desk.Bot.Text(DeskSession.OfficerA, "/cuatoi");
        var notice = Assert.Single(Pushed(next));
        Assert.Equal(DeskSession.OfficerA, notice.GetProperty("chat").GetString());
        Assert.Contains("Thiếu báo cáo thành tích", notice.GetProperty("text").GetString());

        // Fixed and submitted again in chat: the web shows it at the next load.
        var id = int.Parse(first[^4..], System.Globalization.CultureInfo.InvariantCulture);
        await desk.Bot.Press(DeskSession.OfficerA, $"n|edit|{id}");
        await desk.Bot.Text(DeskSession.OfficerA, "sửa thành tích: hoàn thành xuất sắc nhiệm vụ năm 2023, có báo cáo thành tích kèm theo");
        Assert.Contains(first, FirstText(await desk.Bot.Press(DeskSession.OfficerA, "f|ok")));
        Assert.Contains("Đã nộp lại", FirstText(await desk.Bot.Press(DeskSession.OfficerA, $"n|submitok|{id}")));

        // Three at once, then the spreadsheet of the plan's view, read back.
        await page.GotoAsync($"{DeskSession.BaseOf(page.Url)}/desk/nominations?kehoach=lao-cai-217");
        foreach (var code in new[] { first, second, third }) await page.GetByLabel($"Chọn {code}").CheckAsync();
        await page.GetByLabel("Chuyển sang").SelectOptionAsync("UnderReview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thực hiện" }).ClickAsync();
        foreach (var code in new[] { first, second, third })
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã chuyển {code}: đã nộp → đang thẩm định.");
        await page.ScreenshotAsync(new() { Path = Shot("4-da-chuyen-ba-de-nghi"), FullPage = true });
        await page.GetByText("Tổng hợp theo hình thức và đơn vị").ClickAsync();
        await Assertions.Expect(page.Locator("details.totals")).ToContainTextAsync("UBND xã Bản Vược: 2");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất danh sách trích ngang (.xlsx)" }).ClickAsync());
        var saved = System.IO.Path.Combine(Chromium.Screenshots, "trich-ngang.xlsx");
        await download.SaveAsAsync(saved);
        var rows = MiniExcel.Query(saved, useHeaderRow: true, startCell: $"A{ThiDua.Core.Nominations.TrichNgangExport.HeaderRow}").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Nguyễn Văn Một", "Giàng A Hai", "Lò Văn Ba"], rows.Select(r => r["Họ tên / tên tập thể"]?.ToString() ?? "").ToArray());
        Assert.All(rows, r => Assert.Equal("đang thẩm định", r["Trạng thái"]?.ToString()));
        var draft = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Dự thảo tờ trình (.docx)" }).ClickAsync());
        var docx = System.IO.Path.Combine(Chromium.Screenshots, "to-trinh.docx");
        await draft.SaveAsAsync(docx);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("TỜ TRÌNH", text);
            foreach (var name in rows.Select(r => r["Họ tên / tên tập thể"]!.ToString()!)) Assert.Contains(name, text);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.summary")).ToContainTextAsync("Bằng khen của Chủ tịch UBND tỉnh: 3");
        await page.ScreenshotAsync(new() { Path = Shot("5-ke-hoach"), FullPage = true });

        // Each officer hears of their own, in their chat (the scripted channel prints every chat's notices on the next line).
        var told = Pushed(await desk.Bot.Text(DeskSession.OfficerA, "/cuatoi")).Where(p => p.GetProperty("text").GetString()!.Contains("đang thẩm định", StringComparison.Ordinal)).ToList();
        Assert.Equal([DeskSession.OfficerA, DeskSession.OfficerA, DeskSession.OfficerB], told.Select(p => p.GetProperty("chat").GetString()!).Order().ToArray());
        Assert.Contains(told, p => p.GetProperty("chat").GetString() == DeskSession.OfficerB && p.GetProperty("text").GetString()!.Contains(second, StringComparison.Ordinal));
    }

    /// <summary>A real plan the bot has never seen, imported on the web: read, checked field by field beside its text, published, then answered in chat.</summary>
    [Fact]
    public async Task A_reviewer_imports_a_plan_on_the_web_and_officers_can_ask_about_it_in_chat()
    {
        using var desk = await DeskSession.StartAsync();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(System.IO.Path.Combine(root.FullName, "ThiDua.Bot.sln"))) root = root.Parent!;
        var plan = System.IO.Path.Combine(root.FullName, "tests", "eval", "openings", "hoa-binh-18-2024.txt");
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(await desk.SignInLink(DeskSession.Reviewer));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập kế hoạch" }).ClickAsync();
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(plan);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc tệp" }).ClickAsync();

        // The draft's first field, beside the plan's own text.
        await Assertions.Expect(page.Locator(".card")).ToContainTextAsync("(1/");
        await Assertions.Expect(page.Locator(".plantext")).ToContainTextAsync("Hòa Bình");
        await page.ScreenshotAsync(new() { Path = Shot("6-nhap-ke-hoach"), FullPage = true });
        for (var step = 0; step < ThiDua.Core.Import.ImportDesk.StepCount; step++)
            await page.GetByRole(AriaRole.Button, new() { Name = "Đúng", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã công bố kế hoạch");

        var plans = FirstText(await desk.Bot.Text(DeskSession.OfficerA, "/kehoach"));
        Assert.Contains("Hòa Bình", plans);
    }

    private static string Shot(string name) => System.IO.Path.Combine(Chromium.Screenshots, name + ".png");
}
