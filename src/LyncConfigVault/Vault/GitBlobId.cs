using System.Security.Cryptography;
using System.Text;

namespace LyncConfigVault.Vault;

/// <summary>Git's own object id for a file's bytes: compared with a tree, it tells unchanged files apart without touching the object store.</summary>
internal static class GitBlobId
{
    public static string Of(byte[] bytes)
    {
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(bytes);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
