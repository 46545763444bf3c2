namespace LyncConfigVault.Simulation.Rgs;

/// <summary>
/// The Response Groups of the fictitious deployment: every ApplicationServer pool exports, Dublin and
/// London have groups (FORMATS.md §4.7 content: a Serial and a Parallel agent group, a queue with both,
/// a plain workflow with generated hours and a holiday set, a two-level IVR with a PSTN transfer).
/// </summary>
internal static class RgsFactory
{
    public static List<SyntheticRgsPool> Create(string domain, Random random)
    {
        var pools = SyntheticSite.All.Where(s => !s.IsBranch).Select(s => new SyntheticRgsPool { Pool = s.Pool(domain) }).ToList();
        Populate(pools[0], "Dublin", "+35315550100", domain, random);
        Populate(pools[1], "London", "+442079460100", domain, random);
        return pools;
    }

    public static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);   // version 4, as Lync creates them
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A short valid WAV file: a RIFF header and <paramref name="samples"/> samples of silence with one tone marker.</summary>
    public static byte[] Wav(int samples, byte marker)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(8000);
        writer.Write(8000);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write("data"u8);
        writer.Write(samples);
        for (var i = 0; i < samples; i++)
        {
            writer.Write(i == 0 ? marker : (byte)128);
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static void Populate(SyntheticRgsPool pool, string city, string number, string domain, Random random)
    {
        var code = city[..3].ToLowerInvariant();
        var serial = new SyntheticAgentGroup { Id = NewGuid(random), Name = $"{city} Helpdesk Tier 1", RoutingMethod = "Serial", ParticipationPolicy = "Formal", Description = "First line: rings in this order" };
        serial.Agents.AddRange([$"sip:ann.lee.{code}@{domain}", $"sip:raj.patel.{code}@{domain}", $"sip:mei.chen.{code}@{domain}"]);
        var parallel = new SyntheticAgentGroup { Id = NewGuid(random), Name = $"{city} Helpdesk Tier 2", RoutingMethod = "Parallel", DistributionGroupAddress = $"helpdesk-t2-{code}@{domain}", AgentAlertTime = 30 };
        parallel.Agents.AddRange([$"sip:omar.haddad.{code}@{domain}", $"sip:lena.vogel.{code}@{domain}"]);
        pool.AgentGroups.AddRange([serial, parallel]);

        var queue = new SyntheticQueue
        {
            Id = NewGuid(random),
            Name = $"{city} Helpdesk Queue",
            Description = "Tier 1 calls\r\nMon-Fri only",   // a line break inside a CliXml string (_x000D__x000A_)
            OverflowThreshold = 10,
            TimeoutThreshold = 300,
        };
        queue.AgentGroups.AddRange([serial.Id, parallel.Id]);
        queue.OverflowAction = new SyntheticCallAction
        {
            Action = "TransferToVoicemailUri",
            Uri = $"sip:helpdesk-vm-{code}@{domain}",
            Audio = new SyntheticAudio { OriginalFileName = "helpdesk-full.wav", UniqueName = NewGuid(random).ToString(), Bytes = Wav(400, 1), Owner = queue.Id },
        };
        queue.TimeoutAction = new SyntheticCallAction { Action = "Terminate", TextToSpeech = "All our agents are busy. Please call again later." };
        var sales = new SyntheticQueue { Id = NewGuid(random), Name = $"{city} Sales Queue", Description = "Literal _x0041_ stays as typed", TimeoutThreshold = 120 };
        sales.AgentGroups.Add(parallel.Id);
        sales.TimeoutAction = new SyntheticCallAction { Action = "TransferToPstn", Uri = $"sip:+442079460199@{domain};user=phone" };
        pool.Queues.AddRange([queue, sales]);

        var helpdesk = new SyntheticWorkflow
        {
            Id = NewGuid(random),
            Name = $"{city} IT Helpdesk",
            PrimaryUri = $"sip:helpdesk-{code}@{domain}",
            LineUri = $"tel:{number}",
            DisplayNumber = number,
            Description = "Internal IT support line",
            DefaultAction = new SyntheticCallAction { Action = "TransferToQueue", Queue = queue.Id, TextToSpeech = "Welcome to the IT helpdesk." },
            NonBusinessHoursAction = new SyntheticCallAction { Action = "TransferToVoicemailUri", Uri = $"sip:helpdesk-vm-{code}@{domain}", TextToSpeech = "We are closed." },
            HolidayAction = new SyntheticCallAction { Action = "Terminate", TextToSpeech = "We are closed for the holiday." },
        };
        helpdesk.CustomMusicOnHold = new SyntheticAudio { OriginalFileName = "hold-music.wav", UniqueName = NewGuid(random).ToString(), Bytes = Wav(800, 2), Owner = helpdesk.Id, Nested = true };
        var hours = new SyntheticHours { Id = NewGuid(random), Name = $"{helpdesk.Name}_{NewGuid(random)}" };   // named by the web tool
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            hours.Days[day] = (TimeSpan.FromHours(8.5), TimeSpan.FromHours(17.5));
        }

        var holidays = new SyntheticHolidaySet { Id = NewGuid(random), Name = $"{city} Public Holidays" };
        holidays.Holidays.AddRange([
            ("Christmas Day", new DateTime(2026, 12, 25), new DateTime(2026, 12, 26)),
            ("St Stephen's Day", new DateTime(2026, 12, 26), new DateTime(2026, 12, 27)),
            ("New Year's Day", new DateTime(2027, 1, 1), new DateTime(2027, 1, 2)),
        ]);
        helpdesk.BusinessHours = hours.Id;
        helpdesk.HolidaySets.Add(holidays.Id);
        pool.Hours.Add(hours);
        pool.HolidaySets.Add(holidays);

        var billing = new SyntheticQuestion { Name = "Billing", Prompt = "For invoices press 1, for payments press 2." };
        billing.Answers.Add(("Invoices", "1", new SyntheticCallAction { Action = "TransferToQueue", Queue = sales.Id }));
        billing.Answers.Add(("Payments", "2", new SyntheticCallAction { Action = "TransferToPstn", Uri = $"sip:+442079460199@{domain};user=phone" }));
        var menu = new SyntheticQuestion { Name = "Main menu", Prompt = "For sales press 1, for billing press 2." };
        menu.Answers.Add(("Sales", "1", new SyntheticCallAction { Action = "TransferToQueue", Queue = sales.Id }));
        menu.Answers.Add(("Billing", "2", new SyntheticCallAction { Action = "TransferToQuestion", Question = billing }));
        var reception = new SyntheticWorkflow
        {
            Id = NewGuid(random),
            Name = $"{city} Reception",
            PrimaryUri = $"sip:reception-{code}@{domain}",
            LineUri = $"tel:{number[..^1]}1",
            Description = "Main number with a menu",
            DefaultAction = new SyntheticCallAction
            {
                Action = "TransferToQuestion",
                Question = menu,
            },
        };
        reception.DefaultAction.Audio = new SyntheticAudio { OriginalFileName = "welcome.wav", UniqueName = NewGuid(random).ToString(), Bytes = Wav(600, 3), Owner = reception.Id };
        pool.Workflows.AddRange([helpdesk, reception]);
        pool.UnusedAudio.Add(new SyntheticAudio { OriginalFileName = "old-welcome.wav", UniqueName = NewGuid(random).ToString(), Bytes = Wav(300, 4), Owner = reception.Id });
    }
}
