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

    public override YMap Read(string path) =>
        _read.GetOrAdd(path, p => ObjectFile.Read(Text(p), $"{p} at {commit.Sha[..7]}", _catalog, WithEnvelopes ? Envelope(p) : null));

    /// <summary>
    /// Reads the files not read yet on every core, each worker through a repository of its own (one LibGit2Sharp
    /// repository is not thread-safe, so one shared would serialize them), by the blob ids the tree walk found.
    /// </summary>
    public override IReadOnlyList<YMap> ReadMany(IEnumerable<string> paths)
    {
        var wanted = paths as IReadOnlyList<string> ?? paths.ToList();
        var missing = wanted.Where(p => !_read.ContainsKey(p) && Files.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
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
                    var path = missing[i];
                    var text = own.Lookup<Blob>(new ObjectId(Files[path])).GetContentText();
                    var envelope = envelopes is not null && envelopes.TryGetValue(ObjectFile.EnvelopeOf(path), out var id) ? own.Lookup<Blob>(new ObjectId(id)).GetContentText() : null;
                    _read.TryAdd(path, ObjectFile.Read(text, $"{path} at {commit.Sha[..7]}", _catalog, envelope));
                }
            });
        }

        return wanted.Select(Read).ToList();
    }

    // Below this many files a second repository costs more than it saves.
    private const int ParallelFrom = 64;

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
    /// The file's text, by the blob id the tree walk found: looking each path up in the commit would parse
    /// every tree on the way again, and a folder of 50,000 subnets once per file. Blobs are read one at a
    /// time because a LibGit2Sharp repository is not thread-safe.
    /// </summary>
    public string Text(string path)
    {
        lock (git)
        {
            var blob = (Files.TryGetValue(path, out var id) ? git.Lookup<Blob>(new ObjectId(id)) : commit[path]?.Target as Blob)
                ?? throw new LcvException($"{path} is not in the snapshot {commit.Sha[..7]}.");
            return blob.GetContentText();
        }
    }
}
