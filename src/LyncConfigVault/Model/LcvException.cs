namespace LyncConfigVault.Model;

/// <summary>An error the administrator can fix: one line in Lync terms, naming the file or Identity.</summary>
internal sealed class LcvException(string message, string? file = null, Exception? inner = null, int exitCode = 2)
    : Exception(message, inner)
{
    public string? File { get; } = file;

    /// <summary>2 for input the admin can fix, 3 when the environment (Git, disk, PowerShell) failed, 70 when lcv caught a bug of its own.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>Input the admin can fix (exit 2), as opposed to a failing environment or a bug of lcv's.</summary>
    public bool IsAdminError => ExitCode == 2;

    /// <summary>An export that cannot be read as one: damaged, refused, or not a Lync export at all.</summary>
    public static LcvException BadExport(string file, string problem, Exception? inner = null) =>
        new($"{file}: {problem}", file, inner);

    /// <summary>
    /// Any other file or folder the administrator gave or keeps: a settings file, a renames file, a list of numbers,
    /// where a restore should go. Said the same way, "path: problem", but never called an export.
    /// </summary>
    public static LcvException BadFile(string path, string problem, Exception? inner = null) =>
        new($"{path}: {problem}", path, inner);

    public static LcvException NotAVault(string path) =>
        new($"{path} is not a LyncConfigVault vault (no .lcv/config.yaml and .git). Run 'lcv init --vault {path}' first.", path);

    public static LcvException Environment(string message, Exception? inner = null) =>
        new(message, null, inner, exitCode: 3);

    /// <summary>lcv caught itself about to do something wrong (exit 70), and stopped before it did: said in one line, like any other.</summary>
    public static LcvException Bug(string message, string? file = null) =>
        new(message, file, null, exitCode: 70);

    /// <summary>
    /// The one line an admin reads about any failure, as lcv prints it and the run log keeps it: never a
    /// stack trace. Work spread over both cores fails as an AggregateException: what failed inside counts.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.Flatten().InnerExceptions[0]),
        LcvException e => e.Message,
        LibGit2Sharp.LibGit2SharpException e when e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
            => $"the disk is full (Git: {e.Message}). Free some space; the vault is as it was before this run.",
        LibGit2Sharp.LibGit2SharpException e => $"Git failed: {e.Message}",
        IOException e when IsDiskFull(e) => $"the disk is full: {e.Message} Free some space; the vault is as it was before this run.",
        IOException e => e.Message,
        UnauthorizedAccessException e => $"{e.Message.TrimEnd('.')} (lcv runs as {System.Environment.UserDomainName}\\{System.Environment.UserName}): give that account modify rights on the vault folder.",
        _ => $"internal error ({exception.GetType().Name}: {exception.Message})",
    };

    // ENOSPC on Linux, ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112 or 39;
}
