namespace LyncConfigVault.Credentials;

/// <summary>An account for a remote pool. The password never reaches a log, a commit, a report or an exception message.</summary>
internal sealed class LyncCredential(string userName, string password)
{
    public string UserName { get; } = userName;

    /// <summary>Only for the one call that hands it to PowerShell.</summary>
    public string Password { get; } = password;

    public override string ToString() => $"{UserName} (password not shown)";
}
