namespace LyncConfigVault.Insight;

/// <summary>
/// A CsVoiceTestConfiguration: a dialed number with the dial plan and voice policy to try it with, and
/// what Test-CsVoiceTestConfiguration expects: the normalized ("translated") number, the usage and the route.
/// </summary>
internal sealed record VoiceTestCase(string Identity, string DialedNumber, string DialPlan, string VoicePolicy, string? ExpectedNumber, string? ExpectedUsage, string? ExpectedRoute);

/// <summary>How one test case went: passed, or the differences in words.</summary>
internal sealed record VoiceTestResult(VoiceTestCase Case, RouteResult? Route, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
