using System.Globalization;
using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Formats;
using LyncConfigVault.Simulation.Rgs;

namespace LyncConfigVault.Simulation.Lis;

/// <summary>
/// The E9-1-1 data of the fictitious deployment: floors of each central site as civic locations, with
/// subnets, access points, switches and ports, written in the ASSUMPTION layout of FORMATS.md §5.3.
/// <paramref name="portsPerSwitch"/> grows it to tens of thousands of ports for the benchmarks.
/// </summary>
internal sealed class SyntheticLis(Random random, int portsPerSwitch = 4)
{
    private const string Ns = "urn:schema:Microsoft.Rtc.Management.Lis.2010";   // ASSUMPTION (FORMATS.md §5.3)

    private static readonly Dictionary<string, (string Number, string Street, string Suffix, string City, string State, string Postal, string Country)> Addresses = new()
    {
        ["Dublin"] = ("1", "Grand Canal", "Square", "Dublin", "D", "D02 P820", "IE"),
        ["London"] = ("1", "Canada", "Square", "London", "LND", "E14 5AB", "GB"),
        ["Amsterdam"] = ("22", "Herengracht", "", "Amsterdam", "NH", "1015 BK", "NL"),
        ["Rotterdam"] = ("7", "Coolsingel", "", "Rotterdam", "ZH", "3011 AD", "NL"),
        ["NewYork"] = ("350", "5th", "Ave", "New York", "NY", "10118", "US"),
    };

    public List<SyntheticLocation> Locations { get; } = [];

    public List<SyntheticNetworkElement> Elements { get; } = [];

    public string ServiceProviderUrl { get; set; } = "https://e911.example.net/validate";

    public SyntheticLis Populate()
    {
        var subnet = 0;
        foreach (var (site, a) in Addresses)
        {
            for (var floor = 1; floor <= 3; floor++)
            {
                var address = new Dictionary<string, string>
                {
                    ["Location"] = $"Floor {floor}", ["CompanyName"] = "Fabrikam", ["HouseNumber"] = a.Number, ["StreetName"] = a.Street,
                    ["City"] = a.City, ["State"] = a.State, ["PostalCode"] = a.Postal, ["Country"] = a.Country, ["Validated"] = "true",
                };
                if (a.Suffix.Length > 0)
                {
                    address["StreetSuffix"] = a.Suffix;
                }

                var location = new SyntheticLocation { Id = RgsFactory.NewGuid(random), Address = address };
                Locations.Add(location);
                subnet++;
                Add("Subnet", location, ("Subnet", $"10.{subnet / 200 + 1}.{subnet % 200}.0"), ("Description", $"{site} floor {floor} data"));
                Add("WirelessAccessPoint", location, ("BSSID", Mac(0xF0, subnet)), ("Description", $"{site}-{floor}-AP01"));
                var chassis = Mac(0x00, subnet);
                Add("Switch", location, ("ChassisID", chassis), ("Description", $"{site}-{floor}-SW01"));
                for (var port = 1; port <= portsPerSwitch; port++)
                {
                    Add("Port", location, ("ChassisID", chassis), ("PortID", $"Gi1/0/{port}"), ("PortIDSubType", "InterfaceName"));
                }
            }
        }

        Locations.Add(new SyntheticLocation
        {
            Id = RgsFactory.NewGuid(random),
            Address = new() { ["Location"] = "Reception", ["CompanyName"] = "Fabrikam", ["HouseNumber"] = "1", ["StreetName"] = "Eyre", ["StreetSuffix"] = "Square", ["City"] = "Galway", ["State"] = "G", ["Country"] = "IE", ["Validated"] = "false" },
        });   // nothing maps to it yet (Get-CsLisLocation -Unreferenced): still configuration
        return this;
    }

    public void Add(string kind, SyntheticLocation location, params (string Name, string Value)[] attributes) =>
        Elements.Add(new SyntheticNetworkElement { Kind = kind, Location = location, Attributes = attributes.ToDictionary(a => a.Name, a => a.Value) });

    public static string Mac(int first, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{first:X2}-1A-2B-{n >> 16 & 0xFF:X2}-{n >> 8 & 0xFF:X2}-{n & 0xFF:X2}");

    /// <param name="shuffle">Re-export noise: element and attribute order, and renumbered internal ids.</param>
    public byte[] Archive(DateTimeOffset exportTime, bool shuffle)
    {
        if (shuffle)
        {
            foreach (var location in Locations)
            {
                location.Id = RgsFactory.NewGuid(random);
            }
        }

        var root = new XElement(XName.Get("LisConfiguration", Ns));
        var children = Locations.Select(l => Element("Location", l.Address.Prepend(new("LocationId", l.Id.ToString())), shuffle))
            .Concat(Elements.Select(e => Element(e.Kind, e.Attributes.Append(new("LocationId", e.Location.Id.ToString())), shuffle)))
            .Append(Element("ServiceProvider", [new("ServiceProviderName", "Fabrikam E911"), new("ValidationServiceUrl", ServiceProviderUrl), new("CertFileName", "e911.cer"), new("Password", "S3cret!")], shuffle));
        root.Add(shuffle ? children.OrderBy(_ => random.Next()).ToList() : children);
        return ZipWriter.Write(exportTime, [("LisConfiguration.xml", Encoding.UTF8.GetBytes(root.ToString()))]);
    }

    private XElement Element(string name, IEnumerable<KeyValuePair<string, string>> attributes, bool shuffle)
    {
        var list = attributes.Select(a => new XAttribute(a.Key, a.Value)).ToList();
        return new XElement(XName.Get(name, Ns), shuffle ? list.OrderBy(_ => random.Next()) : list);
    }

    /// <summary>One admin change a night: a subnet moved to another floor, a port patched, an access point renamed.</summary>
    public List<string> Change(int night)
    {
        switch (night % 3)
        {
            case 0:
                var subnet = Elements.Where(e => e.Kind == "Subnet").ElementAt(night % 5);
                var from = Locations.IndexOf(subnet.Location);
                subnet.Location = Locations[from % 3 == 2 ? from - 2 : from + 1];   // another floor of the same building
                return [$"LisSubnet {subnet.Attributes["Subnet"]}"];
            case 1:
                var location = Locations[night % 15];
                var chassis = Elements.First(e => e.Kind == "Switch" && e.Location == location).Attributes["ChassisID"];
                Add("Port", location, ("ChassisID", chassis), ("PortID", $"Gi1/0/{100 + night}"), ("PortIDSubType", "InterfaceName"));
                return [$"LisLocation {Name(location)}"];
            default:
                var ap = Elements.Where(e => e.Kind == "WirelessAccessPoint").ElementAt(night % 15);
                ap.Attributes["Description"] += " (replaced)";
                return [$"LisLocation {Name(ap.Location)}"];
        }
    }

    private static string Name(SyntheticLocation location)
    {
        var a = location.Address;
        var street = string.Join(' ', new[] { a["HouseNumber"], a["StreetName"], a.GetValueOrDefault("StreetSuffix", "") }.Where(p => p.Length > 0));
        return $"{a["Location"]}, {street}, {a["City"]}, {a["Country"]}";
    }
}
