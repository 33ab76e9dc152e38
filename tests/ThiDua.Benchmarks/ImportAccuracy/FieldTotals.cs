namespace ThiDua.Benchmarks.ImportAccuracy;

/// <summary>Truth items, imported items and correct ones per field, summed over plans; what did not pair, plan by plan.</summary>
internal sealed class FieldTotals
{
    public Dictionary<string, (int Truth, int Imported, int Correct)> ByField { get; } = Fields.All.ToDictionary(f => f.Name, _ => (0, 0, 0), StringComparer.Ordinal);

    public List<string> Detail { get; } = [];

    public void Add(PlanFacts truth, PlanFacts imported)
    {
        foreach (var field in Fields.All)
        {
            var tally = field.Score(truth, imported);
            var (t, i, c) = ByField[field.Name];
            ByField[field.Name] = (t + tally.Truth, i + tally.Imported, c + tally.Correct);
            Detail.AddRange(tally.Missed.Select(m => $"  {truth.Plan} {field.Name}  − {m}"));
            Detail.AddRange(tally.Extra.Select(m => $"  {truth.Plan} {field.Name}  + {m}"));
        }
    }

    public (int Truth, int Imported, int Correct) All => (ByField.Values.Sum(x => x.Truth), ByField.Values.Sum(x => x.Imported), ByField.Values.Sum(x => x.Correct));

    public static double Precision((int Truth, int Imported, int Correct) x) => x.Imported == 0 ? 0 : (double)x.Correct / x.Imported;

    public static double Recall((int Truth, int Imported, int Correct) x) => x.Truth == 0 ? 0 : (double)x.Correct / x.Truth;
}
