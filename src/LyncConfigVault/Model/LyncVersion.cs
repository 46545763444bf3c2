using System.Text.RegularExpressions;

namespace LyncConfigVault.Model;

/// <summary>The product a deployment runs, as Get-CsServerVersion names it: what each can export, and its module's name.</summary>
internal enum LyncVersion
{
    Lync2010,
    Lync2013,
    SkypeForBusiness2015,
    SkypeForBusiness2019,
}

internal static partial class LyncVersions
{
    public static readonly string[] Names = ["2010", "2013", "2015", "2019"];

    /// <summary>The management module: Lync up to 2013, SkypeForBusiness from 2015.</summary>
    public static string ModuleName(this LyncVersion version) => version <= LyncVersion.Lync2013 ? "Lync" : "SkypeForBusiness";

    public static string ProductName(this LyncVersion version) => version switch
    {
        LyncVersion.Lync2010 => "Lync Server 2010",
        LyncVersion.Lync2013 => "Lync Server 2013",
        LyncVersion.SkypeForBusiness2015 => "Skype for Business Server 2015",
        _ => "Skype for Business Server 2019",
    };

    /// <summary>What Get-CsServerVersion prints, "Skype for Business Server 2019 (7.0.2046.0): …", as the product.</summary>
    public static LyncVersion? Parse(string text) =>
        MajorVersion().Match(text) is { Success: true } major ? major.Groups[1].Value switch
        {
            "4" => LyncVersion.Lync2010,
            "5" => LyncVersion.Lync2013,
            "6" => LyncVersion.SkypeForBusiness2015,
            "7" => LyncVersion.SkypeForBusiness2019,
            _ => null,
        }
        : null;

    /// <summary>--simulate-version 2010 … 2019.</summary>
    public static LyncVersion FromYear(string year) => Array.IndexOf(Names, year) is >= 0 and var index
        ? (LyncVersion)index
        : throw new LcvException($"'{year}' is not a Lync or Skype for Business Server version: give {string.Join(", ", Names)}.");

    [GeneratedRegex(@"\((\d+)\.0\.\d+(\.\d+)?\)")]
    private static partial Regex MajorVersion();
}
