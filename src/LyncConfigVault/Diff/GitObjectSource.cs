using System.Collections.Concurrent;
using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>The snapshot stored in one commit of the vault, or only the files named in <paramref name="only"/>.</summary>
/// <remarks>
/// Objects are read without their envelopes (how they sat in the export: never compared) unless
/// <see cref="WithEnvelopes"/> is set, as a rebuild needs them.
/// </remarks>
internal sealed class GitObjectSource(IRepository git, Commit commit, string label, IReadOnlyCollection<string>? only = null, LyncCatalog? catalog = null) : ObjectSource
{
    private readonly ConcurrentDictionary<string, YMap> _read = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly LyncCatalog _catalog = catalog ?? LyncCatalog.Default;
    private IReadOnlyDictionary<string, string>? _files;
    private Dictionary<string, string>? _envelopes;

    /// <summary>Read each object with its envelope (.lcv/envelopes/…), for a rebuild.</summary>
    public bool WithEnvelopes { get; init; }

    public Commit Commit => commit;

    public IRepository Git => git;

    public override DiffSide Side { get; } = new(commit.Sha, label, commit.Author.When);

    public override IReadOnlyDictionary<string, string> Files => _files ??= only is null
        ? VaultLayout.ObjectFiles(commit.Tree)
        : only.Select(p => (Path: p, Entry: commit[p])).Where(f => f.Entry?.Target is Blob).ToDictionary(f => f.Path, f => f.Entry.Target.Sha, StringComparer.Ordinal);

    public override IEnumerable<string> FilesUnder(string folder) =>
        only is not null ? base.FilesUnder(folder)
        : commit[folder]?.Target is Tree tree ? VaultLayout.ObjectFiles(tree, folder).Keys : [];

    /// <summary>
    /// Blob ids a native tree diff already found: reading those files then needs neither a walk of the whole
    /// tree (20,000 entries) nor a path lookup each.
    /// </summary>
    public void Know(string path, string blobId) => _known[path] = blobId;

    public override YMap Read(string path) =>
        _read.GetOrAdd(path, p => ObjectFile.Read(Text(p), $"{p} at {commit.Sha[..7]}", _catalog, WithEnvelopes ? Envelope(p) : null));

    /// <summary>
    /// Reads the files not read yet on every core, each worker through a repository of its own (one LibGit2Sharp
    /// repository is not thread-safe, so one shared would serialize them), by the blob ids the tree walk found.
    /// </summary>
    public override IReadOnlyList<YMap> ReadMany(IEnumerable<string> paths)
    {
        var wanted = paths as IReadOnlyList<string> ?? paths.ToList();
        var unread = wanted.Where(p => !_read.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        var missing = new List<(string Path, string Id)>(unread.Count);
        lock (git)
        {
            if (_files is null && unread.Count(p => !_known.ContainsKey(p)) > WalkFrom)
            {
                _ = Files;   // so many that one walk of the tree costs less than a lookup each
            }

            missing.AddRange(unread.Select(p => (Path: p, Id: IdOf(p)!)).Where(f => f.Id is not null));
        }

        if (missing.Count >= ParallelFrom && git is Repository repository)
        {
            Dictionary<string, string>? envelopes = null;
            if (WithEnvelopes)
            {
                lock (git)
                {
                    envelopes = _envelopes ??= VaultLayout.Envelopes(commit.Tree);
                }
            }

            var workers = Math.Max(1, Environment.ProcessorCount);
            var ranges = System.Collections.Concurrent.Partitioner.Create(0, missing.Count, (missing.Count / workers) + 1);
            Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = workers }, range =>
            {
                using var own = new Repository(repository.Info.Path);
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var (path, blobId) = missing[i];
                    var text = own.Lookup<Blob>(new ObjectId(blobId)).GetContentText();
                    var envelope = envelopes is not null && envelopes.TryGetValue(ObjectFile.EnvelopeOf(path), out var id) ? own.Lookup<Blob>(new ObjectId(id)).GetContentText() : null;
                    _read.TryAdd(path, ObjectFile.Read(text, $"{path} at {commit.Sha[..7]}", _catalog, envelope));
                }
            });
        }

        return wanted.Select(Read).ToList();
    }

    // Below this many files a second repository costs more than it saves.
    private const int ParallelFrom = 64;

    // Above this many files not known from a tree diff, the whole tree is walked once instead of a path lookup each.
    private const int WalkFrom = 2_000;

    /// <summary>The blob id of an object file: known from a tree diff, from the walk once done, else by one path lookup. Call under the lock.</summary>
    private string? IdOf(string path)
    {
        if (_known.TryGetValue(path, out var id) || ((_files is not null || only is not null) && Files.TryGetValue(path, out id)))
        {
            return id;
        }

        return (commit[path]?.Target as Blob)?.Sha;
    }

    /// <summary>The envelope of one object file, by the blob id one walk of .lcv/envelopes found; null for a file of an older vault.</summary>
    private string? Envelope(string path)
    {
        lock (git)
        {
            _envelopes ??= VaultLayout.Envelopes(commit.Tree);
            return _envelopes.TryGetValue(ObjectFile.EnvelopeOf(path), out var id) ? git.Lookup<Blob>(new ObjectId(id)).GetContentText() : null;
        }
    }

    /// <summary>
    /// The file's text, by the blob id a tree diff or the tree walk found, else by its path. Blobs are read one
    /// at a time here because a LibGit2Sharp repository is not thread-safe.
    /// </summary>
    public string Text(string path)
    {
        lock (git)
        {
            var blob = (IdOf(path) is { } id ? git.Lookup<Blob>(new ObjectId(id)) : null)
                ?? throw new LcvException($"{path} is not in the snapshot {commit.Sha[..7]}.");
            return blob.GetContentText();
        }
    }
}
