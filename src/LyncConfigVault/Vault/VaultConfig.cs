using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// .lcv/config.yaml: the vault's own settings. The optional collect section sets lcv backup's defaults
/// (command-line options win): exports, host, timeoutSeconds, keepRawDays, module.
/// </summary>
internal sealed record VaultConfig(string Deployment)
{
    public CollectSettings Collect { get; init; } = new();

    public const string Schema = "lcv.config/1";

    public static VaultConfig Read(string path)
    {
        var map = YamlText.Read(File.ReadAllText(path), path);
        if (map.Text("schema") != Schema)
        {
            throw LcvException.BadExport(path, $"is not a LyncConfigVault settings file (expected 'schema: {Schema}').");
        }

        return new VaultConfig(map.Text("deployment") ?? "Lync") { Collect = CollectSettings.From(map["collect"], path) };
    }

    public string Write() =>
        "# LyncConfigVault vault settings. Edit, then commit the change with git.\n"
        + "# lcv backup's defaults may go in a collect section, for example:\n"
        + "# collect:\n#   exports: [cms, topology]\n#   host: auto            # auto, in-process, pwsh, windows-powershell\n"
        + "#   timeoutSeconds: 900\n#   keepRawDays: 30\n#   module: SkypeForBusiness\n"
        + YamlText.Write(new YMap().Add("schema", Schema).Add("deployment", Deployment));
}
