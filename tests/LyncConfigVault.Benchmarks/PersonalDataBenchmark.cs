using System.Diagnostics;
using LyncConfigVault.Catalog;
using LyncConfigVault.Simulation.Users;
using LyncConfigVault.Vault;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// User data (issue 5): lcv ingest of one pool's Export-CsUserData with many users, in a process of its
/// own so its peak memory is its own; target 100,000 users within 300 MB. Anchor: a bare XmlReader pass.
/// </summary>
internal static class PersonalDataBenchmark
{
    public static void Run(int users, string work)
    {
        Console.WriteLine($"== users: Export-CsUserData of one pool, {users:N0} users, pseudonymized");
        var file = Path.Combine(work, "UserData-dubpool01.fabrikam.com.zip");
        File.WriteAllBytes(file, new SyntheticUsers("dubpool01.fabrikam.com", "fabrikam.com", users, new Random(1)).Populate().Archive(DateTimeOffset.Now, shuffle: false));
        var xml = System.IO.Compression.ZipFile.OpenRead(file).GetEntry("DocItemSet.xml")!;
        var bytes = new byte[xml.Length];
        using (var stream = xml.Open())
        {
            stream.ReadExactly(bytes);
        }

        if (Environment.GetEnvironmentVariable("LCV_BENCH_KEEP") is { Length: > 0 } keep)
        {
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);   // to profile the same file by hand
        }

        Console.WriteLine($"   archive {new FileInfo(file).Length / 1e6:F1} MB, DocItemSet.xml {bytes.Length / 1e6:F1} MB");
        var anchor = Time(() => BareXmlReaderPass(bytes));
        Figure("anchor: one XmlReader pass over DocItemSet.xml", anchor, anchor);
        var vault = Path.Combine(work, "vault");
        VaultRepository.Init(vault, "Bench", LyncCatalog.Default, TimeProvider.System).Dispose();
        var (time, peak) = Child(work, "ingest", "--vault", vault, file);
        Figure("lcv ingest (normalize, pseudonymize, commit)", time, anchor);
        var verdict = peak <= 300 ? "met" : "NOT met";
        Console.WriteLine($"{"   peak memory of that lcv process",-58} {peak,9:N0} MB  (target ≤ 300 MB: {verdict})");
    }
}
