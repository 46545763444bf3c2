using System.CommandLine;
using LyncConfigVault.Simulation;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class GenerateCommand : Command
{
    private readonly Option<string> _out = new("--out") { Description = "Folder to write SfBBackup-… folders into", Required = true };
    private readonly Option<int> _nights = new("--nights") { Description = "How many nightly exports", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _seed = new("--seed") { Description = "Same seed, same bytes", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _objects = new("--objects") { Description = "Grow the deployment to about this many objects (per-user policies, subnets, routes, dial plans)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _busy = new("--busy") { Description = "At least this many objects changed on each night with changes (default: the two or three of a quiet night)", DefaultValueFactory = _ => 0 };

    private readonly Option<string> _layout = new("--layout")
    {
        Description = "How DocItemSet.xml spells the configuration: " + string.Join(", ", CmsLayout.Named.Keys) + " (FORMATS.md's assumption is 'assumed')",
        DefaultValueFactory = _ => "assumed",
    };

    public GenerateCommand(IAnsiConsole console) : base("generate", "Write synthetic Export-CsConfiguration backups of a fictitious deployment (no Lync server needed)")
    {
        Options.Add(_out);
        Options.Add(_nights);
        Options.Add(_seed);
        Options.Add(_objects);
        Options.Add(_busy);
        _layout.AcceptOnlyFromAmong([.. CmsLayout.Named.Keys]);
        Options.Add(_layout);
        SetAction(parse =>
        {
            var nights = SyntheticNights.Generate(parse.GetValue(_seed), parse.GetValue(_nights), parse.GetValue(_objects), parts: SyntheticParts.All,
                layout: CmsLayout.Named[parse.GetValue(_layout)!], busy: parse.GetValue(_busy));
            var files = SyntheticNights.WriteBackupFolders(parse.GetValue(_out)!, nights);
            foreach (var file in files)
            {
                console.WriteLine(file);
            }

            return ExitCodes.Ok;
        });
    }
}
