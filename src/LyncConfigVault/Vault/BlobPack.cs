using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace LyncConfigVault.Vault;

/// <summary>
/// Blobs written to the object store in bulk, as one Git pack (version 2, every object whole) and its index
/// (version 2), the way git index-pack leaves them. A first snapshot of 20,000 objects and their envelopes is then
/// two files, not 40,000 loose objects each opened, compressed and closed on its own; and every later read of the
/// whole snapshot finds them in one mapped file. Few blobs go in one by one: a pack per night would only fragment.
/// </summary>
internal sealed class BlobPack
{
    /// <summary>Below this many new blobs they are written loose, as libgit2 writes any object.</summary>
    public const int Threshold = 512;

    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public int Count => _blobs.Count;

    /// <summary>Adds a blob (once per content) and returns its Git id.</summary>
    public string Add(byte[] content)
    {
        var id = GitBlobId.Of(content);
        _blobs.TryAdd(id, content);
        return id;
    }

    /// <summary>Writes the pack and its index into objects/pack of <paramref name="gitDirectory"/>; the index last, so Git never sees a pack it cannot read.</summary>
    public void Write(string gitDirectory)
    {
        var folder = Path.Combine(gitDirectory, "objects", "pack");
        Directory.CreateDirectory(folder);
        try
        {
            WriteIn(folder);
        }
        catch
        {
            // A full disk or a killed write leaves no half pack behind: nothing refers to it yet.
            foreach (var temporary in Directory.EnumerateFiles(folder, $"tmp_*_lcv_{Environment.ProcessId}"))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    private void WriteIn(string folder)
    {
        var ids = _blobs.Keys.Order(StringComparer.Ordinal).ToList();
        var entries = new (byte[] Id, long Offset, uint Crc)[ids.Count];
        var temporaryPack = Path.Combine(folder, $"tmp_pack_lcv_{Environment.ProcessId}");
        byte[] packChecksum;
        using (var file = new FileStream(temporaryPack, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
        {
            var header = new byte[12];
            "PACK"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 2);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), checked((uint)ids.Count));
            Append(file, sha, header);
            var compressed = new byte[ids.Count][];
            Parallel.For(0, ids.Count, i => compressed[i] = Entry(_blobs[ids[i]]));
            for (var i = 0; i < ids.Count; i++)
            {
                entries[i] = (Convert.FromHexString(ids[i]), file.Position, Crc32.HashToUInt32(compressed[i]));
                Append(file, sha, compressed[i]);
            }

            packChecksum = sha.GetHashAndReset();
            file.Write(packChecksum);
            file.Flush(flushToDisk: true);
        }

        if (entries.Length > 0 && entries[^1].Offset > int.MaxValue)
        {
            throw new InvalidOperationException("A pack over 2 GB needs 64-bit offsets: write the blobs loose.");
        }

        var name = Convert.ToHexStringLower(packChecksum);
        var index = Index(entries, packChecksum);
        var temporaryIndex = Path.Combine(folder, $"tmp_idx_lcv_{Environment.ProcessId}");
        using (var file = new FileStream(temporaryIndex, FileMode.Create, FileAccess.Write))
        {
            file.Write(index);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporaryPack, Path.Combine(folder, $"pack-{name}.pack"), overwrite: true);
        File.Move(temporaryIndex, Path.Combine(folder, $"pack-{name}.idx"), overwrite: true);
    }

    // Object header (type 3, blob; its size in 4 + 7·n bits) and the zlib-deflated content.
    private static byte[] Entry(byte[] content)
    {
        using var output = new MemoryStream(content.Length / 2 + 32);
        var size = (long)content.Length;
        var first = (byte)((3 << 4) | (int)(size & 0x0F));
        size >>= 4;
        output.WriteByte(size > 0 ? (byte)(first | 0x80) : first);
        while (size > 0)
        {
            var next = (byte)(size & 0x7F);
            size >>= 7;
            output.WriteByte(size > 0 ? (byte)(next | 0x80) : next);
        }

        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Index((byte[] Id, long Offset, uint Crc)[] entries, byte[] packChecksum)
    {
        using var output = new MemoryStream(8 + (256 * 4) + (entries.Length * 28) + 40);
        var word = new byte[4];
        void Word(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(word, value);
            output.Write(word);
        }

        output.Write([0xFF, (byte)'t', (byte)'O', (byte)'c']);
        Word(2);
        var fanout = new uint[256];
        foreach (var entry in entries)
        {
            fanout[entry.Id[0]]++;
        }

        uint running = 0;
        foreach (var count in fanout)
        {
            running += count;
            Word(running);
        }

        foreach (var entry in entries)
        {
            output.Write(entry.Id);
        }

        foreach (var entry in entries)
        {
            Word(entry.Crc);
        }

        foreach (var entry in entries)
        {
            Word((uint)entry.Offset);
        }

        output.Write(packChecksum);
        output.Write(SHA1.HashData(output.ToArray()));
        return output.ToArray();
    }

    private static void Append(Stream file, IncrementalHash sha, byte[] bytes)
    {
        file.Write(bytes);
        sha.AppendData(bytes);
    }
}
