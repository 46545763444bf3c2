using System.Globalization;
using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Restore;

/// <summary>
/// Restore.ps1: the import commands in the order Lync needs them (the store and its topology first,
/// then each pool's Response Groups, then the locations), each with what it restores, and what the
/// folder does not restore.
/// </summary>
internal static class RestoreScript
{
    public const string FileName = "Restore.ps1";

    public static string Write(string deployment, string revision, string commit, DateTimeOffset snapshotDate, DateTimeOffset written, IReadOnlyList<RebuiltExport> exports, IReadOnlyList<string> notRestored)
    {
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"# Restore.ps1, written by lcv {written:yyyy-MM-dd HH:mm zzz}\n");
        script.Append(CultureInfo.InvariantCulture, $"# {Comment(deployment)}: the snapshot {commit[..7]} of {snapshotDate:yyyy-MM-dd HH:mm} ({Comment(revision)}).\n");
        script.Append("# Run it in the Lync Server / Skype for Business Server Management Shell, as a member of\n");
        script.Append("# RTCUniversalServerAdmins, after reviewing what it changes: lcv restore --preview.\n");
        foreach (var part in notRestored)
        {
            script.Append(CultureInfo.InvariantCulture, $"# Not restored from this folder: {Comment(part)}.\n");
        }

        script.Append("#requires -Version 3.0\n$ErrorActionPreference = 'Stop'\n");
        var step = 1;
        foreach (var export in exports)
        {
            script.Append(CultureInfo.InvariantCulture, $"\n# {step++}. {Comment(export.Comment)}\n");
            script.Append(export.ImportCommand).Append('\n');
            if (export.Part == ExportKinds.Of(ExportKind.Cms).Part)
            {
                script.Append("# If the topology changed, publish it to the servers: Enable-CsTopology\n");
            }
        }

        return script.ToString();
    }

    // A comment line may not end early: names with line breaks are kept on one line.
    private static string Comment(string text) => text.ReplaceLineEndings(" ");
}
