using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Restore;
using LyncConfigVault.Vault;
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
        SetAction(parse => Run(console, parse));
    }

    private int Run(IAnsiConsole console, ParseResult parse)
    {
        var output = parse.GetValue(_out);
        var preview = parse.GetValue(_preview);
        if (parse.GetValue(_objects) is { Length: > 0 } objects)
        {
            return Scoped(console, parse, objects);
        }

        if (output is null && !preview)
        {
            throw new LcvException("Say what to do: --preview to see what the restore would change, --out FOLDER to write the exports and Restore.ps1.");
        }

        if (output is not null && File.Exists(output))
        {
            throw LcvException.BadExport(output, "is a file: give a new or empty folder for the restore.");
        }

        if (output is not null && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw LcvException.BadExport(output, "is not empty: give a new or empty folder, so no restore file mixes with another.");
        }

        if (output is not null)
        {
            OutsideTheVault(output, parse.GetValue(_vault)!);
        }

        var revision = parse.GetValue(_revision)!;
        using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, _clock);
        var target = sources.Snapshot(revision);
        var parts = Parts(target, revision, parse.GetValue(_parts) ?? []);
        var differ = new SnapshotDiffer(LyncCatalog.Default, sources.Filter);
        var undo = differ.Compare(sources.Snapshot(null), target, parts);
        if (preview || output is not null)
        {
            console.MarkupLineInterpolated($"[bold]What restoring {revision} would change[/] (the latest snapshot → {target.Commit.Sha[..7]}):");
            _report.Show(parse, console, undo);
        }

        if (output is null)
        {
            return ExitCodes.Ok;
        }

        // The rebuild needs how each object sat in its export: read with the envelopes this time.
        var whole = new GitObjectSource(target.Git, target.Commit, target.Side.Label) { WithEnvelopes = true };
        var exports = new SnapshotRebuilder(LyncCatalog.Default).Build(whole, parts);
        var staging = Path.Combine(Path.GetTempPath(), $"lcv-restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var export in exports)
            {
                File.WriteAllBytes(Path.Combine(staging, export.FileName), export.Bytes);
            }

            new RestoreProof(LyncCatalog.Default, sources.Filter, sources.Vault.PersonalData()).Check(whole, exports, parts, staging);
            // The rebuilt CMS archive carries the topology, as every Export-CsConfiguration archive does.
            var notRestored = VaultLayout.PartsIn(target.Commit.Tree).Where(p => !parts.Contains(p) && !(p == "topology" && parts.Contains("cms"))).Select(Why).ToList();
            File.WriteAllText(Path.Combine(staging, RestoreScript.FileName),
                RestoreScript.Write(sources.Vault.Config.Deployment, revision, target.Commit.Sha, target.Commit.Author.When, sources.Vault.Now, exports, notRestored),
                new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));   // Windows PowerShell 5.1 reads a BOM-less file as ANSI
            Directory.CreateDirectory(output);
            foreach (var file in Directory.GetFiles(staging))
            {
                File.Move(file, Path.Combine(output, Path.GetFileName(file)));
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        console.MarkupLineInterpolated($"Rebuilt and checked against {target.Commit.Sha[..7]}: {string.Join(", ", exports.Select(e => e.FileName))}, and {RestoreScript.FileName}, in {Path.GetFullPath(output)}.");
        console.MarkupLine("Review the preview above, then run Restore.ps1 in the Lync Server Management Shell.");
        return ExitCodes.Ok;
    }

    /// <summary>--object … --script: the chosen objects only, as commands, from their current state to the snapshot's.</summary>
    private int Scoped(IAnsiConsole console, ParseResult parse, string[] names)
    {
        var scriptFile = parse.GetValue(_script) ?? throw new LcvException("--object restores through a script: give --script FILE.ps1 to write it to.");
        if (File.Exists(scriptFile))
        {
            throw LcvException.BadExport(scriptFile, "already exists: give a new file name, so no script is overwritten.");
        }

        OutsideTheVault(scriptFile, parse.GetValue(_vault)!);

        var revision = parse.GetValue(_revision)!;
        using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, _clock);
        var target = sources.Snapshot(revision);
        var current = sources.Snapshot(null);
        var locator = new ObjectLocator(LyncCatalog.Default);
        var restores = new List<ObjectRestore>();
        foreach (var name in names.Select(n => ObjectName.Parse([n])))
        {
            var then = locator.Find(target.Commit, name);
            var now = locator.Find(current.Commit, name);
            if (then is null && now is null)
            {
                throw new LcvException($"{name} is in neither the snapshot {revision} nor the latest one: check the noun and the Identity (lcv show lists what a snapshot holds).");
            }

            restores.Add(new ObjectRestore(name.Noun, name.Identity, now is null ? null : current.Read(now), then is null ? null : target.Read(then)));
        }

        var heading = $"{sources.Vault.Config.Deployment}: {string.Join(", ", names)} back to the snapshot {target.Commit.Sha[..7]} of {target.Commit.Author.When:yyyy-MM-dd HH:mm} ({revision}); written by lcv {sources.Vault.Now:yyyy-MM-dd HH:mm}.";
        var text = new ScopedRestoreScript(LyncCatalog.Default).Write(heading, restores);
        File.WriteAllText(scriptFile, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));   // Windows PowerShell 5.1 reads a BOM-less file as ANSI
        console.MarkupLineInterpolated($"Wrote {Path.GetFullPath(scriptFile)}: {restores.Count} object(s). Run it once as it is (-WhatIf), then with -Apply.");
        return ExitCodes.Ok;
    }

    private static string Why(string part) =>
        part == Normalize.Users.PersistentChatNormalizer.Part
            ? $"{part} (kept as hashes only: import the raw Export-CsPersistentChatData archive)"
        : part == Normalize.Users.UserPolicyNormalizer.Part
            ? $"{part} (who has which per-user policy: grant them again with Grant-CsVoicePolicy, Grant-CsDialPlan, Grant-CsClientPolicy … -Identity <user> -PolicyName <Tag>, from the file of each pool)"
        : part.StartsWith("users/", StringComparison.Ordinal)
            ? $"{part} (the vault keeps user data redacted: import the raw Export-CsUserData archive with Import-CsUserData, and never contact lists from before a Unified Contact Store migration)"
            : $"{part} (left out with --part; {LeftOut(part)})";

    /// <summary>How a part left out of this folder comes back: lcv restore --part rebuilds it for the cmdlet that imports it.</summary>
    private static string LeftOut(string part) => part switch
    {
        "cms" => "lcv restore --part cms rebuilds it for Import-CsConfiguration",
        "topology" => "lcv restore --part topology rebuilds it for Publish-CsTopology",
        "lis" => "lcv restore --part lis rebuilds it for Import-CsLisConfiguration",
        _ when part.StartsWith("rgs/", StringComparison.Ordinal) => $"lcv restore --part {part} rebuilds it for Import-CsRgsConfiguration",
        _ => "lcv restore --part names it to rebuild it",
    };

    // Restore files written into the vault would be edits by hand: the next run would refuse the vault.
    private static void OutsideTheVault(string path, string vault)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(vault)) + Path.DirectorySeparatorChar;
        if ((Path.GetFullPath(path) + Path.DirectorySeparatorChar).StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw LcvException.BadExport(path, "is inside the vault: restore files there would look like edits by hand. Give a folder outside it.");
        }
    }

    /// <summary>The parts to restore: all that can be, or those asked for; a part that was carried forward in that snapshot cannot be.</summary>
    private static List<string> Parts(GitObjectSource target, string revision, string[] asked)
    {
        var present = VaultLayout.PartsIn(target.Commit.Tree);
        var wanted = CommonOptions.CommaList(asked);
        foreach (var part in wanted.Where(w => !present.Contains(w)))
        {
            throw new LcvException($"'{part}' is not a part of the snapshot {revision}: it holds {string.Join(", ", present)}.");
        }

        var parts = (wanted.Count > 0 ? wanted : present).Where(SnapshotRebuilder.IsRestorable).ToList();
        var stale = CommitMessage.StaleParts(target.Commit).Where(parts.Contains).ToList();
        if (stale.Count > 0)
        {
            var rest = parts.Except(stale).ToList();
            var instead = rest.Count > 0 ? $", or restore only the rest with --part {string.Join(",", rest)}" : "";
            throw new LcvException($"{string.Join(", ", stale)} cannot be restored from {revision} ({target.Commit.Sha[..7]}): that run did not collect it, the files are an older night's. Restore it from the snapshot that collected it{instead}.");
        }

        return parts.Count > 0 ? parts : throw new LcvException($"The snapshot {revision} holds nothing lcv can rebuild (user data and persistent chat are kept redacted).");
    }
}
