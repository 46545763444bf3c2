namespace LyncConfigVault.Vault;

/// <summary>
/// The semantic fingerprints of the objects at one commit, kept in .git/lcv so a no-change night
/// does not re-read 20,000 files from history. Only valid for the commit it names.
/// </summary>
internal static class FingerprintCache
{
    private const string FileName = "fingerprints";

    public static Dictionary<string, string> Load(string stateFolder, string commit)
    {
        var path = Path.Combine(stateFolder, FileName);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        using var reader = new StreamReader(path);
        if (reader.ReadLine() != commit)
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

    public static void Save(string stateFolder, string commit, IReadOnlyDictionary<string, string> fingerprints)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, FileName);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary) { NewLine = "\n" })
        {
            writer.WriteLine(commit);
            foreach (var (file, fingerprint) in fingerprints)
            {
                writer.WriteLine($"{file}\t{fingerprint}");
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
