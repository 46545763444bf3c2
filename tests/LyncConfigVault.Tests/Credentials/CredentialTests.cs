using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

namespace LyncConfigVault.Tests.Credentials;

public sealed class CredentialTests : IDisposable
{
    private const string Secret = "Pa$$w0rd-`\"'; Remove-Item x";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_saved_credential_reads_back_and_only_its_owner_may_read_the_file()
    {
        var file = _folder.File("lcv.cred");

        CredentialStore.Save(file, new LyncCredential("CONTOSO\\svc-lcv", Secret));
        var loaded = CredentialStore.Load(file);

        Assert.Equal(("CONTOSO\\svc-lcv", Secret), (loaded.UserName, loaded.Password));
        Assert.DoesNotContain(Secret, File.ReadAllText(file));
        Assert.DoesNotContain(Secret, loaded.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_credential_file_others_can_read_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;   // file modes are a Unix matter; on Windows the file is DPAPI-protected
        }

        var file = _folder.File("lcv.cred");
        CredentialStore.Save(file, new LyncCredential("CONTOSO\\svc-lcv", Secret));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<LcvException>(() => CredentialStore.Load(file));

        Assert.Equal($"{file}: other accounts can read this credential file; allow only its owner (chmod 600 {file}) and run again.", error.Message);
    }

    [Fact]
    public void An_unreachable_remote_endpoint_is_one_line_exit_3_and_the_password_is_written_nowhere()
    {
        var vault = _folder.File("vault");
        var raw = _folder.File("raw");
        var file = _folder.File("lcv.cred");
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault).ExitCode);
        CredentialStore.Save(file, new LyncCredential("CONTOSO\\svc-lcv", Secret));

        var result = TestData.Lcv("backup", "--vault", vault, "--raw", raw, "--remote", "https://127.0.0.1:9/OcsPowershell", "--credential-file", file);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("lcv: Cannot open a PowerShell session on https://127.0.0.1:9/OcsPowershell as CONTOSO\\svc-lcv: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain(Secret, result.Output + result.Error);
        foreach (var written in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories).Where(f => f != file))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(written));
        }
    }

    [Theory]
    [InlineData("ftp://pool01.contoso.com/OcsPowershell", "is not a remote PowerShell endpoint")]
    [InlineData("pool01", "is not a remote PowerShell endpoint")]
    public void A_remote_that_is_not_an_endpoint_is_a_usage_error(string remote, string words)
    {
        var vault = _folder.File("vault");
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault).ExitCode);

        var result = TestData.Lcv("backup", "--vault", vault, "--remote", remote);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(words, result.Error);
    }

    [Fact]
    public void Saving_a_credential_without_a_console_or_LCV_PASSWORD_says_how_to_give_it()
    {
        var result = TestData.Lcv("credential", "save", "--file", _folder.File("lcv.cred"), "--user", "CONTOSO\\svc-lcv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No password: set LCV_PASSWORD", result.Error);
        Assert.False(File.Exists(_folder.File("lcv.cred")));
    }
}
