using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>What storing one snapshot did: the new commit (null when nothing really changed) and why.</summary>
internal sealed record StoreResult(string? Commit, IReadOnlyList<DescribedChange> Changes, IReadOnlyList<StalePart> Stale, string Summary, bool First)
{
    /// <summary>Objects rewritten because .lcv/filters.yaml changed, in words ("filter rule added: … (26 objects)"); null when none were.</summary>
    public string? Rewritten { get; init; }

    /// <summary>Vault path → blob id of every object file of the new commit (null without one): what comes after the run reads from.</summary>
    public IReadOnlyDictionary<string, string>? Files { get; init; }
}

/// <summary>
/// Writes a snapshot as one commit, atomically: objects become blobs, the tree is built beside the
/// current one, and only then does the branch move. No commit when no non-volatile value changed.
/// Parts this run did not read are carried forward untouched and named stale.
/// </summary>
/// <remarks>Without a describer (tests of the vault alone) the message lists objects without their properties.</remarks>
internal sealed class SnapshotStore(VaultRepository vault, LyncCatalog catalog, NoiseFilter filter, IChangeDescriber? describer = null)
{
    private readonly SemanticFingerprint _fingerprint = new(catalog, filter);

    /// <param name="failed">Exports of the same run that failed: the parts they would have replaced are carried forward, and the commit says why.</param>
    /// <param name="notes">A backup's product and what it could not collect, for the trailers.</param>
    /// <param name="committing">Told once the store knows it will commit, before it describes and writes: what follows a commit may start meanwhile.</param>
    public StoreResult Store(Snapshot snapshot, DateTimeOffset when, IReadOnlyList<RunFailure>? failed = null, CollectionNotes? notes = null, Action? committing = null)
    {
        vault.WaitUnedited();   // not one object written to a vault with hand edits
        var git = vault.Git;
        var head = vault.Head;
        var before = VaultLayout.ObjectFiles(head.Tree);
        var cache = FingerprintCache.Load(vault.StateFolder, FingerprintCache.Header(head.Sha, filter));
        var first = vault.LatestSnapshot is null;
        var stale = VaultLayout.PartsIn(head.Tree).Where(p => !VaultLayout.Covers(snapshot.Parts, p))
            .Select(p => new StalePart(p, failed?.FirstOrDefault(f => f.Part is not null && VaultLayout.Covers([f.Part], p))?.Reason))
            .ToList();

        // The file an admin reads (null when the stored one stays), its blob id, and its envelope when the object is new or changed.
        var written = new Dictionary<string, (byte[]? Bytes, string BlobId, byte[]? Envelope)>(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string>(cache, StringComparer.Ordinal);
        var changes = new List<StoredChange>();
        var changedPaths = new List<string>();
        var meanings = Meanings(snapshot, before, cache);
        foreach (var (path, obj) in snapshot.Objects)
        {
            if (meanings.TryGetValue(path, out var kept))
            {
                // The meaning the last snapshot stored: the stored file stays, whatever volatile values moved. Its text is never written.
                written[path] = (null, before[path], null);
                fingerprints[path] = kept;
                continue;
            }

            var (bytes, envelope) = ObjectFile.Write(obj.Content, catalog);
            var blobId = GitBlobId.Of(bytes);
            written[path] = (bytes, blobId, null);
            var known = before.TryGetValue(path, out var oldId);
            if (known && oldId == blobId && cache.TryGetValue(path, out var same))
            {
                fingerprints[path] = same;   // same bytes as stored: same meaning, nothing to compute
                continue;
            }

            if (oldId != blobId)
            {
                ReadsBack(bytes, path, obj);
            }

            var fingerprint = _fingerprint.Of(obj.Content);
            if (!known)
            {
                changes.Add(new StoredChange(StoredChangeKind.Added, obj.Area, obj.Noun, obj.Identity.ToString()));
                changedPaths.Add(path);
                written[path] = (bytes, blobId, envelope);
            }
            else if (oldId != blobId && (cache.GetValueOrDefault(path) ?? _fingerprint.Of(ReadObject(oldId!, path))) != fingerprint)
            {
                changes.Add(new StoredChange(StoredChangeKind.Changed, obj.Area, obj.Noun, obj.Identity.ToString()));
                changedPaths.Add(path);
                written[path] = (bytes, blobId, envelope);
            }
            else if (oldId != blobId)
            {
                // Only volatile values moved (a new signature, another place in the export), or the file is in an
                // older vault's layout: the stored file stays as it was, so history and git log -p show real changes only.
                written[path] = (bytes, oldId!, null);
            }

            fingerprints[path] = fingerprint;
        }

        foreach (var (path, oldId) in before.Where(b => InParts(b.Key, snapshot.Parts) && !snapshot.Objects.ContainsKey(b.Key)))
        {
            var old = ReadObject(oldId, path);
            var entry = catalog.ForNoun(old.Text(ObjectFactory.NounKey) ?? "");
            changes.Add(new StoredChange(StoredChangeKind.Removed, entry?.Area ?? "other", old.Text(ObjectFactory.NounKey) ?? "?", old.Text(ObjectFactory.IdentityKey) ?? path));
            changedPaths.Add(path);
            fingerprints.Remove(path);
        }

        MovedFiles(snapshot, changes, changedPaths, before);
        if (changes.Count == 0)
        {
            FingerprintCache.Save(vault.StateFolder, FingerprintCache.Header(head.Sha, filter), fingerprints);
            return new StoreResult(null, [], stale, "no change", first);
        }

        committing?.Invoke();

        var rewritten = first ? null : Rewritten(snapshot, changes, changedPaths, before);
        var settingsOnly = changes.Count == 0;   // only the settings changed what is stored: one settings change, not an admin change per object
        var described = first || settingsOnly ? [] : Describe(head, snapshot, changes, changedPaths);
        var (tree, contents) = BuildTree(head, snapshot, written, before);
        var files = new Dictionary<string, string>(before.Where(b => !InParts(b.Key, snapshot.Parts)), StringComparer.Ordinal);
        foreach (var (path, file) in written)
        {
            files[path] = file.BlobId;
        }

        var message = (first ? CommitMessage.First(snapshot.Objects.Count, changes) : settingsOnly ? CommitMessage.Rewritten(rewritten!) : CommitMessage.Changes(described, rewritten))
            + CommitMessage.Trailers(snapshot.Exports, stale, notes);
        var signature = VaultRepository.Signature(when);
        var commit = git.ObjectDatabase.CreateCommit(signature, signature, message, tree, [head], prettifyMessage: false);
        vault.Advance(commit, "lcv: snapshot", contents);
        FingerprintCache.Save(vault.StateFolder, FingerprintCache.Header(commit.Sha, filter), fingerprints);
        var summary = first || settingsOnly ? message.Split('\n')[0] : CommitMessage.Summary(described);
        return new StoreResult(commit.Sha, described, stale, summary, first) { Rewritten = rewritten, Files = files };
    }

    /// <summary>
    /// The objects whose meaning (fingerprint) is the one the last snapshot stored at the same path, computed on
    /// both cores: a night of 20,000 objects with 50 changes writes and hashes the text of 50, not of 20,000.
    /// </summary>
    private Dictionary<string, string> Meanings(Snapshot snapshot, Dictionary<string, string> before, IReadOnlyDictionary<string, string> cache)
    {
        var same = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (cache.Count > 0)
        {
            Parallel.ForEach(snapshot.Objects, o =>
            {
                if (before.ContainsKey(o.Key) && cache.TryGetValue(o.Key, out var stored) && _fingerprint.Of(o.Value.Content) is var fingerprint && fingerprint == stored)
                {
                    same[o.Key] = fingerprint;
                }
            });
        }

        return new Dictionary<string, string>(same, StringComparer.Ordinal);
    }

    /// <summary>
    /// An object an older lcv filed at another path (a SQL instance as lonsql01.fabrikam.com%5Crtc.yaml) is one
    /// object, not one removed and one added: unchanged in meaning, no change at all (its file moves with the
    /// next commit); changed, one change.
    /// </summary>
    private void MovedFiles(Snapshot snapshot, List<StoredChange> changes, List<string> changedPaths, Dictionary<string, string> before)
    {
        var removed = new Dictionary<(string, string), int>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Kind == StoredChangeKind.Removed)
            {
                removed.TryAdd((changes[i].Noun, LyncIdentity.Current(changes[i].Identity)), i);
            }
        }

        if (removed.Count == 0)
        {
            return;
        }

        var dropped = new SortedSet<int>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Kind != StoredChangeKind.Added || !removed.Remove((changes[i].Noun, LyncIdentity.Current(changes[i].Identity)), out var j))
            {
                continue;
            }

            dropped.Add(j);
            var old = ReadObject(before[changedPaths[j]], changedPaths[j]);
            old.Set(ObjectFactory.IdentityKey, new YScalar(changes[i].Identity));   // as this lcv writes it
            if (_fingerprint.Of(old) == _fingerprint.Of(snapshot.Objects[changedPaths[i]].Content))
            {
                dropped.Add(i);
            }
            else
            {
                changes[i] = changes[i] with { Kind = StoredChangeKind.Changed };
            }
        }

        foreach (var index in dropped.Reverse())
        {
            changes.RemoveAt(index);
            changedPaths.RemoveAt(index);
        }
    }

    /// <summary>
    /// Takes the changes the filters alone explain out of <paramref name="changes"/> (and their paths), and says
    /// what they were; null when .lcv/filters.yaml did not change since the last snapshot or explains none.
    /// </summary>
    private string? Rewritten(Snapshot snapshot, List<StoredChange> changes, List<string> changedPaths, Dictionary<string, string> before)
    {
        if (!changes.Exists(c => c.Kind == StoredChangeKind.Changed) || FilterRewrite.Since(vault.LatestSnapshot, filter, catalog) is not { } rewrite)
        {
            return null;
        }

        var explained = 0;
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            var path = changedPaths[i];
            if (changes[i].Kind == StoredChangeKind.Changed && before.TryGetValue(path, out var stored) && rewrite.Explains(changes[i].Noun, ReadObject(stored, path), snapshot.Objects[path].Content))
            {
                changes.RemoveAt(i);
                changedPaths.RemoveAt(i);
                explained++;
            }
        }

        return explained == 0 ? null : rewrite.Describe(explained);
    }

    /// <summary>
    /// The changes property by property when a describer is given. When it finds nothing but
    /// neighbours shifting (a route inserted above others), the objects whose files changed are named.
    /// </summary>
    private List<DescribedChange> Describe(Commit head, Snapshot snapshot, List<StoredChange> changes, List<string> changedPaths)
    {
        var described = describer?.Describe(head, snapshot, changedPaths) ?? [];
        return described.Count > 0 ? described.ToList() : changes.Select(DescribedChange.From).ToList();
    }

    /// <summary>
    /// The new tree as edits of the last one: files of the parts read that are gone come out, new and changed
    /// files go in, every untouched folder keeps its tree id and is never rebuilt.
    /// </summary>
    /// <returns>The tree, and the bytes of every file it brings in, by path.</returns>
    private (Tree Tree, Dictionary<string, byte[]> Contents) BuildTree(Commit head, Snapshot snapshot, Dictionary<string, (byte[]? Bytes, string BlobId, byte[]? Envelope)> written, Dictionary<string, string> before)
    {
        var git = vault.Git;
        var definition = TreeDefinition.From(head.Tree);
        foreach (var path in before.Keys.Where(p => InParts(p, snapshot.Parts) && !written.ContainsKey(p)))
        {
            definition.Remove(path);
            if (head.Tree[ObjectFile.EnvelopeOf(path)] is not null)
            {
                definition.Remove(ObjectFile.EnvelopeOf(path));
            }
        }

        var blobs = new List<(string Path, byte[] Bytes)>();
        foreach (var (path, (bytes, blobId, envelope)) in written)
        {
            if (before.GetValueOrDefault(path) != blobId)
            {
                blobs.Add((path, bytes!));
            }

            if (envelope is not null)
            {
                blobs.Add((ObjectFile.EnvelopeOf(path), envelope));
            }
        }

        blobs.AddRange(snapshot.Blobs.Where(b => head.Tree[b.Key] is null).Select(b => (b.Key, b.Value)));
        blobs.AddRange(snapshot.Exports.Select(e => (ExportManifest.PathOf(e), ExportManifest.Write(e))));
        if (blobs.Count >= BlobPack.Threshold)
        {
            var pack = new BlobPack();
            var ids = blobs.Select(b => pack.Add(b.Bytes)).ToList();
            pack.Write(git.Info.Path);
            for (var i = 0; i < blobs.Count; i++)
            {
                definition.Add(blobs[i].Path, new ObjectId(ids[i]), Mode.NonExecutableFile);
            }
        }
        else
        {
            foreach (var (path, bytes) in blobs)
            {
                definition.Add(path, git.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Id, Mode.NonExecutableFile);
            }
        }

        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, bytes) in blobs)
        {
            contents[path] = bytes;
        }

        return (git.ObjectDatabase.CreateTree(definition), contents);
    }

    // Every file a commit brings is read back as the next run will read it, before anything moves: a file
    // lcv could not read would stop every later run.
    private static void ReadsBack(byte[] bytes, string path, LyncObject obj)
    {
        if (path.Length > VaultPaths.MaxPathChars)
        {
            throw new LcvException($"{obj.DisplayName} would be stored under a path of {path.Length} characters, more than the {VaultPaths.MaxPathChars} a vault allows: nothing was stored.", path);
        }

        string? identity;
        try
        {
            identity = YamlText.Read(System.Text.Encoding.UTF8.GetString(bytes), path).Text(ObjectFactory.IdentityKey);
        }
        catch (LcvException)
        {
            identity = null;
        }

        if (identity != obj.Identity.ToString())
        {
            throw LcvException.Bug($"{obj.DisplayName} would be stored as {path}, which does not read back as it was written: nothing was stored. This is a bug in lcv; please report it with the export.", path);
        }
    }

    private YMap ReadObject(string blobId, string path)
    {
        var blob = vault.Git.Lookup<Blob>(new ObjectId(blobId));
        return ObjectFile.Read(blob.GetContentText(), path, catalog);
    }

    private static bool InParts(string path, IReadOnlyList<string> parts) =>
        parts.Any(p => path.StartsWith(p + "/", StringComparison.Ordinal));
}
