using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;
using LyncConfigVault.Simulation;
using LyncConfigVault.Tests.Diff;

namespace LyncConfigVault.Tests.Restore;

/// <summary>Scoped restore scripts run in a real runspace against the simulated Lync module, which applies them to its store and exports it again.</summary>
public sealed class ScopedRestoreTests(SevenNightsVault seven) : IClassFixture<SevenNightsVault>, IDisposable
{
    private const string NightThree = "2026-11-20T12:00";
    private static readonly string[] Chosen =
    [
        "VoicePolicy Tag:VP-Executives", "VoicePolicy Tag:VP-Dublin-Restricted", "VoicePolicy Tag:VP-Dublin-Restricted-R07",
        "PstnUsages Global", "VoiceRoute Dublin-Local", "DialPlan Site:NewYork",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_script_for_chosen_objects_brings_back_exactly_those_objects()
    {
        var script = Path.Combine(_folder.Path, "fix.ps1");
        var written = TestData.Lcv(["restore", "--vault", seven.Fixture.Vault, NightThree, "--script", script, .. Chosen.SelectMany(o => new[] { "--object", o })]);
        Assert.Equal(0, written.ExitCode);

        var after = Apply(script, DiffTestData.Nights[6].CmsArchive);

        var night3 = DiffTestData.Night(3).Objects;
        var night7 = DiffTestData.Night(7).Objects;
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        // A re-created Tag policy gets a new TagId from Lync (the script says so); its settings are what must come back.
        string? Meaning(IReadOnlyDictionary<string, LyncObject> objects, string path) =>
            objects.TryGetValue(path, out var o) ? fingerprint.Of(WithoutKey(o.Content)) : null;
        var scripted = new[] { "cms/voice/VoicePolicy/Tag/VP-Executives.yaml", "cms/voice/VoicePolicy/Tag/VP-Dublin-Restricted.yaml", "cms/voice/VoicePolicy/Tag/VP-Dublin-Restricted-R07.yaml", "cms/voice/PstnUsages/Global.yaml", "cms/voice/VoiceRoute/Dublin-Local.yaml", "cms/voice/DialPlan/Site/NewYork.yaml" };
        Assert.All(scripted, path => Assert.Equal(Meaning(night3, path), Meaning(after, path)));
        var others = night7.Keys.Union(after.Keys).Except(scripted).Where(p => p.StartsWith("cms/", StringComparison.Ordinal));
        Assert.All(others, path => Assert.Equal(Meaning(night7, path), Meaning(after, path)));
        Assert.DoesNotContain("# NOT SCRIPTED", File.ReadAllText(script));
        Assert.Contains("DialPlan Site:NewYork", File.ReadAllText(script));
    }

    [Fact]
    public void Without_apply_the_script_only_says_what_it_would_do()
    {
        var script = Path.Combine(_folder.Path, "fix.ps1");
        Assert.Equal(0, TestData.Lcv("restore", "--vault", seven.Fixture.Vault, NightThree, "--object", "VoicePolicy Tag:VP-Executives", "--script", script).ExitCode);

        var after = Apply(script, DiffTestData.Nights[6].CmsArchive, apply: false);

        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        const string path = "cms/voice/VoicePolicy/Tag/VP-Executives.yaml";
        Assert.Equal(fingerprint.Of(DiffTestData.Night(7).Objects[path].Content), fingerprint.Of(after[path].Content));
    }

    [Fact]
    public void A_dial_plan_a_trunk_and_a_route_priority_come_back_rule_by_rule_and_the_store_then_equals_the_snapshot()
    {
        var night7 = DiffTestData.Nights[6];
        var gateway = (YMap)((YMap)DiffTestData.Night(7).Objects["cms/trunk/TrunkConfiguration/Service/PstnGateway/dubgw01.fabrikam.com.yaml"].Content[ObjectFactory.KeyKey]!)["ServiceId"]!;
        var edited = Edited(night7.CmsArchive, settings =>
        {
            // Route Emergency to the front; Dublin's dial plan: a rule changed, one inserted, one removed, one moved last;
            // dubgw01's trunk: a translation changed, a rule removed, one added.
            var routing = settings.Single(s => s.Name.LocalName == "PstnRoutingSettings");
            var emergency = routing.Elements().Single(r => r.Attribute("Name")?.Value == "Emergency");
            emergency.Remove();
            routing.AddFirst(emergency);
            var dublin = settings.Single(s => s.Name.LocalName == "LocationProfile" && s.Attribute("SimpleName")?.Value == "Dublin");
            var rules = dublin.Elements().Where(r => r.Name.LocalName == "NormalizationRules").ToList();
            rules.Single(r => r.Attribute("Name")!.Value == "Dublin-Local").SetAttributeValue("Translation", "+353$1");
            rules[0].AddAfterSelf(new XElement(rules[0].Name, new XAttribute("Name", "Dublin-Pilot"), new XAttribute("Pattern", @"^(7\d{3})$"), new XAttribute("Translation", "+3531777$1"), new XAttribute("IsInternalExtension", "true")));
            rules.Single(r => r.Attribute("Name")!.Value == "Dublin-Service").Remove();
            var national = rules.Single(r => r.Attribute("Name")!.Value == "Dublin-National");
            national.Remove();
            dublin.Elements().Last(r => r.Name.LocalName == "NormalizationRules").AddAfterSelf(national);
            var trunk = settings.Single(s => s.Name.LocalName == "TrunkConfiguration" && s.Parent!.Parent!.Elements().First().Descendants().Any(k =>
                k.Name.LocalName == "ServiceId" && k.Attribute("SiteId")?.Value == gateway.Text("SiteId") && k.Attribute("Instance")?.Value == gateway.Text("Instance")));
            var translations = trunk.Elements().Where(r => r.Name.LocalName == "OutboundTranslationRulesList").ToList();
            translations.Single(r => r.Attribute("Name")!.Value == "Dublin-StripPlus").SetAttributeValue("Translation", "90$1");
            translations.Single(r => r.Attribute("Name")!.Value == "Dublin-IntlPrefix").Remove();
            trunk.Elements().Last(r => r.Name.LocalName == "OutboundTranslationRulesList").AddAfterSelf(new XElement(translations[0].Name,
                new XAttribute("Name", "Dublin-Test"), new XAttribute("Pattern", @"^\+999(\d+)$"), new XAttribute("Translation", "$1")));
        });
        var vault = Path.Combine(_folder.Path, "vault");
        var (snapshot, changed) = (Path.Combine(_folder.Path, "night7.zip"), Path.Combine(_folder.Path, "night8.zip"));
        File.WriteAllBytes(snapshot, night7.CmsArchive);
        File.WriteAllBytes(changed, edited);
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "UTC").ExitCode);
        Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, snapshot).ExitCode);
        Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, changed, "--at", "2026-11-26T03:00").ExitCode);
        var script = Path.Combine(_folder.Path, "fix.ps1");

        var written = TestData.Lcv("restore", "--vault", vault, "HEAD~1", "--script", script,
            "--object", "VoiceRoute Emergency", "--object", "DialPlan Site:Dublin", "--object", "TrunkConfiguration Service:PstnGateway:dubgw01.fabrikam.com");
        var after = Apply(script, edited);

        Assert.True(written.ExitCode == 0, written.Error);
        var text = File.ReadAllText(script);
        Assert.Contains("Remove-CsVoiceNormalizationRule -Identity 'Site:Dublin/Dublin-Pilot'", text);
        Assert.Contains("New-CsVoiceNormalizationRule -Identity 'Site:Dublin/Dublin-Service'", text);
        Assert.Contains("New-CsOutboundTranslationRule -Identity 'Service:PstnGateway:dubgw01.fabrikam.com/Dublin-IntlPrefix'", text);
        Assert.Contains("Set-CsVoiceRoute -Identity 'Emergency' -Priority ", text);
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        var expected = DiffTestData.Night(7).Objects.Where(o => o.Key.StartsWith("cms/", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => fingerprint.Of(o.Value.Content));
        var restored = after.Where(o => o.Key.StartsWith("cms/", StringComparison.Ordinal)).ToDictionary(o => o.Key, o => fingerprint.Of(o.Value.Content));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), restored.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(e.Value == restored[e.Key], $"{e.Key} differs after the script"));
    }

    // The archive with its settings edited as an admin would in the Management Shell.
    private static byte[] Edited(byte[] archive, Action<List<XElement>> edit)
    {
        var entries = ExportArchive.FromBytes("x.zip", archive, ArchiveLimits.Default);
        var document = XDocument.Load(new MemoryStream(entries.Entry("DocItemSet.xml")!));
        edit(document.Descendants().Where(e => e.Parent?.Name.LocalName == "Value").ToList());
        return ZipWriter.Write([("DocItemSet.xml", System.Text.Encoding.UTF8.GetBytes(document.ToString()), SyntheticNights.DefaultStart.AddDays(8))]);
    }

    [Theory]
    [InlineData("It's $HOME and $(Get-Date) with `backticks`")]
    [InlineData("two\r\nlines and a \"double\" quote")]
    [InlineData("typographic ‘quotes’ and ’ alone; @{Replace='x'}")]
    public void Every_quoted_value_survives_hostile_content(string description)
    {
        const string path = "cms/voice/VoicePolicy/Tag/VP-Executives.yaml";
        var current = DiffTestData.Night(7).Objects[path].Content;
        var target = (YMap)current.DeepCopy();
        ((YMap)target["VoicePolicy"]!).Set("Description", new YScalar(description));
        var script = Path.Combine(_folder.Path, "hostile.ps1");
        File.WriteAllText(script, new ScopedRestoreScript(LyncCatalog.Default).Write("hostile values", [new ObjectRestore("VoicePolicy", "Tag:VP-Executives", current, target)]));

        var after = Apply(script, DiffTestData.Nights[6].CmsArchive);

        Assert.Equal(description, ((YMap)after[path].Content["VoicePolicy"]!).Text("Description"));
    }

    [Fact]
    public void An_object_that_is_nowhere_is_named_and_no_script_is_written()
    {
        var script = Path.Combine(_folder.Path, "fix.ps1");

        var result = TestData.Lcv("restore", "--vault", seven.Fixture.Vault, NightThree, "--object", "VoicePolicy Tag:NoSuchPolicy", "--script", script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("VoicePolicy Tag:NoSuchPolicy is in neither the snapshot", result.Error);
        Assert.False(File.Exists(script));
    }

    private static YMap WithoutKey(YMap content)
    {
        var copy = (YMap)content.DeepCopy();
        copy.Remove(ObjectFactory.KeyKey);
        return copy;
    }

    /// <summary>Runs the script in a runspace with the simulated module serving <paramref name="archive"/>, then exports and normalizes the store.</summary>
    private Dictionary<string, LyncObject> Apply(string script, byte[] archive, bool apply = true)
    {
        var server = SimulatedLyncServer.Create(Path.Combine(_folder.Path, "server"), archive, []);
        using var host = new InProcessHost(server.ModulePath);
        Assert.True(host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1)).Succeeded);
        var run = host.Invoke(script, apply ? new Dictionary<string, object> { ["Apply"] = true } : new Dictionary<string, object>(), TimeSpan.FromMinutes(1));
        Assert.True(run.Succeeded, run.Failure);
        var file = Path.Combine(_folder.Path, "after.zip");
        var export = host.Invoke("Export-CsConfiguration", new Dictionary<string, object> { ["FileName"] = file }, TimeSpan.FromMinutes(1));
        Assert.True(export.Succeeded, export.Failure);
        var normalized = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone).Normalize(ExportArchive.Open(file, ArchiveLimits.Default), SyntheticNights.DefaultStart);
        return normalized.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal);
    }
}
