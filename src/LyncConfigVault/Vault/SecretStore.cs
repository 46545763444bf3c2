using System.Text.RegularExpressions;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// Values that must never be committed or pushed (a Teams webhook's address is its password): kept in
/// .git/lcv/secrets, readable only by the owner where the system allows it, and named in .lcv/config.yaml
/// as secret:NAME.
/// </summary>
internal static partial class SecretStore
{
    public const string Prefix = "secret:";

    /// <summary>Keeps <paramref name="value"/> under the first free name kind-1, kind-2 …; returns secret:NAME.</summary>
    public static string Save(string stateFolder, string kind, string value)
    {
        var folder = Path.Combine(stateFolder, "secrets");
        Directory.CreateDirectory(folder);
        var number = 1;
        while (File.Exists(Path.Combine(folder, $"{kind}-{number}")))
        {
            number++;
        }

        var name = $"{kind}-{number}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(Path.Combine(folder, name), options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(value));
        }

        return Prefix + name;
    }

    /// <summary>What a configured value stands for: a secret:NAME read from the store, anything else as it is.</summary>
    public static string Resolve(string stateFolder, string configured)
    {
        if (!configured.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return configured;
        }

        var name = configured[Prefix.Length..];
        var file = Path.Combine(stateFolder, "secrets", name);
        return IsName(name) && File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new LcvException($"{configured} is not in {Path.Combine(stateFolder, "secrets")}: add the notifier again with lcv notify add (secrets stay on the machine that saved them, never in a clone).");
    }

    public static bool IsName(string name) => SecretName().IsMatch(name);

    /// <summary>The address as it may be shown: scheme and host, the rest (where a webhook keeps its token) left out.</summary>
    public static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SecretName();
}
