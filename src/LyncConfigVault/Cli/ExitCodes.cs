namespace LyncConfigVault.Cli;

/// <summary>The exit codes of every command (DESIGN.md): scripts and scheduled tasks depend on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Differences = 1;
    public const int AdminError = 2;
    public const int EnvironmentFailed = 3;
    public const int Bug = 70;
}
