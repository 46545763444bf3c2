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
    public const string Schema = "lcv.route/1";

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
        var calls = Calls(parse);
        string?[] typed = parse.GetValue(_at) is { Length: > 0 } at ? at : [null];
        if (typed.Length > 2)
        {
            throw new LcvException("Give --at once (one snapshot) or twice (to compare two).");
        }

        using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, _clock);
        var snapshots = typed.Select(sources.Snapshot).ToList();
        var revisions = snapshots.Select(s => s.Side.Label).ToArray();
        var routers = snapshots.Select(s => (Revision: s.Side.Label, Router: new CallRouter(VoiceModel.From(s)))).ToList();
        var results = calls.Select(c => routers.Select(r => (r.Revision, Result: r.Router.Route(c.Dialed, c.DialPlan, c.Policy))).ToList()).ToList();
        if (results.FirstOrDefault(r => r.All(side => side.Result.IsMissing)) is { } typo)
        {
            // Missing on every side is a mistyped Identity, not a difference: say so once.
            var missing = typo[0].Result;
            var what = missing.Outcome == RouteResult.DialPlanMissing ? $"dial plan {missing.DialPlan}" : $"voice policy {missing.VoicePolicy}";
            throw new LcvException($"There is no {what} in {(routers.Count == 1 ? "this snapshot" : "either snapshot")}; give its Identity as Lync shows it (Global, Site:Dublin, Tag:…).");
        }

        if (routers.Count == 2)
        {
            results = results.Where(r => Key(r[0].Result) != Key(r[1].Result)).ToList();
        }

        if (parse.GetValue(_format) == "json")
        {
            var records = results.SelectMany(r => r).Select(r => Record(r.Revision, r.Result));
            JsonOutput.Write(console.Profile.Out.Writer, new Dictionary<string, object> { ["schema"] = Schema, ["results"] = records.ToList() });
            return ExitCodes.Ok;
        }

        if (routers.Count == 2 && results.Count == 0)
        {
            console.MarkupLineInterpolated($"{(calls.Count == 1 ? "The number routes" : $"All {calls.Count} numbers route")} the same at {revisions[0]} and {revisions[1]}.");
        }

        foreach (var pair in results)
        {
            foreach (var (revision, result) in pair)
            {
                var where = routers.Count == 2 ? $"[grey]{revision}[/] " : "";
                console.MarkupLine($"{where}[bold]{Markup.Escape(result.Dialed)}[/] ({Markup.Escape(result.DialPlan)}, {Markup.Escape(result.VoicePolicy)}): {Markup.Escape(Headline(result))}");
                foreach (var step in result.Steps)
                {
                    console.MarkupLineInterpolated($"    {step}");
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static string Headline(RouteResult result) => result.Outcome switch
    {
        RouteResult.Routed when result.Translations.Select(t => t.Sent).Distinct().Count() > 1 =>
            $"routed by {result.Route} to {string.Join(", ", result.Translations.Select(t => $"{t.Gateway} as {t.Sent}"))}",
        RouteResult.Routed => $"routed by {result.Route} to {string.Join(", ", result.Gateways)} as {result.Translated}",
        RouteResult.NoUsage => "no PSTN usage: not placed",
        RouteResult.PolicyMissing => $"voice policy {result.VoicePolicy} does not exist here",
        RouteResult.DialPlanMissing => $"dial plan {result.DialPlan} does not exist here",
        RouteResult.NoRoute => $"no route for {result.Normalized}",
        _ => "not normalized: not placed",
    };

    private static string Key(RouteResult r) => $"{r.Outcome}|{r.Route}|{string.Join(',', r.Translations.Select(t => $"{t.Gateway}={t.Sent}"))}|{r.Translated}|{r.Normalized}";

    private static Dictionary<string, object?> Record(string revision, RouteResult r) => new()
    {
        ["revision"] = revision,
        ["dialed"] = r.Dialed,
        ["dialPlan"] = r.DialPlan,
        ["rule"] = r.Rule,
        ["normalized"] = r.Normalized,
        ["voicePolicy"] = r.VoicePolicy,
        ["usage"] = r.Usage,
        ["route"] = r.Route,
        ["gateways"] = r.Gateways,
        ["translated"] = r.Translated,
        ["translations"] = r.Translations.Select(t => new Dictionary<string, object?> { ["gateway"] = t.Gateway, ["trunk"] = t.Trunk, ["rule"] = t.Rule, ["sent"] = t.Sent }).ToList(),
        ["outcome"] = r.Outcome,
        ["steps"] = r.Steps,
    };

    /// <summary>The calls to route: the arguments, then the file's lines; a line without plan or policy takes the options'.</summary>
    private List<(string Dialed, string DialPlan, string Policy)> Calls(ParseResult parse)
    {
        var dialPlan = parse.GetValue(_dialPlan);
        var policy = parse.GetValue(_policy);
        var calls = new List<(string, string, string)>();
        (string, string, string) Call(string dialed, string? plan, string? voicePolicy, string where) =>
            (dialed, plan ?? dialPlan ?? throw new LcvException($"{where}: no dial plan; give --dial-plan or a second column."),
                voicePolicy ?? policy ?? throw new LcvException($"{where}: no voice policy; give --policy or a third column."));
        foreach (var dialed in parse.GetValue(_dialed) ?? [])
        {
            calls.Add(Call(dialed, null, null, dialed));
        }

        if (parse.GetValue(_numbers) is { } file)
        {
            if (!File.Exists(file))
            {
                throw LcvException.BadExport(file, "does not exist.");
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var columns = line.Split('\t').Select(c => c.Trim()).ToArray();
                if (columns.Length > 3 || columns[0].Length == 0)
                {
                    throw new LcvException($"{file} line {number}: expected a dialed string, then optionally a dial plan and a voice policy, separated by tabs; found {(columns[0].Length == 0 ? "no dialed string" : $"{columns.Length} columns")}.");
                }

                calls.Add(Call(columns[0], columns.Length > 1 && columns[1].Length > 0 ? columns[1] : null, columns.Length > 2 && columns[2].Length > 0 ? columns[2] : null, $"{file} line {number}"));
            }
        }

        return calls.Count > 0 ? calls : throw new LcvException("Give a number to route (or --numbers FILE), with --dial-plan and --policy.");
    }
}
