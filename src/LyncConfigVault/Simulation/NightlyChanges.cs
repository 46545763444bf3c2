using System.Xml.Linq;
using static LyncConfigVault.Simulation.DeploymentFactory;

namespace LyncConfigVault.Simulation;

/// <summary>
/// What admins do between two nightly exports: edit a property, add or remove a policy, reorder PSTN
/// usages, change a normalization pattern, rename a policy, add a trunk, add a machine to a pool.
/// Each change names the objects it touched, as lcv will print them ("VoicePolicy Tag:VP-Dublin-Intl").
/// </summary>
internal sealed partial class NightlyChanges(SyntheticDeployment deployment, Random random)
{
    private static readonly string[] Kinds = ["edit", "add", "remove", "reorder", "pattern", "rename", "trunk", "machine"];
    private readonly HashSet<SyntheticCmsItem> _addedTonight = [];

    /// <summary>Applies two or three admin changes and rewrites the Signature of every item touched.</summary>
    public List<string> Apply(int night)
    {
        var touched = new List<string>();
        var kinds = Kinds.OrderBy(_ => random.Next()).Take(2 + random.Next(2)).ToList();
        foreach (var kind in kinds)
        {
            touched.AddRange(kind switch
            {
                "edit" => EditProperty(),
                "add" => AddPolicy(night),
                "remove" => RemovePolicy(),
                "reorder" => ReorderUsages(),
                "pattern" => ChangePattern(),
                "rename" => RenamePolicy(night),
                "trunk" => AddTrunk(),
                _ => AddMachine(),
            });
        }

        return touched.Distinct().ToList();
    }

    private List<string> EditProperty()
    {
        var item = Pick(deployment.Items.Where(i => i.ElementName is "VoicePolicy" or "ClientPolicy" or "MeetingPolicy"));
        var attribute = Pick(item.Setting.Attributes().Where(a => a.Value is "true" or "false"));
        attribute.Value = attribute.Value == "true" ? "false" : "true";
        return [Touch(item)];
    }

    private List<string> AddPolicy(int night)
    {
        var site = Pick(SyntheticSite.All);
        // The site's international policy may have been renamed on an earlier night: then any Tag voice policy
        // (there always is one: none is ever removed) is the model. Chosen without drawing, so earlier nights keep their story.
        var source = deployment.Find("VoicePolicy", "Tag", $"VP-{site.Name}-Intl")
            ?? deployment.Items.First(i => i.ElementName == "VoicePolicy" && i.ScopeClass == "Tag");
        var setting = new XElement(source.Setting);
        setting.SetAttributeValue("Description", $"{site.Name} project team (night {night})");
        var name = $"VP-{site.Name}-Project{night:00}";
        for (var n = 2; deployment.Find("VoicePolicy", "Tag", name) is not null; n++)
        {
            name = $"VP-{site.Name}-Project{night:00}-{n}";   // a busy night adds several to one site
        }

        var item = new SyntheticCmsItem("VoicePolicy", source.Namespace, "Tag",
            El(ScopeNs, "Key", At("TagId", random.Next(100_000_000, int.MaxValue)), At("Name", name)), setting, NewGuid(random));
        deployment.Items.Add(item);
        _addedTonight.Add(item);
        return [$"VoicePolicy Tag:{name}"];
    }

    private List<string> RemovePolicy()
    {
        // After years of nights every client and external access Tag policy is gone: then a project policy added earlier goes.
        var candidates = deployment.Items.Where(i => i.ElementName is "ClientPolicy" or "ExternalAccessPolicy" && i.ScopeClass == "Tag").ToList();
        if (candidates.Count == 0)
        {
            candidates = deployment.Items.Where(i => i.ElementName == "VoicePolicy" && i.ScopeClass == "Tag" && i.ScopeName!.Contains("-Project", StringComparison.Ordinal) && !_addedTonight.Contains(i)).ToList();
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var item = Pick(candidates);
        deployment.Items.Remove(item);
        return [Name(item)];
    }

    private List<string> ReorderUsages()
    {
        var item = Pick(deployment.Of("VoicePolicy").Where(i => i.Setting.Elements().Count(e => e.Name.LocalName == "PstnUsages") >= 2));
        var usages = item.Setting.Elements().Where(e => e.Name.LocalName == "PstnUsages").ToList();
        var first = random.Next(usages.Count - 1);
        (usages[first].Value, usages[first + 1].Value) = (usages[first + 1].Value, usages[first].Value);
        return [Touch(item)];
    }

    private List<string> ChangePattern()
    {
        var item = Pick(deployment.Of("LocationProfile").Where(i => i.ScopeClass == "Site"));
        var rule = Pick(item.Setting.Elements().Where(e => e.Name.LocalName == "NormalizationRules" && e.Attribute("Name")!.Value.EndsWith("-Local", StringComparison.Ordinal)));
        var pattern = rule.Attribute("Pattern")!;
        pattern.Value = pattern.Value.Contains("6,8") ? pattern.Value.Replace("6,8", "6,7") : pattern.Value.Replace("6,7", "6,8");
        return [Touch(item)];
    }

    private List<string> RenamePolicy(int night)
    {
        // A policy added tonight and renamed tonight is, the next morning, just an added policy: keep the story simple.
        var item = Pick(deployment.Items.Where(i => i.ElementName == "VoicePolicy" && i.ScopeClass == "Tag" && !_addedTonight.Contains(i)));
        var before = Name(item);
        // A policy renamed again gets a new suffix in place of its old one: names stay short over years of nights.
        item.Key.SetAttributeValue("Name", $"{RenameSuffix().Replace(item.ScopeName!, "")}-R{night:00}");
        return [before, Touch(item)];
    }

    private List<string> AddTrunk()
    {
        var site = Pick(SyntheticSite.All.Where(s => !s.IsBranch));
        var number = deployment.TopologyWrapper("Clusters").Elements().Count(c => c.Attribute("Fqdn")!.Value.StartsWith($"{site.Code}gw", StringComparison.Ordinal)) + 1;
        TopologyFactory.AddGateway(deployment.Topology, site, number, deployment.Domain);
        deployment.TopologySignature = NewGuid(random);
        var fqdn = site.Gateway(number, deployment.Domain);
        deployment.Items.Add(Service("PstnGateway", site.SiteId, number, "TrunkConfiguration", DeploymentFactory.Trunk(site).Name.NamespaceName, DeploymentFactory.Trunk(site), NewGuid(random)));
        return [$"TrunkConfiguration Service:PstnGateway:{fqdn}", $"Pool {fqdn}", $"Service PstnGateway:{fqdn}"];
    }

    private List<string> AddMachine()
    {
        var site = Pick(SyntheticSite.All.Where(s => !s.IsBranch));
        var pool = deployment.TopologyWrapper("Clusters").Elements().Single(c => c.Attribute("Fqdn")!.Value == site.Pool(deployment.Domain));
        var ordinal = pool.Elements().Count(e => e.Name.LocalName == "Machine") + 1;
        pool.Add(TopologyFactory.Machine(ordinal, $"{site.Code}fe{ordinal:00}.{deployment.Domain}"));
        deployment.TopologySignature = NewGuid(random);
        return [$"Pool {site.Pool(deployment.Domain)}"];
    }

    private string Touch(SyntheticCmsItem item)
    {
        item.Signature = NewGuid(random);
        return Name(item);
    }

    private static string Name(SyntheticCmsItem item)
    {
        var noun = item.ElementName switch
        {
            "LocationProfile" => "DialPlan",
            "MeetingPolicy" => "ConferencingPolicy",
            _ => item.ElementName,
        };
        return item.ScopeClass == "Global" ? $"{noun} Global" : $"{noun} {item.ScopeClass}:{item.ScopeName}";
    }

    private T Pick<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list[random.Next(list.Count)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"-R\d+$")]
    private static partial System.Text.RegularExpressions.Regex RenameSuffix();
}
