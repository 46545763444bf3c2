namespace LyncConfigVault.Model;

/// <summary>
/// One line of lcv doctor: what was checked, whether it is fine, and what to do when it is not. Skipped: it
/// does not apply here (a Windows-only check on Linux), said so rather than passed.
/// </summary>
internal sealed record CheckupLine(string Subject, bool Passed, string Detail)
{
    public bool Skipped { get; init; }

    public static CheckupLine Skip(string subject, string why) => new(subject, true, why) { Skipped = true };
}
