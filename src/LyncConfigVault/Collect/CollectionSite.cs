using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// What a backup collects from: the product (which decides what it can export), whether lcv reaches it
/// through a pool's remote session (where -FileName is a path on the Front End), and a share both sides reach.
/// </summary>
internal sealed record CollectionSite(LyncVersion Version, string ProductText, bool Remote, string? Share)
{
    /// <summary>The product, from Get-CsServerVersion; a deployment that does not say is taken as the newest, and the plan says so.</summary>
    public static (LyncVersion Version, string Text) Detect(PowerShellHost host, TimeSpan timeout)
    {
        var answer = host.Invoke("Get-CsServerVersion", new Dictionary<string, object>(), timeout);
        var text = (answer.Text ?? answer.Objects.FirstOrDefault()?.Values.FirstOrDefault() ?? "").Trim();
        return LyncVersions.Parse(text) is { } version
            ? (version, text.Split(':')[0])
            : (LyncVersion.SkypeForBusiness2019, $"unknown (Get-CsServerVersion: {answer.Failure ?? (text.Length == 0 ? "no answer" : text)}); planned as {LyncVersion.SkypeForBusiness2019.ProductName()}");
    }
}
