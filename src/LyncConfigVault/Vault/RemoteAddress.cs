using LyncConfigVault.Credentials;

namespace LyncConfigVault.Vault;

/// <summary>
/// A remote's address as lcv keeps and shows it: never with an account in it. An address typed with
/// user:password@ gives its account to the credential store and is kept without it; one Git already had
/// is shown with its password masked.
/// </summary>
internal static class RemoteAddress
{
    /// <summary>The address without its user:password@ part, and the account that was in it (null when none, or a user without a password).</summary>
    public static (string Url, LyncCredential? Account) WithoutAccount(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0 || !uri.UserInfo.Contains(':'))
        {
            return (url, null);
        }

        var colon = uri.UserInfo.IndexOf(':');
        var account = new LyncCredential(Uri.UnescapeDataString(uri.UserInfo[..colon]), Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
        return (new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString(), account);
    }

    /// <summary>The address as lcv prints it: a password Git's config holds is masked.</summary>
    public static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? url.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
            : url;

    /// <summary>Whether an account sent there would cross the network in clear (HTTP Basic over http://).</summary>
    public static bool IsUnencrypted(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
