namespace LyncConfigVault.Simulation;

/// <summary>
/// One export file of a generated night besides CsConfiguration.zip: the cmdlet that wrote it, the
/// pool it covers (Response Group and user data exports are per pool), its file name and bytes.
/// </summary>
internal sealed record SyntheticExport(string Cmdlet, string? Pool, string FileName, byte[] Bytes);
