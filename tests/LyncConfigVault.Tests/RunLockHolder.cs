using System.Diagnostics;
using System.Text.Json;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Tests;

/// <summary>
/// Another process holding a vault's run lock, as a run on the same server would: util-linux flock(1) takes the
/// same kernel lock lcv takes, and holds it until it is stopped. The holder file says who, as lcv writes it.
/// </summary>
internal sealed class RunLockHolder : IDisposable
{
    private readonly Process _process;

    private RunLockHolder(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public static RunLockHolder Start(string vault, string command)
    {
        var state = Path.Combine(vault, ".git", "lcv");
        Directory.CreateDirectory(state);
        var ready = Path.Combine(state, "holder-ready");
        var start = new ProcessStartInfo("flock", ["--exclusive", Path.Combine(state, "lock"), "sh", "-c", $"touch '{ready}'; exec sleep 600"]) { UseShellExecute = false };
        var process = Process.Start(start)!;
        while (!File.Exists(ready))
        {
            Assert.False(process.HasExited, "flock could not take the lock");
            Thread.Sleep(20);
        }

        File.Delete(ready);
        File.WriteAllText(Path.Combine(state, "lock.holder"), JsonSerializer.Serialize(new LockHolder(process.Id, Environment.MachineName, "svc-lcv", command, TestData.AdminEditTime)));
        return new RunLockHolder(process);
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
