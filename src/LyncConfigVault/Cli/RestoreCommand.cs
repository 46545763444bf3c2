using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Restore;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// Rebuilds importable exports for any revision, after showing what a restore would undo. The rebuild
/// is proved (normalized again, equal to the snapshot) before a single file is written.
/// </summary>
internal sealed class RestoreCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Argument<string> _revision = new("revision") { Description = "The snapshot to restore: a commit, HEAD~N, a baseline or a date" };
    private readonly Option<bool> _preview = new("--preview") { Description = "Only show what the restore would change, compared with the latest snapshot" };
    private readonly Option<string?> _out = new("--out") { Description = "An empty folder to write the export archives and Restore.ps1 into" };
    private readonly Option<string[]> _objects = new("--object") { Description = "Restore only this object (\"VoicePolicy Tag:Intl\"), as a script of Set-Cs/New-Cs/Remove-Cs commands; repeat for several" };
    private readonly Option<string?> _script = new("--script") { Description = "With --object: the PowerShell script to write (it runs with -WhatIf unless given -Apply)" };
    private readonly Option<string[]> _parts = new("--part") { Description = "Only these parts: cms, topology, lis, rgs/<pool> (default: all that can be restored)", AllowMultipleArgumentsPerToken = true };
    private readonly ReportOutput _report = new();

    private readonly TimeProvider _clock;

    public RestoreCommand(IAnsiConsole console, TimeProvider clock) : base("restore", "Rebuild the export files of any snapshot for Import-Cs*, after previewing what the restore would change")
    {
        _clock = clock;
        Options.Add(_vault);
        Options.Add(_preview);
        Options.Add(_out);
        Options.Add(_parts);
        Options.Add(_objects);
        Options.Add(_script);
        _report.AddTo(this);
        Arguments.Add(_revision);
        SetAction(parse => parse.GetValue(_objects) is { Length: > 0 } objects ? Objects(console, parse, objects) : Exports(console, parse));
    }

    private int Exports(IAnsiConsole console, ParseResult parse)
    {
        var (output, vault, revision) = (parse.GetValue(_out), parse.GetValue(_vault)!, parse.GetValue(_revision)!);
        if (output is null && !parse.GetValue(_preview))
        {
            throw new LcvException("Say what to do: --preview to see what the restore would change, --out FOLDER to write the exports and Restore.ps1.");
        }

        if (output is not null)
        {
            RestoreDestination.CheckFolder(output, vault);
        }

        using var sources = new ComparisonSources(LyncCatalog.Default, vault, _clock);
        var restore = new ExportsRestore(LyncCatalog.Default, sources, revision, CommonOptions.CommaList(parse.GetValue(_parts)));
        console.MarkupLineInterpolated($"[bold]What restoring {revision} would change[/] (the latest snapshot → {restore.Target.Commit.Sha[..7]}):");
        _report.Show(parse, console, restore.Undo());
        if (output is not null)
        {
            var exports = restore.WriteTo(output);
            console.MarkupLineInterpolated($"Rebuilt and checked against {restore.Target.Commit.Sha[..7]}: {string.Join(", ", exports.Select(e => e.FileName))}, and {RestoreScript.FileName}, in {Path.GetFullPath(output)}.");
            console.MarkupLine("Review the preview above, then run Restore.ps1 in the Lync Server Management Shell.");
        }

        return ExitCodes.Ok;
    }

    private int Objects(IAnsiConsole console, ParseResult parse, string[] names)
    {
        var scriptFile = parse.GetValue(_script) ?? throw new LcvException("--object restores through a script: give --script FILE.ps1 to write it to.");
        RestoreDestination.CheckScript(scriptFile, parse.GetValue(_vault)!);
        using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, _clock);
        var count = new ObjectsRestore(LyncCatalog.Default, sources).Write(parse.GetValue(_revision)!, names, scriptFile);
        console.MarkupLineInterpolated($"Wrote {Path.GetFullPath(scriptFile)}: {count} object(s). Run it once as it is (-WhatIf), then with -Apply.");
        return ExitCodes.Ok;
    }
}
