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
    // Windows reserves these with any extension, and the superscript digits too (its own naming rules say so).
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// The longest a segment may be, in UTF-8 bytes: file systems allow 255 per name, and ".yaml" and the
    /// shortened form's hash need room. A longer one is cut to a stable, distinct name (<see cref="Shorten"/>).
    /// </summary>
    public const int MaxSegmentBytes = 160;

    /// <summary>The longest path an object may have inside the vault: room for a vault folder on a Windows server besides.</summary>
    public const int MaxPathChars = 400;

    /// <summary>The vault part an export replaces: cms, topology, lis, rgs/&lt;pool&gt;, users/&lt;pool&gt; …</summary>
    public static string PartOf(ExportKind kind, string? pool) =>
        ExportKinds.Of(kind) is var export && export.PerPool ? $"{export.Part}/{Segment(pool ?? "")}" : export.Part;

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
            IdentityRule.SqlInstance => ServerAndInstance(identity.Name!),
            _ => identity.Scope switch
            {
                LyncIdentity.GlobalScope => "Global",
                LyncIdentity.NameScope => Segment(identity.Name!),
                LyncIdentity.ServiceScope => "Service/" + RoleAndName(identity.Name!),
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

    /// <summary>
    /// Where an older lcv filed the object, when it differs (a SQL instance as one escaped name,
    /// lonsql01.fabrikam.com%5Crtc.yaml); null when the path never changed.
    /// </summary>
    public static string? OlderPath(CatalogEntry entry, LyncIdentity identity) =>
        entry.Identity == IdentityRule.SqlInstance && entry.FixedPath is null && identity.Name!.Contains('\\')
            ? $"{entry.Folder}/{Segment(identity.Name)}.yaml"
            : null;

    // lonsql01.fabrikam.com\rtc → lonsql01.fabrikam.com/rtc: Windows allows no backslash in a name, a folder reads better than %5C.
    private static string ServerAndInstance(string name)
    {
        var slash = name.IndexOf('\\');
        return slash < 0 ? Segment(name) : $"{Segment(name[..slash])}/{Segment(name[(slash + 1)..])}";
    }

    // PstnGateway:gw1.contoso.com → PstnGateway/gw1.contoso.com: one folder per role reads well in any Git tool.
    private static string RoleAndName(string roleAndName)
    {
        var colon = roleAndName.IndexOf(':');
        return colon < 0 ? Segment(roleAndName) : $"{Segment(roleAndName[..colon])}/{Segment(roleAndName[(colon + 1)..])}";
    }

    /// <summary>
    /// Encodes one path segment; <see cref="DecodeSegment"/> gives the name back, except for a name too long
    /// for a file system, which gets a shortened form (the object's file still holds its whole Identity).
    /// </summary>
    public static string Segment(string name)
    {
        var segment = Encoded(name);
        return Encoding.UTF8.GetByteCount(segment) <= MaxSegmentBytes ? segment : Shorten(name);
    }

    // As much of the name as fits, then ~ and a hash of the whole name: the same name always gives the same
    // file, two long names sharing a beginning never share one.
    private static string Shorten(string name)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        var budget = MaxSegmentBytes - hash.Length - 1;
        var prefix = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(Encoded(prefix + rune.ToString())) > budget)
            {
                break;
            }

            prefix.Append(rune.ToString());
        }

        return Encoded(prefix.ToString().TrimEnd('.', ' ')) + "~" + hash;
    }

    private static string Encoded(string name)
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
        if (IsDeviceName(text) || text is "." or "..")
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

        return name[^1] != '.' && name is not ("." or "..") && !IsDeviceName(name);
    }

    // Windows reads "CON.txt" and "CON .x" as the device CON: the part before the first dot, spaces trimmed.
    private static bool IsDeviceName(string name) => ReservedNames.Contains(name.Split('.')[0].TrimEnd(' '));

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
