using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Inspect;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// lcv inspect FILE…: what lcv understood of each export, for a first run on a real server and for bug
/// reports. --format json is lcv.inspect/1; --skeleton writes a redacted copy of a configuration
/// export's structure. Exit 0 when every file was read and rebuilds exactly, 1 when a rebuild differs.
/// </summary>
internal sealed class InspectCommand : Command
{
    private readonly Argument<string[]> _files = new("files") { Description = "Export files: CsConfiguration.zip, DocItemSet.xml, RGS, LIS, user data …", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _skeleton = new("--skeleton") { Description = "Write the configuration export's structure here, every value replaced by its kind and length (safe to attach to a bug report)" };
    private readonly Option<string> _format = CommonOptions.Format();

    public InspectCommand(IAnsiConsole console) : base("inspect", "Say how much of an export lcv understood, how the file spells it, and whether it rebuilds exactly")
    {
        Arguments.Add(_files);
        Options.Add(_skeleton);
        Options.Add(_format);
        SetAction(parse =>
        {
            var files = parse.GetValue(_files)!;
            var skeleton = parse.GetValue(_skeleton);
            if (skeleton is not null && files.Length != 1)
            {
                throw new LcvException($"--skeleton writes one file's structure: give one export, not {files.Length}.");
            }

            var inspector = new ExportInspector(LyncCatalog.Default, NoiseFilter.FromCatalog(LyncCatalog.Default));
            var inspections = files.Select(inspector.Inspect).ToList();
            if (skeleton is not null)
            {
                StructureSkeleton.Write(files[0], skeleton);
            }

            if (parse.GetValue(_format) == "json")
            {
                JsonOutput.Write(console.Profile.Out.Writer, InspectionJson.Document(inspections));
            }
            else
            {
                inspections.ForEach(i => InspectionReporter.Write(console, i));
                if (skeleton is not null)
                {
                    console.MarkupLineInterpolated($"Structure written to {skeleton}: names of elements and attributes only, every value replaced by its kind and length.");
                }
            }

            return inspections.All(i => i.Cms?.RoundTrip.Exact != false) ? ExitCodes.Ok : ExitCodes.Differences;
        });
    }
}
