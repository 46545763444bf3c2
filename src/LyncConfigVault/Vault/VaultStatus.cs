using System.Globalization;
using System.Text.Json;
using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>What 'lcv status' reports; its JSON form is lcv.status/1.</summary>
internal sealed record VaultStatus(
    string Schema,
    string Vault,
    string Deployment,
    int Snapshots,
    string? LatestCommit,
    DateTimeOffset? LatestSnapshot,
    string? LatestSummary,
    int Objects,
    IReadOnlyDictionary<string, int> ObjectsByArea,
    IReadOnlyList<ExportStatus> Exports,
    RunRecord? LastRun,
    DateTimeOffset? LastVerified,
    string? Lock)
{
    /// <summary>Each part the vault holds and whether the runs still collect it (stale after collect.staleAfterRuns runs without it).</summary>
    public IReadOnlyList<PartHealth> Parts { get; init; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static VaultStatus Of(VaultRepository vault)
    {
        var head = vault.Head;
        var latest = vault.LatestSnapshot;
        var snapshots = latest is null ? 0 : RevisionResolver.Snapshots(latest).Count();
        var byArea = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in VaultLayout.ObjectFiles(head.Tree).Keys)
        {
            var area = AreaOf(path);
            byArea[area] = byArea.GetValueOrDefault(area) + 1;
        }

        var runs = RunHistory.Read(vault.StateFolder);
        var holder = RunLock.Current(vault.StateFolder);
        return new VaultStatus(
            "lcv.status/1",
            vault.Root,
            vault.Config.Deployment,
            snapshots,
            latest?.Sha[..7],
            latest?.Author.When,
            latest?.MessageShort,
            byArea.Values.Sum(),
            byArea,
            ExportsOf(head),
            runs.LastOrDefault(),
            runs.LastOrDefault(r => r.ReadLync)?.Started,
            holder is null ? null : $"'lcv {holder.Command}', process {holder.ProcessId} on {holder.Host} since {holder.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}")
        {
            Parts = PartHealthReader.Of(vault),
        };
    }

    // Area is the second folder under cms/ (cms/voice/…); everything under topology/ is the topology area.
    private static string AreaOf(string path)
    {
        var segments = path.Split('/');
        return segments[0] == ExportKinds.Of(ExportKind.Cms).Part && segments.Length > 2 ? segments[1] : segments[0];
    }

    private static List<ExportStatus> ExportsOf(Commit head)
    {
        var result = new List<ExportStatus>();
        if (head.Tree[VaultLayout.ExportsFolder]?.Target is not Tree exports)
        {
            return result;
        }

        foreach (var entry in exports.Where(e => e.Target is Blob))
        {
            var map = YamlText.Read(((Blob)entry.Target).GetContentText(), entry.Path);
            DateTimeOffset.TryParse(map.Text("ExportedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var exported);
            result.Add(new ExportStatus(map.Text("Kind") ?? entry.Name, map.Text("Source") ?? "", exported));
        }

        return result;
    }
}

internal sealed record ExportStatus(string Kind, string Source, DateTimeOffset ExportedAt);
