using System.Text;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import;

namespace ThiDua.Core.Tests;

/// <summary>What one plan file may cost, pages, text and time, is bounded, and each refusal names its limit.</summary>
public class ImportLimitTests
{
    private static readonly string LaoCai = File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "lao-cai-217.txt"));

    [Fact]
    public void A_pdf_of_thousands_of_pages_is_refused_by_its_page_count_before_any_text_is_read()
    {
        using var pdf = new MemoryStream(HostileFiles.ManyPagesPdf());
        var refused = Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(pdf, "dai.pdf"));
        Assert.Contains("quá 200 trang", refused.Message);
        Assert.Contains("Import:MaxPdfPages", refused.Message);

        using var few = new MemoryStream(HostileFiles.ManyPagesPdf(30));
        var lower = Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(few, "it.pdf", new ImportOptions { MaxPdfPages = 20 }));
        Assert.Contains("quá 20 trang", lower.Message);
    }

    [Fact]
    public void A_text_longer_than_any_plan_is_refused_while_a_real_plan_reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"thidua-dai-{Guid.NewGuid():N}.txt");
        try
        {
            HostileFiles.WriteLongText(path, megabytes: 3);
            var refused = Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(path));
            Assert.Contains("văn bản dài quá (hơn 2 MB chữ", refused.Message);
            Assert.StartsWith("Các đơn vị báo cáo", PlanFileReader.Read(path, new ImportOptions { MaxTextMegabytes = 4 }));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Contains("Lào Cai, ngày 15 tháng 4 năm 2024", PlanFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(LaoCai)), "lao-cai.txt"));
    }

    [Fact]
    public void A_docx_with_more_elements_than_memory_allows_is_refused_before_the_word_library_reads_it()
    {
        var paragraphs = string.Concat(Enumerable.Repeat("<w:p/>", 310_000));
        using var flat = new MemoryStream(HostileFiles.Docx(s => s.Write(Encoding.UTF8.GetBytes(
            $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{paragraphs}</w:body></w:document>"))));
        Assert.Contains("phần tử, quá nhiều", Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(flat, "phang.docx")).Message);
    }

    /// <summary>A file whose content never arrives: it says when it was opened, then waits until it is given up on.</summary>
    private static (IncomingFile File, Task Opened) Stalled(string name)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var file = new IncomingFile(name, "text/plain", 1000, async ct =>
        {
            opened.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Stream.Null;
        });
        return (file, opened.Task);
    }

    [Fact]
    public async Task Reading_stops_at_the_time_limit_with_a_refusal_that_names_it()
    {
        var time = new FakeTimeProvider();
        var (file, opened) = Stalled("cham.txt");
        var reading = PlanFileImport.RunAsync(file.OpenRead, file.FileName, null, new ImportOptions { MaxSeconds = 5 }, time, CancellationToken.None);
        await opened;
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(reading.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => reading);
        Assert.Contains("quá 5 giây (giới hạn Import:MaxSeconds)", refused.Message);
    }

    [Fact]
    public async Task In_chat_a_file_that_stalls_gets_the_time_limit_as_its_reason_not_an_apology()
    {
        using var bot = new TestBot();
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        bot.Ask("/nhapkehoach", "rev");
        var (file, opened) = Stalled("cham.txt");
        var handling = bot.Engine.HandleAsync(new IncomingMessage { Channel = "test", ChatId = "rev", UserId = "rev", File = file });
        await opened;
        bot.Time.Advance(TimeSpan.FromSeconds(30));
        var reply = Assert.Single((await handling).Replies);
        Assert.Contains("Không đọc được kế hoạch từ “cham.txt”: đọc tệp quá 30 giây", reply.Text);
        Assert.DoesNotContain("Xin lỗi", reply.Text);
    }

    [Fact]
    public async Task A_text_read_in_the_Windows_code_page_says_so_with_the_draft()
    {
        var plan = File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "hai-duong-70-dbp.txt"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // As Windows-1258 writers do: a letter the code page has whole stays whole, others become letter and tone mark
        // (the few it cannot write either way become "?", which the test does not look at).
        var codePage = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var legacy = plan.SelectMany(c =>
        {
            try { return codePage.GetBytes(c.ToString()); }
            catch (EncoderFallbackException) { return Encoding.GetEncoding(1258).GetBytes(c.ToString().Normalize(NormalizationForm.FormD)); }
        }).ToArray();
        var read = await PlanFileImport.RunAsync(_ => Task.FromResult<Stream>(new MemoryStream(legacy)), "cu.txt", null, new ImportOptions(), TimeProvider.System, CancellationToken.None);
        Assert.Equal(new ImportFlag("document", PlanFileReader.LegacyCodePageNote), read.Draft.Flags[0]);
        Assert.Contains("Hải Dương", read.Text);

        var utf8 = await PlanFileImport.RunAsync(_ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(plan))), "moi.txt", null, new ImportOptions(), TimeProvider.System, CancellationToken.None);
        Assert.DoesNotContain(utf8.Draft.Flags, f => f.Problem == PlanFileReader.LegacyCodePageNote);
    }
}
