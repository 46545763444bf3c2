using LyncConfigVault.Model;

namespace LyncConfigVault.Simulation;

/// <summary>A fault the simulated module acts out: Cmdlet on Target ("*" for any) fails as Fault.</summary>
internal sealed record SimulatedFault(string Cmdlet, string Target, string Fault)
{
    public static readonly IReadOnlyList<string> Kinds = ["access-denied", "unreachable", "hang", "no-file", "truncated"];

    /// <summary>Reads "Export-CsConfiguration=hang" or "Export-CsConfiguration:pool01.contoso.com=access-denied".</summary>
    public static SimulatedFault Parse(string text)
    {
        var equals = text.LastIndexOf('=');
        var fault = equals < 0 ? "" : text[(equals + 1)..];
        if (equals <= 0 || !Kinds.Contains(fault))
        {
            throw new LcvException($"'{text}' is not a fault: write Cmdlet=fault or Cmdlet:target=fault, the fault one of {string.Join(", ", Kinds)}.");
        }

        var cmdlet = text[..equals];
        var colon = cmdlet.IndexOf(':');
        return colon < 0 ? new(cmdlet, "*", fault) : new(cmdlet[..colon], cmdlet[(colon + 1)..], fault);
    }
}
