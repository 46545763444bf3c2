namespace LyncConfigVault.Vault;

/// <summary>
/// The kinds lcv keeps as enums (run results, notice kinds, notifier kinds, webhook formats) as the settings, the run
/// log, LCV_EVENT and the terminal spell them: the name in lower case.
/// </summary>
internal static class SettingWords
{
    /// <summary>committed, changed, webhook, teams …</summary>
    public static string Word<T>(this T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The value a word of the settings names, or null for a word that names none.</summary>
    public static T? Named<T>(string? word) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.Word() == word);
}
