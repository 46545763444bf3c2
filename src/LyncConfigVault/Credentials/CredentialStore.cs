using System.Security.Cryptography;
using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Credentials;

/// <summary>
/// Credentials for remote collection, from a file protected for the current user (DPAPI on Windows;
/// on other systems a file only its owner may read, mode 0600) or from LCV_USER and LCV_PASSWORD.
/// </summary>
internal static class CredentialStore
{
    private const string Header = "lcv-credential/1";

    /// <param name="forAccount">
    /// Windows: the service account (a gMSA, CONTOSO\svc-lcv$) that alone may read it, for an administrator saving it
    /// on its behalf (no one can log on as a gMSA to save it themselves): protected for the machine, and the file's
    /// access list names that account, the administrators and SYSTEM only. Null: for the current user.
    /// </param>
    public static void Save(string file, LyncCredential credential, string? forAccount = null)
    {
        if (forAccount is not null && !OperatingSystem.IsWindows())
        {
            throw new LcvException($"On this system a credential is readable by whoever saves it: save it as {forAccount} (sudo -u {forAccount} lcv credential save …).");
        }

        var secret = Encoding.UTF8.GetBytes(credential.UserName + "\n" + credential.Password);
        var text = !OperatingSystem.IsWindows() ? $"{Header} owner-only\n{Convert.ToBase64String(secret)}\n"
            : forAccount is null ? $"{Header} dpapi\n{Convert.ToBase64String(ProtectedData.Protect(secret, null, DataProtectionScope.CurrentUser))}\n"
            : $"{Header} dpapi-machine\n{Convert.ToBase64String(ProtectedData.Protect(secret, null, DataProtectionScope.LocalMachine))}\n";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(file, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);   // an existing file keeps its mode otherwise
        }
        else if (forAccount is not null)
        {
            OnlyFor(file, forAccount);
        }
    }

    // Machine-scoped DPAPI opens for any account on the machine: the file's access list is what keeps it to one.
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void OnlyFor(string file, string account)
    {
        var security = new System.Security.AccessControl.FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        var administrators = new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.BuiltinAdministratorsSid, null);
        var system = new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.LocalSystemSid, null);
        security.AddAccessRule(new System.Security.AccessControl.FileSystemAccessRule(administrators, System.Security.AccessControl.FileSystemRights.FullControl, System.Security.AccessControl.AccessControlType.Allow));
        security.AddAccessRule(new System.Security.AccessControl.FileSystemAccessRule(system, System.Security.AccessControl.FileSystemRights.FullControl, System.Security.AccessControl.AccessControlType.Allow));
        security.AddAccessRule(new System.Security.AccessControl.FileSystemAccessRule(new System.Security.Principal.NTAccount(account), System.Security.AccessControl.FileSystemRights.Read, System.Security.AccessControl.AccessControlType.Allow));
        new FileInfo(file).SetAccessControl(security);
    }

    public static LyncCredential Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new LcvException($"{file}: no such credential file; write one with lcv credential save --file {file} --user DOMAIN\\name.", file);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            throw new LcvException($"{file}: other accounts can read this credential file; allow only its owner (chmod 600 {file}) and run again.", file);
        }

        var lines = File.ReadAllLines(file);
        if (lines.Length < 2 || !lines[0].StartsWith(Header + " ", StringComparison.Ordinal))
        {
            throw new LcvException($"{file}: not an lcv credential file; write one with lcv credential save.", file);
        }

        try
        {
            var protection = lines[0][(Header.Length + 1)..];
            var bytes = Convert.FromBase64String(lines[1]);
            var secret = protection switch
            {
                "dpapi" when OperatingSystem.IsWindows() => ProtectedData.Unprotect(bytes, null, DataProtectionScope.CurrentUser),
                "dpapi-machine" when OperatingSystem.IsWindows() => ProtectedData.Unprotect(bytes, null, DataProtectionScope.LocalMachine),
                "owner-only" => bytes,
                _ => throw new LcvException($"{file}: protected with {protection}, which only the account and machine that wrote it can read.", file),
            };
            var text = Encoding.UTF8.GetString(secret);
            var newline = text.IndexOf('\n');
            return newline > 0 ? new LyncCredential(text[..newline], text[(newline + 1)..]) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            // The exception text is not passed on: it could quote what it failed to read.
            throw new LcvException($"{file}: the credential cannot be read (damaged, or written by another account); save it again.", file);
        }
    }

    /// <summary>LCV_USER and LCV_PASSWORD, when both are set.</summary>
    public static LyncCredential? FromEnvironment() =>
        Environment.GetEnvironmentVariable("LCV_USER") is { Length: > 0 } user && Environment.GetEnvironmentVariable("LCV_PASSWORD") is { Length: > 0 } password
            ? new LyncCredential(user, password)
            : null;
}
