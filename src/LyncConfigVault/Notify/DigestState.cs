using System.Globalization;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Notify;

/// <summary>
/// For digest notifiers: the snapshot each was last told about, and when, in .git/lcv/digest.tsv. A digest
/// is due when its period has passed since then and the vault has moved on.
/// </summary>
internal static class DigestState
{
    private const string FileName = "digest.tsv";

    public static string Key(NotifierSettings notifier) => $"{notifier.Kind.Word()} {notifier.Target}";

    public static Dictionary<string, (string Commit, DateTimeOffset At)> Read(string stateFolder)
    {
        var file = Path.Combine(stateFolder, FileName);
        return File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Split('\t')).Where(p => p.Length == 3)
                .ToDictionary(p => p[0], p => (p[1], DateTimeOffset.Parse(p[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal)
            : [];
    }

    public static void Write(string stateFolder, Dictionary<string, (string Commit, DateTimeOffset At)> state)
    {
        Directory.CreateDirectory(stateFolder);
        File.WriteAllLines(Path.Combine(stateFolder, FileName), state.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{s.Key}\t{s.Value.Commit}\t{s.Value.At.ToString("o", CultureInfo.InvariantCulture)}"));
    }
}
