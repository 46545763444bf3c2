using System.CommandLine;
using System.Globalization;
using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class ShowCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Option<bool> _raw = new("--raw") { Description = "Print the file exactly as stored, with where it sat in the export (Export:)" };
    private readonly Argument<string> _revision = new("revision") { Description = "Commit, tag, HEAD~N or a date" };
    private readonly Argument<string[]> _object = new("object") { Description = "The object: \"DialPlan Site:Dublin\"", Arity = ArgumentArity.OneOrMore };

    public ShowCommand(IAnsiConsole console, TimeProvider clock) : base("show", "Show one object as it was in a snapshot")
    {
        Options.Add(_vault);
        Options.Add(_format);
        Options.Add(_raw);
        Arguments.Add(_revision);
        Arguments.Add(_object);
        SetAction(parse =>
        {
            var name = ObjectName.Parse(parse.GetValue(_object)!);
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var commit = new RevisionResolver(vault).Resolve(parse.GetValue(_revision)!);
            var path = new ObjectLocator(LyncCatalog.Default).Find(commit, name)
                ?? throw new LcvException($"{name} is not in the snapshot {commit.Sha[..7]} of {commit.Author.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}; lcv log \"{name}\" shows when it existed.");
            var text = ((Blob)commit[path].Target).GetContentText();
            var output = console.Profile.Out.Writer;
            if (parse.GetValue(_raw))
            {
                output.Write(text);
                return ExitCodes.Ok;
            }

            var content = ObjectFile.Readable(ObjectFile.Read(text, path, LyncCatalog.Default), LyncCatalog.Default);
            if (parse.GetValue(_format) == "json")
            {
                JsonOutput.Write(output, json => JsonValue.Write(json, content));
            }
            else
            {
                output.Write(YamlText.Write(content));
            }

            return ExitCodes.Ok;
        });
    }
}
