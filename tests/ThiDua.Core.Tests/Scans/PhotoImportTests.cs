using SkiaSharp;
using ThiDua.Core.Import;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Tests.Scans;

/// <summary>
/// A phone photo of a plan's first page (JPEG, tilted a few degrees; sideways or upside down; lying on a dark desk)
/// imported as a plan file: cut to the sheet, straightened and read; a photo that cannot be read is refused with its
/// reason before or after OCR.
/// </summary>
public sealed class PhotoImportTests
{
    private static readonly string LaoCai = File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "lao-cai-217.txt"));
    private static readonly AdministrativeUnits Places = AdministrativeUnits.Load(RepoPaths.Data);

    private static Task<ImportedFile> ImportAsync(byte[] photo, string name = "anh-1.jpg", ImportOptions? limits = null) =>
        PlanFileImport.RunAsync(_ => Task.FromResult<Stream>(new MemoryStream(photo)), name, Places, limits ?? new ImportOptions(), TimeProvider.System, CancellationToken.None);

    [Theory]
    [InlineData(3.0, 0)]
    [InlineData(-2.5, 180)]
    [InlineData(2.0, 90)]
    public async Task A_photo_of_the_first_page_gives_the_plans_number_date_and_issuer(double tilt, int turn)
    {
        var photo = PlanScanner.Pages(LaoCai, new ScanLook(Tilt: tilt, TurnedPage: 1, Turn: turn), maxPages: 1)[0];

        var draft = (await ImportAsync(photo)).Draft;

        Assert.Equal("217/KH-UBND", draft.Campaign.Document.Number);
        Assert.Equal(new DateOnly(2024, 4, 15), draft.Campaign.Document.IssuedOn);
        Assert.Equal("Lào Cai", draft.Campaign.Area.Province);
        Assert.Contains(draft.Flags, f => f.Problem.StartsWith("đọc từ bản quét bằng OCR (1 trang", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6.5)]
    [InlineData(-7.0)]
    public async Task A_photo_of_the_first_page_lying_tilted_on_a_dark_desk_gives_the_plans_number_date_and_issuer(double tilt)
    {
        var page = PlanScanner.Pages(LaoCai, new ScanLook(Tilt: 0), maxPages: 1)[0];
        var photo = PlanScanner.OnDesk(page, new DeskLook(Tilt: tilt, Share: 0.7));

        var draft = (await ImportAsync(photo)).Draft;

        Assert.Equal("217/KH-UBND", draft.Campaign.Document.Number);
        Assert.Equal(new DateOnly(2024, 4, 15), draft.Campaign.Document.IssuedOn);
        Assert.Equal("Lào Cai", draft.Campaign.Area.Province);
    }

    [Fact]
    public async Task A_page_on_a_dark_desk_in_dim_light_is_not_refused_as_too_dark()
    {
        var page = PlanScanner.Pages(LaoCai, new ScanLook(Tilt: 0), maxPages: 1)[0];
        var photo = PlanScanner.OnDesk(page, new DeskLook(Share: 0.3, Light: 0.35));
        // The photo as a whole is darker than a readable page; the sheet on it is not.
        Assert.InRange(MeanRed(photo), 0, 59);

        var draft = (await ImportAsync(photo)).Draft;

        Assert.Equal("217/KH-UBND", draft.Campaign.Document.Number);
    }

    [Fact]
    public async Task An_all_black_photo_is_refused_as_too_dark()
    {
        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(Jpeg(1600, 2200, c => c.Clear(SKColors.Black))));
        Assert.Contains("ảnh quá tối", refusal.Message);
    }

    [Fact]
    public async Task A_thumbnail_is_refused_as_too_small()
    {
        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(Jpeg(50, 50, c => c.Clear(SKColors.White)), "nho.png"));
        Assert.Contains("ảnh quá nhỏ (50×50", refusal.Message);
    }

    [Fact]
    public async Task A_photo_of_something_else_is_refused_as_not_a_document()
    {
        var random = new Random(3);
        var photo = Jpeg(1600, 2200, canvas =>
        {
            canvas.Clear(new SKColor(120, 160, 110));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 60; i++)
            {
                paint.Color = new SKColor((byte)random.Next(80, 255), (byte)random.Next(80, 255), (byte)random.Next(80, 255));
                canvas.DrawOval(random.Next(1600), random.Next(2200), random.Next(40, 300), random.Next(40, 300), paint);
            }
        });

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(photo));
        Assert.Contains("có vẻ không phải ảnh chụp văn bản", refusal.Message);
    }

    [Fact]
    public async Task A_scan_over_the_page_limit_is_refused_before_any_page_is_read()
    {
        var pdf = PlanScanner.ImagePdf(Enumerable.Repeat(Jpeg(600, 800, c => c.Clear(SKColors.White)), 4));
        // Were a page read, the missing programs would be the reason given.
        var limits = new ImportOptions { MaxScanPages = 3, Tesseract = "/nonexistent/tesseract", Pdftoppm = "/nonexistent/pdftoppm" };

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(pdf, "quet.pdf", limits));
        Assert.Contains("bản quét có 4 trang, quá 3 trang (giới hạn Import:MaxScanPages) nên chưa đọc trang nào", refusal.Message);
    }

    [Fact]
    public async Task Without_pdftoppm_the_message_says_what_to_install()
    {
        var pdf = PlanScanner.ImagePdf([Jpeg(600, 800, c => c.Clear(SKColors.White))]);

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(pdf, "quet.pdf", new ImportOptions { Pdftoppm = "/nonexistent/pdftoppm" }));
        Assert.Contains(ScanTools.InstallCommand, refusal.Message);
    }

    [Theory]
    [InlineData(nameof(ImportOptions.MaxScanPages))]
    [InlineData(nameof(ImportOptions.MaxScanSeconds))]
    public void A_scan_limit_out_of_range_is_named(string limit)
    {
        var options = limit == nameof(ImportOptions.MaxScanPages) ? new ImportOptions { MaxScanPages = 0 } : new ImportOptions { MaxScanSeconds = 0 };
        Assert.StartsWith($"Import:{limit} phải từ", options.Problem());
    }

    private static double MeanRed(byte[] photo)
    {
        using var bitmap = SKBitmap.Decode(photo);
        return bitmap.Pixels.Average(p => p.Red);
    }

    private static byte[] Jpeg(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) draw(canvas);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    [Fact]
    public async Task A_zip_with_no_page_photos_is_refused_with_its_reason()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("ghi-chu.txt").Open()))
            entry.Write("không phải ảnh");

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(zip.ToArray(), "cac-trang.zip"));
        Assert.Equal("tệp .zip không có ảnh trang nào (.jpg, .png)", refusal.Message);
    }
}
