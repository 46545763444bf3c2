using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// Where a dialed number goes, offline, on any snapshot: the normalization rule, the PSTN usage and
/// route, the gateways and what is sent to them. Two --at: only the numbers whose outcome differs.
/// </summary>
internal sealed class RouteCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Argument<string[]> _dialed = new("number") { Description = "Dialed strings, as a user types them", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _policy = new("--policy") { Description = "The voice policy: Global, Site:Dublin, Tag:…" };
    private readonly Option<string?> _dialPlan = new("--dial-plan") { Description = "The dial plan: Global, Site:Dublin, Tag:…" };
    private readonly Option<string?[]> _at = new("--at") { Description = "The snapshot (default HEAD); give two to see which numbers route differently" };
    private readonly Option<string?> _numbers = new("--numbers") { Description = "A file with one call per line: dialed string, dial plan, voice policy, separated by tabs (# starts a comment)" };
    private readonly Option<string> _format = CommonOptions.Format();

    private readonly TimeProvider _clock;

    public RouteCommand(IAnsiConsole console, TimeProvider clock) : base("route", "Where a dialed number goes: dial plan, voice policy, PSTN usage, route, gateway, translation")
    {
        _clock = clock;
        Options.Add(_vault);
        Options.Add(_policy);
        Options.Add(_dialPlan);
        Options.Add(_at);
        Options.Add(_numbers);
        Options.Add(_format);
        Arguments.Add(_dialed);
        SetAction(parse => Run(console, parse));
    }

    private int Run(IAnsiConsole console, ParseResult parse)
    {
        var calls = RouteCall.From(parse.GetValue(_dialed) ?? [], parse.GetValue(_numbers), parse.GetValue(_dialPlan), parse.GetValue(_policy));
        string?[] typed = parse.GetValue(_at) is { Length: > 0 } at ? at : [null];
        if (typed.Length > 2)
        {
            throw new LcvException("Give --at once (one snapshot) or twice (to compare two).");
        }

        using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, _clock);
        var routes = RouteComparison.Route(typed.Select(sources.Snapshot).ToList(), calls);
        if (parse.GetValue(_format) == "json")
        {
            JsonOutput.Write(console.Profile.Out.Writer, routes.Json());
            return ExitCodes.Ok;
        }

        if (routes.Compares && routes.Results.Count == 0)
        {
            console.MarkupLineInterpolated($"{(calls.Count == 1 ? "The number routes" : $"All {calls.Count} numbers route")} the same at {routes.Revisions[0]} and {routes.Revisions[1]}.");
        }

        foreach (var (revision, result) in routes.Results.SelectMany(r => r))
        {
            var where = routes.Compares ? $"[grey]{revision}[/] " : "";
            console.MarkupLine($"{where}[bold]{Markup.Escape(result.Dialed)}[/] ({Markup.Escape(result.DialPlan)}, {Markup.Escape(result.VoicePolicy)}): {Markup.Escape(RouteComparison.Headline(result))}");
            foreach (var step in result.Steps)
            {
                console.MarkupLineInterpolated($"    {step}");
            }
        }

        return ExitCodes.Ok;
    }
}
