using LyncConfigVault.Insight;

namespace LyncConfigVault.Runs;

/// <summary>
/// The new snapshot's broken references and voice test results, as a run reports them after committing:
/// said, never blocking (the snapshot is history either way).
/// </summary>
internal sealed record RunCheck(IReadOnlyList<Finding> Findings, IReadOnlyList<VoiceTestResult> VoiceTests)
{
    public IReadOnlyList<VoiceTestResult> FailedTests => VoiceTests.Where(r => !r.Passed).ToList();
}
