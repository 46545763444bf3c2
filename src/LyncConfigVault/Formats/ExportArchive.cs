using System.IO.Compression;
using System.Security.Cryptography;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;

namespace LyncConfigVault.Formats;

/// <summary>
/// One export file opened safely: a ZIP whose entries passed the limits and the path checks, or a
/// bare XML document (Get-CsTopology -AsXml). Entry bytes are read once, bounded, and hashed.
/// </summary>
internal sealed class ExportArchive
{
    /// <summary>Entries larger than this are not kept in memory: they are read again, streamed, when used (user data of a big pool).</summary>
    public const int KeptEntryBytes = 16 << 20;

    private readonly Dictionary<string, byte[]> _entries;
    private readonly Dictionary<string, ArchiveEntryRecord> _records;
    private readonly ArchiveLimits _limits;

    public string File { get; }

    public bool IsZip { get; }

    public byte[] RawBytes { get; }

    /// <summary>Entry names in archive order, with '/' separators.</summary>
    public IReadOnlyList<string> EntryNames { get; }

    /// <summary>
    /// Newest entry time: when the export ran, as the exporting server's clock showed it. A ZIP entry
    /// stores no zone; <see cref="Model.WallClock"/> places it in the vault's time zone.
    /// </summary>
    public DateTime? EntryClock { get; }

    private ExportArchive(string file, bool isZip, byte[] raw, Dictionary<string, byte[]> entries, Dictionary<string, ArchiveEntryRecord> records, List<string> names, DateTime? entryClock, ArchiveLimits limits)
    {
        _records = records;
        _limits = limits;
        File = file;
        IsZip = isZip;
        RawBytes = raw;
        _entries = entries;
        EntryNames = names;
        EntryClock = entryClock;
    }

    public static ExportArchive Open(string file, ArchiveLimits limits)
    {
        if (!System.IO.File.Exists(file))
        {
            throw LcvException.BadExport(file, Directory.Exists(file) ? "is a folder; name the export file, or use 'lcv backfill' for a folder of backups." : "does not exist.");
        }

        return FromBytes(file, ReadRegularFile(file, limits), limits);
    }

    /// <summary>
    /// The bytes of a regular file, read with a time limit on opening (a pipe blocks there) and exactly as many
    /// as the file says it holds: a device (/dev/zero) or a file still being written yields more, and is refused.
    /// </summary>
    private static byte[] ReadRegularFile(string file, ArchiveLimits limits)
    {
        var opening = Task.Run(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        if (!opening.Wait(limits.OpenTimeout))
        {
            throw LcvException.BadExport(file, $"did not open within {limits.OpenTimeout.TotalSeconds:0} s: it is not a regular file (a pipe?), or its share does not answer. lcv reads export files only.");
        }

        using var stream = opening.Result;
        var length = stream.Length;
        if (length > limits.MaxTotalBytes)
        {
            throw LcvException.BadExport(file, $"is {length:N0} bytes, more than the {limits.MaxTotalBytes:N0} an export may be.");
        }

        var raw = new byte[length];
        stream.ReadExactly(raw);
        if (stream.ReadByte() >= 0)
        {
            throw LcvException.BadExport(file, "goes on past its own size: it is not a regular file (a device?) or it is still being written. lcv reads finished export files only.");
        }

        return raw;
    }

    public static ExportArchive FromBytes(string file, byte[] raw, ArchiveLimits limits)
    {
        if (raw.Length == 0)
        {
            throw LcvException.BadExport(file, "is empty (0 bytes). Run the export again.");
        }

        if (raw.Length >= 4 && raw[0] == 'P' && raw[1] == 'K' && raw[2] == 5 && raw[3] == 6)
        {
            throw LcvException.BadExport(file, "is an empty ZIP archive: it holds no export at all.");
        }

        if (raw.Length >= 4 && raw[0] == 'P' && raw[1] == 'K' && raw[2] == 3 && raw[3] == 4)
        {
            return OpenZip(file, raw, limits);
        }

        if (LooksLikeXml(raw))
        {
            return new ExportArchive(file, false, raw, new() { [""] = raw }, new() { [""] = new(Path.GetFileName(file), raw.Length, Sha256(raw)) }, [""], null, limits);
        }

        throw LcvException.BadExport(file, "is neither a ZIP archive nor an XML document, so it is not a Lync export.");
    }

    /// <summary>An entry's bytes; a large entry is decompressed again for each call (prefer <see cref="OpenEntry"/>).</summary>
    public byte[]? Entry(string name)
    {
        if (_entries.TryGetValue(name, out var kept))
        {
            return kept;
        }

        if (!_records.ContainsKey(name))
        {
            return null;
        }

        using var zip = new ZipArchive(new MemoryStream(RawBytes, writable: false), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        Copy(File, zip.GetEntry(name)!, _limits.MaxEntryBytes, buffer, int.MaxValue, null);
        return buffer.ToArray();
    }

    /// <summary>An entry as a stream, decompressed as it is read: the way to read a large one.</summary>
    public Stream OpenEntry(string name)
    {
        if (_entries.TryGetValue(name, out var kept))
        {
            return new MemoryStream(kept, writable: false);
        }

        var zip = new ZipArchive(new MemoryStream(RawBytes, writable: false), ZipArchiveMode.Read);
        return new EntryStream(zip, zip.GetEntry(name) ?? throw new KeyNotFoundException(name));
    }

    /// <summary>Finds an entry by name, ignoring case and folder (Lync tools disagree on casing).</summary>
    public string? FindEntry(Func<string, bool> match) => EntryNames.FirstOrDefault(match);

    /// <summary>
    /// Where DocItemSet.xml is: its entry name (any case) in a ZIP, "" for a bare XML file (read with <see cref="Entry"/>(""));
    /// null when a ZIP has none.
    /// </summary>
    public string? DocItemSetEntry() => IsZip ? FindEntry(n => n.Equals("DocItemSet.xml", StringComparison.OrdinalIgnoreCase)) : "";

    public IReadOnlyList<ArchiveEntryRecord> Records() =>
        EntryNames.Select(n => _records[n]).ToList();

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ExportArchive OpenZip(string file, byte[] raw, ArchiveLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(raw, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw LcvException.BadExport(file, "is a truncated or damaged ZIP archive (its directory cannot be read). Copy or export it again.", e);
        }

        using (zip)
        {
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw LcvException.BadExport(file, $"holds {zip.Entries.Count:N0} entries, more than the {limits.MaxEntries:N0} any Lync export has: refused as a possible zip bomb.");
            }

            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var records = new Dictionary<string, ArchiveEntryRecord>(StringComparer.Ordinal);
            var names = new List<string>();
            long total = 0;
            DateTime? newest = null;
            foreach (var entry in zip.Entries)
            {
                var name = SafeEntryName(file, entry.FullName);
                if (name.EndsWith('/'))
                {
                    continue;   // a folder entry
                }

                CheckDeclaredSize(file, entry, limits);
                using var kept = new MemoryStream();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var length = Copy(file, entry, limits.MaxEntryBytes, kept, KeptEntryBytes, hash, checkCrc: true);
                total += length;
                if (total > limits.MaxTotalBytes)
                {
                    throw LcvException.BadExport(file, $"unpacks to more than {limits.MaxTotalBytes:N0} bytes: refused as a possible zip bomb.");
                }

                if (!records.TryAdd(name, new ArchiveEntryRecord(name, length, Convert.ToHexStringLower(hash.GetHashAndReset()))))
                {
                    throw LcvException.BadExport(file, $"holds the entry '{name}' twice: the archive is damaged.");
                }

                if (length <= KeptEntryBytes)
                {
                    entries[name] = kept.ToArray();
                }

                names.Add(name);
                // LastWriteTime pins the DOS time to this machine's offset; its DateTime is the digits the server wrote.
                newest = newest is null || entry.LastWriteTime.DateTime > newest ? entry.LastWriteTime.DateTime : newest;
            }

            if (names.Count == 0)
            {
                throw LcvException.BadExport(file, "is an empty ZIP archive: it holds no export at all.");
            }

            return new ExportArchive(file, true, raw, entries, records, names, newest, limits);
        }
    }

    private static string SafeEntryName(string file, string fullName)
    {
        var name = fullName.Replace('\\', '/');
        var unsafeName = name.StartsWith('/')
            || (name.Length >= 2 && name[1] == ':')
            || name.Split('/').Any(segment => segment == "..")
            || name.Any(char.IsControl);
        if (unsafeName)
        {
            throw LcvException.BadExport(file, $"holds an entry whose path leaves the archive ('{fullName}'): refused (zip slip).");
        }

        return name;
    }

    private static void CheckDeclaredSize(string file, ZipArchiveEntry entry, ArchiveLimits limits)
    {
        if (entry.Length > limits.MaxEntryBytes)
        {
            throw LcvException.BadExport(file, $"entry '{entry.FullName}' unpacks to {entry.Length:N0} bytes, more than the {limits.MaxEntryBytes:N0} allowed: refused as a possible zip bomb.");
        }

        if (entry.Length > ArchiveLimits.RatioFloorBytes && entry.Length > entry.CompressedLength * limits.MaxRatio)
        {
            throw LcvException.BadExport(file, $"entry '{entry.FullName}' compresses {entry.Length / Math.Max(1, entry.CompressedLength):N0} to 1, far beyond any XML export: refused as a possible zip bomb.");
        }
    }

    // The sizes in the ZIP directory can lie; count what really comes out. Bytes go to the sink while they
    // stay within keepBytes (a large entry is hashed and counted, not kept).
    // checkCrc: on the first read of each entry, its bytes against the CRC-32 the archive records for them.
    private static long Copy(string file, ZipArchiveEntry entry, long maxBytes, MemoryStream sink, long keepBytes, IncrementalHash? hash, bool checkCrc = false)
    {
        try
        {
            using var stream = entry.Open();
            var crc = checkCrc ? new System.IO.Hashing.Crc32() : null;
            var chunk = new byte[81920];
            long length = 0;
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                crc?.Append(chunk.AsSpan(0, read));
                length += read;
                if (length > maxBytes)
                {
                    throw LcvException.BadExport(file, $"entry '{entry.FullName}' unpacks to more than {maxBytes:N0} bytes: refused as a possible zip bomb.");
                }

                hash?.AppendData(chunk, 0, read);
                if (length <= keepBytes)
                {
                    sink.Write(chunk, 0, read);
                }
                else if (sink.Length > 0)
                {
                    sink.SetLength(0);
                    sink.Capacity = 0;
                }
            }

            if (crc is not null && crc.GetCurrentHashAsUInt32() != entry.Crc32)
            {
                throw LcvException.BadExport(file, $"entry '{entry.FullName}' is damaged: its bytes do not match the CRC-32 the archive records for them. Copy or export the file again.");
            }

            return length;
        }
        catch (InvalidDataException e)
        {
            throw LcvException.BadExport(file, $"entry '{entry.FullName}' is truncated or damaged. Copy or export the file again.", e);
        }
    }

    private static bool LooksLikeXml(byte[] raw)
    {
        var start = 0;
        if (raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
        {
            start = 3;
        }
        else if (raw.Length >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)))
        {
            return true;
        }

        while (start < raw.Length && raw[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }

        return start < raw.Length && raw[start] == '<';
    }
}
