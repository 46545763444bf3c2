namespace LyncConfigVault.Model;

/// <summary>How much personal data (contact lists, persistent chat) a vault keeps: chosen in .lcv/config.yaml.</summary>
internal enum Redaction
{
    /// <summary>Everything as exported: SIP addresses and display names in clear.</summary>
    None,

    /// <summary>Stable keyed hashes instead of addresses and names: changes stay visible, people do not.</summary>
    Pseudonymize,

    /// <summary>Counts only.</summary>
    Omit,
}
