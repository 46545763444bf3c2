using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>.lcv/config.yaml: the vault's own settings. Later issues add collection, remotes and notifications.</summary>
internal sealed record VaultConfig(string Deployment)
{
    public const string Schema = "lcv.config/1";

    public static VaultConfig Read(string path)
    {
        var map = YamlText.Read(File.ReadAllText(path), path);
        if (map.Text("schema") != Schema)
        {
            throw LcvException.BadExport(path, $"is not a LyncConfigVault settings file (expected 'schema: {Schema}').");
        }

        return new VaultConfig(map.Text("deployment") ?? "Lync");
    }

    public string Write() =>
        "# LyncConfigVault vault settings. Edit, then commit the change with git.\n"
        + YamlText.Write(new YMap().Add("schema", Schema).Add("deployment", Deployment));
}
