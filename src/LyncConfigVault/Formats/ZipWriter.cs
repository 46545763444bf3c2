using System.IO.Compression;

namespace LyncConfigVault.Formats;

/// <summary>Writes an export archive: the entries in the order given, each stamped with the export's time.</summary>
internal static class ZipWriter
{
    public static byte[] Write(DateTimeOffset time, IEnumerable<(string Name, byte[] Bytes)> entries) =>
        Write(entries.Select(e => (e.Name, e.Bytes, time)));

    /// <summary>Entries with a time each (re-export noise moves them).</summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Bytes, DateTimeOffset Time)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes, time) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = time;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
