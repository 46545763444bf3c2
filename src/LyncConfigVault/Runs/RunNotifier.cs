using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight.Impact;
using LyncConfigVault.Notify;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>
/// After a run: "changed" with the new snapshot's diff (and its HTML report for exec hooks) when the
/// run committed, "failed" with each failure when exports failed. The first snapshot of a vault is
/// not a change anyone needs to hear about.
/// </summary>
internal static class RunNotifier
{
    /// <param name="exports">Each export of a collection run and whether it succeeded (none for an ingest): what staleness is counted on.</param>
    /// <param name="committed">The snapshot the run just committed, as the run holds it in memory: the notices read it rather than Git.</param>
    public static void AfterRun(VaultRepository vault, LyncCatalog catalog, string? commit, IReadOnlyList<string> failures, string reportFolder, Action<string> warn,
        IReadOnlyList<(string Export, bool Succeeded)>? exports = null, ObjectSource? committed = null)
    {
        var settings = vault.Config.Notify;
        var threshold = settings.Where(n => n.Events.Contains(NoticeKind.Stale)).Select(n => n.StaleAfterRuns).DefaultIfEmpty(3).Min();
        var staleChanges = exports is { Count: > 0 } ? ExportHealth.Update(vault.StateFolder, exports, threshold) : [];
        if (settings.Count == 0)
        {
            return;
        }

        var notifiers = new Notifiers(settings, warn, Resolver(vault));
        var immediate = new Notifiers(settings.Where(n => n.DigestHours is null).ToList(), warn, Resolver(vault));
        Digests(vault, catalog, settings.Where(n => n.DigestHours is not null).ToList(), warn);
        var deployment = vault.Config.Deployment;
        if (commit is not null && vault.Git.Lookup<Commit>(commit) is { } head && new RevisionResolver(vault).Previous(head) is { } previous)
        {
            var diff = WithImpact(catalog, vault, previous, new GitObjectSource(vault.Git, previous, "previous"), committed ?? new GitObjectSource(vault.Git, head, "new"));
            Directory.CreateDirectory(reportFolder);
            var report = Path.Combine(reportFolder, $"lcv-change-{commit[..7]}.html");
            using (var file = new StreamWriter(report, false, new System.Text.UTF8Encoding(false)))
            {
                new HtmlReportWriter().Write(diff, file);
            }

            immediate.Send(new RunEvent(NoticeKind.Changed, deployment, vault.Root, commit, head.MessageShort, [], diff), report);
        }

        if (failures.Count > 0)
        {
            var summary = failures.Count == 1 ? failures[0] : $"{failures.Count} exports failed: {string.Join("; ", failures)}";
            notifiers.Send(new RunEvent(NoticeKind.Failed, deployment, vault.Root, commit, summary, failures, null), null);
        }

        foreach (var change in staleChanges)
        {
            var summary = change.Recovered
                ? $"{change.Export} works again after {change.Runs} failed runs"
                : $"{change.Export} has failed {change.Runs} runs in a row; the vault still holds what it last collected";
            notifiers.Send(new RunEvent(NoticeKind.Stale, deployment, vault.Root, commit, summary, change.Recovered ? [] : [summary], null), null);
        }

        if (commit is not null && settings.Any(n => n.Events.Contains(NoticeKind.Drift)))
        {
            Drift(vault, catalog, committed ?? new GitObjectSource(vault.Git, vault.Git.Lookup<Commit>(commit), "new"), notifiers);
        }
    }

    /// <summary>
    /// Digest notifiers hear of changes once per period, every change since their last notice in one
    /// diff; their failures still go out at once. Checked on every run, so an hourly job tells them daily.
    /// </summary>
    private static void Digests(VaultRepository vault, LyncCatalog catalog, List<NotifierSettings> digests, Action<string> warn)
    {
        if (digests.Count == 0 || vault.LatestSnapshot is not { } head)
        {
            return;
        }

        var state = DigestState.Read(vault.StateFolder);
        var now = vault.Now;
        foreach (var notifier in digests)
        {
            var key = DigestState.Key(notifier);
            if (!state.TryGetValue(key, out var last) || vault.Git.Lookup<Commit>(last.Commit) is not { } told)
            {
                state[key] = (head.Sha, now);   // the first run only starts the clock: the first snapshot is not news
                continue;
            }

            if (now - last.At < TimeSpan.FromHours(notifier.DigestHours!.Value) || told.Tree.Sha == head.Tree.Sha)
            {
                continue;
            }

            var diff = WithImpact(catalog, vault, told, new GitObjectSource(vault.Git, told, "last notice"), new GitObjectSource(vault.Git, head, "now"));
            if (!diff.IsEmpty)
            {
                var summary = $"{diff.Summary} since {told.Author.When:yyyy-MM-dd HH:mm}";
                new Notifiers([notifier], warn, Resolver(vault)).Send(new RunEvent(NoticeKind.Changed, vault.Config.Deployment, vault.Root, head.Sha, summary, [], diff), null);
            }

            state[key] = (head.Sha, now);
        }

        DigestState.Write(vault.StateFolder, state);
    }

    private static Func<string, string> Resolver(VaultRepository vault) => target => SecretStore.Resolve(vault.StateFolder, target);

    /// <summary>
    /// A change notice says what the change does too (the diff's --impact): a broken test case is what the admin must
    /// hear of. Objects only the filter settings rewrote since <paramref name="since"/> are not admin changes: left out,
    /// the commit's summary says "settings: filter rule added …" instead.
    /// </summary>
    private static DiffReport WithImpact(LyncCatalog catalog, VaultRepository vault, Commit since, ObjectSource from, ObjectSource to)
    {
        var filter = vault.Filters(catalog);
        var diff = new SnapshotDiffer(catalog, filter).Compare(from, to);
        if (FilterRewrite.Since(since, filter, catalog) is { } rewrite)
        {
            diff = diff with { Changes = diff.Changes.Where(c => !(c.Kind == ObjectChangeKind.Modified && rewrite.Explains(c.Noun, c.Old!, c.New!))).ToList() };
        }

        return diff.IsEmpty ? diff : diff with { Impact = new ImpactAnalyzer(catalog).Analyze(from, to, diff, VaultLayout.Parts) };
    }

    /// <summary>A new snapshot that differs from a baseline: said when the configuration changes, with what differs from each baseline.</summary>
    private static void Drift(VaultRepository vault, LyncCatalog catalog, ObjectSource head, Notifiers notifiers)
    {
        var commit = head.Side.Revision;
        var differ = new SnapshotDiffer(catalog, vault.Filters(catalog));
        foreach (var baseline in new Baselines(vault).All().Where(b => b.Commit != commit))
        {
            var diff = differ.Compare(new GitObjectSource(vault.Git, vault.Git.Lookup<Commit>(baseline.Commit), "baseline/" + baseline.Name), head);
            if (!diff.IsEmpty)
            {
                notifiers.Send(new RunEvent(NoticeKind.Drift, vault.Config.Deployment, vault.Root, commit, $"{diff.Summary} since baseline {baseline.Name}", [], diff), null);
            }
        }
    }
}
