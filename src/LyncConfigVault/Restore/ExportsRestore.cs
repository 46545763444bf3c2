using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Restore;

/// <summary>
/// lcv restore --preview / --out: the parts of a snapshot to restore, what restoring them would undo, and the
/// rebuilt exports with Restore.ps1. The rebuild is proved (normalized again, equal to the snapshot) before a
/// single file reaches the folder.
/// </summary>
internal sealed class ExportsRestore
{
    private static readonly string CmsPart = ExportKinds.Of(ExportKind.Cms).Part;
    private static readonly string TopologyPart = ExportKinds.Of(ExportKind.Topology).Part;

    private readonly LyncCatalog _catalog;
    private readonly ComparisonSources _sources;
    private readonly string _revision;

    /// <param name="asked">The parts --part names; none means all that can be rebuilt.</param>
    public ExportsRestore(LyncCatalog catalog, ComparisonSources sources, string revision, IReadOnlyList<string> asked)
    {
        _catalog = catalog;
        _sources = sources;
        _revision = revision;
        Target = sources.Snapshot(revision);
        Parts = PartsToRestore(asked);
    }

    public GitObjectSource Target { get; }

    public IReadOnlyList<string> Parts { get; }

    /// <summary>What restoring would change, from the latest snapshot to this one.</summary>
    public DiffReport Undo() => new SnapshotDiffer(_catalog, _sources.Filter).Compare(_sources.Snapshot(null), Target, Parts);

    /// <summary>Rebuilds, proves and writes the exports and Restore.ps1 into <paramref name="folder"/> (checked with <see cref="RestoreDestination.CheckFolder"/>).</summary>
    public IReadOnlyList<RebuiltExport> WriteTo(string folder)
    {
        // The rebuild needs how each object sat in its export: read with the envelopes this time.
        var whole = new GitObjectSource(Target.Git, Target.Commit, Target.Side.Label) { WithEnvelopes = true };
        var exports = new SnapshotRebuilder(_catalog).Build(whole, Parts);
        var staging = Path.Combine(Path.GetTempPath(), $"lcv-restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var export in exports)
            {
                File.WriteAllBytes(Path.Combine(staging, export.FileName), export.Bytes);
            }

            new RestoreProof(_catalog, _sources.Filter, _sources.Vault.PersonalData()).Check(whole, exports, Parts, staging);
            File.WriteAllText(Path.Combine(staging, RestoreScript.FileName),
                RestoreScript.Write(_sources.Vault.Config.Deployment, _revision, Target.Commit.Sha, Target.Commit.Author.When, _sources.Vault.Now, exports, NotRestored()),
                RestoreDestination.ScriptEncoding);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(staging))
            {
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return exports;
    }

    // The rebuilt CMS archive carries the topology, as every Export-CsConfiguration archive does.
    private List<string> NotRestored() =>
        VaultLayout.PartsIn(Target.Commit.Tree).Where(p => !Parts.Contains(p) && !(p == TopologyPart && Parts.Contains(CmsPart))).Select(Why).ToList();

    // What the vault keeps of a part it cannot rebuild, or how one left out with --part comes back.
    private static string Why(string part) => ExportKinds.OwnerOf(part) switch
    {
        { NotRebuilt: { } kept } => $"{part} ({kept})",
        { RestoredBy: { } cmdlet } => $"{part} (left out with --part; lcv restore --part {part} rebuilds it for {cmdlet})",
        _ => $"{part} (left out with --part; lcv restore --part names it to rebuild it)",
    };

    /// <summary>The parts to restore: all that can be, or those asked for; a part that was carried forward in that snapshot cannot be.</summary>
    private List<string> PartsToRestore(IReadOnlyList<string> asked)
    {
        var present = VaultLayout.PartsIn(Target.Commit.Tree);
        foreach (var part in asked.Where(w => !present.Contains(w)))
        {
            throw new LcvException($"'{part}' is not a part of the snapshot {_revision}: it holds {string.Join(", ", present)}.");
        }

        var parts = (asked.Count > 0 ? asked : present).Where(ExportKinds.IsRebuilt).ToList();
        var stale = CommitMessage.StaleParts(Target.Commit).Where(parts.Contains).ToList();
        if (stale.Count > 0)
        {
            var rest = parts.Except(stale).ToList();
            var instead = rest.Count > 0 ? $", or restore only the rest with --part {string.Join(",", rest)}" : "";
            throw new LcvException($"{string.Join(", ", stale)} cannot be restored from {_revision} ({Target.Commit.Sha[..7]}): that run did not collect it, the files are an older night's. Restore it from the snapshot that collected it{instead}.");
        }

        return parts.Count > 0 ? parts : throw new LcvException($"The snapshot {_revision} holds nothing lcv can rebuild (user data and persistent chat are kept redacted).");
    }
}
