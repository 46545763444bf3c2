namespace LyncConfigVault.Simulation.Rgs;

/// <summary>
/// One Response Group change an admin makes between two exports (FORMATS.md §4.7 real-change variants),
/// each exactly one change; and the re-export noise of audio under a new UniqueName.
/// </summary>
internal sealed class RgsNightlyChanges(List<SyntheticRgsPool> pools, Random random)
{
    public List<string> Apply(int night)
    {
        var pool = pools[night % 2];
        var role = $"Service:ApplicationServer:{pool.Pool}";
        switch (night % 5)
        {
            case 0:
                var serial = pool.AgentGroups.First(g => g.RoutingMethod == "Serial");
                if (serial.Agents.Count > 1)
                {
                    serial.Agents.RemoveAt(serial.Agents.Count - 1);
                }

                return [$"RgsAgentGroup {role}/{serial.Name}"];
            case 1:
                var timeout = pool.Queues[0].TimeoutAction!;
                timeout.TextToSpeech = $"All our agents are busy (night {night}). Please call again later.";
                return [$"RgsQueue {role}/{pool.Queues[0].Name}"];
            case 2:
                var overflow = pool.Queues[0].OverflowAction!.Audio!;
                overflow.Bytes = RgsFactory.Wav(400 + night, (byte)(10 + night));
                overflow.UniqueName = RgsFactory.NewGuid(random).ToString();
                return [$"RgsQueue {role}/{pool.Queues[0].Name}"];
            case 3:
                var set = pool.HolidaySets[0];
                // Days from 1 March 2027 on: night 3 is 4 March, and a night years later is simply a later day.
                var day = new DateTime(2027, 3, 1).AddDays(night);
                set.Holidays.Add(($"Company day {night}", day, day.AddDays(1)));
                return [$"RgsHolidaySet {role}/{set.Name}"];
            default:
                var sales = pool.Queues[1];
                var other = pool.AgentGroups.First(g => !sales.AgentGroups.Contains(g.Id));
                sales.AgentGroups[0] = other.Id;
                return [$"RgsQueue {role}/{sales.Name}"];
        }
    }

    /// <summary>Re-imported audio gets a new UniqueName; the bytes, and so the configuration, are the same.</summary>
    public void Noise()
    {
        foreach (var workflow in pools.SelectMany(p => p.Workflows).Where(w => w.CustomMusicOnHold is not null))
        {
            workflow.CustomMusicOnHold!.UniqueName = RgsFactory.NewGuid(random).ToString();
        }
    }
}
