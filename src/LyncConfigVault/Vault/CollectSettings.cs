using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>The collect section of .lcv/config.yaml: lcv backup's defaults for this vault. Null means "not set".</summary>
internal sealed record CollectSettings(
    IReadOnlyList<string>? Exports = null,
    string? Host = null,
    int? TimeoutSeconds = null,
    int? KeepRawDays = null,
    string? Module = null,
    int? StaleAfterRuns = null)
{
    /// <summary>Runs in a row without a part (a pool's Response Groups, the LIS) before lcv status and lcv doctor call it stale.</summary>
    public const int DefaultStaleAfterRuns = 7;

    public static CollectSettings From(YNode? node, string path)
    {
        if (node is null)
        {
            return new CollectSettings();
        }

        if (node is not YMap map)
        {
            throw LcvException.BadFile(path, "'collect' must be a section of settings (exports, host, timeoutSeconds, keepRawDays, module, staleAfterRuns).");
        }

        return new CollectSettings(
            map["exports"] switch
            {
                null => null,
                YSeq list => list.Items.Select(i => i.ToString() ?? "").ToList(),
                YScalar one => [one.Text],
                _ => throw LcvException.BadFile(path, "'collect.exports' must be a list such as [cms, topology]."),
            },
            map.Text("host"),
            Number(map, "timeoutSeconds", path),
            Number(map, "keepRawDays", path),
            map.Text("module"),
            Number(map, "staleAfterRuns", path));
    }

    private static int? Number(YMap map, string key, string path) =>
        map.Text(key) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw LcvException.BadFile(path, $"'collect.{key}' must be a whole number above 0, not '{text}'.");
}
