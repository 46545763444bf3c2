using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Diff;

/// <summary>
/// What changed inside one object, property by property, the way the catalog says its values
/// compare: keyed lists entry by entry, ordered lists by a minimal edit script with moves, other
/// lists as sets; volatile values never count. Paths leave out the setting's element
/// (VoicePolicy.AllowSimulRing is reported as AllowSimulRing), as Get-Cs* shows them.
/// </summary>
internal sealed class PropertyDiffer(LyncCatalog catalog, NoiseFilter filter)
{
    private readonly ChangeRules _rules = new(catalog, filter);

    /// <summary>Changes from <paramref name="before"/> to <paramref name="after"/>; top-level keys in <paramref name="skip"/> are not compared.</summary>
    public List<PropertyChange> Compare(string noun, YMap before, YMap after, IReadOnlySet<string> skip)
    {
        var setting = ObjectFactory.SettingKey(Keys(before, after));
        var settingMap = setting is null ? null : (after[setting] ?? before[setting]) as YMap;
        var walk = new Walk(noun, _rules.EntryOf(noun), _rules, [], settingMap);
        foreach (var key in Keys(before, after))
        {
            if (skip.Contains(key) || !_rules.Counts(noun, key, key))
            {
                continue;
            }

            walk.Node(before[key], after[key], key == setting ? "" : key, key);
        }

        return walk.Changes;
    }

    private static IEnumerable<string> Keys(YMap before, YMap after) =>
        before.Entries.Select(e => e.Key).Concat(after.Entries.Select(e => e.Key)).Distinct();

    /// <summary>One comparison's state: the changes found so far.</summary>
    private sealed class Walk(string noun, CatalogEntry entry, ChangeRules rules, List<PropertyChange> changes, YMap? setting)
    {
        public List<PropertyChange> Changes => changes;

        /// <param name="shown">The path as reports print it ("" for the setting itself).</param>
        /// <param name="rule">The dotted key path the noise rules match (lists are transparent).</param>
        public void Node(YNode? before, YNode? after, string shown, string rule)
        {
            switch (before, after)
            {
                case (null, null):
                    return;
                case (null, _):
                    changes.Add(new PropertyChange(shown, PropertyChangeKind.Added, null, after));
                    return;
                case (_, null):
                    changes.Add(new PropertyChange(shown, PropertyChangeKind.Removed, before, null));
                    return;
                case (YMap a, YMap b) when ChangeRules.Whole(a) is { } oldWhole && ChangeRules.Whole(b) is { } newWhole:
                    // An audio file is its name and content: one change "overflow.wav replaced", never its hash and size apart.
                    if (oldWhole != newWhole)
                    {
                        changes.Add(new PropertyChange(shown, PropertyChangeKind.Changed, a, b));
                    }

                    return;
                case (YMap a, YMap b):
                    Map(a, b, shown, rule);
                    return;
                case (YSeq a, YSeq b):
                    List(a, b, shown, rule);
                    return;
                case (YScalar a, YScalar b):
                    if (a.Text != b.Text)
                    {
                        changes.Add(new PropertyChange(shown, PropertyChangeKind.Changed, a, b) { Lines = LineDiff(a.Text, b.Text) });
                    }

                    return;
                default:
                    if (Text(before, rule) != Text(after, rule))
                    {
                        changes.Add(new PropertyChange(shown, PropertyChangeKind.Changed, before, after));
                    }

                    return;
            }
        }

        private void Map(YMap before, YMap after, string shown, string rule)
        {
            foreach (var key in Keys(before, after))
            {
                var childRule = $"{rule}.{key}";
                if (!rules.Counts(noun, childRule, key))
                {
                    continue;
                }

                Node(before[key], after[key], shown.Length == 0 ? key : $"{shown}.{key}", childRule);
            }
        }

        private void List(YSeq before, YSeq after, string shown, string rule)
        {
            var name = rule[(rule.LastIndexOf('.') + 1)..];
            if (entry.KeyOf(name) is { } key && KeysOf(before, key) is { } oldKeys && KeysOf(after, key) is { } newKeys)
            {
                Keyed(before, after, oldKeys, newKeys, $"{shown}[", rule);
            }
            else if (entry.IsOrdered(name, setting))
            {
                Ordered(before.Items, after.Items, shown, rule);
            }
            else
            {
                Set(before.Items, after.Items, shown, rule);
            }
        }

        private void Keyed(YSeq before, YSeq after, List<string> oldKeys, List<string> newKeys, string prefix, string rule)
        {
            var ordered = entry.IsOrdered(rule[(rule.LastIndexOf('.') + 1)..], setting);
            for (var i = 0; i < oldKeys.Count; i++)
            {
                var j = newKeys.IndexOf(oldKeys[i]);
                if (j < 0)
                {
                    changes.Add(new PropertyChange($"{prefix}{oldKeys[i]}]", PropertyChangeKind.Removed, before.Items[i], null) { From = ordered ? i : null });
                }
                else
                {
                    Node(before.Items[i], after.Items[j], $"{prefix}{oldKeys[i]}]", rule);
                }
            }

            for (var j = 0; j < newKeys.Count; j++)
            {
                if (!oldKeys.Contains(newKeys[j]))
                {
                    changes.Add(new PropertyChange($"{prefix}{newKeys[j]}]", PropertyChangeKind.Added, null, after.Items[j]) { To = ordered ? j : null });
                }
            }

            if (ordered)
            {
                // Order among the entries both sides have: a rule that jumped the queue is one move.
                static string Name(string key) => key[(key.IndexOf('=') + 1)..];   // the rule's name, as the list shows it
                var order = new ListOrder(oldKeys.Select(Name).ToList(), newKeys.Select(Name).ToList());
                var common = oldKeys.Where(newKeys.Contains).ToList();
                var reordered = newKeys.Where(oldKeys.Contains).ToList();
                foreach (var moved in ListEditScript.Between(common, reordered).Removed.Select(i => common[i]))
                {
                    var key = new YScalar(Name(moved));
                    changes.Add(new PropertyChange($"{prefix}{moved}]", PropertyChangeKind.Moved, key, key) { From = oldKeys.IndexOf(moved), To = newKeys.IndexOf(moved), Order = order });
                }
            }
        }

        private void Ordered(List<YNode> before, List<YNode> after, string shown, string rule)
        {
            var oldTexts = before.Select(item => Text(item, rule)).ToList();
            var newTexts = after.Select(item => Text(item, rule)).ToList();
            var edit = ListEditScript.Between(oldTexts, newTexts);
            var added = edit.Added.ToList();
            var order = before.Concat(after).All(i => i is YScalar)
                ? new ListOrder(before.Select(i => ((YScalar)i).Text).ToList(), after.Select(i => ((YScalar)i).Text).ToList())
                : null;
            foreach (var from in edit.Removed)
            {
                var to = added.FindIndex(j => newTexts[j] == oldTexts[from]);
                if (to >= 0)
                {
                    changes.Add(new PropertyChange(shown, PropertyChangeKind.Moved, before[from], after[added[to]]) { From = from, To = added[to], Order = order });
                    added.RemoveAt(to);
                }
                else
                {
                    changes.Add(new PropertyChange(shown, PropertyChangeKind.Removed, before[from], null) { From = from });
                }
            }

            changes.AddRange(added.Select(j => new PropertyChange(shown, PropertyChangeKind.Added, null, after[j]) { To = j }));
        }

        private void Set(List<YNode> before, List<YNode> after, string shown, string rule)
        {
            var remaining = after.Select(item => (string?)Text(item, rule)).ToList();
            var removed = new List<YNode>();
            foreach (var item in before)
            {
                var index = remaining.IndexOf(Text(item, rule));
                if (index >= 0)
                {
                    remaining[index] = null;   // matched once: a set with a repeated entry still counts both
                }
                else
                {
                    removed.Add(item);
                }
            }

            changes.AddRange(removed.Select(item => new PropertyChange(shown, PropertyChangeKind.Removed, item, null)));
            changes.AddRange(after.Where((_, j) => remaining[j] is not null).Select(item => new PropertyChange(shown, PropertyChangeKind.Added, null, item)));
        }

        // Entries match when they mean the same under the rules the fingerprint applies: what does not count, never matters.
        private string Text(YNode node, string rule) => node is YScalar scalar ? scalar.Text : rules.Text(node, rule, entry, noun, setting);

        /// <summary>The key of every entry, or null when an entry has none or two share one (then the list compares without keys).</summary>
        private static List<string>? KeysOf(YSeq list, ListKey key)
        {
            var keys = list.Items.Select(key.Of).ToList();
            return keys.Any(k => k is null) || keys.Distinct().Count() != keys.Count ? null : keys.Select(k => k!).ToList();
        }

        // Long text worth a line diff is text on several lines (descriptions, scripts, prompts); a long
        // single-line value (a pattern) is marked character by character by the views instead.
        private static List<TextLine>? LineDiff(string before, string after)
        {
            if (!before.Contains('\n') && !after.Contains('\n'))
            {
                return null;
            }

            return InlineDiffBuilder.Diff(before, after).Lines.Select(line => new TextLine(line.Type switch
            {
                ChangeType.Inserted => TextLineKind.Added,
                ChangeType.Deleted => TextLineKind.Removed,
                _ => TextLineKind.Unchanged,
            }, line.Text)).ToList();
        }
    }
}
