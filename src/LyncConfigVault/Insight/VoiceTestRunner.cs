using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Insight;

/// <summary>Runs the deployment's own voice test cases offline, as Test-CsVoiceTestConfiguration does on a live server.</summary>
internal static class VoiceTestRunner
{
    public static List<VoiceTestCase> Cases(ObjectSource source) =>
        source.FilesUnder(LyncCatalog.Default.Playing(ObjectRole.VoiceTest).Folder).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).Select(source.Read)
            .Select(content =>
            {
                var setting = ObjectFactory.Setting(content).Value as YMap ?? new YMap();
                string? Text(string key) => setting.Text(key) is { Length: > 0 } value ? value : null;
                return new VoiceTestCase(content.Text(ObjectFactory.IdentityKey) ?? "", Text("DialedNumber") ?? "",
                    Text("TargetDialplan") ?? "Global", Text("TargetVoicePolicy") ?? "Global",
                    Text("ExpectedTranslatedNumber"), Text("ExpectedUsage"), Text("ExpectedRoute"));
            })
            .OrderBy(c => c.Identity, StringComparer.Ordinal)
            .ToList();

    /// <summary>A snapshot's own test cases against its own configuration.</summary>
    public static List<VoiceTestResult> Run(ObjectSource snapshot) => Run(VoiceModel.From(snapshot), Cases(snapshot));

    public static List<VoiceTestResult> Run(VoiceModel model, IEnumerable<VoiceTestCase> cases)
    {
        var router = new CallRouter(model);
        var results = new List<VoiceTestResult>();
        foreach (var test in cases)
        {
            var missing = new[] { ("dial plan", test.DialPlan, model.DialPlans.ContainsKey(test.DialPlan)), ("voice policy", test.VoicePolicy, model.VoicePolicies.ContainsKey(test.VoicePolicy)) }
                .Where(t => !t.Item3).Select(t => $"its {t.Item1} {t.Item2} does not exist").ToList();
            if (missing.Count > 0)
            {
                results.Add(new VoiceTestResult(test, null, missing));
                continue;
            }

            var route = router.Route(test.DialedNumber, test.DialPlan, test.VoicePolicy);

            var failures = new List<string>();
            void Expect(string what, string? expected, string? actual)
            {
                if (expected is not null && !string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{what}: expected {expected}, got {actual ?? "(none)"}");
                }
            }

            Expect("translated number", test.ExpectedNumber, route.Normalized);
            Expect("usage", test.ExpectedUsage, route.Usage);
            Expect("route", test.ExpectedRoute, route.Route);
            results.Add(new VoiceTestResult(test, route, failures));
        }

        return results;
    }
}
