using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Restore;

/// <summary>
/// lcv restore --object … --script: the chosen objects only, as Set-Cs/New-Cs/Remove-Cs commands that take each
/// from its state in the latest snapshot to its state in the one restored.
/// </summary>
internal sealed class ObjectsRestore(LyncCatalog catalog, ComparisonSources sources)
{
    /// <summary>Writes the script and says how many objects it restores.</summary>
    public int Write(string revision, IReadOnlyList<string> names, string scriptFile)
    {
        var target = sources.Snapshot(revision);
        var current = sources.Snapshot(null);
        var locator = new ObjectLocator(catalog);
        var restores = new List<ObjectRestore>();
        foreach (var name in names.Select(n => ObjectName.Parse([n])))
        {
            var then = locator.Find(target.Commit, name);
            var now = locator.Find(current.Commit, name);
            if (then is null && now is null)
            {
                throw new LcvException($"{name} is in neither the snapshot {revision} nor the latest one: check the noun and the Identity (lcv show lists what a snapshot holds).");
            }

            restores.Add(new ObjectRestore(name.Noun, name.Identity, now is null ? null : current.Read(now), then is null ? null : target.Read(then)));
        }

        var heading = $"{sources.Vault.Config.Deployment}: {string.Join(", ", names)} back to the snapshot {target.Commit.Sha[..7]} of {target.Commit.Author.When:yyyy-MM-dd HH:mm} ({revision}); written by lcv {sources.Vault.Now:yyyy-MM-dd HH:mm}.";
        File.WriteAllText(scriptFile, new ScopedRestoreScript(catalog).Write(heading, restores), RestoreDestination.ScriptEncoding);
        return restores.Count;
    }
}
