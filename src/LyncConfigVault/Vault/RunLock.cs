using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// One run at a time per vault. The lock file names its holder; a lock whose process is gone from
/// this machine is stale and is taken over.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly string _path;

    private RunLock(string path) => _path = path;

    public static RunLock Acquire(string stateFolder, string command, DateTimeOffset now, Action<string>? warn = null)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, "lock");
        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, Environment.UserName, command, now);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                JsonSerializer.Serialize(stream, holder);
                return new RunLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var existing = ReadHolder(path);
                if (existing is not null && !IsStale(existing))
                {
                    throw LcvException.Environment(
                        $"the vault is busy: 'lcv {existing.Command}' (process {existing.ProcessId} on {existing.Host}, user {existing.User}) has held its lock since {existing.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}. Wait for it to finish.");
                }

                warn?.Invoke($"removed a stale lock left by process {existing?.ProcessId.ToString(CultureInfo.InvariantCulture) ?? "?"} on {existing?.Host ?? "this machine"}, which is no longer running.");
                File.Delete(path);
            }
        }

        throw LcvException.Environment($"could not take the vault lock {path}.");
    }

    public static LockHolder? Current(string stateFolder) => ReadHolder(Path.Combine(stateFolder, "lock"));

    public void Dispose() => File.Delete(_path);

    private static LockHolder? ReadHolder(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;   // unreadable: a run died while writing it
        }
    }

    // Only a lock from this machine can be checked; one from another host is respected.
    private static bool IsStale(LockHolder holder)
    {
        if (!holder.Host.Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

internal sealed record LockHolder(int ProcessId, string Host, string User, string Command, DateTimeOffset Started);
