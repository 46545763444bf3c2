using LyncConfigVault.Model;

namespace LyncConfigVault.Catalog;

/// <summary>
/// One export an admin runs: the name lcv backup --only takes, the cmdlet that writes it, the part of the
/// vault it replaces, whether it holds personal data, and how lcv restore brings it back (or why it cannot).
/// </summary>
/// <param name="Name">The name --only and the collect settings take: cms, topology, rgs …</param>
/// <param name="Cmdlet">The cmdlet that writes it, as the run summary names it.</param>
/// <param name="WrittenBy">The file as an admin knows it: "an Export-CsConfiguration export".</param>
/// <param name="Part">The vault part it replaces; for an export per pool, the folder that holds one part per pool.</param>
internal sealed record ExportKindEntry(ExportKind Kind, string Name, string Cmdlet, string WrittenBy, string Part)
{
    /// <summary>One export per pool (Response Groups per ApplicationServer pool, user data per UserServer pool): parts rgs/&lt;pool&gt;, users/&lt;pool&gt;.</summary>
    public bool PerPool { get; init; }

    /// <summary>Collected by default; the others are asked for with --only or the collect settings.</summary>
    public bool Default { get; init; }

    /// <summary>Names people (contacts, who has which policy, chat rooms): opt-in, and kept redacted or as hashes.</summary>
    public bool PersonalData { get; init; }

    /// <summary>The cmdlet that takes the file lcv restore rebuilds; null for an export lcv does not rebuild.</summary>
    public string? RestoredBy { get; init; }

    /// <summary>For an export lcv does not rebuild: what the vault keeps of it, and how it comes back instead.</summary>
    public string? NotRebuilt { get; init; }

    /// <summary>The top-level vault folder the part lies in: users for users/persistent-chat.</summary>
    public string Folder => Part.Split('/')[0];

    /// <summary>Whether <paramref name="part"/> (cms, rgs/pool01 …) is this export's.</summary>
    public bool Owns(string part) => PerPool ? part.StartsWith(Part + "/", StringComparison.Ordinal) : part == Part;
}
