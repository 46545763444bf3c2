using System.Globalization;

namespace LyncConfigVault.Simulation;

/// <summary>One night's Export-CsConfiguration archive and the admin changes made since the night before.</summary>
internal sealed record SyntheticNight(int Number, DateTimeOffset ExportTime, byte[] CmsArchive, IReadOnlyList<string> Changes)
{
    /// <summary>The night's other exports (Response Groups per pool, LIS, user data), when asked for.</summary>
    public IReadOnlyList<SyntheticExport> Others { get; init; } = [];
}

/// <summary>
/// A run of nightly exports from one seed: night 1 is the baseline, every later night applies
/// admin changes and re-export noise. The same seed and size give the same bytes, night by night.
/// </summary>
internal static class SyntheticNights
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The fictitious Front Ends' clocks run in UTC: the ZIP entry times they write are UTC wall-clock times.</summary>
    public static readonly TimeZoneInfo ServerZone = TimeZoneInfo.Utc;

    /// <param name="interval">Time between two exports; a day unless a test wants several backups in one day.</param>
    /// <param name="parts">Exports besides the CMS; they draw from a random source of their own, so the CMS story of a seed never changes.</param>
    /// <param name="layout">How DocItemSet.xml spells the configuration; the story and the noise are the same in every layout.</param>
    /// <param name="busy">At least this many objects changed on every night that has changes (a large deployment's busy night);
    /// the extra changes draw from a random source of their own, so the seed's story stays as it is.</param>
    public static IEnumerable<SyntheticNight> Generate(int seed, int nights, int objects = 0, DateTimeOffset? start = null, TimeSpan? interval = null,
        SyntheticParts parts = SyntheticParts.Cms, CmsLayout? layout = null, int busy = 0)
    {
        var busyRandom = new Random(seed ^ 0x5EED);
        var first = start ?? DefaultStart;
        var random = new Random(seed);
        var deployment = DeploymentFactory.Create(seed, objects, first);
        var others = new OtherExports(seed, parts, deployment.Domain);
        for (var night = 1; night <= nights; night++)
        {
            // Every fourth night nobody changed anything: only re-export noise, so no commit.
            var changes = night == 1 || night % 4 == 0 ? [] : new NightlyChanges(deployment, random).Apply(night);
            while (changes.Count > 0 && changes.Count < busy)
            {
                changes = [.. changes.Union(new NightlyChanges(deployment, busyRandom).Apply(night))];
            }

            changes = [.. changes, .. EdgeChange(deployment, night), .. others.Change(night)];
            deployment.ExportTime = first.Add((interval ?? TimeSpan.FromDays(1)) * (night - 1)).AddMinutes(random.Next(0, 40)).AddSeconds(random.Next(0, 60));
            var noise = night == 1 ? ExportNoise.None : ExportNoise.Random(random);
            yield return new SyntheticNight(night, deployment.ExportTime, CmsExportWriter.Write(deployment, noise, random, layout), changes)
            {
                Others = others.Write(night, deployment.ExportTime),
            };
        }
    }

    /// <summary>
    /// Once a week (night 6, 13, …) the admin moves the Edge Server's Access Edge interface to another public
    /// address. No draw from the random source: every other change of a seed's story stays where it was.
    /// </summary>
    private static List<string> EdgeChange(SyntheticDeployment deployment, int night)
    {
        if (night % 7 != 6)
        {
            return [];
        }

        deployment.TopologySignature = new Guid(night, 0xED, 0x6E, [0, 0, 0, 0, 0, 0, 0, 1]);
        deployment.EdgeAccessAddress = deployment.EdgeAccessAddress == "192.0.2.10" ? "192.0.2.20" : "192.0.2.10";
        return [$"Pool {TopologyFactory.Edge(SyntheticSite.All[0], deployment.Domain)}"];
    }

    /// <summary>
    /// Writes the nights the way New-SfBBackup.ps1 leaves them: SfBBackup-yyyy-MM-dd-hh-mm-ss folders,
    /// hh on the 12-hour clock (so the names alone do not sort), each holding CsConfiguration.zip.
    /// </summary>
    public static List<string> WriteBackupFolders(string root, IEnumerable<SyntheticNight> nights)
    {
        var written = new List<string>();
        foreach (var night in nights)
        {
            var folder = Path.Combine(root, "SfBBackup-" + night.ExportTime.ToString("yyyy-MM-dd-hh-mm-ss", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            foreach (var (name, bytes) in night.Others.Select(o => (o.FileName, o.Bytes)).Prepend(("CsConfiguration.zip", night.CmsArchive)))
            {
                var file = Path.Combine(folder, name);
                File.WriteAllBytes(file, bytes);
                File.SetLastWriteTimeUtc(file, night.ExportTime.UtcDateTime);
                written.Add(file);
            }
        }

        return written;
    }
}
