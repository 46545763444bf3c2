using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// Which exports a backup runs, from --only or the vault's collect settings: cms (Export-CsConfiguration)
/// and topology (Get-CsTopology -AsXml) by default. Response Group, LIS and user data exports are named
/// but refused until lcv can store them, so a plan never collects what would then be thrown away.
/// </summary>
internal static class ExportPlan
{
    public static readonly IReadOnlyList<string> Default = ["cms", "topology"];

    private static readonly Dictionary<string, string> NotYet = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rgs"] = "Response Group (Export-CsRgsConfiguration)",
        ["lis"] = "E9-1-1 location (Export-CsLisConfiguration)",
        ["users"] = "user data (Export-CsUserData)",
        ["persistentchat"] = "persistent chat (Export-CsPersistentChatData)",
    };

    /// <summary>The exports asked for, checked: each of <paramref name="only"/> may be "a,b"; none means the default plan.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> only)
    {
        var names = only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(n => n.ToLowerInvariant()).Distinct().ToList();
        foreach (var name in names.Where(n => !Default.Contains(n)))
        {
            throw NotYet.TryGetValue(name, out var what)
                ? new LcvException($"lcv cannot store {what} exports yet; leave '{name}' out, and keep running that export as you do today.")
                : new LcvException($"'{name}' is not an export lcv knows: give cms, topology, or several joined by commas.");
        }

        return names.Count == 0 ? Default : names;
    }

    /// <param name="names">Checked names (<see cref="Names"/>).</param>
    public static IReadOnlyList<ExportTask> For(IReadOnlyList<string> names, string folder, bool remote) =>
        names.Select(name => name == "cms" ? ExportTask.Cms(folder, asBytes: remote) : ExportTask.Topology(folder)).ToList();
}
