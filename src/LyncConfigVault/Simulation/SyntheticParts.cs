namespace LyncConfigVault.Simulation;

/// <summary>Which exports a generated night carries besides Export-CsConfiguration.</summary>
[Flags]
internal enum SyntheticParts
{
    Cms = 0,
    ResponseGroups = 1,
    Lis = 2,
    Users = 4,
    All = ResponseGroups | Lis | Users,
}
