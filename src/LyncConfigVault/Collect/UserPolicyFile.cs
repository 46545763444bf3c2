using LyncConfigVault.Catalog;
using LyncConfigVault.Formats.CliXml;

namespace LyncConfigVault.Collect;

/// <summary>
/// Per-user policy assignments (opt-in): what Get-CsUser says of each user, kept to the SIP address,
/// the Registrar pool and the per-user policies, written as Export-Clixml would write
/// <c>Get-CsUser | Select-Object SipAddress, RegistrarPool, *Policy, DialPlan | Export-Clixml CsUserPolicies.xml</c>,
/// so an admin can make the same file by hand and ingest it.
/// </summary>
internal static class UserPolicyFile
{
    public const string FileName = "CsUserPolicies.xml";

    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, string>> users)
    {
        var values = new List<CliValue>();
        foreach (var user in users)
        {
            var row = new CliObject();
            row.TypeNames.AddRange(["Selected.Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser", "System.Management.Automation.PSCustomObject", "System.Object"]);
            foreach (var (name, value) in user.Where(p => UserPolicies.Kept(p.Key)).OrderBy(p => p.Key == "SipAddress" ? 0 : p.Key == "RegistrarPool" ? 1 : 2).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                row.Members.Add(new(name, value.Length == 0 ? CliValue.Nil : new CliPrimitive("S", value)));
            }

            values.Add(row);
        }

        return CliXmlWriter.Write(values);
    }
}
