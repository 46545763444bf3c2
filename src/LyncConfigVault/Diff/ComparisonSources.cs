using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>
/// Turns the two things an admin names into the two sides of a comparison: a snapshot of the vault
/// (commit, tag, HEAD~N, date) or export files on disk (a file, or a backup folder of them). The vault
/// is opened only when a side needs it, so two export files compare with no vault at all.
/// </summary>
internal sealed class ComparisonSources(LyncCatalog catalog, string vaultPath, TimeProvider clock) : IDisposable
{
    private static readonly string[] ExportExtensions = [".zip", ".xml", ".tbxml"];

    private VaultRepository? _vault;
    private NoiseFilter? _filter;

    public VaultRepository Vault => _vault ??= VaultRepository.Open(vaultPath, clock);

    /// <summary>The vault's noise rules when there is a vault, else the catalog's own.</summary>
    public NoiseFilter Filter => _filter ??= _vault is not null || VaultExists ? Vault.Filters(catalog) : NoiseFilter.FromCatalog(catalog);

    private bool VaultExists => File.Exists(Path.Combine(vaultPath, VaultLayout.ConfigFile));

    /// <summary>
    /// The deployment's name and its baselines in words ("approved: 2026-11-18 02:09 (0f3c29c)"), for a
    /// report's header; both null when no side came from a vault.
    /// </summary>
    public (string? Deployment, string? Baselines) Context()
    {
        if (_vault is null)
        {
            return (null, null);
        }

        var zone = _vault.TimeZone;
        var baselines = new Baselines(_vault).All()
            .Select(b => $"{b.Name}: {TimeZoneInfo.ConvertTime(b.SnapshotDate, zone):yyyy-MM-dd HH:mm} ({b.Commit[..7]})")
            .ToList();
        return (_vault.Config.Deployment, baselines.Count == 0 ? "none set (lcv baseline set)" : string.Join("; ", baselines));
    }

    public static bool IsOnDisk(string argument) => File.Exists(argument) || Directory.Exists(argument);

    /// <summary>Export files or a folder of them on disk, else a snapshot; null is the latest snapshot.</summary>
    public ObjectSource Resolve(string? argument) =>
        argument is not null && IsOnDisk(argument) ? Exports([argument]) : Snapshot(argument);

    /// <summary>Both sides; two export files are normalized at once, one per core.</summary>
    public (ObjectSource From, ObjectSource To) Resolve(string from, string? to)
    {
        if (to is null || !IsOnDisk(from) || !IsOnDisk(to))
        {
            return (Resolve(from), Resolve(to));
        }

        var filter = Filter;
        var sides = new ExportObjectSource[2];
        Parallel.For(0, 2, i => sides[i] = Exports([i == 0 ? from : to], filter));
        return (sides[0], sides[1]);
    }

    /// <summary>The snapshot a revision names; null is the latest snapshot.</summary>
    public GitObjectSource Snapshot(string? revision)
    {
        var resolver = new RevisionResolver(Vault);
        var commit = resolver.Resolve(revision);
        return new(Vault.Git, commit, resolver.Label(revision, commit));
    }

    /// <summary>The latest snapshot and the one before it, for "what did last night change".</summary>
    public (GitObjectSource From, GitObjectSource To) LastChange()
    {
        var resolver = new RevisionResolver(Vault);
        var latest = resolver.Latest();
        var previous = resolver.Previous(latest)
            ?? throw new LcvException($"The vault holds only one snapshot ({latest.Sha[..7]}, {latest.Author.When:yyyy-MM-dd HH:mm}); there is nothing to compare it with yet.");
        var label = resolver.Label(null, latest);
        var previousLabel = label == "HEAD" && latest.Parents.FirstOrDefault()?.Id == previous.Id ? "HEAD~1" : "the snapshot before";
        return (new GitObjectSource(Vault.Git, previous, previousLabel), new GitObjectSource(Vault.Git, latest, label));
    }

    /// <summary>Export files of one run; a folder stands for the export files in it (a nightly backup folder).</summary>
    public ExportObjectSource Exports(IReadOnlyList<string> paths) => Exports(paths, Filter);

    private ExportObjectSource Exports(IReadOnlyList<string> paths, NoiseFilter filter)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!IsOnDisk(path))
            {
                throw LcvException.BadFile(path, "does not exist.");
            }

            var inFolder = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(f => ExportExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
                : [path];
            files.AddRange(inFolder.Count > 0 ? inFolder : throw LcvException.BadFile(path, "holds no export files (.zip, .xml or .tbxml)."));
        }

        var label = string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var inVault = _vault is not null || VaultExists;
        return new ExportObjectSource(new ExportSetReader(catalog, filter, inVault ? Vault.TimeZone : clock.LocalTimeZone, inVault ? Vault.PersonalData() : null).Read(files), label);
    }

    /// <summary>
    /// The vault folders both sides cover. Export files hold only their own parts: compared with a
    /// snapshot, the vault's other parts (RGS, LIS) must not look removed.
    /// </summary>
    public static IReadOnlyCollection<string> CommonParts(ObjectSource from, ObjectSource to, string fromName, string toName)
    {
        if (from is ExportObjectSource a && to is ExportObjectSource b)
        {
            var kindsA = a.Snapshot.Exports.Select(e => e.Kind).Order().ToList();
            var kindsB = b.Snapshot.Exports.Select(e => e.Kind).Order().ToList();
            if (!kindsA.SequenceEqual(kindsB))
            {
                throw LcvException.BadExport(toName, $"holds {Kinds(b)} but {fromName} holds {Kinds(a)}: compare exports of the same kind.");
            }
        }

        IReadOnlyCollection<string> parts = VaultLayout.Parts;
        foreach (var side in new[] { from, to }.OfType<ExportObjectSource>())
        {
            parts = VaultLayout.CommonParts(parts, side.Snapshot.Parts);
        }

        return parts;
    }

    public void Dispose() => _vault?.Dispose();

    private static string Kinds(ExportObjectSource source) =>
        string.Join(" and ", source.Snapshot.Exports.Select(e => ExportKinds.Of(e.Kind).WrittenBy));
}
