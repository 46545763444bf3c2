using LyncConfigVault.Collect;
using LyncConfigVault.Simulation.Lis;
using LyncConfigVault.Simulation.Rgs;
using LyncConfigVault.Simulation.Users;

namespace LyncConfigVault.Simulation;

/// <summary>
/// The Response Group, LIS and user data side of the generated nights: their own random source (so
/// the CMS story of a seed stays the same whichever parts are asked for), their changes and noise.
/// </summary>
internal sealed class OtherExports
{
    private readonly SyntheticParts _parts;
    private readonly Random _random;
    private readonly List<SyntheticRgsPool> _rgs;
    private readonly SyntheticLis? _lis;
    private readonly List<SyntheticUsers> _users;
    private readonly SyntheticPolicyAssignments? _assignments;

    public OtherExports(int seed, SyntheticParts parts, string domain)
    {
        _parts = parts;
        _random = new Random(unchecked((seed * 7919) + 17));
        _rgs = parts.HasFlag(SyntheticParts.ResponseGroups) ? RgsFactory.Create(domain, _random) : [];
        _lis = parts.HasFlag(SyntheticParts.Lis) ? new SyntheticLis(_random).Populate() : null;
        _users = parts.HasFlag(SyntheticParts.Users)
            ? SyntheticSite.All.Select((s, i) => new SyntheticUsers(s.Pool(domain), domain, i < 2 ? 12 : 4, _random).Populate()).ToList()
            : [];
        _assignments = parts.HasFlag(SyntheticParts.Users) ? new SyntheticPolicyAssignments(seed, domain) : null;
    }

    /// <summary>The admin changes of one night, the same nights the CMS changes (never night 1, nor every fourth).</summary>
    public List<string> Change(int night)
    {
        if (night == 1 || night % 4 == 0)
        {
            return [];
        }

        var changes = new List<string>();
        if (_rgs.Count > 0)
        {
            changes.AddRange(new RgsNightlyChanges(_rgs, _random).Apply(night));
        }

        if (_lis is not null)
        {
            changes.AddRange(_lis.Change(night));
        }

        if (_users.Count > 0)
        {
            _users[night % _users.Count].Change(night);   // named by pseudonym in the vault, so not listed here
        }

        _assignments?.Change(night);

        return changes;
    }

    /// <summary>A stand-in for the persistent chat export (ASSUMPTION: its layout is not public): a room list and a day's messages.</summary>
    private static byte[] PersistentChat(int night, DateTimeOffset exportTime)
    {
        return Formats.ZipWriter.Write(exportTime, [
            ("Rooms.xml", System.Text.Encoding.UTF8.GetBytes("<Rooms><Room Name=\"Helpdesk\" /></Rooms>")),
            ("Content.xml", System.Text.Encoding.UTF8.GetBytes($"<Messages><Message Day=\"{night}\">Morning all</Message></Messages>")),
        ]);
    }

    public List<SyntheticExport> Write(int night, DateTimeOffset exportTime)
    {
        var exports = new List<SyntheticExport>();
        if (_rgs.Count > 0)
        {
            if (night > 1)
            {
                new RgsNightlyChanges(_rgs, _random).Noise();
            }

            var noise = night == 1 ? RgsNoise.None : RgsNoise.Random(_random);
            exports.AddRange(_rgs.Select(p => new SyntheticExport("Export-CsRgsConfiguration", p.Pool, $"RgsConfig-{p.Pool}.zip", RgsExportWriter.Write(p, noise, _random, exportTime))));
        }

        if (_lis is not null)
        {
            exports.Add(new SyntheticExport("Export-CsLisConfiguration", null, "E911Config.zip", _lis.Archive(exportTime, shuffle: night > 1)));
        }

        exports.AddRange(_users.Select(u => new SyntheticExport("Export-CsUserData", u.Pool, $"UserData-{u.Pool}.zip", u.Archive(exportTime, shuffle: night > 1))));
        if (_users.Count > 0)
        {
            exports.Add(new SyntheticExport("Export-CsPersistentChatData", null, "PersistentChatData.zip", PersistentChat(night, exportTime)));
        }

        if (_assignments is not null)
        {
            exports.Add(new SyntheticExport("Get-CsUser", null, UserPolicyFile.FileName, _assignments.Write()));
        }

        return exports;
    }
}
