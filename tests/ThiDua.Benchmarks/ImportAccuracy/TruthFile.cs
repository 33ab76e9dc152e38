using System.Globalization;
using System.Text.Json;

namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>A plan of tests/eval/import-truth: its facts, its split and the text to import (format: that folder's README).</summary>
internal sealed record TruthFile(PlanFacts Facts, string Split, string TextPath)
{
    public static TruthFile Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var judged = root.EnumerateObject().Select(p => p.Name)
            .Except(["plan", "split", "text", "partial", "notes"], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        string? S(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IEnumerable<JsonElement> L(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
        static DateOnly D(JsonElement e, string key) => DateOnly.ParseExact(e.GetProperty(key).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string? Opt(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var period = root.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        var plan = S("plan") ?? throw new InvalidDataException($"{path}: no \"plan\"");
        var facts = new PlanFacts
        {
            Plan = plan,
            Judged = judged,
            Number = S("number"),
            Issued = FieldMatch.Issued(S("issued")),
            Issuer = S("issuer"),
            Level = S("level"),
            Province = S("province"),
            District = S("district"),
            Commune = S("commune"),
            Title = S("title"),
            PeriodStart = period is { } ps ? D(ps, "start") : null,
            PeriodEnd = period is { } pe ? D(pe, "end") : null,
            Phases = [.. L("phases").Select(x => new PhaseFact(x.GetProperty("name").GetString()!, D(x, "start"), D(x, "end")))],
            Deadlines = [.. L("deadlines").Select(x => new DeadlineFact(D(x, "date"), x.GetProperty("what").GetString()!))],
            Awards = [.. L("awards").Select(x => x.GetString()!)],
            Quotas = [.. L("quotas").Select(x => new QuotaFact(
                x.TryGetProperty("max", out var m) ? m.GetInt32() : null,
                x.TryGetProperty("percent", out var pc) ? pc.GetDecimal() : null,
                Opt(x, "scope") ?? "plan", Opt(x, "award")))],
            Dossier = [.. L("dossier").Select(x => x.GetString()!)],
            SubmitTo = S("submitTo"),
            Contacts = [.. L("contacts").Select(x => x.GetString()!)],
            Signer = S("signer"),
            LegalBases = [.. L("legalBases").Select(x => x.GetString()!).Select(b => new LegalFact(FieldMatch.IsDocumentNumber(b) ? b : null, b))],
        };
        var split = S("split") ?? throw new InvalidDataException($"{path}: no \"split\"");
        var text = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, S("text") ?? throw new InvalidDataException($"{path}: no \"text\"")));
        return new TruthFile(facts, split, text);
    }
}
