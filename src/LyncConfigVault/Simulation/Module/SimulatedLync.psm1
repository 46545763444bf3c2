# The simulated Lync/SkypeForBusiness module: stands in for the real one on machines without Lync, for
# lcv backup --simulate, lcv demo and the tests. The cmdlets keep the real ones' names and parameter
# names; their data is a folder that lcv prepares (Initialize-SimulatedLync): the deployment's export
# archive, its services, and the faults to act out.
#
# It runs on the Microsoft.PowerShell.Core cmdlets and .NET calls alone, so that it loads both in a
# hosted System.Management.Automation runspace (which has nothing else) and in pwsh or Windows
# PowerShell: no Write-Verbose, Join-Path, ConvertFrom-Json or Compress-Archive here.

$script:State = $null

function Initialize-SimulatedLync {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    if (-not [System.IO.Directory]::Exists($Path)) {
        throw [System.IO.DirectoryNotFoundException]::new("The simulated deployment folder $Path does not exist.")
    }
    $script:State = $Path
}

function Get-SimulatedState {
    if ($null -eq $script:State) {
        throw [System.InvalidOperationException]::new('Initialize-SimulatedLync has not been called: the simulated module has no deployment.')
    }
    $script:State
}

# faults.tsv: one line per fault, "<cmdlet>`t<target or *>`t<fault>", fault one of access-denied,
# unreachable, hang, no-file, truncated.
function Get-SimulatedFault([string] $Cmdlet, [string] $Target) {
    $file = [System.IO.Path]::Combine((Get-SimulatedState), 'faults.tsv')
    if (-not [System.IO.File]::Exists($file)) { return $null }
    foreach ($line in [System.IO.File]::ReadAllLines($file)) {
        $parts = $line -split "`t"
        if ($parts.Count -eq 3 -and $parts[0] -eq $Cmdlet -and ($parts[1] -eq '*' -or $parts[1] -eq $Target)) {
            return $parts[2]
        }
    }
    $null
}

# Acts out a fault the way a real server shows it; returns $true when the cmdlet must write nothing more.
function Invoke-SimulatedFault($Cmdlet, [string] $Name, [string] $Target) {
    switch (Get-SimulatedFault $Name $Target) {
        'access-denied' {
            throw [System.UnauthorizedAccessException]::new("Access denied. The account $([System.Environment]::UserName) is not a member of RTCUniversalServerAdmins, which $Name requires.")
        }
        'unreachable' {
            throw [System.TimeoutException]::new("The pool $Target does not answer: no connection could be made to its Central Management Store replica.")
        }
        'hang' {
            # Short sleeps, not one long one: a pipeline stop is honoured between statements only.
            while ($true) { [System.Threading.Thread]::Sleep(50) }
        }
        'no-file' {
            $record = [System.Management.Automation.ErrorRecord]::new(
                [System.IO.IOException]::new("$Name could not read the store on $Target; no file was written."),
                'ExportFailed', [System.Management.Automation.ErrorCategory]::ReadError, $Target)
            $Cmdlet.WriteError($record)
            return $true
        }
    }
    $false
}

# With no FileName the archive is returned as one byte array (-AsBytes, as a remote session needs).
function Copy-SimulatedExport($Cmdlet, [string] $Name, [string] $Target, [string] $Source, [string] $FileName) {
    if (Invoke-SimulatedFault $Cmdlet $Name $Target) { return }
    $from = [System.IO.Path]::Combine((Get-SimulatedState), $Source)
    if (-not [System.IO.File]::Exists($from)) {
        throw [System.InvalidOperationException]::new("$Name found nothing to export on $Target.")
    }
    $Cmdlet.WriteVerbose("$Name writing $(if ($FileName) { $FileName } else { 'the archive as bytes' })")
    $progress = [System.Management.Automation.ProgressRecord]::new(1, $Name, "Exporting from $Target")
    $progress.PercentComplete = 50
    $Cmdlet.WriteProgress($progress)
    $bytes = [System.IO.File]::ReadAllBytes($from)
    if ((Get-SimulatedFault $Name $Target) -eq 'truncated') {
        $bytes = [byte[]]$bytes[0..([int]($bytes.Length / 2))]
    }
    if ($FileName) { [System.IO.File]::WriteAllBytes($FileName, $bytes) }
    else { $Cmdlet.WriteObject($bytes, $false) }
}

function Read-SimulatedServices {
    $file = [System.IO.Path]::Combine((Get-SimulatedState), 'services.tsv')
    foreach ($line in [System.IO.File]::ReadAllLines($file)) {
        $parts = $line -split "`t"
        [pscustomobject]@{ Identity = $parts[0]; Role = $parts[1]; PoolFqdn = $parts[2]; SiteId = $parts[3] }
    }
}

function Get-CsService {
    [CmdletBinding()]
    param(
        [string] $Identity,
        [switch] $Registrar,
        [switch] $ApplicationServer,
        [switch] $CentralManagement,
        [string] $PoolFqdn)
    foreach ($service in Read-SimulatedServices) {
        if ($Identity -and $service.Identity -ne $Identity) { continue }
        if ($PoolFqdn -and $service.PoolFqdn -ne $PoolFqdn) { continue }
        if ($Registrar -and $service.Role -ne 'Registrar') { continue }
        if ($ApplicationServer -and $service.Role -ne 'ApplicationServer') { continue }
        if ($CentralManagement -and $service.Role -ne 'CentralManagement') { continue }
        $service
    }
}

function Get-CsPool {
    [CmdletBinding()]
    param([string] $Identity)
    $services = @(Read-SimulatedServices)
    $pools = [System.Collections.Generic.List[string]]::new()
    foreach ($service in $services) { if (-not $pools.Contains($service.PoolFqdn)) { $pools.Add($service.PoolFqdn) } }
    foreach ($fqdn in $pools) {
        if ($Identity -and $fqdn -ne $Identity) { continue }
        $on = @($services | Where-Object { $_.PoolFqdn -eq $fqdn })
        [pscustomobject]@{ Identity = $fqdn; Fqdn = $fqdn; Services = @($on | ForEach-Object { $_.Identity }); Site = $on[0].SiteId }
    }
}

function Export-CsConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'FileName')]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'FileName', Position = 0)][string] $FileName,
        [Parameter(Mandatory = $true, ParameterSetName = 'AsBytes')][switch] $AsBytes,
        [switch] $LocalStore,
        [switch] $Force)
    Copy-SimulatedExport $PSCmdlet 'Export-CsConfiguration' '*' 'CsConfiguration.zip' $FileName
}

function Get-CsTopology {
    [CmdletBinding()]
    param([switch] $AsXml, [switch] $LocalStore)
    if (Invoke-SimulatedFault $PSCmdlet 'Get-CsTopology' '*') { return }
    if (-not $AsXml) {
        throw [System.NotSupportedException]::new('The simulated module answers Get-CsTopology -AsXml only.')
    }
    $text = [System.IO.File]::ReadAllText([System.IO.Path]::Combine((Get-SimulatedState), 'topology.xml'))
    $PSCmdlet.WriteObject([System.Xml.Linq.XElement]::Parse($text))
}

function Get-CsSite {
    [CmdletBinding()]
    param([string] $Identity)
    $file = [System.IO.Path]::Combine((Get-SimulatedState), 'sites.tsv')
    foreach ($line in [System.IO.File]::ReadAllLines($file)) {
        $parts = $line -split "`t"
        if ($Identity -and "Site:$($parts[1])" -ne $Identity -and $parts[1] -ne $Identity) { continue }
        [pscustomobject]@{ Identity = "Site:$($parts[1])"; SiteId = $parts[0]; DisplayName = $parts[1] }
    }
}

# -Source ApplicationServer:<fqdn> (or service:ApplicationServer:<fqdn>), as the real cmdlet takes it.
function Export-CsRgsConfiguration {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string] $Source,
        [Parameter(Mandatory = $true)][string] $FileName,
        [string] $Owner,
        [switch] $RemoveExportedConfiguration,
        [switch] $Force)
    if ($RemoveExportedConfiguration) {
        throw [System.InvalidOperationException]::new('The simulated module refuses -RemoveExportedConfiguration: it deletes the Response Groups it exports.')
    }
    $pool = $Source -replace '^(service:)?ApplicationServer:', ''
    if (-not [System.IO.File]::Exists([System.IO.Path]::Combine((Get-SimulatedState), "RgsConfig-$pool.zip"))) {
        throw [System.ArgumentException]::new("No Response Group service was found at $Source.")
    }
    Copy-SimulatedExport $PSCmdlet 'Export-CsRgsConfiguration' $pool "RgsConfig-$pool.zip" $FileName
}

function Export-CsLisConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'FileName')]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'FileName')][string] $FileName,
        [Parameter(Mandatory = $true, ParameterSetName = 'AsBytes')][switch] $AsBytes)
    Copy-SimulatedExport $PSCmdlet 'Export-CsLisConfiguration' '*' 'E911Config.zip' $FileName
}

function Export-CsUserData {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string] $PoolFqdn,
        [Parameter(Mandatory = $true)][string] $FileName,
        [string] $UserFilter,
        [switch] $LegacyFormat)
    if (-not [System.IO.File]::Exists([System.IO.Path]::Combine((Get-SimulatedState), "UserData-$PoolFqdn.zip"))) {
        throw [System.ArgumentException]::new("$PoolFqdn is not a Registrar pool with users homed on it.")
    }
    Copy-SimulatedExport $PSCmdlet 'Export-CsUserData' $PoolFqdn "UserData-$PoolFqdn.zip" $FileName
}

function Export-CsPersistentChatData {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string] $FileName,
        [string] $DBInstance,
        [string] $Level = 'All')
    Copy-SimulatedExport $PSCmdlet 'Export-CsPersistentChatData' '*' 'PersistentChatData.zip' $FileName
}

Export-ModuleMember -Function Initialize-SimulatedLync, Get-CsService, Get-CsPool, Get-CsSite, Get-CsTopology, Export-CsConfiguration, Export-CsRgsConfiguration, Export-CsLisConfiguration, Export-CsUserData, Export-CsPersistentChatData
