using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LyncConfigVault.Simulation.Users;

/// <summary>
/// The contact lists of one Registrar pool's users, written as Export-CsUserData writes them
/// (FORMATS.md §6.1: [Content_Types].xml + DocItemSet.xml, one urn:lcd: DocItem per user).
/// Written with an XmlWriter, so a pool of 100,000 users streams out without a DOM.
/// </summary>
internal sealed class SyntheticUsers(string pool, string domain, int users, Random random)
{
    private const string ContentTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"text/xml\" /></Types>";
    private static readonly string[] First = ["ann", "raj", "mei", "omar", "lena", "tom", "ines", "kofi", "sara", "jan", "noor", "liam"];
    private static readonly string[] Last = ["lee", "patel", "chen", "haddad", "vogel", "byrne", "costa", "mensah", "berg", "devries", "khan", "walsh"];

    /// <summary>Per user: contact index → group numbers; group 1 is the built-in "~".</summary>
    private readonly Dictionary<int, SortedDictionary<int, string>> _contacts = [];
    private readonly HashSet<(int User, int Blocked)> _blocked = [];
    private readonly string _code = pool[..3];

    public string Pool => pool;

    public string Address(int user) => $"{First[user % First.Length]}.{Last[user / First.Length % Last.Length]}{user}.{_code}@{domain}";

    public static string DisplayName(string address) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(address[..address.IndexOf('@')].Replace('.', ' '));

    public SyntheticUsers Populate()
    {
        for (var user = 0; user < users; user++)
        {
            var contacts = new SortedDictionary<int, string>();
            for (var c = 0; c < 3 + random.Next(6); c++)
            {
                contacts[random.Next(users)] = random.Next(3) == 0 ? "1 2" : "1";
            }

            contacts.Remove(user);
            _contacts[user] = contacts;
        }

        return this;
    }

    /// <summary>One user changes their list: adds a contact, drops one, or blocks someone. Returns the user's address.</summary>
    public string Change(int night)
    {
        var user = night * 7 % users;
        switch (night % 3)
        {
            case 0:
                _contacts[user][(user + night) % users == user ? (user + 1) % users : (user + night) % users] = "1 2";
                break;
            case 1:
                if (_contacts[user].Count > 0)
                {
                    _contacts[user].Remove(_contacts[user].Keys.First());
                }

                break;
            default:
                _blocked.Add((user, (user + 3) % users));
                break;
        }

        return Address(user);
    }

    public byte[] Archive(DateTimeOffset exportTime, bool shuffle)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var types = zip.CreateEntry("[Content_Types].xml");
            types.LastWriteTime = exportTime;
            using (var stream = types.Open())
            {
                stream.Write(Encoding.UTF8.GetBytes(ContentTypes));
            }

            var entry = zip.CreateEntry("DocItemSet.xml", CompressionLevel.Fastest);
            entry.LastWriteTime = exportTime;
            using var xml = XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = !shuffle });
            xml.WriteStartElement("DocItemSet");
            var order = Enumerable.Range(0, users);
            foreach (var user in shuffle ? order.OrderBy(_ => random.Next()).ToList() : order)
            {
                WriteUser(xml, user);
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private void WriteUser(XmlWriter xml, int user)
    {
        xml.WriteStartElement("DocItem");
        xml.WriteAttributeString("Name", "urn:lcd:" + Address(user));
        xml.WriteStartElement("Data");
        xml.WriteStartElement("HomedResource");
        xml.WriteStartElement("ContactGroups");
        Group(xml, 1, "~");
        Group(xml, 2, "Helpdesk");
        xml.WriteEndElement();
        xml.WriteStartElement("Contacts");
        foreach (var (contact, groups) in _contacts[user])
        {
            var address = Address(contact);
            xml.WriteStartElement("Contact");
            xml.WriteAttributeString("Buddy", address);
            xml.WriteAttributeString("DisplayName", Convert.ToBase64String(Encoding.UTF8.GetBytes(DisplayName(address))));
            xml.WriteAttributeString("Groups", groups);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("Containers");
        var blocked = _blocked.Where(b => b.User == user).Select(b => b.Blocked).ToList();
        if (blocked.Count > 0)
        {
            xml.WriteStartElement("Container");
            xml.WriteAttributeString("ContainerNumber", "32000");
            foreach (var member in blocked)
            {
                xml.WriteStartElement("UserMember");
                xml.WriteAttributeString("Member", Address(member));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Group(XmlWriter xml, int number, string name)
    {
        xml.WriteStartElement("ContactGroup");
        xml.WriteAttributeString("Number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("DisplayName", Convert.ToBase64String(Encoding.UTF8.GetBytes(name)));
        xml.WriteEndElement();
    }
}
