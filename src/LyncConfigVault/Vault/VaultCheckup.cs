using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// What lcv doctor checks of the vault itself, before any night runs: its lock, its working tree, a run left
/// half done, the last run, the parts the runs no longer collect, the pseudonym key, the free disk.
/// </summary>
internal static class VaultCheckup
{
    private const long MinimumFreeBytes = 1L << 30;

    public static IReadOnlyList<CheckupLine> Of(VaultRepository vault)
    {
        var lines = new List<CheckupLine>
        {
            new("vault settings", true, $"{VaultLayout.ConfigFile} reads: deployment {vault.Config.Deployment}"),
            new("time zone", true, vault.Config.TimeZone is { } zone
                ? $"export times and typed dates are read in {zone.Id} (timeZone)"
                : $"export times and typed dates are read in this machine's zone, {vault.TimeZone.Id}; set timeZone in {VaultLayout.ConfigFile} if the Front Ends run in another"),
            Lock(vault),
            Edits(vault),
            Interrupted(vault),
            LastRun(vault),
        };
        lines.AddRange(Parts(vault));
        lines.Add(PseudonymKey(vault));
        lines.Add(Secrets(vault));
        lines.Add(FreeDisk(vault));
        lines.Add(WriteAccess(vault));
        lines.AddRange(RemoteCheckup.Of(vault));
        return lines;
    }

    private static CheckupLine Lock(VaultRepository vault) => RunLock.Current(vault.StateFolder) is { } holder
        ? new("run lock", false, $"held by 'lcv {holder.Command}' (process {holder.ProcessId} on {holder.Host}, user {holder.User}) since {holder.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: wait for it, or, if that process is gone, the next run takes the lock over")
        : new("run lock", true, "free");

    private static CheckupLine Edits(VaultRepository vault)
    {
        try
        {
            vault.EnsureUnedited();
            return new("working tree", true, "no edits nobody committed");
        }
        catch (LcvException e)
        {
            return new("working tree", false, e.Message);
        }
    }

    private static CheckupLine Interrupted(VaultRepository vault) => vault.InterruptedCheckout
        ? new("last checkout", false, "a run was stopped while writing files; the next run puts the working tree back to the latest snapshot")
        : new("last checkout", true, "complete");

    private static CheckupLine LastRun(VaultRepository vault)
    {
        var last = RunHistory.Read(vault.StateFolder).LastOrDefault(r => r.Result != RunResult.Settings);
        return last is null ? new("last run", true, "none yet: lcv backup or lcv ingest")
            : new("last run", last.Result is RunResult.Committed or RunResult.Unchanged,
                $"lcv {last.Command} {last.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: {last.Result.Word()} — {last.Summary}{(last.Result is RunResult.Failed or RunResult.Partial ? " (lcv runs --detail says more)" : "")}");
    }

    private static IEnumerable<CheckupLine> Parts(VaultRepository vault)
    {
        var parts = PartHealthReader.Of(vault);
        var stale = parts.Where(p => p.Stale).ToList();
        if (stale.Count == 0)
        {
            return [new("parts", true, parts.Count == 0 ? "none yet" : $"{parts.Count} collected within the last {vault.Config.Collect.StaleAfterRuns ?? CollectSettings.DefaultStaleAfterRuns} runs")];
        }

        return stale.Select(p => new CheckupLine("stale part", false, PartHealthReader.Describe(p)));
    }

    // .lcv/config.yaml is committed and pushed: a webhook's address there (its token) goes wherever the vault goes.
    private static CheckupLine Secrets(VaultRepository vault)
    {
        var plain = vault.Config.Notify.Count(n => n.Kind == NotifierKind.Webhook && !n.Target.StartsWith(SecretStore.Prefix, StringComparison.Ordinal));
        return plain == 0
            ? new("secrets", true, "no webhook address in the vault's settings")
            : new("secrets", false, $"{plain} webhook address(es) written in {VaultLayout.ConfigFile}, which is committed and pushed: add each again with lcv notify add webhook --url … (kept in .git/lcv/secrets) and remove the old entry");
    }

    // Pseudonyms are keyed: without the key that made them, the next user data run renames every user once.
    private static CheckupLine PseudonymKey(VaultRepository vault)
    {
        var holdsUsers = VaultLayout.PartsIn(vault.Head.Tree).Any(p => p.StartsWith("users/", StringComparison.Ordinal));
        var present = File.Exists(vault.PseudonymKeyFile);
        return new("pseudonym key", present || !holdsUsers, present ? $"{vault.PseudonymKeyFile} is there (never pushed: back it up with the server)"
            : holdsUsers ? $"{vault.PseudonymKeyFile} is missing: the next user data run gives every user a new pseudonym once; restore it from the server's backup if you can"
            : "not needed yet: no user data is collected");
    }

    // The nightly account must write the vault's Git objects and state, whoever owns the folder.
    private static CheckupLine WriteAccess(VaultRepository vault)
    {
        var probe = Path.Combine(vault.StateFolder, $"doctor-{Environment.ProcessId}.probe");
        try
        {
            Directory.CreateDirectory(vault.StateFolder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return new("write access", true, $"{Environment.UserName} can write {vault.StateFolder}");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new("write access", false, $"{Environment.UserName} cannot write {vault.StateFolder} ({e.Message}): give the account that runs lcv modify rights on the vault folder");
        }
    }

    private static CheckupLine FreeDisk(VaultRepository vault)
    {
        var free = new DriveInfo(Path.GetPathRoot(vault.Root)!).AvailableFreeSpace;
        var text = string.Create(CultureInfo.InvariantCulture, $"{free / (double)(1L << 30):0.0} GB free where the vault is");
        return new("free disk", free >= MinimumFreeBytes, free >= MinimumFreeBytes ? text : text + ": a run needs room for its raw exports and the new snapshot; free some first");
    }
}
