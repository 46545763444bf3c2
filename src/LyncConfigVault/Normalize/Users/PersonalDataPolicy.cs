using System.Security.Cryptography;
using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Users;

/// <summary>
/// The redaction level and the vault's pseudonym key. A pseudonym is an HMAC-SHA256 of the value
/// under that key: the same person gets the same pseudonym every night (so a changed contact list
/// still shows), and without the key nobody can test a guessed address against it.
/// </summary>
internal sealed class PersonalDataPolicy(Redaction level, byte[] key)
{
    /// <summary>For comparisons outside a vault: pseudonyms stable within this process only.</summary>
    public static PersonalDataPolicy Ephemeral { get; } = new(Redaction.Pseudonymize, RandomNumberGenerator.GetBytes(32));

    public Redaction Level { get; } = level;

    /// <summary>"user-3f9a1c2b7d04": a prefix saying what it stands for, and 12 hex digits of the keyed hash.</summary>
    public string Pseudonym(string prefix, string value)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..12]}";
    }

    /// <summary>The value as this level keeps it: in clear, or its pseudonym.</summary>
    public string Personal(string prefix, string value) =>
        Level == Redaction.None || value.Length == 0 ? value : Pseudonym(prefix, value);
}
