using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Identity → vault path, reversibly and safely on Windows: Tag:Intl → cms/voice/VoicePolicy/Tag/Intl.yaml.
/// Only the characters Windows forbids, '%' itself, and reserved device names are percent-encoded.
/// </summary>
internal static class VaultPaths
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The vault part an export replaces: cms, topology, lis, rgs/&lt;pool&gt;, users/&lt;pool&gt; …</summary>
    public static string PartOf(ExportKind kind, string? pool) => kind switch
    {
        ExportKind.Cms => "cms",
        ExportKind.Topology => "topology",
        ExportKind.Lis => "lis",
        ExportKind.Rgs => $"rgs/{Segment(pool ?? "")}",
        ExportKind.UserData => $"users/{Segment(pool ?? "")}",
        ExportKind.PersistentChat => Users.PersistentChatNormalizer.Part,
        _ => Users.UserPolicyNormalizer.Part,
    };

    public static string For(CatalogEntry entry, LyncIdentity identity)
    {
        if (entry.FixedPath is not null)
        {
            return entry.FixedPath;
        }

        if (entry.Identity == IdentityRule.PoolObject)
        {
            return PoolObjectPath(entry, identity);
        }

        var relative = entry.Identity switch
        {
            IdentityRule.SiteName => Segment(identity.Name!),
            IdentityRule.TopologyService => RoleAndName(identity.Name!),
            _ => identity.Scope switch
            {
                "Global" => "Global",
                "Name" => Segment(identity.Name!),
                "Service" => "Service/" + RoleAndName(identity.Name!),
                _ => $"{Segment(identity.Scope)}/{Segment(identity.Name!)}",
            },
        };
        return $"{entry.Folder}/{relative}.yaml";
    }

    // Service:ApplicationServer:pool01/Helpdesk → rgs/pool01/queues/Helpdesk.yaml; without a name, rgs/pool01/service-settings.yaml.
    private static string PoolObjectPath(CatalogEntry entry, LyncIdentity identity)
    {
        var (pool, name) = LyncIdentity.SplitPoolObject(identity);
        return name is null
            ? $"{entry.Part}/{Segment(pool)}/{entry.Folder}.yaml"
            : $"{entry.Part}/{Segment(pool)}/{entry.Folder}/{Segment(name)}.yaml";
    }

    // PstnGateway:gw1.contoso.com → PstnGateway/gw1.contoso.com: one folder per role reads well in any Git tool.
    private static string RoleAndName(string roleAndName)
    {
        var colon = roleAndName.IndexOf(':');
        return colon < 0 ? Segment(roleAndName) : $"{Segment(roleAndName[..colon])}/{Segment(roleAndName[(colon + 1)..])}";
    }

    /// <summary>Encodes one path segment; <see cref="DecodeSegment"/> gives the name back.</summary>
    public static string Segment(string name)
    {
        if (name.Length == 0)
        {
            return "%00";
        }

        if (IsPlainSafe(name))
        {
            return name;   // the common case: letters, digits, dots, dashes
        }

        var builder = new StringBuilder(name.Length + 8);
        foreach (var rune in name.EnumerateRunes())
        {
            var c = rune.Value;
            if (c < 0x20 || c == 0x7F || "%<>:\"/\\|?*".Contains((char)c))
            {
                Encode(builder, rune);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        // Windows drops a trailing dot or space and refuses device names, even with an extension.
        if (builder[^1] is '.' or ' ')
        {
            var last = builder[^1];
            builder.Length--;
            builder.Append(last == '.' ? "%2E" : "%20");
        }

        if (builder[0] == ' ')
        {
            builder.Remove(0, 1).Insert(0, "%20");
        }

        var text = builder.ToString();
        var stem = text.Split('.')[0];
        if (ReservedNames.Contains(stem) || text is "." or "..")
        {
            text = $"%{(int)text[0]:X2}{text[1..]}";
        }

        return text;
    }

    private static bool IsPlainSafe(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+' or '(' or ')'))
            {
                return false;
            }
        }

        var dot = name.IndexOf('.');
        var stem = dot < 0 ? name : name[..dot];
        return name[^1] != '.' && name is not ("." or "..") && !ReservedNames.Contains(stem);
    }

    public static string DecodeSegment(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        return decoded == "\0" ? "" : decoded;
    }

    private static void Encode(StringBuilder builder, Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var length = rune.EncodeToUtf8(utf8);
        for (var i = 0; i < length; i++)
        {
            builder.Append('%').Append(utf8[i].ToString("X2"));
        }
    }
}
