namespace LyncConfigVault.Simulation.Rgs;

/// <summary>A workflow: the number callers dial and what happens in and out of hours.</summary>
internal sealed class SyntheticWorkflow
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public required string PrimaryUri { get; set; }

    public string? LineUri { get; set; }

    public string? DisplayNumber { get; set; }

    public string Description { get; set; } = "";

    public bool Active { get; set; } = true;

    public bool Anonymous { get; set; }

    public bool EnabledForFederation { get; set; }

    public bool Managed { get; set; }

    public string Language { get; set; } = "en-GB";

    public string TimeZone { get; set; } = "GMT Standard Time";

    public Guid? BusinessHours { get; set; }

    public List<Guid> HolidaySets { get; } = [];

    public required SyntheticCallAction DefaultAction { get; set; }

    public SyntheticCallAction? NonBusinessHoursAction { get; set; }

    public SyntheticCallAction? HolidayAction { get; set; }

    public SyntheticAudio? CustomMusicOnHold { get; set; }
}
