using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// One run at a time per vault, held by the operating system: .git/lcv/lock is opened exclusively (flock on
/// Linux, a share-none handle on Windows) for the whole run, so two runs can never both hold it, and a run
/// that dies releases it by dying. Who holds it is written beside it (lock.holder) for the loser's message.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _holderFile;

    private RunLock(FileStream handle, string holderFile)
    {
        _handle = handle;
        _holderFile = holderFile;
    }

    public static RunLock Acquire(string stateFolder, string command, DateTimeOffset now, Action<string>? warn = null)
    {
        Directory.CreateDirectory(stateFolder);
        var holderFile = Path.Combine(stateFolder, "lock.holder");
        var handle = TryTake(stateFolder) ?? throw Busy(ReadHolder(holderFile));
        try
        {
            // A holder file with nobody holding the lock: the run that wrote it died before it could clean up.
            if (ReadHolder(holderFile) is { } dead)
            {
                warn?.Invoke($"the last run ('lcv {dead.Command}', process {dead.ProcessId.ToString(CultureInfo.InvariantCulture)} on {dead.Host}, started {Format(dead.Started)}) ended without finishing; its lock went with it.");
            }

            File.WriteAllText(holderFile, JsonSerializer.Serialize(new LockHolder(Environment.ProcessId, Environment.MachineName, Environment.UserName, command, now)));
            return new RunLock(handle, holderFile);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Who holds the lock now, or null when nobody does (asked without taking it for longer than a moment).</summary>
    public static LockHolder? Current(string stateFolder)
    {
        if (!Directory.Exists(stateFolder))
        {
            return null;
        }

        using var probe = TryTake(stateFolder);
        return probe is null ? ReadHolder(Path.Combine(stateFolder, "lock.holder")) ?? new LockHolder(0, "?", "?", "?", DateTimeOffset.UnixEpoch) : null;
    }

    public void Dispose()
    {
        File.Delete(_holderFile);   // before the handle goes: the next holder writes its own
        _handle.Dispose();
    }

    private static FileStream? TryTake(string stateFolder)
    {
        try
        {
            return new FileStream(Path.Combine(stateFolder, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;   // another process (or another run in this one) has it open
        }
    }

    private static LcvException Busy(LockHolder? holder) => holder is null
        ? LcvException.Environment("the vault is busy: another lcv run holds its lock. Wait for it to finish.")
        : LcvException.Environment(
            $"the vault is busy: 'lcv {holder.Command}' (process {holder.ProcessId} on {holder.Host}, user {holder.User}) has held its lock since {Format(holder.Started)}. Wait for it to finish.");

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static LockHolder? ReadHolder(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;   // being written, or a run died while writing it
        }
    }
}

internal sealed record LockHolder(int ProcessId, string Host, string User, string Command, DateTimeOffset Started);
