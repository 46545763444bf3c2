using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// Git's textconv for vault files (set up by git-setup): prints an object one line per value.
/// Git runs it inside the vault on a temporary copy of each version. A file it cannot read is
/// printed as it is, because a failing textconv would break git log for every other file.
/// </summary>
internal sealed class TextconvCommand : Command
{
    private readonly Argument<string> _file = new("file");

    public TextconvCommand(IAnsiConsole console) : base("textconv", "Print a vault file as Git's lcv diff driver sees it")
    {
        Hidden = true;
        Arguments.Add(_file);
        SetAction(parse =>
        {
            var file = parse.GetValue(_file)!;
            var text = File.ReadAllText(file);
            var output = console.Profile.Out.Writer;
            try
            {
                var content = ObjectFile.Read(text, file, LyncCatalog.Default);
                output.Write(content.Text(ObjectFactory.NounKey) is null ? text : new SemanticText(LyncCatalog.Default, Filter()).Of(content));
            }
            catch (LcvException)
            {
                output.Write(text);
            }

            return ExitCodes.Ok;
        });
    }

    // Git runs textconv at the top of the work tree: the vault's own noise rules apply.
    private static NoiseFilter Filter() =>
        File.Exists(VaultLayout.FiltersFile) ? FiltersFile.Read(VaultLayout.FiltersFile, LyncCatalog.Default) : NoiseFilter.FromCatalog(LyncCatalog.Default);
}
