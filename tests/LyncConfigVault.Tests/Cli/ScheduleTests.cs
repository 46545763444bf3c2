using System.Xml.Linq;

namespace LyncConfigVault.Tests.Cli;

public sealed class ScheduleTests : IDisposable
{
    private static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private readonly TempFolder _folder = new();

    public ScheduleTests() => Assert.Equal(0, TestData.Lcv("init", "--vault", Vault, "--deployment", "Fabrikam").ExitCode);

    private string Vault => _folder.File("vault");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_task_scheduler_definition_is_well_formed_and_carries_account_time_and_command()
    {
        var file = _folder.File("lcv-nightly.xml");

        var result = TestData.Lcv("schedule", "--vault", Vault, "--at", "02:30", "--account", "CONTOSO\\svc-lcv$", "--lcv", "C:\\Program Files\\lcv\\lcv.exe", "--output", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([0xFF, 0xFE], File.ReadAllBytes(file)[..2]);   // UTF-16 LE, as schtasks /XML reads it
        var task = XDocument.Load(file).Root!;
        Assert.Equal(Task + "Task", task.Name);
        Assert.Equal("CONTOSO\\svc-lcv$", task.Descendants(Task + "UserId").Single().Value);
        Assert.Equal("Password", task.Descendants(Task + "LogonType").Single().Value);
        Assert.Equal("HighestAvailable", task.Descendants(Task + "RunLevel").Single().Value);
        Assert.EndsWith("T02:30:00", task.Descendants(Task + "StartBoundary").Single().Value);
        Assert.Equal("IgnoreNew", task.Descendants(Task + "MultipleInstancesPolicy").Single().Value);
        Assert.Equal("PT2H", task.Descendants(Task + "ExecutionTimeLimit").Single().Value);
        Assert.Equal("C:\\Program Files\\lcv\\lcv.exe", task.Descendants(Task + "Command").Single().Value);
        Assert.Equal($"backup --vault \"{Vault}\"", task.Descendants(Task + "Arguments").Single().Value);
    }

    [Fact]
    public void Without_lcv_given_the_task_starts_this_lcv_as_it_was_started_dotnet_and_its_dll_included()
    {
        var file = _folder.File("task.xml");

        Assert.Equal(0, TestData.Lcv("schedule", "--vault", Vault, "--output", file).ExitCode);

        // The tests run lcv in-process under dotnet, as 'dotnet lcv.dll' would: the task must name both.
        var task = XDocument.Load(file).Root!;
        var command = task.Descendants(Task + "Command").Single().Value;
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(command));
        Assert.True(Path.IsPathFullyQualified(command), command);
        Assert.Equal($"\"{Path.Combine(AppContext.BaseDirectory, "lcv.dll")}\" backup --vault \"{Vault}\"", task.Descendants(Task + "Arguments").Single().Value);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "lcv.dll")));
        Assert.Equal(("SYSTEM", "ServiceAccount"), (task.Descendants(Task + "UserId").Single().Value, task.Descendants(Task + "LogonType").Single().Value));
    }

    [Fact]
    public void A_systemd_unit_runs_as_a_real_account_never_system()
    {
        var refused = TestData.Lcv("schedule", "--vault", Vault, "--account", "SYSTEM", "--systemd", _folder.File("units"));
        var mine = TestData.Lcv("schedule", "--vault", Vault, "--systemd", _folder.File("units"));

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("systemd has no SYSTEM account", refused.Error);
        Assert.Equal(0, mine.ExitCode);
        Assert.Contains($"User={Environment.UserName}\n", File.ReadAllText(_folder.File("units/lcv-backup-fabrikam.service")));
    }

    [Fact]
    public void Markup_in_a_value_stays_a_value()
    {
        var file = _folder.File("task.xml");

        TestData.Lcv("schedule", "--vault", Vault, "--account", "CONTOSO\\a<b>&\"c'", "--output", file);

        Assert.Equal("CONTOSO\\a<b>&\"c'", XDocument.Load(file).Descendants(Task + "UserId").Single().Value);
    }

    [Fact]
    public void A_systemd_service_and_timer_run_the_backup_nightly()
    {
        var result = TestData.Lcv("schedule", "--vault", Vault, "--at", "03:15", "--account", "lcv", "--lcv", "/opt/lcv/lcv", "--systemd", _folder.File("units"));

        Assert.Equal(0, result.ExitCode);
        var service = File.ReadAllText(_folder.File("units/lcv-backup-fabrikam.service"));
        var timer = File.ReadAllText(_folder.File("units/lcv-backup-fabrikam.timer"));
        Assert.Contains("User=lcv\n", service);
        Assert.Contains($"ExecStart=/opt/lcv/lcv backup --vault \"{Vault}\"\n", service);
        Assert.Contains("OnCalendar=*-*-* 03:15:00\n", timer);
        Assert.Contains("Unit=lcv-backup-fabrikam.service\n", timer);
    }

    [Theory]
    [InlineData("--at", "25:00", "'25:00' is not a time of day")]
    [InlineData("--account", "lcv\nExecStartPre=/bin/rm", "cannot go into a systemd unit")]
    public void Bad_schedule_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        var result = TestData.Lcv("schedule", "--vault", Vault, option, value, "--systemd", _folder.File("units"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(_folder.File("units")) && Directory.EnumerateFiles(_folder.File("units")).Any());
    }
}
