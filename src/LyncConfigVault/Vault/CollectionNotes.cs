namespace LyncConfigVault.Vault;

/// <summary>What a backup's commit says about where it collected: the product (Get-CsServerVersion), and what it could not collect there.</summary>
internal sealed record CollectionNotes(string Product, IReadOnlyList<string> NotCollected);
