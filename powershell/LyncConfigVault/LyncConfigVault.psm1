# LyncConfigVault: lcv's history as objects. Every function calls the lcv program beside this module (the
# publish folder holds both) or on the PATH, reads its documented JSON (lcv.diff/1, lcv.log/1, lcv.runs/1 …)
# and returns typed objects. lcv's exit codes become PowerShell's: 0 output, 1 (differences, findings) output
# too, anything else a terminating error carrying lcv's one-line message.
# Windows PowerShell 5.1 and PowerShell 7 alike: no ?? or ?:, arguments quoted by hand (5.1 has no ArgumentList).

Set-StrictMode -Version 3.0

function Find-LcvProgram {
    $folder = Split-Path -Parent $PSScriptRoot
    foreach ($name in @('lcv.exe', 'lcv')) {
        $candidate = Join-Path $folder $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return @{ Program = $candidate; Prefix = @() } }
    }
    $dll = Join-Path $folder 'lcv.dll'
    if (Test-Path -LiteralPath $dll -PathType Leaf) { return @{ Program = 'dotnet'; Prefix = @($dll) } }
    $onPath = Get-Command -Name lcv -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { return @{ Program = $onPath.Source; Prefix = @() } }
    throw "lcv was found neither beside the module ($folder) nor on the PATH: install it (dotnet tool install --global LyncConfigVault) or import the module from lcv's folder."
}

# The rules Windows and .NET split a command line by: quotes around anything with a space or a quote, a
# quote escaped, the backslashes before it (and before the closing quote) doubled.
function ConvertTo-LcvArgument([string] $Value) {
    if ($Value.Length -gt 0 -and $Value -notmatch '[\s"]') { return $Value }
    $escaped = $Value -replace '(\\*)"', '$1$1\"'
    $escaped = $escaped -replace '(\\+)$', '$1$1'
    '"' + $escaped + '"'
}

function Invoke-Lcv {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string[]] $Arguments, [switch] $DifferencesAreOutput)
    $lcv = Find-LcvProgram
    $start = New-Object System.Diagnostics.ProcessStartInfo
    $start.FileName = $lcv.Program
    $start.Arguments = (@($lcv.Prefix) + @($Arguments) | ForEach-Object { ConvertTo-LcvArgument $_ }) -join ' '
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.StandardOutputEncoding = [System.Text.Encoding]::UTF8
    $start.StandardErrorEncoding = [System.Text.Encoding]::UTF8
    # The shell's location, not the process's: lcv's default vault is the folder the admin stands in.
    $start.WorkingDirectory = (Get-Location -PSProvider FileSystem).ProviderPath
    $process = [System.Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $code = $process.ExitCode
    if ($code -eq 0 -or ($code -eq 1 -and $DifferencesAreOutput)) { return $output }
    $message = @(($errors.Result -split "`r?`n") | Where-Object { $_ -match '\S' })
    $text = if ($message.Count -gt 0) { $message[0] -replace '^lcv: ', '' } else { "lcv exited with $code" }
    $category = switch ($code) {
        1 { [System.Management.Automation.ErrorCategory]::InvalidResult }
        2 { [System.Management.Automation.ErrorCategory]::InvalidArgument }
        3 { [System.Management.Automation.ErrorCategory]::ResourceUnavailable }
        default { [System.Management.Automation.ErrorCategory]::NotSpecified }
    }
    $exception = New-Object System.InvalidOperationException $text
    $Cmdlet.ThrowTerminatingError((New-Object System.Management.Automation.ErrorRecord $exception, "LyncConfigVault.Exit$code", $category, $null))
}

function Get-LcvVaultArgument([string] $Vault) {
    if ($Vault) { return @('--vault', $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Vault)) }
    @()
}

# lcv's dates are ISO 8601 with an offset; PowerShell 7 may have made them [datetime] already. UTC either way.
function ConvertTo-LcvDate($Value) {
    if ($null -eq $Value -or '' -eq $Value) { return $null }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime() }
    [System.DateTimeOffset]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture).UtcDateTime
}

function Get-LcvProperty($Object, [string] $Name) {
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    $property.Value
}

function ConvertFrom-LcvJson([string] $Json) {
    # -Depth is PowerShell 6+: Windows PowerShell reads lcv's documents whole without it.
    $Json | ConvertFrom-Json
}

<#
.SYNOPSIS
The snapshots of a vault, newest first.
.DESCRIPTION
Each snapshot lcv stored (settings commits left out): its revision, when Lync was exported, and the summary
of what it changed. From lcv snapshots --format json (lcv.snapshots/1).
.PARAMETER Vault
The vault folder; the current location when not given.
.PARAMETER Last
How many snapshots, newest first.
.EXAMPLE
Get-LcvSnapshot -Vault D:\LyncVault -Last 5
.EXAMPLE
Get-LcvSnapshot | Where-Object Date -gt (Get-Date).AddDays(-7)
#>
function Get-LcvSnapshot {
    [CmdletBinding()]
    param([string] $Vault, [int] $Last = 0)
    $arguments = @('snapshots') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')
    if ($Last -gt 0) { $arguments += @('--last', [string]$Last) }
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments)
    foreach ($snapshot in $document.snapshots) {
        [pscustomobject]@{
            PSTypeName    = 'LyncConfigVault.Snapshot'
            Revision      = $snapshot.revision
            ShortRevision = $snapshot.revision.Substring(0, 7)
            Date          = ConvertTo-LcvDate $snapshot.date
            Summary       = $snapshot.summary
            Stale         = @($snapshot.stale)
        }
    }
}

function ConvertTo-LcvChange($Change, $From, $To) {
    $impact = @(Get-LcvProperty $Change 'impact' | Where-Object { $null -ne $_ } | ForEach-Object { $_.text })
    $properties = @(Get-LcvProperty $Change 'properties' | Where-Object { $null -ne $_ })
    $base = [ordered]@{
        Area         = $Change.area
        Noun         = $Change.noun
        Identity     = $Change.identity
        ObjectChange = $Change.change
        OldIdentity  = Get-LcvProperty $Change 'oldIdentity'
        FromRevision = $From.revision
        ToRevision   = $To.revision
        Impact       = $impact
    }
    if ($properties.Count -eq 0) {
        $row = [ordered]@{ PSTypeName = 'LyncConfigVault.Change' }
        foreach ($key in $base.Keys) { $row[$key] = $base[$key] }
        $row.Change = $Change.change; $row.Path = $null; $row.Old = $null; $row.New = $null; $row.FromPosition = $null; $row.ToPosition = $null
        return [pscustomobject]$row
    }
    foreach ($property in $properties) {
        $row = [ordered]@{ PSTypeName = 'LyncConfigVault.Change' }
        foreach ($key in $base.Keys) { $row[$key] = $base[$key] }
        $row.Change = $property.change
        $row.Path = $property.path
        $row.Old = Get-LcvProperty $property 'old'
        $row.New = Get-LcvProperty $property 'new'
        if ($property.change -eq 'moved') { $row.Old = Get-LcvProperty $property 'value'; $row.New = Get-LcvProperty $property 'value' }
        $row.FromPosition = Get-LcvProperty $property 'from'
        $row.ToPosition = Get-LcvProperty $property 'to'
        [pscustomobject]$row
    }
}

<#
.SYNOPSIS
What changed between two snapshots, one object per changed property.
.DESCRIPTION
Compares two snapshots of a vault (or two export files) object by object, as lcv diff does, and returns each
changed property as an object: Area, Noun, Identity, Change (changed, added, removed, moved), Path, Old, New.
An object added or removed without properties is one object with no Path. With no revisions, the latest
snapshot against the one before. From lcv diff --format json (lcv.diff/1).
.PARAMETER From
The older side: a commit, HEAD~N, a baseline (approved), a date, or an export file.
.PARAMETER To
The newer side; the latest snapshot when not given.
.PARAMETER Area
Only these areas: voice, trunk, policy, conferencing, network, topology, rgs, lis, users, other.
.PARAMETER Noun
Only these object types: VoicePolicy, DialPlan, VoiceRoute …
.PARAMETER Identity
Only Identities matching these patterns: "Tag:*Intl*", Global, "Site:Dublin".
.PARAMETER Impact
Also what each change does (references, voice test cases, routing, users), in the Impact property.
.EXAMPLE
Get-LcvChange -Vault D:\LyncVault -From HEAD~3 | Where-Object Area -eq voice | Format-Table
.EXAMPLE
Get-LcvChange -From baseline/approved -Noun VoicePolicy | Export-Csv changes.csv -NoTypeInformation
#>
function Get-LcvChange {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)][string] $From,
        [Parameter(Position = 1)][string] $To,
        [string] $Vault,
        [string[]] $Area,
        [string[]] $Noun,
        [string[]] $Identity,
        [switch] $Impact)
    $arguments = @('diff') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')
    if ($From) { $arguments += $From }
    if ($To) { $arguments += $To }
    foreach ($value in @($Area)) { if ($value) { $arguments += @('--area', $value) } }
    foreach ($value in @($Noun)) { if ($value) { $arguments += @('--noun', $value) } }
    foreach ($value in @($Identity)) { if ($value) { $arguments += @('--identity', $value) } }
    if ($Impact) { $arguments += '--impact' }
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments -DifferencesAreOutput)
    foreach ($change in @($document.changes)) { ConvertTo-LcvChange $change $document.from $document.to }
}

<#
.SYNOPSIS
Every change to one object, newest first.
.DESCRIPTION
The snapshots that changed one object (renames followed back), each with what changed. Takes Noun and
Identity from the pipeline, so Get-LcvChange | Get-LcvObjectHistory gives each changed object's story.
From lcv log --format json (lcv.log/1).
.PARAMETER Noun
The object type: VoicePolicy, DialPlan, VoiceRoute …
.PARAMETER Identity
The object's Identity: Tag:Intl, Site:Dublin, Global, a route's name.
.EXAMPLE
Get-LcvObjectHistory -Noun VoicePolicy -Identity Tag:VP-Executives -Vault D:\LyncVault
.EXAMPLE
Get-LcvChange -Area voice | Select-Object Noun, Identity -Unique | Get-LcvObjectHistory
#>
function Get-LcvObjectHistory {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Noun,
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Identity,
        [string] $Vault)
    # Get-LcvChange gives one object per changed property: an object piped in several times has one history.
    begin { $seen = New-Object 'System.Collections.Generic.HashSet[string]' }
    process {
        if (-not $seen.Add("$Noun`n$Identity")) { return }
        $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet (@('log') + (Get-LcvVaultArgument $Vault) + @('--format', 'json', $Noun, $Identity)))
        foreach ($entry in @($document.history)) {
            [pscustomobject]@{
                PSTypeName  = 'LyncConfigVault.HistoryEntry'
                Noun        = $entry.noun
                Identity    = $entry.identity
                Revision    = $entry.revision
                Date        = ConvertTo-LcvDate $entry.date
                Change      = $entry.change
                OldIdentity = Get-LcvProperty $entry 'oldIdentity'
                Properties  = @(ConvertTo-LcvChange $entry @{ revision = $null } @{ revision = $entry.revision } | Where-Object { $null -ne $_.Path })
            }
        }
    }
}

<#
.SYNOPSIS
One object as a snapshot holds it.
.DESCRIPTION
The object's stored settings at a revision (the latest snapshot when not given), as lcv show --format json
gives them: a tree of properties.
.PARAMETER Noun
The object type: VoicePolicy, DialPlan, VoiceRoute …
.PARAMETER Identity
The object's Identity.
.PARAMETER Revision
A commit, HEAD~N, a baseline or a date.
.EXAMPLE
Get-LcvObject -Noun DialPlan -Identity Site:Dublin -Revision HEAD~3
#>
function Get-LcvObject {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Noun,
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Identity,
        [string] $Revision = 'HEAD',
        [string] $Vault)
    process {
        $content = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet (@('show') + (Get-LcvVaultArgument $Vault) + @('--format', 'json', $Revision, $Noun, $Identity)))
        $content.PSObject.TypeNames.Insert(0, 'LyncConfigVault.Object')
        $content
    }
}

<#
.SYNOPSIS
The last runs of a vault, newest first, failed and partial ones too.
.DESCRIPTION
Each run lcv recorded (backup, ingest, backfill, settings commands): when, the result (committed, unchanged,
partial, failed, settings), its summary and each failed export in the cmdlet's words. From lcv runs --format json (lcv.runs/1).
.PARAMETER Last
How many runs.
.EXAMPLE
Get-LcvRun -Vault D:\LyncVault -Last 30 | Where-Object Result -ne committed
#>
function Get-LcvRun {
    [CmdletBinding()]
    param([string] $Vault, [int] $Last = 20)
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet (@('runs') + (Get-LcvVaultArgument $Vault) + @('--format', 'json', '--last', [string]$Last)))
    foreach ($run in @($document.runs)) {
        [pscustomobject]@{
            PSTypeName   = 'LyncConfigVault.Run'
            Started      = ConvertTo-LcvDate $run.started
            Command      = $run.command
            Result       = $run.result
            ExportedAt   = ConvertTo-LcvDate (Get-LcvProperty $run 'exportedAt')
            Commit       = Get-LcvProperty $run 'commit'
            Summary      = $run.summary
            Duration     = [timespan]::FromMilliseconds([double]$run.durationMs)
            Failures     = @(Get-LcvProperty $run 'failures')
            NotCollected = @(Get-LcvProperty $run 'notCollected')
            Stale        = @($run.stale)
        }
    }
}

<#
.SYNOPSIS
The vault's state: snapshots, objects, the last run, the parts no run collects any more.
.EXAMPLE
Get-LcvStatus -Vault D:\LyncVault | Select-Object Snapshots, LatestSnapshot, LastVerified
#>
function Get-LcvStatus {
    [CmdletBinding()]
    param([string] $Vault)
    $status = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet (@('status') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')))
    [pscustomobject]@{
        PSTypeName     = 'LyncConfigVault.Status'
        Vault          = $status.vault
        Deployment     = $status.deployment
        Snapshots      = [int]$status.snapshots
        LatestCommit   = $status.latestCommit
        LatestSnapshot = ConvertTo-LcvDate $status.latestSnapshot
        LatestSummary  = $status.latestSummary
        Objects        = [int]$status.objects
        LastVerified   = ConvertTo-LcvDate $status.lastVerified
        Parts          = @(Get-LcvProperty $status 'parts')
    }
}

<#
.SYNOPSIS
Whether the configuration drifted from a baseline (or from export files): $true when it did.
.DESCRIPTION
Compares the latest snapshot with a reviewed baseline (-Against approved), or export files (-Path) with the
latest snapshot, as lcv drift does. Returns [bool]; Get-LcvChange -From baseline/approved lists what differs.
.PARAMETER Against
The reference: a baseline (approved), a commit or a date.
.PARAMETER Path
Export files to compare with the latest snapshot instead.
.EXAMPLE
if (Test-LcvDrift -Vault D:\LyncVault -Against approved) { Get-LcvChange -From baseline/approved }
#>
function Test-LcvDrift {
    [CmdletBinding()]
    [OutputType([bool])]
    param([string] $Against, [string[]] $Path, [string] $Vault)
    $arguments = @('drift') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')
    if ($Against) { $arguments += @('--against', $Against) }
    foreach ($file in @($Path)) { if ($file) { $arguments += $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($file) } }
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments -DifferencesAreOutput)
    @($document.changes).Count -gt 0
}

<#
.SYNOPSIS
Broken references in a snapshot: what lcv check finds.
.DESCRIPTION
Usages no route carries, routes naming missing gateways, settings scoped to sites that do not exist, patterns
that can never match, users granted a policy that is gone. From lcv check --format json (lcv.check/1).
.PARAMETER Revision
The snapshot to check; the latest when not given.
.EXAMPLE
Get-LcvFinding -Vault D:\LyncVault | Group-Object Kind
#>
function Get-LcvFinding {
    [CmdletBinding()]
    param([string] $Revision, [string] $Vault)
    $arguments = @('check') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')
    if ($Revision) { $arguments += @('--at', $Revision) }
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments -DifferencesAreOutput)
    foreach ($finding in @($document.findings)) {
        [pscustomobject]@{
            PSTypeName = 'LyncConfigVault.Finding'
            Kind       = $finding.kind
            Noun       = $finding.noun
            Identity   = $finding.identity
            Property   = $finding.property
            Target     = $finding.target
            Revision   = $document.revision
        }
    }
}

<#
.SYNOPSIS
How Lync would route numbers, offline, from a snapshot.
.DESCRIPTION
Each number goes through the dial plan's normalization rules, the voice policy's PSTN usages and routes, and
the trunk's translation rules, as lcv route explains it. Numbers come from the pipeline (strings, or objects
with a Number, Dialed or DialedNumber property and, per number, DialPlan and VoicePolicy).
From lcv route --format json (lcv.route/1).
.PARAMETER Number
The dialed number.
.PARAMETER DialPlan
The caller's dial plan: Global, Site:Dublin, Tag:…
.PARAMETER VoicePolicy
The caller's voice policy: Global, Site:Dublin, Tag:VP-Dublin-Intl …
.PARAMETER Revision
The snapshot; the latest when not given.
.EXAMPLE
'00442079460000', '112' | Test-LcvRoute -DialPlan Site:Dublin -VoicePolicy Tag:VP-Dublin-Intl
.EXAMPLE
Import-Csv numbers.csv | Test-LcvRoute | Where-Object Outcome -ne routed
#>
function Test-LcvRoute {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)][Alias('Dialed', 'DialedNumber')][string] $Number,
        [Parameter(ValueFromPipelineByPropertyName = $true)][Alias('TargetDialPlan')][string] $DialPlan = 'Global',
        [Parameter(ValueFromPipelineByPropertyName = $true)][Alias('TargetVoicePolicy')][string] $VoicePolicy = 'Global',
        [string] $Revision,
        [string] $Vault)
    begin { $calls = New-Object System.Collections.Generic.List[string] }
    process { $calls.Add("$Number`t$DialPlan`t$VoicePolicy") }
    end {
        # One lcv call for the whole pipeline: the snapshot is read once, whatever the count of numbers.
        $file = [System.IO.Path]::GetTempFileName()
        try {
            [System.IO.File]::WriteAllLines($file, $calls.ToArray(), (New-Object System.Text.UTF8Encoding $false))
            $arguments = @('route') + (Get-LcvVaultArgument $Vault) + @('--format', 'json', '--numbers', $file)
            if ($Revision) { $arguments += @('--at', $Revision) }
            $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments)
        }
        finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
        foreach ($result in @($document.results)) {
            [pscustomobject]@{
                PSTypeName  = 'LyncConfigVault.RouteResult'
                Dialed      = $result.dialed
                DialPlan    = $result.dialPlan
                Rule        = Get-LcvProperty $result 'rule'
                Normalized  = Get-LcvProperty $result 'normalized'
                VoicePolicy = $result.voicePolicy
                Usage       = Get-LcvProperty $result 'usage'
                Route       = Get-LcvProperty $result 'route'
                Gateways    = @(Get-LcvProperty $result 'gateways')
                Translated  = Get-LcvProperty $result 'translated'
                Outcome     = $result.outcome
                Steps       = @($result.steps)
                Revision    = $result.revision
            }
        }
    }
}

<#
.SYNOPSIS
The deployment's voice test cases, run offline as Test-CsVoiceTestConfiguration would.
.EXAMPLE
Get-LcvVoiceTestResult -Vault D:\LyncVault | Where-Object Passed -eq $false
#>
function Get-LcvVoiceTestResult {
    [CmdletBinding()]
    param([string] $Revision, [string] $Vault)
    $arguments = @('test') + (Get-LcvVaultArgument $Vault) + @('--format', 'json')
    if ($Revision) { $arguments += @('--at', $Revision) }
    $document = ConvertFrom-LcvJson (Invoke-Lcv $PSCmdlet $arguments -DifferencesAreOutput)
    foreach ($result in @($document.results)) {
        [pscustomobject]@{
            PSTypeName = 'LyncConfigVault.VoiceTestResult'
            Identity   = $result.identity
            Dialed     = $result.dialed
            Passed     = [bool]$result.passed
            Translated = Get-LcvProperty $result 'translated'
            Usage      = Get-LcvProperty $result 'usage'
            Route      = Get-LcvProperty $result 'route'
            Failures   = @(Get-LcvProperty $result 'failures')
        }
    }
}

<#
.SYNOPSIS
Runs a backup now: collects the exports and stores them as one snapshot.
.DESCRIPTION
Runs lcv backup and returns the run it recorded. A run that could not store anything, or where an export
failed, is a terminating error with lcv's words; Get-LcvRun -Last 1 then shows what it did.
.PARAMETER Only
The exports: cms, topology, rgs, lis, users, userpolicies, persistentchat.
.PARAMETER Simulate
Collect from the simulated Lync module (no Lync server needed).
.EXAMPLE
Invoke-LcvBackup -Vault D:\LyncVault
.EXAMPLE
Invoke-LcvBackup -Vault D:\LyncVault -Remote https://pool01.contoso.com/OcsPowershell -Share \\fs01\lcv$
#>
function Invoke-LcvBackup {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string] $Vault, [string[]] $Only, [string] $Remote, [string] $Share, [string] $PowerShellHost, [switch] $Simulate)
    $arguments = @('backup') + (Get-LcvVaultArgument $Vault)
    if ($Only) { $arguments += @('--only', ($Only -join ',')) }
    if ($Remote) { $arguments += @('--remote', $Remote) }
    if ($Share) { $arguments += @('--share', $Share) }
    if ($PowerShellHost) { $arguments += @('--host', $PowerShellHost) }
    if ($Simulate) { $arguments += '--simulate' }
    if ($PSCmdlet.ShouldProcess($(if ($Vault) { $Vault } else { (Get-Location).Path }), 'Collect the Lync exports and store a snapshot')) {
        $null = Invoke-Lcv $PSCmdlet $arguments
        Get-LcvRun -Vault $Vault -Last 1
    }
}

<#
.SYNOPSIS
Writes a script that puts chosen objects back as a snapshot held them.
.DESCRIPTION
Writes (never runs) the scoped restore script of lcv restore --object: Set-Cs/New-Cs/Remove-Cs commands taking
each object from now back to the revision. Takes Noun and Identity from the pipeline (Get-LcvChange output).
-WhatIf says what would be written; the script itself runs with -WhatIf until started with -Apply.
.PARAMETER Revision
The snapshot to go back to.
.PARAMETER Path
The script to write; it must not exist.
.EXAMPLE
Restore-LcvObject -Noun VoicePolicy -Identity Tag:VP-Dublin-Intl -Revision HEAD~1 -Path C:\temp\fix.ps1
.EXAMPLE
Get-LcvChange -Noun VoiceRoute | Restore-LcvObject -Revision baseline/approved -Path fix.ps1 -WhatIf
#>
function Restore-LcvObject {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Noun,
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string] $Identity,
        [Parameter(Mandatory = $true)][string] $Revision,
        [Parameter(Mandatory = $true)][string] $Path,
        [string] $Vault)
    begin { $objects = New-Object System.Collections.Generic.List[string] }
    process { if (-not $objects.Contains("$Noun $Identity")) { $objects.Add("$Noun $Identity") } }
    end {
        $script = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
        if ($PSCmdlet.ShouldProcess($script, "Write a restore script taking $($objects.Count) object(s) back to $Revision")) {
            $arguments = @('restore') + (Get-LcvVaultArgument $Vault) + @($Revision)
            foreach ($object in $objects) { $arguments += @('--object', $object) }
            $arguments += @('--script', $script)
            $null = Invoke-Lcv $PSCmdlet $arguments
            Get-Item -LiteralPath $script
        }
    }
}

<#
.SYNOPSIS
Names a reviewed snapshot as a baseline (baseline/NAME) that drift compares against.
.EXAMPLE
Set-LcvBaseline -Name approved -Revision HEAD -Message 'CAB-1042' -Vault D:\LyncVault
#>
function Set-LcvBaseline {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Mandatory = $true)][string] $Name, [string] $Revision, [string] $Message, [string] $Vault)
    $target = if ($Revision) { $Revision } else { 'the latest snapshot' }
    if ($PSCmdlet.ShouldProcess("baseline/$Name", "Set to $target")) {
        $arguments = @('baseline', 'set') + (Get-LcvVaultArgument $Vault) + @($Name)
        if ($Revision) { $arguments += $Revision }
        if ($Message) { $arguments += @('--message', $Message) }
        $null = Invoke-Lcv $PSCmdlet $arguments
        [pscustomobject]@{ PSTypeName = 'LyncConfigVault.Baseline'; Name = $Name; Revision = $target }
    }
}

Export-ModuleMember -Function Get-LcvSnapshot, Get-LcvChange, Get-LcvObjectHistory, Get-LcvObject, Get-LcvRun, Get-LcvStatus,
    Test-LcvDrift, Get-LcvFinding, Test-LcvRoute, Get-LcvVoiceTestResult, Invoke-LcvBackup, Restore-LcvObject, Set-LcvBaseline
