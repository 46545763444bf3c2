namespace LyncConfigVault.Tests;

/// <summary>One vault with the seven demo nights ingested, shared by the tests of a class that only read it.</summary>
public sealed class SevenNightsVault : IDisposable
{
    internal VaultFixture Fixture { get; } = new VaultFixture().IngestAll();

    public void Dispose() => Fixture.Dispose();
}
