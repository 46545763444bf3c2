using LyncConfigVault.Model;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight;

/// <summary>
/// lcv route: each call placed on one snapshot, or on two and kept only where the outcome differs (lcv.route/1).
/// </summary>
internal sealed class RouteComparison
{
    public const string Schema = "lcv.route/1";

    private RouteComparison(IReadOnlyList<string> revisions, IReadOnlyList<IReadOnlyList<(string Revision, RouteResult Result)>> results)
    {
        Revisions = revisions;
        Results = results;
    }

    /// <summary>The snapshots' labels: one, or two when comparing.</summary>
    public IReadOnlyList<string> Revisions { get; }

    public bool Compares => Revisions.Count == 2;

    /// <summary>Per call, its result on each snapshot; comparing, only the calls that route differently.</summary>
    public IReadOnlyList<IReadOnlyList<(string Revision, RouteResult Result)>> Results { get; }

    public static RouteComparison Route(IReadOnlyList<GitObjectSource> snapshots, IReadOnlyList<RouteCall> calls)
    {
        var routers = snapshots.Select(s => (Revision: s.Side.Label, Router: new CallRouter(VoiceModel.From(s)))).ToList();
        var results = calls.Select(c => (IReadOnlyList<(string Revision, RouteResult Result)>)routers.Select(r => (r.Revision, Result: r.Router.Route(c.Dialed, c.DialPlan, c.Policy))).ToList()).ToList();
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

        return new RouteComparison(routers.Select(r => r.Revision).ToList(), results);
    }

    /// <summary>The lcv.route/1 document: every result of every call kept, per snapshot.</summary>
    public Dictionary<string, object> Json() => new()
    {
        ["schema"] = Schema,
        ["results"] = Results.SelectMany(r => r).Select(r => Record(r.Revision, r.Result)).ToList(),
    };

    /// <summary>"routed by Intl to gw1 as +35312345": one result in a line.</summary>
    public static string Headline(RouteResult result) => result.Outcome switch
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
}
