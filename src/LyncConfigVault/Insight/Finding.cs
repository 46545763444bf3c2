namespace LyncConfigVault.Insight;

/// <summary>
/// One problem lcv check finds (lcv.check/1): its kind (missing-reference, unused-usage, invalid-pattern,
/// never-matches, missing-scope), the object, the property and what it points at.
/// </summary>
internal sealed record Finding(string Kind, string Noun, string Identity, string Property, string Target)
{
    public string Describe() => Kind switch
    {
        "missing-reference" when Noun == "UserPolicyAssignments" =>
            $"{Property[(Property.IndexOf('(') + 1)..].TrimEnd(')')} homed on {Identity} are granted {Target}, which does not exist",
        "missing-reference" => $"{Noun} {Identity}: {Property} names {Target}, which does not exist",
        "unused-usage" => $"PSTN usage {Target} is carried by no voice route: calls given only this usage cannot be placed",
        "invalid-pattern" => $"{Noun} {Identity}: {Property} is not a valid regular expression ({Target})",
        "never-matches" => $"{Noun} {Identity}: {Property} can never match a number ({Target})",
        "missing-scope" => $"{Noun} {Identity} is scoped to {Target}, which the topology does not have",
        _ => $"{Noun} {Identity}: {Property} → {Target}",
    };
}
