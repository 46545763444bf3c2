using System.Globalization;

namespace LyncConfigVault.Notify;

/// <summary>An export whose staleness changed in this run: it has now failed Runs runs in a row, or it works again after them.</summary>
internal sealed record StaleChange(string Export, int Runs, bool Recovered);

/// <summary>
/// How many runs in a row each export has failed, kept in .git/lcv/export-health.tsv, so a dead export
/// is announced once when it passes the threshold and once when it recovers, not every night.
/// </summary>
internal static class ExportHealth
{
    private const string FileName = "export-health.tsv";

    public static List<StaleChange> Update(string stateFolder, IReadOnlyList<(string Export, bool Succeeded)> outcomes, int threshold)
    {
        var file = Path.Combine(stateFolder, FileName);
        var health = File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Split('\t')).Where(p => p.Length == 3)
                .ToDictionary(p => p[0], p => (Failures: int.Parse(p[1], CultureInfo.InvariantCulture), Announced: p[2] == "announced"), StringComparer.Ordinal)
            : [];
        var changes = new List<StaleChange>();
        foreach (var (export, succeeded) in outcomes)
        {
            var (failures, announced) = health.GetValueOrDefault(export);
            if (succeeded)
            {
                if (announced)
                {
                    changes.Add(new StaleChange(export, failures, Recovered: true));
                }

                health.Remove(export);
                continue;
            }

            failures++;
            if (failures >= threshold && !announced)
            {
                changes.Add(new StaleChange(export, failures, Recovered: false));
                announced = true;
            }

            health[export] = (failures, announced);
        }

        Directory.CreateDirectory(stateFolder);
        File.WriteAllLines(file, health.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key}\t{h.Value.Failures}\t{(h.Value.Announced ? "announced" : "quiet")}")));
        return changes;
    }
}
