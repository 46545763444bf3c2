using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>.lcv/exports/&lt;kind&gt;.yaml: which file each part came from, its hash, and every entry it held.</summary>
internal static class ExportManifest
{
    public static string PathOf(ExportRecord export) => $"{VaultLayout.ExportsFolder}/{export.Label}.yaml";

    /// <summary>The part a manifest's export replaced (rgs/pool01…), read back from its Kind and Pool; null when unreadable.</summary>
    public static string? PartOf(string text, string path)
    {
        var manifest = YamlText.Read(text, path);
        return Enum.TryParse<ExportKind>(manifest.Text("Kind"), out var kind) ? VaultPaths.PartOf(kind, manifest.Text("Pool")) : null;
    }

    public static byte[] Write(ExportRecord export)
    {
        var manifest = new YMap().Add("Kind", export.Kind.ToString());
        if (export.Pool is not null)
        {
            manifest.Add("Pool", export.Pool);
        }

        return YamlText.WriteBytes(manifest
            .Add("Source", export.Source)
            .Add("Sha256", export.Sha256)
            .Add("Size", export.Size.ToString(CultureInfo.InvariantCulture))
            .Add("ExportedAt", export.ExportedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
            .Add("Entries", new YSeq(export.Entries.Select(e => (YNode)new YMap()
                .Add("Name", e.Name)
                .Add("Size", e.Size.ToString(CultureInfo.InvariantCulture))
                .Add("Sha256", e.Sha256)))));
    }
}
