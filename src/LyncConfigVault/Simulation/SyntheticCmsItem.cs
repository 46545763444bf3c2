using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

/// <summary>
/// One Item of a synthetic CMS document: its scope key (TagId/SiteId + Name, or a ServiceId),
/// its Signature and the setting element. Mutable: the nightly changes edit it in place.
/// </summary>
internal sealed class SyntheticCmsItem(string elementName, string ns, string scopeClass, XElement key, XElement setting, Guid signature)
{
    public string ElementName { get; } = elementName;

    public string Namespace { get; } = ns;

    public string ScopeClass { get; } = scopeClass;

    public XElement Key { get; set; } = key;

    public XElement Setting { get; set; } = setting;

    public Guid Signature { get; set; } = signature;

    /// <summary>Name of the scope (Dublin, VP-Dublin-Intl) or null for Global and Service scopes.</summary>
    public string? ScopeName => Key.Attribute("Name")?.Value;

    public string DocumentKey => $"{ElementName}|{ScopeClass}";
}
