namespace LyncConfigVault.Restore;

/// <summary>One export file rebuilt from a snapshot: its name, bytes, the vault part it restores and the command that imports it.</summary>
internal sealed record RebuiltExport(string FileName, byte[] Bytes, string Part, string ImportCommand, string Comment);
