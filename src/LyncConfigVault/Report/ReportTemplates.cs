using System.Reflection;
using Fluid;
using LyncConfigVault.Model;

namespace LyncConfigVault.Report;

/// <summary>The Liquid templates of templates/, built into lcv so a report never depends on files beside the program.</summary>
internal static class ReportTemplates
{
    private static readonly FluidParser Parser = new();

    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("templates/" + name)
            ?? throw new InvalidOperationException($"template {name} is not built into lcv");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IFluidTemplate Parse(string name) =>
        Parser.TryParse(Text(name), out var template, out var error)
            ? template
            : throw new LcvException($"The report template {name} does not parse: {error}");
}
