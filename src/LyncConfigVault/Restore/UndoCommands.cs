using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Restore;

/// <summary>
/// For each change of a diff, the commands that would take it back (what lcv restore --object would
/// script for that object alone), so a change advisory board sees the way back beside each change.
/// </summary>
internal static class UndoCommands
{
    /// <summary>DiffImpact.Key(change) → the commands, or the one line saying why lcv cannot script it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(LyncCatalog catalog, DiffReport report)
    {
        var script = new ScopedRestoreScript(catalog, rehearse: false);
        var undo = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var change in report.Changes)
        {
            List<ObjectRestore> restores = change.Kind switch
            {
                ObjectChangeKind.Renamed => [new(change.Noun, change.Identity, change.New, null), new(change.Noun, change.OldIdentity!, null, change.Old)],
                _ => [new(change.Noun, change.Identity, change.New, change.Old)],
            };
            var (commands, cannot) = script.Commands(restores);
            var lines = commands.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            // The report shows the line beside the object: its name need not be said again.
            var name = $"{change.DisplayName}: ";
            undo[DiffImpact.Key(change)] = cannot.Count > 0 ? [$"not scripted: {(cannot[0].StartsWith(name, StringComparison.Ordinal) ? cannot[0][name.Length..] : cannot[0])}"] : lines;
        }

        return undo;
    }
}
