namespace LyncConfigVault.Vault;

/// <summary>
/// The semantic fingerprints of the objects at one commit, kept in .git/lcv so a no-change night
/// does not re-read 20,000 files from history. Only valid for the commit it names and the noise rules
/// it was computed under: a newer lcv with other managed rules computes them afresh, never compares across.
/// </summary>
internal static class FingerprintCache
{
    private const string FileName = "fingerprints";

    // How fingerprints are computed (2: XxHash128; 3: under the ChangeRules the differ applies, audio whole): a cache
    // another lcv wrote under another way is not compared with.
    private const string Version = "fp3";

    /// <summary>The first line of the cache: the commit, then a hash of the rules the fingerprints were computed under.</summary>
    public static string Header(string commit, Normalize.NoiseFilter filter)
    {
        var rules = string.Join('\n', filter.Rules.Select(r => $"{r.Kind}\t{r.Noun}\t{r.Path}"));
        return $"{commit} {Version} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rules)))[..16]}";
    }

    /// <param name="header">From <see cref="Header"/>: the commit and the rules the caller computes under.</param>
    public static Dictionary<string, string> Load(string stateFolder, string header)
    {
        var path = Path.Combine(stateFolder, FileName);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        using var reader = new StreamReader(path);
        if (reader.ReadLine() != header)
        {
            return result;
        }

        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                result[line[..tab]] = line[(tab + 1)..];
            }
        }

        return result;
    }

    public static void Save(string stateFolder, string header, IReadOnlyDictionary<string, string> fingerprints)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, FileName);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary) { NewLine = "\n" })
        {
            writer.WriteLine(header);
            foreach (var (file, fingerprint) in fingerprints)
            {
                writer.WriteLine($"{file}\t{fingerprint}");
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
