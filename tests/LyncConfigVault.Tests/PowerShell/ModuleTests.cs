using System.Text.Json;

namespace LyncConfigVault.Tests.PowerShell;

public sealed class ModuleTests(ModuleSession session) : IClassFixture<ModuleSession>
{
    private JsonElement LcvJson(params string[] args)
    {
        var result = session.Fixture.Lcv([.. args, "--format", "json"]);
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public void Get_LcvChange_gives_one_typed_object_per_changed_property_as_lcv_diff_says()
    {
        var diff = LcvJson("diff", "HEAD~3", "HEAD");
        var expected = diff.GetProperty("changes").EnumerateArray().SelectMany(c =>
            c.TryGetProperty("properties", out var properties) && properties.GetArrayLength() > 0
                ? properties.EnumerateArray().Select(p => $"{c.GetProperty("noun").GetString()} {c.GetProperty("identity").GetString()} | {p.GetProperty("path").GetString()} | {p.GetProperty("change").GetString()}")
                : [$"{c.GetProperty("noun").GetString()} {c.GetProperty("identity").GetString()} |  | {c.GetProperty("change").GetString()}"]).ToList();

        var changes = session.Json("Get-LcvChange -Vault $Vault -From HEAD~3 -To HEAD | ForEach-Object { [pscustomobject]@{ Type = $_.PSObject.TypeNames[0]; Row = \"$($_.Noun) $($_.Identity) | $($_.Path) | $($_.Change)\"; Area = $_.Area } }");

        Assert.Equal(expected, changes.EnumerateArray().Select(c => c.GetProperty("Row").GetString()));
        Assert.All(changes.EnumerateArray(), c => Assert.Equal("LyncConfigVault.Change", c.GetProperty("Type").GetString()));
    }

    [Fact]
    public void Values_keep_their_types_dates_as_datetime_and_booleans_as_bool()
    {
        var types = session.Json("""
            $snapshot = Get-LcvSnapshot -Vault $Vault -Last 1
            $flag = Get-LcvChange -Vault $Vault -From HEAD~5 -Noun VoicePolicy | Where-Object { $_.Old -is [bool] } | Select-Object -First 1
            $test = Get-LcvVoiceTestResult -Vault $Vault | Select-Object -First 1
            [pscustomobject]@{ Date = $snapshot.Date -is [datetime]; Kind = [string]$snapshot.Date.Kind; Bool = $null -ne $flag; Passed = $test.Passed -is [bool]; Run = (Get-LcvRun -Vault $Vault -Last 1).Started -is [datetime] }
            """)[0];

        Assert.True(types.GetProperty("Date").GetBoolean());
        Assert.Equal("Utc", types.GetProperty("Kind").GetString());
        Assert.True(types.GetProperty("Bool").GetBoolean(), "a boolean setting changed at least once in the week");
        Assert.True(types.GetProperty("Passed").GetBoolean());
        Assert.True(types.GetProperty("Run").GetBoolean());
    }

    [Fact]
    public void Snapshots_runs_findings_and_routes_match_lcvs_own_json()
    {
        var snapshots = LcvJson("snapshots").GetProperty("snapshots");
        var findings = LcvJson("check").GetProperty("findings");
        var route = LcvJson("route", "00442079460000", "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Dublin-Intl").GetProperty("results")[0];

        var module = session.Json("""
            [pscustomobject]@{
                Snapshots = @(Get-LcvSnapshot -Vault $Vault | ForEach-Object Revision)
                Findings = @(Get-LcvFinding -Vault $Vault | ForEach-Object { "$($_.Kind) $($_.Noun) $($_.Identity) $($_.Target)" })
                Route = '00442079460000' | Test-LcvRoute -Vault $Vault -DialPlan Site:Dublin -VoicePolicy Tag:VP-Dublin-Intl | Select-Object Route, Translated, Outcome
            }
            """)[0];

        var exported = GitDaemon.Git(session.Fixture.Vault, "log", "--format=%H", "--grep=^Lcv-Export: ").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(exported, snapshots.EnumerateArray().Select(s => s.GetProperty("revision").GetString()));   // the commits that carry an export, newest first
        Assert.Equal(exported, module.GetProperty("Snapshots").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(findings.EnumerateArray().Select(f => $"{f.GetProperty("kind").GetString()} {f.GetProperty("noun").GetString()} {f.GetProperty("identity").GetString()} {f.GetProperty("target").GetString()}"),
            module.GetProperty("Findings").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal((route.GetProperty("route").GetString(), route.GetProperty("translated").GetString(), route.GetProperty("outcome").GetString()),
            (module.GetProperty("Route").GetProperty("Route").GetString(), module.GetProperty("Route").GetProperty("Translated").GetString(), module.GetProperty("Route").GetProperty("Outcome").GetString()));
    }

    [Fact]
    public void Changes_pipe_into_the_history_of_each_object_once()
    {
        var log = LcvJson("log", "Pool", "dubpool01.fabrikam.com").GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("revision").GetString()} {h.GetProperty("change").GetString()}").ToList();

        var piped = session.Json("""
            $changes = @(Get-LcvChange -Vault $Vault -From HEAD~5 -Noun Pool | Where-Object Identity -eq dubpool01.fabrikam.com)
            [pscustomobject]@{ Changes = $changes.Count; History = @($changes | Get-LcvObjectHistory -Vault $Vault | ForEach-Object { "$($_.PSObject.TypeNames[0]) $($_.Revision) $($_.Change)" }) }
            """)[0];

        Assert.True(piped.GetProperty("Changes").GetInt32() > 1, "the pool changed in more than one property, so it is piped in more than once");
        Assert.Equal(log.Select(h => "LyncConfigVault.HistoryEntry " + h), piped.GetProperty("History").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public void Every_function_has_help_with_examples()
    {
        var help = session.Json("Get-Command -Module LyncConfigVault | ForEach-Object { $h = Get-Help $_.Name; [pscustomobject]@{ Name = $_.Name; Synopsis = [string]$h.Synopsis; Examples = @($h.examples.example).Count } }");

        Assert.Equal(13, help.GetArrayLength());
        Assert.All(help.EnumerateArray(), h =>
        {
            Assert.False(h.GetProperty("Synopsis").GetString()!.StartsWith(h.GetProperty("Name").GetString()!, StringComparison.Ordinal), $"{h.GetProperty("Name")} has no synopsis");
            Assert.True(h.GetProperty("Examples").GetInt32() >= 1, $"{h.GetProperty("Name")} has no example");
        });
    }

    [Fact]
    public void Restore_asks_before_writing_and_whatif_writes_nothing()
    {
        var script = Path.Combine(Path.GetTempPath(), $"lcv-restore-{Guid.NewGuid():N}.ps1");
        try
        {
            var whatIf = session.Run($"Restore-LcvObject -Vault $Vault -Noun VoicePolicy -Identity Tag:VP-Executives -Revision HEAD~3 -Path '{script}' -WhatIf");
            var written = File.Exists(script);
            var real = session.Run($"Restore-LcvObject -Vault $Vault -Noun VoicePolicy -Identity Tag:VP-Executives -Revision HEAD~3 -Path '{script}' | ForEach-Object Name");

            Assert.Equal(0, whatIf.ExitCode);
            Assert.Contains($"What if: Performing the operation \"Write a restore script taking 1 object(s) back to HEAD~3\" on target \"{script}\"", whatIf.Output);
            Assert.False(written);
            Assert.Equal(0, real.ExitCode);
            Assert.Equal(Path.GetFileName(script), real.Output.Trim());
            Assert.Contains("Set-CsVoicePolicy", File.ReadAllText(script));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void An_lcv_error_is_a_terminating_error_with_lcvs_words_and_differences_are_output()
    {
        var lcv = session.Fixture.Lcv("diff", "nope");

        var error = session.Json("try { Get-LcvChange -Vault $Vault -From nope; 'no error' } catch { [pscustomobject]@{ Message = $_.Exception.Message; Category = [string]$_.CategoryInfo.Category; Id = $_.FullyQualifiedErrorId } }")[0];
        var drift = session.Json("Test-LcvDrift -Vault $Vault -Against HEAD~1")[0];

        Assert.Equal(lcv.Error.Trim()["lcv: ".Length..], error.GetProperty("Message").GetString());
        Assert.Equal("InvalidArgument", error.GetProperty("Category").GetString());
        Assert.StartsWith("LyncConfigVault.Exit2", error.GetProperty("Id").GetString());
        Assert.True(drift.GetBoolean());
    }

    [Fact]
    public void The_module_is_lcvs_version_and_shows_changes_as_a_table()
    {
        var version = typeof(LyncConfigVault.Cli.LcvProgram).Assembly.GetName().Version!.ToString(3);

        var (code, table, error) = session.Run("(Get-Module LyncConfigVault).Version.ToString(); Get-LcvChange -Vault $Vault -From HEAD~3 | Where-Object Area -eq voice | Format-Table | Out-String -Width 200");

        Assert.True(code == 0, error);
        Assert.StartsWith(version + "\n", table.ReplaceLineEndings("\n"));
        Assert.Matches(@"Area\s+Noun\s+Identity\s+Change\s+Path\s+Old\s+New", table);
        Assert.Contains("VoicePolicy", table);
    }
}
