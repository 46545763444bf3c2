using LyncConfigVault.Model;

namespace LyncConfigVault.Restore;

/// <summary>One object a scoped restore brings back: its noun and Identity, as it is now and as it was (null where it does not exist).</summary>
internal sealed record ObjectRestore(string Noun, string Identity, YMap? Current, YMap? Target);
