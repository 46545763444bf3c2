using System.Globalization;
using System.Text;
using LyncConfigVault.Formats;
using LyncConfigVault.Formats.CliXml;

namespace LyncConfigVault.Simulation.Rgs;

/// <summary>
/// Writes one pool's Export-CsRgsConfiguration archive as FORMATS.md §4.7 describes: RgsImportExport/
/// with eight CliXml files and the audio under RGS/Instances/&lt;owner guid&gt;/. Type names, the
/// UTF-16 encoding and the alphabetical property order are ASSUMPTIONs the generator may make.
/// </summary>
internal sealed class RgsExportWriter(SyntheticRgsPool pool, RgsNoise noise, Random random)
{
    private const string Management = "Microsoft.Rtc.Rgs.Management.";
    private const string Settings = Management + "WritableSettings.";
    private const string Folder = "RgsImportExport/";

    public static byte[] Write(SyntheticRgsPool pool, RgsNoise noise, Random random, DateTimeOffset exportTime) =>
        new RgsExportWriter(pool, noise, random).Archive(exportTime);

    private byte[] Archive(DateTimeOffset exportTime)
    {
        var files = new List<(string Name, byte[] Bytes)>
        {
            ("Workflows.xml", Xml(pool.Workflows.Select(Workflow))),
            ("Queues.xml", Xml(pool.Queues.Select(Queue))),
            ("AgentGroups.xml", Xml(pool.AgentGroups.Select(AgentGroup))),
            ("HoursOfBusiness.xml", Xml(pool.Hours.Select(Hours))),
            ("HolidaySets.xml", Xml(pool.HolidaySets.Select(HolidaySet))),
            ("Configuration.xml", Xml([Configuration()])),
            ("Agents.xml", Xml([])),
            ("Managers.xml", Xml([])),
        };
        files = files.Select(f => (Folder + f.Name, f.Bytes)).ToList();
        files.AddRange(AllAudio().DistinctBy(a => a.UniqueName).Select(a => (AudioPath(a), a.Bytes)));
        if (noise.ShuffleEntries)
        {
            files = files.OrderBy(_ => random.Next()).ToList();
        }

        return ZipWriter.Write(exportTime, files);
    }

    private static string AudioPath(SyntheticAudio audio) =>
        $"{Folder}RGS/Instances/{audio.Owner}/{(audio.Nested ? "Prompts/" : "")}{audio.UniqueName}{Path.GetExtension(audio.OriginalFileName)}";

    private IEnumerable<SyntheticAudio> AllAudio()
    {
        IEnumerable<SyntheticCallAction?> Actions(SyntheticCallAction? action) =>
            action is null ? [] : new[] { action }.Concat((action.Question?.Answers ?? []).SelectMany(a => Actions(a.Action)));
        var actions = pool.Workflows.SelectMany(w => Actions(w.DefaultAction).Concat(Actions(w.NonBusinessHoursAction)).Concat(Actions(w.HolidayAction)))
            .Concat(pool.Queues.SelectMany(q => Actions(q.TimeoutAction).Concat(Actions(q.OverflowAction))));
        return actions.OfType<SyntheticCallAction>().Select(a => a.Audio)
            .Concat(pool.Workflows.Select(w => w.CustomMusicOnHold))
            .Concat(pool.UnusedAudio)
            .OfType<SyntheticAudio>();
    }

    private byte[] Xml(IEnumerable<CliValue> values) =>
        CliXmlWriter.Write(values, noise.Utf8 ? new UTF8Encoding(false) : null);

    private CliObject Workflow(SyntheticWorkflow w) => Obj(Settings + "Workflow", w.Name,
        ("Active", Bool(w.Active)),
        ("Anonymous", Bool(w.Anonymous)),
        ("BusinessHoursID", w.BusinessHours is { } hours ? Identity(hours) : CliValue.Nil),
        ("CustomMusicOnHoldFile", w.CustomMusicOnHold is { } moh ? Audio(moh) : CliValue.Nil),
        ("DefaultAction", Action(w.DefaultAction)),
        ("Description", Str(w.Description)),
        ("DisplayNumber", Str(w.DisplayNumber)),
        ("EnabledForFederation", Bool(w.EnabledForFederation)),
        ("HolidayAction", w.HolidayAction is { } holiday ? Action(holiday) : CliValue.Nil),
        ("HolidaySetIDList", List("System.Collections.ObjectModel.Collection`1[[" + Management + "RgsIdentity]]", w.HolidaySets.Select(g => (CliValue)Identity(g)))),
        ("Identity", Identity(w.Id)),
        ("Language", Str(w.Language)),
        ("LineUri", Str(w.LineUri)),
        ("Managed", Bool(w.Managed)),
        ("ManagersByUri", List("System.Collections.ObjectModel.Collection`1[[System.Uri]]", [])),
        ("Name", Str(w.Name)),
        ("NonBusinessHoursAction", w.NonBusinessHoursAction is { } after ? Action(after) : CliValue.Nil),
        ("OwnerPool", Str(pool.Pool)),
        ("PrimaryUri", new CliPrimitive("URI", w.PrimaryUri)),
        ("TimeZone", Str(w.TimeZone)));

    private CliObject Queue(SyntheticQueue q) => Obj(Settings + "Queue", q.Name,
        ("AgentGroupIDList", List("System.Collections.ObjectModel.Collection`1[[" + Management + "RgsIdentity]]", q.AgentGroups.Select(g => (CliValue)Identity(g)))),
        ("Description", Str(q.Description)),
        ("Identity", Identity(q.Id)),
        ("Name", Str(q.Name)),
        ("OverflowAction", q.OverflowAction is { } overflow ? Action(overflow) : CliValue.Nil),
        ("OverflowCandidate", Str(q.OverflowCandidate)),
        ("OverflowThreshold", q.OverflowThreshold is { } o ? new CliPrimitive("I16", o.ToString(CultureInfo.InvariantCulture)) : CliValue.Nil),
        ("OwnerPool", Str(pool.Pool)),
        ("TimeoutAction", q.TimeoutAction is { } timeout ? Action(timeout) : CliValue.Nil),
        ("TimeoutThreshold", q.TimeoutThreshold is { } t ? new CliPrimitive("I16", t.ToString(CultureInfo.InvariantCulture)) : CliValue.Nil));

    private CliObject AgentGroup(SyntheticAgentGroup g) => Obj(Settings + "AgentGroup", g.Name,
        ("AgentAlertTime", new CliPrimitive("I16", g.AgentAlertTime.ToString(CultureInfo.InvariantCulture))),
        ("AgentsByUri", List("System.Collections.ObjectModel.Collection`1[[System.Uri]]", g.Agents.Select(a => (CliValue)new CliPrimitive("URI", a)))),
        ("Description", Str(g.Description)),
        ("DistributionGroupAddress", Str(g.DistributionGroupAddress)),
        ("Identity", Identity(g.Id, nonNormalized: true)),
        ("Name", Str(g.Name)),
        ("OwnerPool", Str(pool.Pool)),
        ("ParticipationPolicy", Enum(Settings + "ParticipationPolicy", g.ParticipationPolicy, g.ParticipationPolicy == "Formal" ? 0 : 1)),
        ("RoutingMethod", Enum(Settings + "RoutingMethod", g.RoutingMethod, Array.IndexOf(RoutingMethods, g.RoutingMethod))));

    private static readonly string[] RoutingMethods = ["LongestIdle", "Parallel", "Serial", "RoundRobin", "Attendant"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private CliObject Hours(SyntheticHours h)
    {
        var properties = new List<(string, CliValue)> { ("Custom", Bool(true)), ("Identity", Identity(h.Id)), ("Name", Str(h.Name)) };
        foreach (var day in Weekdays)
        {
            properties.Add(($"{day}Hours1", h.Days.TryGetValue(day, out var range) ? TimeRange(range.Open, range.Close) : CliValue.Nil));
            properties.Add(($"{day}Hours2", CliValue.Nil));
        }

        return Obj(Settings + "BusinessHours", h.Name, [.. properties]);
    }

    private CliObject HolidaySet(SyntheticHolidaySet s) => Obj(Settings + "HolidaySet", s.Name,
        ("HolidayList", List("System.Collections.ObjectModel.Collection`1[[" + Settings + "Holiday]]",
            s.Holidays.Select(h => (CliValue)Obj(Settings + "Holiday", h.Name, ("EndDate", Date(h.End)), ("Name", Str(h.Name)), ("StartDate", Date(h.Start)))))),
        ("Identity", Identity(s.Id)),
        ("Name", Str(s.Name)));

    private CliObject Configuration()
    {
        var identity = Obj(Management + "RgsIdentity", $"service:ApplicationServer:{pool.Pool}");
        return Obj(Settings + "ServiceSettings", null,
            ("AgentRingbackGracePeriod", new CliPrimitive("I32", pool.AgentRingbackGracePeriod.ToString(CultureInfo.InvariantCulture))),
            ("DefaultMusicOnHoldFile", CliValue.Nil),
            ("DisableCallContext", Bool(false)),
            ("Identity", identity));
    }

    private CliObject Action(SyntheticCallAction a) => Obj(Settings + "CallAction", a.Action,
        ("Action", Str(a.Action)),
        ("Prompt", a.TextToSpeech is null && a.Audio is null ? CliValue.Nil : Prompt(a.TextToSpeech, a.Audio)),
        ("Question", a.Question is { } question ? Question(question) : CliValue.Nil),
        ("QueueID", a.Queue is { } queue ? Identity(queue) : CliValue.Nil),
        ("Uri", a.Uri is null ? CliValue.Nil : Str(a.Uri)));

    private CliObject Question(SyntheticQuestion q) => Obj(Settings + "Question", q.Name,
        ("AnswerList", List("System.Collections.ObjectModel.Collection`1[[" + Settings + "Answer]]",
            q.Answers.Select(a => (CliValue)Obj(Settings + "Answer", a.Name,
                ("Action", Action(a.Action)),
                ("DtmfResponse", Str(a.Dtmf)),
                ("Name", Str(a.Name)),
                ("VoiceResponseList", List("System.Collections.ObjectModel.Collection`1[[System.String]]", [Str(a.Name)])))))),
        ("InvalidAnswerPrompt", CliValue.Nil),
        ("Name", Str(q.Name)),
        ("NoAnswerPrompt", CliValue.Nil),
        ("Prompt", Prompt(q.Prompt, null)));

    private CliObject Prompt(string? tts, SyntheticAudio? audio) => Obj(Settings + "Prompt", tts,
        ("AudioFilePrompt", audio is null ? CliValue.Nil : Audio(audio)),
        ("TextToSpeechPrompt", tts is null ? CliValue.Nil : Str(tts)));

    private CliObject Audio(SyntheticAudio audio) => Obj(Settings + "AudioFile", audio.OriginalFileName,
        ("OriginalFileName", Str(audio.OriginalFileName)),
        ("UniqueName", Str(audio.UniqueName)));

    private CliObject TimeRange(TimeSpan open, TimeSpan close) => Obj(Settings + "TimeRange", null,
        ("CloseTime", new CliPrimitive("TS", System.Xml.XmlConvert.ToString(close))),
        ("Name", Str("")),
        ("OpenTime", new CliPrimitive("TS", System.Xml.XmlConvert.ToString(open))));

    private CliPrimitive Date(DateTime date) =>
        new("DT", date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + noise.DateSuffix);

    private CliObject Identity(Guid id, bool nonNormalized = false)
    {
        var properties = new List<(string, CliValue)> { ("InstanceId", new CliPrimitive("G", id.ToString())) };
        if (nonNormalized)
        {
            properties.Add(("NonNormalized", Str(id.ToString())));
        }

        return Obj(Management + "RgsIdentity", $"service:ApplicationServer:{pool.Pool}/{id}", [.. properties]);
    }

    private static CliObject Enum(string type, string name, int value)
    {
        var obj = new CliObject { ToStringText = name, Value = new CliPrimitive("I32", value.ToString(CultureInfo.InvariantCulture)) };
        obj.TypeNames.AddRange([type, "System.Enum", "System.ValueType", "System.Object"]);
        return obj;
    }

    private static CliObject List(string type, IEnumerable<CliValue> items)
    {
        var obj = new CliObject { CollectionKind = "LST" };
        obj.TypeNames.AddRange([type, "System.Object"]);
        obj.Items.AddRange(items);
        return obj;
    }

    private CliObject Obj(string type, string? toString, params (string Name, CliValue Value)[] properties)
    {
        var obj = new CliObject { ToStringText = toString };
        obj.TypeNames.AddRange([type, "System.Object"]);
        var ordered = noise.ShuffleProperties ? properties.OrderBy(_ => random.Next()) : properties.AsEnumerable();
        obj.Properties.AddRange(ordered.Select(p => new KeyValuePair<string, CliValue>(p.Name, p.Value)));
        return obj;
    }

    private static CliValue Str(string? text) => text is null ? CliValue.Nil : new CliPrimitive("S", text);

    private static CliPrimitive Bool(bool value) => new("B", value ? "true" : "false");
}
