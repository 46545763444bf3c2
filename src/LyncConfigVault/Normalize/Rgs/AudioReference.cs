using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Rgs;

/// <summary>
/// An audio file as a vault file refers to it (RgsAudioCatalog writes it): the name the admin uploaded,
/// the size, and the content hash under which the bytes are kept once in .lcv/blobs. An admin knows the
/// file by its name and size; the hash is how lcv finds it, never what a report shows.
/// </summary>
internal sealed record AudioReference(string FileName, long Size, string Sha256)
{
    public const string HashKey = "Sha256";

    /// <summary>The reference held by <paramref name="node"/>, or null when it is not one.</summary>
    public static AudioReference? From(YNode? node) =>
        node is YMap map && map.Text(HashKey) is { } sha && long.TryParse(map.Text("Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? new AudioReference(map.Text("OriginalFileName") ?? map.Text("FileName") ?? (map["OriginalFileNames"] as YSeq)?.Items.FirstOrDefault()?.ToString() ?? "audio file", size, sha)
            : null;

    /// <summary>"helpdesk-full.wav (451 bytes)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FileName} ({Size:N0} bytes)");

    /// <summary>"helpdesk-full.wav replaced (444 → 451 bytes)", or both files when the name changed too.</summary>
    public static string Change(AudioReference before, AudioReference after) =>
        before.FileName == after.FileName
            ? string.Create(CultureInfo.InvariantCulture, $"{after.FileName} replaced ({before.Size:N0} → {after.Size:N0} bytes)")
            : $"{before} → {after}";
}
