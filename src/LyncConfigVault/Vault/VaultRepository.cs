using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Users;

namespace LyncConfigVault.Vault;

/// <summary>A vault: a Git repository with .lcv/config.yaml, one per Lync deployment.</summary>
internal sealed class VaultRepository : IDisposable
{
    private VaultRepository(string root, Repository git, VaultConfig config, TimeProvider clock)
    {
        Root = root;
        Git = git;
        Config = config;
        Clock = clock;
        StateFolder = VaultLayout.StateFolder(git.Info.Path);
    }

    private Task? _uneditedCheck;

    public string Root { get; }

    public Repository Git { get; }

    public VaultConfig Config { get; }

    /// <summary>.git/lcv: lock, run log and caches; never part of the history.</summary>
    public string StateFolder { get; }

    /// <summary>The tip of main, where lcv keeps the history: whatever an admin checked out to look at an old snapshot.</summary>
    public Commit Head => Git.Refs[VaultLayout.Branch]?.ResolveToDirectReference()?.Target as Commit ?? throw LcvException.NotAVault(Root);

    /// <summary>The one clock lcv reads: what "now" is for run records, settings commits and retention.</summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// How a time without a zone is read (a date an admin types, a ZIP entry's time, which is the exporting
    /// server's wall clock): the vault's configured timeZone, else this machine's zone.
    /// </summary>
    public TimeZoneInfo TimeZone => Config.TimeZone ?? Clock.LocalTimeZone;

    /// <summary>Now, in the vault's time zone: how settings commits and run records are dated.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone);

    /// <summary>The latest snapshot commit, or null when the vault holds none yet (HEAD may be a settings commit after it).</summary>
    public Commit? LatestSnapshot => RevisionResolver.Latest(Head);

    public static VaultRepository Open(string path, TimeProvider clock)
    {
        var root = Path.GetFullPath(path);
        var config = Path.Combine(root, VaultLayout.ConfigFile);
        if (!Directory.Exists(Path.Combine(root, ".git")) || !File.Exists(config))
        {
            throw LcvException.NotAVault(root);
        }

        try
        {
            // A vault made by an administrator and run nightly by a service account (a gMSA, SYSTEM) is owned by
            // another account, which libgit2 refuses by default. lcv opens only folders it has just seen to be
            // vaults (.lcv/config.yaml beside .git), and runs no hook or configured command from them.
            GlobalSettings.SetOwnerValidation(false);
            var git = new Repository(root);
            if (git.Refs[VaultLayout.Branch] is null)
            {
                git.Dispose();
                throw LcvException.NotAVault(root);
            }

            return new VaultRepository(root, git, VaultConfig.Read(config), clock);
        }
        catch (RepositoryNotFoundException e)
        {
            throw new LcvException($"{root} has a .git folder that Git cannot open: {e.Message}", root, e);
        }
    }

    /// <summary>Creates a vault in an empty or missing folder, with its first commit.</summary>
    /// <param name="timeZone">The Front Ends' time zone (an IANA or Windows id), written as the vault's timeZone; null for this machine's.</param>
    public static VaultRepository Init(string path, string deployment, LyncCatalog catalog, TimeProvider clock, string? timeZone = null)
    {
        var settings = new VaultConfig(deployment) { TimeZoneId = timeZone };
        var zone = VaultConfig.Zone(timeZone, "--time-zone");   // refused before anything is written
        var root = Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw new LcvException($"{root} is a file; name a folder for the vault.", root);
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new LcvException(File.Exists(Path.Combine(root, VaultLayout.ConfigFile))
                ? $"{root} is already a LyncConfigVault vault."
                : $"{root} is not empty; a vault needs an empty or new folder.", root);
        }

        Directory.CreateDirectory(root);
        Repository.Init(root);
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), $"ref: {VaultLayout.Branch}\n");
        var files = new Dictionary<string, string>
        {
            [VaultLayout.ConfigFile] = settings.Write(),
            [VaultLayout.FiltersFile] = FiltersFile.Write(catalog, []),
            [".gitattributes"] = "# Vault files are LF everywhere, so a Windows checkout never looks edited.\n*.yaml text eol=lf\n*.md text eol=lf\n" + GitDiffDriver.Attributes,
            ["README.md"] = VaultReadme(deployment),
        };
        var git = new Repository(root);
        git.Config.Set("core.longpaths", true, ConfigurationLevel.Local);   // Windows: object paths under a deep vault folder pass 260 characters
        var tree = new TreeDefinition();
        foreach (var (file, text) in files)
        {
            tree.Add(file, git.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))), Mode.NonExecutableFile);
        }

        var signature = Signature(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone ?? clock.LocalTimeZone));
        var commit = git.ObjectDatabase.CreateCommit(signature, signature, $"lcv: vault for {deployment} created\n", git.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);
        git.Refs.Add(VaultLayout.Branch, commit.Id);
        git.Reset(ResetMode.Hard, commit);
        return new VaultRepository(root, git, settings with { TimeZone = zone }, clock);
    }

    /// <summary>Who writes lcv's commits: lcv on this machine.</summary>
    public static Signature Signature(DateTimeOffset when) => new("lcv", $"lcv@{Environment.MachineName.ToLowerInvariant()}", when);

    /// <summary>
    /// The redaction level and this vault's pseudonym key. The key lives in .git/lcv, never in history or
    /// on a remote: a clone cannot turn pseudonyms back into people. Lose it and the next run re-keys once.
    /// </summary>
    public PersonalDataPolicy PersonalData()
    {
        var file = PseudonymKeyFile;
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(StateFolder);
            File.WriteAllBytes(file, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            else
            {
                OwnerOnly(file);
            }
        }

        return new PersonalDataPolicy(Config.UserRedaction, File.ReadAllBytes(file));
    }

    // The account that made the key (the one the nightly runs as), SYSTEM and the administrators: nobody else.
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void OwnerOnly(string file)
    {
        var security = new System.Security.AccessControl.FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var account in new System.Security.Principal.IdentityReference[]
        {
            System.Security.Principal.WindowsIdentity.GetCurrent().User!,
            new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.LocalSystemSid, null),
            new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.BuiltinAdministratorsSid, null),
        })
        {
            security.AddAccessRule(new System.Security.AccessControl.FileSystemAccessRule(account, System.Security.AccessControl.FileSystemRights.FullControl, System.Security.AccessControl.AccessControlType.Allow));
        }

        new FileInfo(file).SetAccessControl(security);
    }

    /// <summary>Writes one settings file (.lcv/config.yaml, .gitattributes) as a commit of its own, then checks it out.</summary>
    public string CommitFile(string path, string text, string message) =>
        CommitEdit(tree => tree.Add(path, Git.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))), Mode.NonExecutableFile), message);

    /// <summary>A commit of its own, dated now, that edits HEAD's tree (a settings file written, a retired part removed), then checks it out.</summary>
    public string CommitEdit(Action<TreeDefinition> edit, string message)
    {
        var head = Head;
        var tree = TreeDefinition.From(head.Tree);
        edit(tree);
        var signature = Signature(Now);
        var commit = Git.ObjectDatabase.CreateCommit(signature, signature, message, Git.ObjectDatabase.CreateTree(tree), [head], prettifyMessage: false);
        Advance(commit, "lcv: " + message.Split('\n')[0]);
        return commit.Sha;
    }

    /// <summary>The key users' pseudonyms are made with: .git/lcv/pseudonym.key, never in history or on a remote.</summary>
    public string PseudonymKeyFile => Path.Combine(StateFolder, "pseudonym.key");

    /// <summary>Whether a run was stopped between moving the branch and writing the files (the next run finishes it).</summary>
    public bool InterruptedCheckout => File.Exists(CheckoutMarker);

    // Written before the branch moves, removed once the files match it.
    private string CheckoutMarker => Path.Combine(StateFolder, "checkout-pending");

    public NoiseFilter Filters(LyncCatalog catalog) => FiltersFile.Read(Path.Combine(Root, VaultLayout.FiltersFile), catalog);

    /// <summary>A run killed after moving the branch but before updating the files: finish it.</summary>
    /// <summary>
    /// A run killed while writing (its marker is still there): HEAD back on main, Git's index lock that run left
    /// removed (the marker proves it was lcv's, and lcv's own lock proves no one else is writing), and the files
    /// back to main's tip. Whatever the killed run did not finish never reached main.
    /// </summary>
    public void FinishInterruptedCheckout(Action<string> warn)
    {
        if (!File.Exists(CheckoutMarker))
        {
            return;
        }

        File.Delete(IndexLock);
        Reattach();
        Git.Reset(ResetMode.Hard, Head);
        File.Delete(CheckoutMarker);
        warn("an earlier run was stopped while writing files; the working tree matches the latest commit on main again.");
    }

    /// <summary>Refuses to run where a snapshot would not land on main, or where a git command holds Git's index.</summary>
    public void EnsureOnMain()
    {
        if (Git.Info.IsHeadDetached)
        {
            throw new LcvException($"{Root} has HEAD detached at {Git.Head.Tip?.Sha[..7]} (an older snapshot checked out to look at?): lcv stores snapshots on main. Run 'git -C \"{Root}\" checkout main', then lcv again.", Root);
        }

        if (Git.Head.CanonicalName != VaultLayout.Branch)
        {
            throw new LcvException($"{Root} has the branch {Git.Head.FriendlyName} checked out: lcv stores snapshots on main. Run 'git -C \"{Root}\" checkout main', then lcv again.", Root);
        }

        if (File.Exists(IndexLock))
        {
            throw LcvException.Environment($"Git's index is locked ({IndexLock}): a git command is running in the vault, or one died. If none is running, delete that file, then run lcv again.");
        }
    }

    /// <summary>
    /// Makes a commit the tip of main, files first: HEAD is detached onto it and the index and files written,
    /// and only then does main move, by compare-and-swap from the commit's parent. Anything failing before
    /// that swap puts HEAD, the index and the files back on main's tip; after it, only HEAD's re-attaching is
    /// left, which the next run finishes from the marker if this one is killed.
    /// </summary>
    /// <param name="contents">Vault path → the bytes of files the caller has just written as blobs: put on disk as they are, not read back from Git.</param>
    public void Advance(Commit commit, string reflog, IReadOnlyDictionary<string, byte[]>? contents = null)
    {
        WaitUnedited();
        var branch = Git.Refs[VaultLayout.Branch];
        var expected = commit.Parents.First();
        if (branch.ResolveToDirectReference().TargetIdentifier != expected.Sha)
        {
            throw LcvException.Environment($"main moved while lcv was writing (someone committed in {Root}): nothing was stored. Run lcv again.");
        }

        Directory.CreateDirectory(StateFolder);
        File.WriteAllText(CheckoutMarker, commit.Sha);
        try
        {
            Git.Refs.Add("HEAD", commit.Id, reflog, allowOverwrite: true);
            CheckOutChanges(expected, commit, contents);
            Git.Refs.UpdateTarget((DirectReference)branch.ResolveToDirectReference(), commit.Id, reflog);   // fails if main moved since it was read
        }
        catch (Exception e) when (e is LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            Undo(e);
            throw;
        }

        Reattach();
        File.Delete(CheckoutMarker);
    }

    /// <summary>
    /// The files and the index from <paramref name="from"/> to <paramref name="to"/>, touching only what the commit
    /// changed: a night of 50 changes writes 50 files, and a first snapshot's 40,000 are written on every core (a
    /// full checkout spent 10 to 20 seconds on them). The index keeps every unchanged entry's file times; each file
    /// written is added again, so the next run's check for hand edits compares times, not contents.
    /// </summary>
    private void CheckOutChanges(Commit from, Commit to, IReadOnlyDictionary<string, byte[]>? contents)
    {
        var changes = Git.Diff.Compare<TreeChanges>(from.Tree, to.Tree);
        var written = changes.Where(c => c.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed or ChangeKind.Copied or ChangeKind.TypeChanged)
            .Select(c => (c.Path, c.Oid)).ToList();
        foreach (var gone in changes.Where(c => c.Status is ChangeKind.Deleted or ChangeKind.Renamed).Select(c => c.OldPath))
        {
            DeleteFile(gone);
        }

        foreach (var folder in written.Select(w => Path.GetDirectoryName(Path.Combine(Root, w.Path))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        if (written.Count > 0)
        {
            var workers = Math.Max(1, Environment.ProcessorCount);
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, written.Count, (written.Count / workers) + 1), new ParallelOptions { MaxDegreeOfParallelism = workers }, range =>
            {
                Repository? own = null;
                try
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var (path, id) = written[i];
                        // FileMode.Create truncates every file to zero first, and ext4 flushes a file truncated to zero when it
                        // is closed (40,000 files took 15 s so): each file is opened as it is, written, and only cut where an
                        // older, longer file leaves bytes behind.
                        using var file = File.OpenHandle(Path.Combine(Root, path), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                        if (contents is not null && contents.TryGetValue(path, out var bytes) && IsLfText(path))
                        {
                            RandomAccess.Write(file, bytes, 0);
                            if (RandomAccess.GetLength(file) > bytes.Length)
                            {
                                RandomAccess.SetLength(file, bytes.Length);
                            }

                            continue;
                        }

                        own ??= new Repository(Git.Info.Path);
                        using var content = own.Lookup<Blob>(id).GetContentStream(new FilteringOptions(path));
                        using var output = new FileStream(file, FileAccess.Write);
                        content.CopyTo(output);
                        if (output.Length > output.Position)
                        {
                            output.SetLength(output.Position);
                        }
                    }
                }
                finally
                {
                    own?.Dispose();
                }
            });
        }

        Git.Index.Replace(to.Tree);
        foreach (var (path, _) in written)
        {
            Git.Index.Add(path);
        }

        Git.Index.Write();
    }

    // The vault's .gitattributes checks *.yaml out as LF on every platform: lcv writes them LF, so the blob's bytes
    // are the file's. Any other file goes through Git's filters.
    private static bool IsLfText(string path) => path.EndsWith(".yaml", StringComparison.Ordinal);

    // A file the commit took away, and the folders it leaves empty, as a checkout removes them.
    private void DeleteFile(string path)
    {
        var file = Path.Combine(Root, path);
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        for (var folder = Path.GetDirectoryName(file); folder is not null && folder.Length > Root.TrimEnd(Path.DirectorySeparatorChar).Length
            && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }

    // Before the swap nothing reached main: HEAD, the index and the files go back to its tip. If even that
    // fails (the disk is full), the marker stays and the next run does it.
    private void Undo(Exception cause)
    {
        try
        {
            Reattach();
            Git.Reset(ResetMode.Hard, Head);
            File.Delete(CheckoutMarker);
        }
        catch (Exception again) when (again is LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            throw new AggregateException(cause, again);
        }
    }

    private void Reattach() => Git.Refs.Add("HEAD", Git.Refs[VaultLayout.Branch], "lcv: back on main", allowOverwrite: true);

    private string IndexLock => Path.Combine(Git.Info.Path, "index.lock");

    /// <summary>Refuses to run on a working tree an admin edited: a snapshot would silently undo or keep the edit.</summary>
    public void EnsureUnedited() => EnsureUnedited(Git);

    /// <summary>
    /// Starts <see cref="EnsureUnedited()"/> on the other core, on a repository of its own, while the run reads its
    /// exports (a status of 40,000 files takes a fifth of a second): nothing is written before it has passed, as
    /// <see cref="WaitUnedited"/> is waited for by the store, by <see cref="Advance"/> and by the run's record.
    /// </summary>
    public void CheckUneditedMeanwhile() =>
        _uneditedCheck = Task.Run(() =>
        {
            using var own = new Repository(Root);
            EnsureUnedited(own);
        });

    /// <summary>The check <see cref="CheckUneditedMeanwhile"/> started, waited for: throws what it found, every time it is asked.</summary>
    public void WaitUnedited() => _uneditedCheck?.GetAwaiter().GetResult();

    /// <summary>Waits for the check started meanwhile, whatever it found, and forgets it: the next run of this process checks afresh.</summary>
    public void EndUneditedCheck()
    {
        _ = UneditedFailure();
        _uneditedCheck = null;
    }

    /// <summary>What the check started meanwhile found, once it is done; null when it passed or none was started.</summary>
    public Exception? UneditedFailure()
    {
        try
        {
            WaitUnedited();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private void EnsureUnedited(Repository git)
    {
        var status = git.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        if (!status.IsDirty)
        {
            return;
        }

        var files = status.Where(s => s.State != FileStatus.Ignored).Select(s => s.FilePath).ToList();
        var shown = string.Join(", ", files.Take(3)) + (files.Count > 3 ? $" and {files.Count - 3} more" : "");
        throw new LcvException(
            $"{Root} has files edited by hand ({shown}). Keep them with 'git -C \"{Root}\" commit -am \"why\"' or undo them with 'git -C \"{Root}\" reset --hard', then run lcv again.",
            Root);
    }

    public void Dispose() => Git.Dispose();

    private static string VaultReadme(string deployment) => $"""
        # Lync configuration vault: {deployment}

        Written by LyncConfigVault (`lcv`). One YAML file per Lync object, one commit per change:

        - `cms/<area>/<Noun>/…` objects of Export-CsConfiguration (`cms/voice/VoicePolicy/Tag/Intl.yaml`)
        - `topology/` the published topology: sites, pools, services, SQL instances
        - `.lcv/` the vault settings and noise filters; `.lcv/exports/` what each export file was

        Do not edit the object files by hand: `lcv` refuses to run on edited files.

        """;
}
