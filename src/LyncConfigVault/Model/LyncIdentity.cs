namespace LyncConfigVault.Model;

/// <summary>
/// The Identity an administrator types in Lync PowerShell. Scope is Global, Site, Tag, Service,
/// or Name for objects of a global collection (a voice route, a pool) whose Identity is just a name.
/// </summary>
internal sealed partial record LyncIdentity(string Scope, string? Name)
{
    // The scopes as Lync spells them in an Identity; a scope class no catalog row expects is kept as the CMS names it.
    public const string GlobalScope = "Global";
    public const string SiteScope = "Site";
    public const string TagScope = "Tag";
    public const string ServiceScope = "Service";
    public const string NameScope = "Name";

    /// <summary>
    /// An Identity as this lcv writes it, for one an older lcv wrote: a service the topology did not name was
    /// PstnGateway:site3-7; Lync writes its service id 3-PstnGateway-7, and so does lcv now.
    /// </summary>
    public static string Current(string identity) => OlderServiceId().Replace(identity, "${site}-${role}-${instance}");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<role>[A-Za-z]+):site(?<site>\d+)-(?<instance>\d+)$")]
    private static partial System.Text.RegularExpressions.Regex OlderServiceId();

    public static readonly LyncIdentity Global = new(GlobalScope, null);

    public static LyncIdentity Site(string name) => new(SiteScope, name);

    public static LyncIdentity Tag(string name) => new(TagScope, name);

    /// <summary>Service scope: <paramref name="roleAndFqdn"/> is "PstnGateway:gw1.contoso.com".</summary>
    public static LyncIdentity Service(string roleAndFqdn) => new(ServiceScope, roleAndFqdn);

    public static LyncIdentity Named(string name) => new(NameScope, name);

    /// <summary>An object of one pool's service: Service:ApplicationServer:pool01/Helpdesk, or the service itself without a name.</summary>
    public static LyncIdentity PoolObject(string role, string pool, string? name) =>
        Service(name is null ? $"{role}:{pool}" : $"{role}:{pool}/{name}");

    /// <summary>The pool and name of a <see cref="PoolObject"/> identity (the name may itself hold '/').</summary>
    public static (string Pool, string? Name) SplitPoolObject(LyncIdentity identity)
    {
        var text = identity.Name ?? "";
        var afterRole = text[(text.IndexOf(':') + 1)..];
        var slash = afterRole.IndexOf('/');
        return slash < 0 ? (afterRole, null) : (afterRole[..slash], afterRole[(slash + 1)..]);
    }

    public override string ToString() => Scope switch
    {
        GlobalScope => GlobalScope,
        NameScope => Name!,
        _ => $"{Scope}:{Name}",
    };

    /// <summary>Parses what an admin types: Global, Site:X, site:X, Tag:X, Service:Role:fqdn, or a bare name.</summary>
    public static LyncIdentity Parse(string text)
    {
        if (text.Equals(GlobalScope, StringComparison.OrdinalIgnoreCase))
        {
            return Global;
        }

        var colon = text.IndexOf(':');
        if (colon > 0)
        {
            var prefix = text[..colon];
            foreach (var scope in new[] { SiteScope, TagScope, ServiceScope })
            {
                if (prefix.Equals(scope, StringComparison.OrdinalIgnoreCase))
                {
                    return new LyncIdentity(scope, text[(colon + 1)..]);
                }
            }
        }

        return Named(text);
    }
}
