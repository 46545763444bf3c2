using LyncConfigVault.Model;

namespace LyncConfigVault.Catalog;

/// <summary>
/// The natural key of a list's entries: one property (a rule's Name) or several together (a network
/// interface is its InterfaceSide and InterfaceNumber). Written "Field=value,Field=value", the way a
/// diff names the entry: NetInterface[InterfaceSide=External,InterfaceNumber=1].IPAddress.
/// </summary>
internal sealed record ListKey(IReadOnlyList<string> Fields)
{
    /// <summary>"Name" or "InterfaceSide,InterfaceNumber", as a catalog row writes it.</summary>
    public static ListKey Parse(string fields) => new(fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>"InterfaceSide=External,InterfaceNumber=1"; null when the entry lacks one of the fields.</summary>
    public string? Of(YNode item)
    {
        if (item is not YMap map)
        {
            return null;
        }

        var parts = new List<string>(Fields.Count);
        foreach (var field in Fields)
        {
            if (map.Text(field) is not { } value)
            {
                return null;
            }

            parts.Add($"{field}={value}");
        }

        return string.Join(",", parts);
    }
}
