using System.Runtime.ExceptionServices;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// One command's hold on the vault, taken before it does any work: the run lock (one run at a time), a
/// checkout an earlier run left half done finished, and hand edits refused, so nothing an admin has not
/// committed is ever reset away. Every run that takes it is recorded, whatever its outcome.
/// </summary>
internal sealed class RunScope : IDisposable
{
    private readonly RunLock _lock;
    private long _timestamp;

    private RunScope(VaultRepository vault, string command, RunLock held, DateTimeOffset started, long timestamp)
    {
        Vault = vault;
        Command = command;
        Started = started;
        _lock = held;
        _timestamp = timestamp;
    }

    public VaultRepository Vault { get; }

    /// <summary>What the run log calls the command: backup, ingest, notify add …</summary>
    public string Command { get; }

    public DateTimeOffset Started { get; private set; }

    public long ElapsedMs => (long)Vault.Clock.GetElapsedTime(_timestamp).TotalMilliseconds;

    /// <summary>
    /// Runs <paramref name="work"/> under the scope. A failure of any kind, taking the lock included, is
    /// recorded as a failed run naming <paramref name="inputs"/>, then passed on unchanged.
    /// </summary>
    /// <param name="readsFirst">
    /// The work only reads (exports, a Lync server) until it stores through the snapshot store: the check for hand
    /// edits then runs meanwhile, on the other core, and the store waits for it. Work that writes files of the vault
    /// before it commits (.gitattributes, settings) must not say so: the check would see its own edit.
    /// </param>
    public static T Run<T>(VaultRepository vault, string command, IReadOnlyList<string> inputs, Action<string> warn, Func<RunScope, T> work, bool readsFirst = false)
    {
        var started = vault.Now;
        var timestamp = vault.Clock.GetTimestamp();
        var recorded = false;
        try
        {
            using var scope = Begin(vault, command, warn, started, timestamp, readsFirst);
            T result;
            try
            {
                result = work(scope);
            }
            catch (Exception) when (vault.UneditedFailure() is { } edited)
            {
                ExceptionDispatchInfo.Throw(edited);   // hand edits are what the admin hears of first, as when the check ran before the work
                throw;
            }

            vault.WaitUnedited();
            recorded = true;
            return result;
        }
        catch (Exception e)
        {
            if (!recorded)
            {
                var elapsed = (long)vault.Clock.GetElapsedTime(timestamp).TotalMilliseconds;
                RunHistory.Append(vault.StateFolder, new RunRecord(started, command, RunResult.Failed, null, null, LcvException.Describe(e), inputs, [], elapsed));
            }

            throw;
        }
    }

    /// <summary>Starts the next run under the same lock (backfill records each backup as a run of its own).</summary>
    public void Restart()
    {
        Started = Vault.Now;
        _timestamp = Vault.Clock.GetTimestamp();
    }

    /// <summary>
    /// Commits one settings file (.lcv/config.yaml, .gitattributes) as a settings commit: dated now, saying
    /// which lines changed, never counted as a snapshot. Recorded as a settings run.
    /// </summary>
    /// <param name="summary">The first line: what the command did, in an admin's words (lcv: notify mail added).</param>
    public string CommitSettings(string path, string text, string summary)
    {
        var before = (Vault.Head[path]?.Target as LibGit2Sharp.Blob)?.GetContentText() ?? "";
        var commit = Vault.CommitFile(path, text, CommitMessage.Settings(summary, path, before, text));
        Record(new RunRecord(Started, Command, RunResult.Settings, null, commit, summary, [path], [], ElapsedMs));
        return commit;
    }

    /// <summary>
    /// Removes a part the deployment no longer has (a pool taken out of the topology, an export nobody runs any
    /// more) in one commit, with its export manifests, so no run carries it forward again. Recorded as a settings run.
    /// </summary>
    public string RetirePart(string part, string? why)
    {
        var head = Vault.Head;
        var present = VaultLayout.PartsIn(head.Tree);
        if (!present.Contains(part, StringComparer.Ordinal))
        {
            throw new LcvException($"'{part}' is not a part of the latest snapshot: it holds {string.Join(", ", present)}.");
        }

        var objects = VaultLayout.ObjectFiles((LibGit2Sharp.Tree)head[part].Target, part).Count;
        var manifests = (head[VaultLayout.ExportsFolder]?.Target as LibGit2Sharp.Tree)?
            .Where(e => e.Target is LibGit2Sharp.Blob blob && ExportManifest.PartOf(blob.GetContentText(), e.Path) == part)
            .Select(e => e.Path)
            .ToList() ?? [];
        var summary = $"lcv: {part} retired ({objects} objects){(why is null ? "" : ": " + why)}";
        var commit = Vault.CommitEdit(tree =>
        {
            tree.Remove(part);
            if (head[Normalize.ObjectFile.EnvelopeOf(part)] is not null)
            {
                tree.Remove(Normalize.ObjectFile.EnvelopeOf(part));
            }

            manifests.ForEach(m => tree.Remove(m));
        }, CommitMessage.Retired(summary, part));
        Record(new RunRecord(Started, Command, RunResult.Settings, null, commit, summary, [part], [], ElapsedMs));
        return commit;
    }

    /// <summary>Appends this run's record to the run log.</summary>
    public void Record(RunRecord record)
    {
        Vault.WaitUnedited();
        RunHistory.Append(Vault.StateFolder, record);
    }

    public void Dispose()
    {
        Vault.EndUneditedCheck();   // it reads the working tree: the lock is held until it is done
        _lock.Dispose();
    }

    private static RunScope Begin(VaultRepository vault, string command, Action<string> warn, DateTimeOffset started, long timestamp, bool readsFirst)
    {
        var held = RunLock.Acquire(vault.StateFolder, command, started, warn);
        try
        {
            vault.FinishInterruptedCheckout(warn);
            vault.EnsureOnMain();
            if (readsFirst)
            {
                vault.CheckUneditedMeanwhile();
            }
            else
            {
                vault.EnsureUnedited();
            }
            return new RunScope(vault, command, held, started, timestamp);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }
}
