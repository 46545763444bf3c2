namespace LyncConfigVault.Simulation;

/// <summary>A site of the fictitious deployment, with the dialling facts its dial plan and routes need.</summary>
internal sealed record SyntheticSite(int SiteId, string Name, string Code, string CountryCode, string AreaCode, string City, string Region, bool IsBranch = false)
{
    public static IReadOnlyList<SyntheticSite> All { get; } =
    [
        new(1, "Dublin", "dub", "353", "1", "Dublin, IE", "EMEA"),
        new(2, "London", "lon", "44", "20", "London, GB", "EMEA"),
        new(3, "Amsterdam", "ams", "31", "20", "Amsterdam, NL", "EMEA"),
        new(4, "Rotterdam", "rtm", "31", "10", "Rotterdam, NL", "EMEA"),
        new(5, "NewYork", "nyc", "1", "212", "New York, US", "NorthAmerica"),
        new(6, "Galway", "gal", "353", "91", "Galway, IE", "EMEA", IsBranch: true),
    ];

    public string Pool(string domain) => IsBranch ? $"{Code}sba01.{domain}" : $"{Code}pool01.{domain}";

    public string Gateway(int number, string domain) => $"{Code}gw{number:00}.{domain}";
}
