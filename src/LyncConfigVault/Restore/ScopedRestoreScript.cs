using System.Globalization;
using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Restore;

/// <summary>
/// A PowerShell script of Set-Cs*/New-Cs*/Remove-Cs* commands that brings chosen objects from their
/// current state to a snapshot's: typed values, single-quoted strings (nothing in them is expanded),
/// lists through @{Replace=…}, PSTN usages added before the routes and policies that name them and
/// removed after. It runs with -WhatIf unless started with -Apply. What it cannot script is named at the top.
/// </summary>
/// <param name="rehearse">Whether each command carries -WhatIf:(-not $Apply); false for commands shown one by one (the report's "to undo").</param>
internal sealed class ScopedRestoreScript(LyncCatalog catalog, bool rehearse = true)
{
    private string WhatIf => rehearse ? " -WhatIf:(-not $Apply)" : "";

    private static readonly HashSet<string> NotParameters = new(StringComparer.Ordinal) { "Name", ElementYamlMapper.ElementsKey, ElementYamlMapper.OrderKey, ElementYamlMapper.NamespaceKey, ElementYamlMapper.TextKey };

    public string Write(string heading, IReadOnlyList<ObjectRestore> objects)
    {
        var (commands, cannot) = Commands(objects);
        var script = new StringBuilder();
        script.Append("# ").Append(heading.ReplaceLineEndings(" ")).Append('\n');
        script.Append("# Runs with -WhatIf (shows what it would do) unless started with -Apply.\n");
        foreach (var line in cannot)
        {
            script.Append("# NOT SCRIPTED: ").Append(line.ReplaceLineEndings(" ")).Append('\n');
        }

        script.Append("[CmdletBinding()]\nparam([switch] $Apply)\n$ErrorActionPreference = 'Stop'\n");
        return script.Append(commands).ToString();
    }

    /// <summary>The commands, each object's under a comment line, in the order they must run; and what lcv cannot script.</summary>
    public (string Commands, IReadOnlyList<string> Cannot) Commands(IReadOnlyList<ObjectRestore> objects)
    {
        var cannot = new List<string>();
        var first = new StringBuilder();   // usages added, then routes and policies created or changed
        var last = new StringBuilder();    // policies and routes removed, then usages removed
        foreach (var obj in Ordered(objects))
        {
            var entry = catalog.ForNoun(obj.Noun);
            if (entry?.ScriptNoun is not { } cmdletNoun)
            {
                cannot.Add($"{obj.Noun} {obj.Identity}: lcv cannot script {obj.Noun} yet; restore it with lcv restore --out (the whole store) or by hand");
                continue;
            }

            if (entry.Role == ObjectRole.PstnUsages)
            {
                Usages(obj, first, last);
                continue;
            }

            var scripted = entry.ScriptedLists;
            switch (obj.Current, obj.Target)
            {
                case (null, null):
                    continue;
                case (not null, null):
                    last.Append(CultureInfo.InvariantCulture, $"\n# {obj.Noun} {obj.Identity}: did not exist then; removed.\n");
                    last.Append(CultureInfo.InvariantCulture, $"Remove-Cs{cmdletNoun} -Identity {Quote(obj.Identity)} -Confirm:$false{WhatIf}\n");
                    continue;
                case (null, { } target):
                    var created = Setting(target);
                    first.Append(CultureInfo.InvariantCulture, $"\n# {obj.Noun} {obj.Identity}: removed since; created again as it was.\n");
                    if (obj.Identity.StartsWith("Tag:", StringComparison.OrdinalIgnoreCase))
                    {
                        first.Append(CultureInfo.InvariantCulture, $"# It gets a new TagId: users who had it must be granted it again (Grant-Cs{cmdletNoun}).\n");
                    }

                    first.Append(CultureInfo.InvariantCulture, $"New-Cs{cmdletNoun} -Identity {Quote(obj.Identity)}");
                    Parameters(created.Entries.Where(e => !scripted.ContainsKey(e.Key)), list => Literal(list), obj, first, cannot);
                    first.Append(target.Text(ObjectFactory.PriorityKey) is { } at ? $" -Priority {at}" : "");
                    first.Append(WhatIf).Append('\n');
                    first.Append(Rules(obj.Identity, entry, null, created));
                    continue;
                case ({ } current, { } target):
                    var before = Setting(current);
                    var after = Setting(target);
                    var changed = after.Entries.Where(e => !scripted.ContainsKey(e.Key) && (before[e.Key] is not { } old || CanonicalText.Of(old) != CanonicalText.Of(e.Value))).ToList();
                    var dropped = before.Entries.Where(e => after[e.Key] is null && !NotParameters.Contains(e.Key) && !scripted.ContainsKey(e.Key)).ToList();
                    var (priorityNow, priorityThen) = (current.Text(ObjectFactory.PriorityKey), target.Text(ObjectFactory.PriorityKey));
                    var moved = priorityThen is not null && priorityNow != priorityThen;
                    var rules = Rules(obj.Identity, entry, before, after);
                    if (changed.Count == 0 && dropped.Count == 0 && !moved && rules.Length == 0)
                    {
                        first.Append(CultureInfo.InvariantCulture, $"\n# {obj.Noun} {obj.Identity}: already as it was; nothing to do.\n");
                        continue;
                    }

                    if (changed.Count == 0 && dropped.Count == 0 && !moved)
                    {
                        first.Append(CultureInfo.InvariantCulture, $"\n# {obj.Noun} {obj.Identity}: only its rules differ.\n").Append(rules);
                        continue;
                    }

                    var described = Describe(changed, dropped, before) is { Length: > 0 } text ? text : "";
                    var priorityText = moved ? $"priority {priorityNow ?? "(none)"} → {priorityThen}" : "";
                    first.Append(CultureInfo.InvariantCulture, $"\n# {obj.Noun} {obj.Identity}: {string.Join("; ", new[] { described, priorityText }.Where(t => t.Length > 0))}\n");
                    first.Append(CultureInfo.InvariantCulture, $"Set-Cs{cmdletNoun} -Identity {Quote(obj.Identity)}");
                    Parameters(changed, list => $"@{{Replace={Literal(list)}}}", obj, first, cannot);
                    foreach (var (key, value) in dropped)
                    {
                        first.Append(CultureInfo.InvariantCulture, $" -{key} {(value is YSeq ? "@{Replace=@()}" : "$null")}");
                    }

                    first.Append(moved ? $" -Priority {priorityThen}" : "");
                    first.Append(WhatIf).Append('\n').Append(rules);
                    continue;
            }
        }

        return (first.Append(last).ToString(), cannot);
    }

    /// <summary>PSTN usages first, then routes (by the priority they go back to, so each lands where it was), then everything else, each by Identity.</summary>
    private IEnumerable<ObjectRestore> Ordered(IReadOnlyList<ObjectRestore> objects) =>
        objects.OrderBy(o => catalog.RoleOf(o.Noun) switch { ObjectRole.PstnUsages => 0, ObjectRole.VoiceRoute => 1, _ => 2 })
            .ThenBy(o => o.Noun, StringComparer.Ordinal)
            .ThenBy(o => int.TryParse(o.Target?.Text(ObjectFactory.PriorityKey), CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue)
            .ThenBy(o => o.Identity, StringComparer.Ordinal);

    /// <summary>
    /// The commands that bring an object's rule lists (normalization rules, translation rules) from <paramref name="now"/> to
    /// <paramref name="then"/>: removed rules first, then each rule of the snapshot in order, created or changed, with
    /// -Priority wherever its place differs. The places are tracked as Lync moves them, so the last command leaves the order exact.
    /// </summary>
    private string Rules(string identity, CatalogEntry entry, YMap? now, YMap then)
    {
        var script = new StringBuilder();
        foreach (var (list, ruleNoun) in entry.ScriptedLists)
        {
            var key = entry.KeyedLists.GetValueOrDefault(list, "Name");
            List<YMap> Items(YMap? setting) => (setting?[list] as YSeq)?.Items.OfType<YMap>().ToList() ?? (setting?[list] is YMap one ? [one] : []);
            var current = Items(now);
            var target = Items(then);
            var order = current.Select(r => r.Text(key) ?? "").ToList();
            foreach (var gone in order.Except(target.Select(r => r.Text(key) ?? ""), StringComparer.Ordinal).ToList())
            {
                script.Append(CultureInfo.InvariantCulture, $"# rule {gone}: did not exist then; removed.\n");
                script.Append(CultureInfo.InvariantCulture, $"Remove-Cs{ruleNoun} -Identity {Quote($"{identity}/{gone}")} -Confirm:$false{WhatIf}\n");
                order.Remove(gone);
            }

            for (var position = 0; position < target.Count; position++)
            {
                var rule = target[position];
                var name = rule.Text(key) ?? "";
                var ruleIdentity = Quote($"{identity}/{name}");
                var existing = current.FirstOrDefault(r => r.Text(key) == name);
                if (existing is null)
                {
                    script.Append(CultureInfo.InvariantCulture, $"# rule {name}: removed since; created again at priority {position}.\n");
                    script.Append(CultureInfo.InvariantCulture, $"New-Cs{ruleNoun} -Identity {ruleIdentity}{RuleValues(rule.Entries, key)} -Priority {position}{WhatIf}\n");
                    order.Insert(Math.Min(position, order.Count), name);
                    continue;
                }

                var changed = rule.Entries.Where(e => e.Key != key && (existing[e.Key] is not { } old || CanonicalText.Of(old) != CanonicalText.Of(e.Value))).ToList();
                var cleared = existing.Entries.Where(e => e.Key != key && rule[e.Key] is null).Select(e => $" -{e.Key} $null").ToList();
                var moved = order.IndexOf(name) != position;
                if (changed.Count == 0 && cleared.Count == 0 && !moved)
                {
                    continue;
                }

                script.Append(CultureInfo.InvariantCulture, $"# rule {name}: {(changed.Count > 0 || cleared.Count > 0 ? "changed" : "moved")}{(moved ? $", back to priority {position}" : "")}.\n");
                script.Append(CultureInfo.InvariantCulture, $"Set-Cs{ruleNoun} -Identity {ruleIdentity}{RuleValues(changed, key)}{string.Concat(cleared)}{(moved ? $" -Priority {position}" : "")}{WhatIf}\n");
                if (moved)
                {
                    order.Remove(name);
                    order.Insert(position, name);
                }
            }
        }

        return script.ToString();
    }

    private static string RuleValues(IEnumerable<KeyValuePair<string, YNode>> values, string key) =>
        string.Concat(values.Where(v => v.Key != key && v.Value is YScalar).Select(v => $" -{v.Key} {Value(((YScalar)v.Value).Text)}"));

    /// <summary>Usages the target has are added before anything names them; usages it lacks are removed after nothing does.</summary>
    private void Usages(ObjectRestore obj, StringBuilder first, StringBuilder last)
    {
        List<string> UsagesOf(YMap? content) =>
            content is null ? [] : (Setting(content)["Usage"] as YSeq)?.Items.OfType<YScalar>().Select(s => s.Text).ToList() ?? [];
        var now = UsagesOf(obj.Current);
        var then = UsagesOf(obj.Target);
        var add = then.Except(now, StringComparer.Ordinal).ToList();
        var remove = now.Except(then, StringComparer.Ordinal).ToList();
        if (add.Count == 0 && remove.Count == 0)
        {
            first.Append(CultureInfo.InvariantCulture, $"\n# PstnUsages {obj.Identity}: already as it was; nothing to do.\n");
        }

        if (add.Count > 0)
        {
            first.Append(CultureInfo.InvariantCulture, $"\n# PstnUsages {obj.Identity}: {string.Join(", ", add)} added back, before the routes and policies that name them.\n");
            first.Append(CultureInfo.InvariantCulture, $"Set-CsPstnUsage -Identity {Quote(obj.Identity)} -Usage @{{Add={Literal(add)}}}{WhatIf}\n");
        }

        if (remove.Count > 0)
        {
            last.Append(CultureInfo.InvariantCulture, $"\n# PstnUsages {obj.Identity}: {string.Join(", ", remove)} removed, after the routes and policies stop naming them.\n");
            last.Append(CultureInfo.InvariantCulture, $"Set-CsPstnUsage -Identity {Quote(obj.Identity)} -Usage @{{Remove={Literal(remove)}}}{WhatIf}\n");
        }
    }

    private static void Parameters(IEnumerable<KeyValuePair<string, YNode>> properties, Func<YSeq, string> list, ObjectRestore obj, StringBuilder script, List<string> cannot)
    {
        foreach (var (key, value) in properties.Where(p => !NotParameters.Contains(p.Key)))
        {
            switch (value)
            {
                case YScalar scalar:
                    script.Append(CultureInfo.InvariantCulture, $" -{key} {Value(scalar.Text)}");
                    break;
                case YSeq seq when seq.Items.All(i => i is YScalar):
                    script.Append(CultureInfo.InvariantCulture, $" -{key} {list(seq)}");
                    break;
                default:
                    cannot.Add($"{obj.Noun} {obj.Identity}: {key} holds nested settings lcv cannot script yet; set it by hand to the value in the snapshot");
                    break;
            }
        }
    }

    private static string Describe(List<KeyValuePair<string, YNode>> changed, List<KeyValuePair<string, YNode>> dropped, YMap before)
    {
        var parts = changed.Select(c => $"{c.Key} {Short(before[c.Key])} → {Short(c.Value)}")
            .Concat(dropped.Select(d => $"{d.Key} cleared"));
        return string.Join("; ", parts);
    }

    private static string Short(YNode? node)
    {
        var text = node is null ? "(not set)" : node is YScalar s ? s.Text : CanonicalText.Of(node);
        text = text.ReplaceLineEndings(" ");
        return text.Length > 60 ? text[..57] + "…" : text;
    }

    /// <summary>The setting itself: the one map beside Identity, Noun, Key, Priority and Export.</summary>
    private static YMap Setting(YMap content) =>
        ObjectFactory.Setting(content).Value as YMap ?? new YMap();

    /// <summary>true/false as booleans, whole numbers as numbers, anything else a single-quoted string.</summary>
    private static string Value(string text) => text switch
    {
        "true" => "$true",
        "false" => "$false",
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == text => text,
        _ => Quote(text),
    };

    private static string Literal(IEnumerable<string> items) => "@(" + string.Join(", ", items.Select(Quote)) + ")";

    private static string Literal(YSeq list) => Literal(list.Items.OfType<YScalar>().Select(s => s.Text));

    /// <summary>
    /// A single-quoted PowerShell string: nothing inside is expanded ($, backtick), a quote is doubled; PowerShell
    /// also ends such strings at typographic quotes, so those are doubled too. Line breaks stay as they are.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            builder.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }
}
