using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;
using LyncConfigVault.Simulation.Rgs;
using LyncConfigVault.Tests.Diff;
using static LyncConfigVault.Tests.Rgs.RgsTestData;

namespace LyncConfigVault.Tests.Rgs;

public sealed class RgsNormalizerTests
{
    [Fact]
    public void Each_response_group_object_gets_a_file_named_by_its_name_under_its_pool()
    {
        var snapshot = Snapshot(Archive(Dublin()));

        Assert.Equal(
            [
                "agent-groups/Dublin Helpdesk Tier 1.yaml", "agent-groups/Dublin Helpdesk Tier 2.yaml", "agents.yaml", "audio.yaml",
                "holiday-sets/Dublin Public Holidays.yaml", "hours-of-business/Dublin IT Helpdesk.yaml", "managers.yaml",
                "queues/Dublin Helpdesk Queue.yaml", "queues/Dublin Sales Queue.yaml", "service-settings.yaml",
                "workflows/Dublin IT Helpdesk.yaml", "workflows/Dublin Reception.yaml",
            ],
            snapshot.Objects.Keys.Select(k => k[(Folder.Length + 1)..]).Order(StringComparer.Ordinal));
        Assert.Equal(["rgs/dubpool01.fabrikam.com"], snapshot.Parts);
        Assert.Equal(Pool, Assert.Single(snapshot.Exports).Pool);
        Assert.Equal("Service:ApplicationServer:dubpool01.fabrikam.com/Dublin Helpdesk Queue", snapshot.Objects[$"{Folder}/queues/Dublin Helpdesk Queue.yaml"].Identity.ToString());
    }

    [Fact]
    public void References_read_as_the_names_of_their_targets_not_guids()
    {
        var snapshot = Snapshot(Archive(Dublin()));

        var queue = Setting(snapshot, "queues/Dublin Helpdesk Queue.yaml");
        Assert.Equal(["Dublin Helpdesk Tier 1", "Dublin Helpdesk Tier 2"], ((YSeq)queue["AgentGroupIDList"]!).Items.Select(i => ((YScalar)i).Text));
        var workflow = Setting(snapshot, "workflows/Dublin IT Helpdesk.yaml");
        Assert.Equal("Dublin IT Helpdesk", workflow.Text("BusinessHoursID"));
        Assert.Equal("Dublin Public Holidays", ((YScalar)((YSeq)workflow["HolidaySetIDList"]!).Items[0]).Text);
        Assert.Equal("Dublin Helpdesk Queue", ((YMap)workflow["DefaultAction"]!).Text("QueueID"));
    }

    [Fact]
    public void A_generated_hours_name_loses_its_guid_suffix_and_times_read_as_a_clock()
    {
        var pool = Dublin();
        var snapshot = Snapshot(Archive(pool));

        var hours = Setting(snapshot, "hours-of-business/Dublin IT Helpdesk.yaml");
        Assert.Equal("Dublin IT Helpdesk", hours.Text("Name"));
        Assert.Equal(pool.Hours[0].Name, ((YMap)snapshot.Objects[$"{Folder}/hours-of-business/Dublin IT Helpdesk.yaml"].Content["Export"]!).Text("FullName"));
        var monday = (YMap)hours["MondayHours1"]!;
        Assert.Equal(("08:30", "17:30"), (monday.Text("OpenTime"), monday.Text("CloseTime")));
        Assert.Null(hours["SaturdayHours1"]);
    }

    [Fact]
    public void Escaped_text_is_decoded_and_a_literal_escape_sequence_survives()
    {
        var snapshot = Snapshot(Archive(Dublin()));

        Assert.Equal("Tier 1 calls\r\nMon-Fri only", Setting(snapshot, "queues/Dublin Helpdesk Queue.yaml").Text("Description"));
        Assert.Equal("Literal _x0041_ stays as typed", Setting(snapshot, "queues/Dublin Sales Queue.yaml").Text("Description"));
    }

    [Fact]
    public void An_ivr_keeps_both_levels_of_questions_and_the_pstn_transfer()
    {
        var snapshot = Snapshot(Archive(Dublin()));

        var menu = (YMap)((YMap)Setting(snapshot, "workflows/Dublin Reception.yaml")["DefaultAction"]!)["Question"]!;
        var billing = ((YSeq)menu["AnswerList"]!).Items.Cast<YMap>().Single(a => a.Text("Name") == "Billing");
        var payments = ((YSeq)((YMap)((YMap)billing["Action"]!)["Question"]!)["AnswerList"]!).Items.Cast<YMap>().Single(a => a.Text("DtmfResponse") == "2");
        Assert.Equal("sip:+442079460199@fabrikam.com;user=phone", ((YMap)payments["Action"]!).Text("Uri"));
    }

    [Fact]
    public void Audio_is_recorded_by_hash_and_size_its_bytes_kept_once_and_unused_audio_listed()
    {
        var pool = Dublin();
        var snapshot = Snapshot(Archive(pool));

        var overflow = (YMap)((YMap)((YMap)Setting(snapshot, "queues/Dublin Helpdesk Queue.yaml")["OverflowAction"]!)["Prompt"]!)["AudioFilePrompt"]!;
        var bytes = pool.Queues[0].OverflowAction!.Audio!.Bytes;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), overflow.Text("Sha256"));
        Assert.Equal(bytes, snapshot.Blobs[$".lcv/blobs/{overflow.Text("Sha256")}"]);
        var moh = (YMap)Setting(snapshot, "workflows/Dublin IT Helpdesk.yaml")["CustomMusicOnHoldFile"]!;
        Assert.Null(moh["Missing"]);   // found one folder deeper than RGS/Instances/<guid>/
        var unused = (YMap)((YSeq)((YMap)snapshot.Objects[$"{Folder}/audio.yaml"].Content["Audio"]!)["Unreferenced"]!).Items.Single();
        Assert.EndsWith(".wav", unused.Text("FileName"));
        Assert.Equal(4, snapshot.Blobs.Count);   // three prompts or music on hold, one unused
    }

    [Fact]
    public void The_same_pool_normalizes_to_the_same_bytes_every_time()
    {
        var first = Snapshot(Archive(Dublin()));
        var second = Snapshot(Archive(Dublin()));

        Assert.Equal(first.Objects.Keys, second.Objects.Keys);
        Assert.All(first.Objects, o => Assert.Equal(YamlText.Write(o.Value.Content), YamlText.Write(second.Objects[o.Key].Content)));
    }

    public static TheoryData<string> NoiseKinds => ["properties", "utf8", "entries", "date-kind", "unique-name"];

    [Theory]
    [MemberData(nameof(NoiseKinds))]
    public void Re_export_noise_is_no_change(string kind)
    {
        var pool = Dublin();
        var before = Snapshot(Archive(pool));
        var noise = kind switch
        {
            "properties" => new RgsNoise(ShuffleProperties: true),
            "utf8" => new RgsNoise(Utf8: true),
            "entries" => new RgsNoise(ShuffleEntries: true),
            "date-kind" => new RgsNoise(DateSuffix: "Z"),
            _ => RgsNoise.None,
        };
        if (kind == "unique-name")
        {
            new RgsNightlyChanges([pool], new Random(1)).Noise();
        }

        var report = DiffTestData.Compare(before, Snapshot(Archive(pool, noise)));

        Assert.True(report.IsEmpty, string.Join(", ", report.Changes.Select(c => c.DisplayName)));
    }

    [Theory]
    [InlineData(5, "RgsAgentGroup", "AgentsByUri")]
    [InlineData(6, "RgsQueue", "TimeoutAction.Prompt.TextToSpeechPrompt")]
    [InlineData(7, "RgsQueue", "OverflowAction.Prompt.AudioFilePrompt")]
    [InlineData(8, "RgsHolidaySet", "HolidayList[Name=Company day 8]")]
    [InlineData(9, "RgsQueue", "AgentGroupIDList")]
    public void Each_admin_change_is_exactly_one_change_of_one_object(int night, string noun, string property)
    {
        var pools = RgsFactory.Create("fabrikam.com", new Random(3));
        pools.RemoveRange(2, pools.Count - 2);
        var pool = pools[night % 2];
        var before = Snapshot(Archive(pool));

        var named = new RgsNightlyChanges(pools, new Random(1)).Apply(night);
        var report = DiffTestData.Compare(before, Snapshot(Archive(pool)));

        var change = Assert.Single(report.Changes);
        Assert.Equal(Assert.Single(named), change.DisplayName);
        Assert.Equal(noun, change.Noun);
        Assert.Contains(change.Properties, p => p.Path.StartsWith(property, StringComparison.Ordinal));
    }

    [Fact]
    public void A_queue_pointed_at_another_agent_group_names_both_groups()
    {
        var pool = Dublin();
        var before = Snapshot(Archive(pool));
        pool.Queues[1].AgentGroups[0] = pool.AgentGroups[0].Id;

        var change = Assert.Single(DiffTestData.Compare(before, Snapshot(Archive(pool))).Changes);

        var text = string.Join(" ", change.Properties.Select(p => $"{p.Path} {p.Kind} {(p.Old is null ? "" : CanonicalText.Of(p.Old))} {(p.New is null ? "" : CanonicalText.Of(p.New))}"));
        Assert.Contains("Dublin Helpdesk Tier 1", text);
        Assert.Contains("Dublin Helpdesk Tier 2", text);
        Assert.DoesNotContain(pool.AgentGroups[0].Id.ToString(), text);
    }

    [Fact]
    public void Agents_reordered_in_a_serial_group_is_a_change_and_in_a_parallel_group_is_not()
    {
        var pool = Dublin();
        var before = Snapshot(Archive(pool));
        pool.AgentGroups[0].Agents.Reverse();   // Serial
        pool.AgentGroups[1].Agents.Reverse();   // Parallel

        var change = Assert.Single(DiffTestData.Compare(before, Snapshot(Archive(pool))).Changes);

        Assert.Equal("RgsAgentGroup Service:ApplicationServer:dubpool01.fabrikam.com/Dublin Helpdesk Tier 1", change.DisplayName);
        Assert.All(change.Properties, p => Assert.Equal(PropertyChangeKind.Moved, p.Kind));
    }

    [Fact]
    public void An_object_recreated_with_a_new_guid_and_the_same_settings_is_no_change()
    {
        var pool = Dublin();
        var before = Snapshot(Archive(pool));
        var old = pool.AgentGroups[1];
        var recreated = new SyntheticAgentGroup { Id = RgsFactory.NewGuid(new Random(42)), Name = old.Name, RoutingMethod = old.RoutingMethod, DistributionGroupAddress = old.DistributionGroupAddress, AgentAlertTime = old.AgentAlertTime };
        recreated.Agents.AddRange(old.Agents);
        pool.AgentGroups[1] = recreated;
        foreach (var queue in pool.Queues)
        {
            queue.AgentGroups.Replace(old.Id, recreated.Id);
        }

        Assert.True(DiffTestData.Compare(before, Snapshot(Archive(pool))).IsEmpty);
    }

    [Fact]
    public void The_yaml_rebuilds_an_archive_that_normalizes_to_the_same_files()
    {
        var original = Snapshot(Archive(Dublin(), new RgsNoise(ShuffleProperties: true, DateSuffix: "+01:00")));

        var rebuilt = new RgsRebuilder(LyncCatalog.Default, sha => original.Blobs.GetValueOrDefault($".lcv/blobs/{sha}")).Archive(original.Objects.Values.Select(o => o.Content), ExportTime);
        var again = Snapshot(rebuilt);

        Assert.Equal(original.Objects.Keys.Order(StringComparer.Ordinal), again.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(original.Objects, o => Assert.Equal(YamlText.Write(o.Value.Content), YamlText.Write(again.Objects[o.Key].Content)));
        Assert.Equal(original.Blobs.Keys.Order(), again.Blobs.Keys.Order());
    }

    [Fact]
    public void A_file_lcv_does_not_know_is_kept_whole()
    {
        var archive = Archive(Dublin());
        var extended = AddEntries(archive,
            ("RgsImportExport/Extra.xml", "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj RefId=\"0\"><Props><S N=\"Setting\">kept</S><I32 N=\"Level\">3</I32></Props></Obj></Objs>"),
            ("RgsImportExport/Notes.xml", "<Notes><Note Text=\"also kept\" /></Notes>"));

        var snapshot = Snapshot(extended);

        Assert.Contains("Setting: kept", YamlText.Write(snapshot.Objects[$"{Folder}/other/Extra.xml.yaml"].Content));
        Assert.Contains("also kept", YamlText.Write(snapshot.Objects[$"{Folder}/other/Notes.xml.yaml"].Content));
    }

    private static byte[] AddEntries(byte[] archive, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        buffer.Write(archive);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}

internal static class ListExtensions
{
    public static void Replace<T>(this List<T> list, T old, T replacement)
    {
        var index = list.IndexOf(old);
        if (index >= 0)
        {
            list[index] = replacement;
        }
    }
}
