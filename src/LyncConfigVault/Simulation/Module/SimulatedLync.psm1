# The simulated Lync/SkypeForBusiness module: stands in for the real one on machines without Lync, for
# lcv backup --simulate, lcv demo and the tests. The cmdlets keep the real ones' names and parameter
# names; their data is a folder that lcv prepares (Initialize-SimulatedLync): the deployment's export
# archive, its services, and the faults to act out.
#
# It runs on the Microsoft.PowerShell.Core cmdlets, Add-Member and .NET calls, so that it loads in lcv's
# in-process runspace, in pwsh and in Windows PowerShell 3.0 and later alike.
#
# lcv writes it as Modules/<SkypeForBusiness|Lync>/, with version.txt beside it: the product it plays. In a
# remote session (remote.flag in the deployment folder) -FileName paths are the Front End's, out of lcv's reach.

$script:State = $null

# What Get-CsServerVersion answers, written beside this file by lcv: the product decides which cmdlets exist
# (Lync Server 2010 has no Export-CsRgsConfiguration, Export-CsUserData or Export-CsPersistentChatData).
$script:ServerVersion = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($PSScriptRoot, 'version.txt')).Trim()

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

# In a remote session -FileName is a path on the Front End: the file lands there, out of lcv's reach, unless
# the path is on the share both sides reach (share.txt names it).
function Resolve-SimulatedFileName([string] $FileName) {
    $state = Get-SimulatedState
    if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($state, 'remote.flag'))) { return $FileName }
    $shareFile = [System.IO.Path]::Combine($state, 'share.txt')
    if ([System.IO.File]::Exists($shareFile)) {
        $share = [System.IO.File]::ReadAllText($shareFile).Trim()
        if ($share -and $FileName.StartsWith($share, [System.StringComparison]::OrdinalIgnoreCase)) { return $FileName }
    }
    $disk = [System.IO.Path]::Combine($state, 'server-disk')
    [void][System.IO.Directory]::CreateDirectory($disk)
    [System.IO.Path]::Combine($disk, [System.IO.Path]::GetFileName($FileName))
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
    if ($FileName) { [System.IO.File]::WriteAllBytes((Resolve-SimulatedFileName $FileName), $bytes) }
    else { $Cmdlet.WriteObject($bytes, $false) }
}

function Read-SimulatedServices {
    $file = [System.IO.Path]::Combine((Get-SimulatedState), 'services.tsv')
    foreach ($line in [System.IO.File]::ReadAllLines($file)) {
        $parts = $line -split "`t"
        $service = [pscustomobject]@{ Identity = $parts[0]; Role = $parts[1]; PoolFqdn = $parts[2]; SiteId = $parts[3] }
        if ($parts.Count -gt 4) { $service | Add-Member -NotePropertyName SqlInstanceName -NotePropertyValue $parts[4] }
        $service
    }
}

function Get-CsService {
    [CmdletBinding()]
    param(
        [string] $Identity,
        [switch] $Registrar,
        [switch] $UserServer,
        [switch] $ApplicationServer,
        [switch] $CentralManagement,
        [switch] $PersistentChatDatabase,
        [string] $PoolFqdn)
    foreach ($service in Read-SimulatedServices) {
        if ($Identity -and $service.Identity -ne $Identity) { continue }
        if ($PoolFqdn -and $service.PoolFqdn -ne $PoolFqdn) { continue }
        if ($Registrar -and $service.Role -ne 'Registrar') { continue }
        if ($UserServer -and $service.Role -ne 'UserServer') { continue }
        if ($ApplicationServer -and $service.Role -ne 'ApplicationServer') { continue }
        if ($CentralManagement -and $service.Role -ne 'CentralManagement') { continue }
        if ($PersistentChatDatabase -and $service.Role -ne 'PersistentChatStore') { continue }
        $service
    }
}

function Get-CsServerVersion {
    [CmdletBinding()]
    param()
    $script:ServerVersion
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

# Users and their per-user policies, from Active Directory on a real server: here the generated list.
function Get-CsUser {
    [CmdletBinding()]
    param([string] $Identity, [string] $Filter, [int] $ResultSize = 0)
    if (Invoke-SimulatedFault $PSCmdlet 'Get-CsUser' '*') { return }
    $file = [System.IO.Path]::Combine((Get-SimulatedState), 'CsUserPolicies.xml')
    if (-not [System.IO.File]::Exists($file)) { return }
    # PSSerializer rather than Import-Clixml: the engine alone (lcv's in-process runspace) has no Microsoft.PowerShell.Utility.
    $users = @([System.Management.Automation.PSSerializer]::DeserializeAsList([System.IO.File]::ReadAllText($file)))
    if ($Identity) { $users = $users | Where-Object { $_.SipAddress -eq $Identity -or $_.SipAddress -eq "sip:$Identity" } }
    $users
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
        [Parameter(Mandatory = $true)][string] $DBInstance,
        [Parameter(Mandatory = $true)][string] $FileName,
        [string] $Level = 'All')
    Copy-SimulatedExport $PSCmdlet 'Export-CsPersistentChatData' '*' 'PersistentChatData.zip' $FileName
}

# The Response Group objects, as a remote session brings them back: read from the pool's export archive,
# the CliXml it is made of (PSSerializer: the engine alone has no Import-Clixml).
function Get-SimulatedRgsObjects($Cmdlet, [string] $Identity, [string] $File) {
    $pool = $Identity -replace '^(service:)?ApplicationServer:', '' -replace '/.*$', ''
    $path = [System.IO.Path]::Combine((Get-SimulatedState), "RgsConfig-$pool.zip")
    if (-not [System.IO.File]::Exists($path)) { throw [System.ArgumentException]::new("No Response Group service was found at $Identity.") }
    if (Invoke-SimulatedFault $Cmdlet 'Get-CsRgs' $pool) { return }
    [void][System.Reflection.Assembly]::Load('System.IO.Compression')
    $archive = [System.IO.Compression.ZipFile]::OpenRead($path)
    try {
        foreach ($entry in $archive.Entries) {
            if ($entry.FullName -ne "RgsImportExport/$File") { continue }
            $reader = [System.IO.StreamReader]::new($entry.Open(), $true)
            try { $text = $reader.ReadToEnd() } finally { $reader.Dispose() }
            [System.Management.Automation.PSSerializer]::DeserializeAsList($text)
        }
    } finally { $archive.Dispose() }
}

function Get-CsRgsWorkflow { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'Workflows.xml' }
function Get-CsRgsQueue { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'Queues.xml' }
function Get-CsRgsAgentGroup { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'AgentGroups.xml' }
function Get-CsRgsHoursOfBusiness { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'HoursOfBusiness.xml' }
function Get-CsRgsHolidaySet { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'HolidaySets.xml' }
function Get-CsRgsConfiguration { [CmdletBinding()] param([string] $Identity) Get-SimulatedRgsObjects $PSCmdlet $Identity 'Configuration.xml' }

# --- Changing the store: Set-Cs*, New-Cs* and Remove-Cs* for the objects lcv restore scripts -----------
# Plain functions (not advanced ones), so every -Property value pair reaches $args as the real cmdlets
# would take it; -WhatIf and -Confirm are read from there too. The store is DocItemSet.xml inside
# CsConfiguration.zip, changed in place, so the next Export-CsConfiguration shows the change.

$script:Elements = @{
    VoicePolicy = 'VoicePolicy'; ClientPolicy = 'ClientPolicy'; ConferencingPolicy = 'MeetingPolicy'
    ExternalAccessPolicy = 'ExternalAccessPolicy'; MobilityPolicy = 'Mobility'; PstnUsage = 'PSTNUsages'
    DialPlan = 'LocationProfile'; TrunkConfiguration = 'TrunkConfiguration'
}

# The rule cmdlets: the object that holds them and the list element they are written as.
$script:Rules = @{
    VoiceNormalizationRule = @('DialPlan', 'NormalizationRules')
    OutboundTranslationRule = @('TrunkConfiguration', 'OutboundTranslationRulesList')
    OutboundCallingNumberTranslationRule = @('TrunkConfiguration', 'OutboundCallingNumberTranslationRulesList')
}

function Read-SimulatedStore {
    [void][System.Reflection.Assembly]::Load('System.IO.Compression')
    $path = [System.IO.Path]::Combine((Get-SimulatedState), 'CsConfiguration.zip')
    $stream = [System.IO.File]::OpenRead($path)
    $archive = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Read)
    $entries = [ordered]@{}
    try {
        foreach ($entry in $archive.Entries) {
            $reader = [System.IO.MemoryStream]::new()
            $open = $entry.Open()
            try { $open.CopyTo($reader) } finally { $open.Dispose() }
            $entries[$entry.FullName] = $reader.ToArray()
        }
    } finally { $archive.Dispose(); $stream.Dispose() }
    $document = [System.Xml.XmlDocument]::new()
    $document.Load([System.IO.MemoryStream]::new([byte[]]$entries['DocItemSet.xml']))
    [pscustomobject]@{ Entries = $entries; Document = $document }
}

function Write-SimulatedStore($Store) {
    $text = [System.IO.MemoryStream]::new()
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.Indent = $true
    $writer = [System.Xml.XmlWriter]::Create($text, $settings)
    try { $Store.Document.Save($writer) } finally { $writer.Dispose() }
    $Store.Entries['DocItemSet.xml'] = $text.ToArray()
    $path = [System.IO.Path]::Combine((Get-SimulatedState), 'CsConfiguration.zip')
    $stream = [System.IO.File]::Create($path)
    $archive = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($name in $Store.Entries.Keys) {
            $open = $archive.CreateEntry($name).Open()
            try { $bytes = [byte[]]$Store.Entries[$name]; $open.Write($bytes, 0, $bytes.Length) } finally { $open.Dispose() }
        }
    } finally { $archive.Dispose(); $stream.Dispose() }
}

function Get-LocalChild($Node, [string] $Name) {
    foreach ($child in $Node.ChildNodes) { if ($child.NodeType -eq 'Element' -and $child.LocalName -eq $Name) { $child } }
}

# The DocItem of one setting type and scope class (Global or Tag: the scopes the simulated store edits).
function Find-SimulatedDocItem($Store, [string] $Element, [string] $ScopeClass) {
    foreach ($docItem in $Store.Document.DocumentElement.ChildNodes) {
        if ($docItem.NodeType -ne 'Element') { continue }
        $key = $docItem.SelectSingleNode(".//*[local-name()='Key' and @ScopeClass]")
        if ($null -eq $key) { continue }
        $schema = Get-LocalChild $key 'SchemaId'
        if ($schema.GetAttribute('ElementName') -eq $Element -and $key.GetAttribute('ScopeClass') -eq $ScopeClass) { return $docItem }
    }
    $null
}

function Split-SimulatedIdentity([string] $Identity) {
    if ($Identity -eq 'Global') { return @('Global', $null) }
    if ($Identity -like 'Tag:*') { return @('Tag', $Identity.Substring(4)) }
    if ($Identity -like 'Site:*') { return @('Site', $Identity.Substring(5)) }
    if ($Identity -like 'Service:*') { return @('Service', $Identity.Substring(8)) }
    throw [System.NotSupportedException]::new("The simulated store does not know the scope of $Identity.")
}

# Role:fqdn → the topology's ServiceId of that role on that pool, as "SiteId-RoleName-Instance".
function Resolve-SimulatedService($Store, [string] $Service) {
    $role, $fqdn = $Service -split ':', 2
    $topology = $Store.Document.SelectSingleNode("//*[local-name()='Topology']")
    $cluster = $topology.SelectSingleNode(".//*[local-name()='Cluster' and @Fqdn='$fqdn']/*[local-name()='ClusterId']")
    if ($null -eq $cluster) { return $null }
    # Not $service: PowerShell names are case-insensitive, and the [string] parameter would turn each element into text.
    foreach ($candidate in $topology.SelectNodes(".//*[local-name()='Service']")) {
        $id = Get-LocalChild $candidate 'ServiceId'
        $on = $candidate.SelectSingleNode("./*[local-name()='InstalledOn']/*[local-name()='ClusterId']")
        if ($id.GetAttribute('RoleName') -eq $role -and $null -ne $on -and $on.GetAttribute('SiteId') -eq $cluster.GetAttribute('SiteId') -and $on.GetAttribute('Number') -eq $cluster.GetAttribute('Number')) {
            return "$($id.GetAttribute('SiteId'))-$role-$($id.GetAttribute('Instance'))"
        }
    }
    $null
}

# Whether an Item's key is the one a scope name gives: Global's empty key, a Tag's or Site's Name, a Service's ServiceId.
function Test-SimulatedKey($Store, $Key, $Scope) {
    switch ($Scope[0]) {
        'Global' { return $true }
        'Service' {
            $id = Get-LocalChild $Key 'ServiceId'
            if ($null -eq $id) { return $false }
            return "$($id.GetAttribute('SiteId'))-$($id.GetAttribute('RoleName'))-$($id.GetAttribute('Instance'))" -eq (Resolve-SimulatedService $Store $Scope[1])
        }
        default { return $Key.GetAttribute('Name') -eq $Scope[1] }
    }
}

# Reads "-Name value" pairs (and -Name:value); -WhatIf and -Confirm are switches of their own.
function Read-SimulatedParameters([object[]] $Arguments) {
    $parameters = [ordered]@{}
    $whatIf = $false
    for ($i = 0; $i -lt $Arguments.Count; $i++) {
        $name = ([string]$Arguments[$i]).TrimStart('-').TrimEnd(':')
        $value = if ($i + 1 -lt $Arguments.Count) { $Arguments[$i + 1] } else { $true }
        $i++
        if ($name -eq 'WhatIf') { $whatIf = [bool]$value; continue }
        if ($name -eq 'Confirm') { continue }
        $parameters[$name] = $value
    }
    [pscustomobject]@{ Values = $parameters; WhatIf = $whatIf }
}

function Set-SimulatedValues($Setting, $Values) {
    foreach ($name in $Values.Keys) {
        $value = $Values[$name]
        $list = @(Get-LocalChild $Setting $name)
        if ($value -is [System.Collections.IDictionary] -or $value -is [array] -or $list.Count -gt 0) {
            $items = [System.Collections.Generic.List[string]]::new()
            foreach ($existing in $list) { $items.Add($existing.InnerText) }
            if ($value -is [System.Collections.IDictionary]) {
                if ($value.Contains('Replace')) { $items.Clear(); foreach ($v in @($value['Replace'])) { $items.Add([string]$v) } }
                if ($value.Contains('Add')) { foreach ($v in @($value['Add'])) { if (-not $items.Contains([string]$v)) { $items.Add([string]$v) } } }
                if ($value.Contains('Remove')) { foreach ($v in @($value['Remove'])) { [void]$items.Remove([string]$v) } }
            } elseif ($null -ne $value) { $items.Clear(); foreach ($v in @($value)) { $items.Add([string]$v) } }
            else { $items.Clear() }
            foreach ($existing in $list) { [void]$Setting.RemoveChild($existing) }
            foreach ($item in $items) {
                $child = $Setting.OwnerDocument.CreateElement($Setting.Prefix, $name, $Setting.NamespaceURI)
                $child.InnerText = $item
                [void]$Setting.AppendChild($child)
            }
        } elseif ($null -eq $value) {
            $Setting.RemoveAttribute($name)
        } elseif ($value -is [bool]) {
            $Setting.SetAttribute($name, $(if ($value) { 'true' } else { 'false' }))
        } else {
            $Setting.SetAttribute($name, [string]$value)
        }
    }
}

function Invoke-SimulatedChange([string] $Verb, [string] $Noun, [string] $Identity, [object[]] $Arguments) {
    $parameters = Read-SimulatedParameters $Arguments
    if ($parameters.WhatIf) { return "What if: Performing the operation `"$Verb-Cs$Noun`" on target `"$Identity`"." }
    $store = Read-SimulatedStore
    if ($Noun -eq 'VoiceRoute') {
        $docItem = Find-SimulatedDocItem $store 'PstnRoutingSettings' 'Global'
        $settings = $docItem.SelectSingleNode(".//*[local-name()='PstnRoutingSettings']")
        $route = $null
        foreach ($candidate in @(Get-LocalChild $settings 'Route')) { if ($candidate.GetAttribute('Name') -eq $Identity) { $route = $candidate; break } }
        $priority = $parameters.Values['Priority']
        $parameters.Values.Remove('Priority')
        switch ($Verb) {
            'New' {
                if ($null -ne $route) { throw [System.InvalidOperationException]::new("The voice route $Identity already exists.") }
                $route = $store.Document.CreateElement($settings.Prefix, 'Route', $settings.NamespaceURI)
                $route.SetAttribute('Name', $Identity)
                [void]$settings.AppendChild($route)
            }
            'Remove' { if ($null -ne $route) { [void]$settings.RemoveChild($route) }; Write-SimulatedStore $store; return }
            default { if ($null -eq $route) { throw [System.Management.Automation.ItemNotFoundException]::new("No voice route named $Identity.") } }
        }
        Set-SimulatedValues $route $parameters.Values
        if ($null -ne $priority) { Move-SimulatedElement $settings $route 'Route' ([int]$priority) }
        Write-SimulatedStore $store
        return
    }

    $element = $script:Elements[$Noun]
    $scope = Split-SimulatedIdentity $Identity
    $docItem = Find-SimulatedDocItem $store $element $scope[0]
    if ($null -eq $docItem) { throw [System.Management.Automation.ItemNotFoundException]::new("No $Noun exists at the $($scope[0]) scope.") }
    $dictionary = $docItem.SelectSingleNode(".//*[local-name()='Dictionary']")
    $item = $null
    foreach ($candidate in @(Get-LocalChild $dictionary 'Item')) {
        if (Test-SimulatedKey $store (Get-LocalChild $candidate 'Key') $scope) { $item = $candidate; break }
    }
    switch ($Verb) {
        'New' {
            if ($null -ne $item) { throw [System.InvalidOperationException]::new("$Noun $Identity already exists.") }
            if ($scope[0] -ne 'Tag' -and $scope[0] -ne 'Global') { throw [System.NotSupportedException]::new("The simulated store creates Global and Tag: objects only, not $Identity.") }
            $ns = $dictionary.NamespaceURI
            $item = $store.Document.CreateElement($dictionary.Prefix, 'Item', $ns)
            $key = $store.Document.CreateElement($dictionary.Prefix, 'Key', $ns)
            $key.SetAttribute('TagId', [string]([System.Math]::Abs($scope[1].GetHashCode()) % 2000000000))
            $key.SetAttribute('Name', $scope[1])
            $value = $store.Document.CreateElement($dictionary.Prefix, 'Value', $ns)
            $value.SetAttribute('Signature', [guid]::NewGuid().ToString())
            $schema = Get-LocalChild ($docItem.SelectSingleNode(".//*[local-name()='Key' and @ScopeClass]")) 'SchemaId'
            $setting = $store.Document.CreateElement($element, $schema.GetAttribute('Namespace'))
            [void]$value.AppendChild($setting); [void]$item.AppendChild($key); [void]$item.AppendChild($value); [void]$dictionary.AppendChild($item)
        }
        'Remove' {
            if ($null -ne $item) { [void]$dictionary.RemoveChild($item) }
            $dictionary.SetAttribute('Count', [string]@(Get-LocalChild $dictionary 'Item').Count)
            Write-SimulatedStore $store
            return
        }
        default { if ($null -eq $item) { throw [System.Management.Automation.ItemNotFoundException]::new("No $Noun has the Identity $Identity.") } }
    }
    $dictionary.SetAttribute('Count', [string]@(Get-LocalChild $dictionary 'Item').Count)
    $setting = $item.SelectSingleNode(".//*[local-name()='$element']")
    Set-SimulatedValues $setting $parameters.Values
    Write-SimulatedStore $store
}

# Moves an element to a 0-based position among its siblings of the same name, as a Priority does in Lync.
function Move-SimulatedElement($Parent, $Element, [string] $Name, [int] $Priority) {
    [void]$Parent.RemoveChild($Element)
    $siblings = @(Get-LocalChild $Parent $Name)
    if ($Priority -lt $siblings.Count) { [void]$Parent.InsertBefore($Element, $siblings[$Priority]) }
    elseif ($siblings.Count -gt 0) { [void]$Parent.InsertAfter($Element, $siblings[-1]) }
    else { [void]$Parent.AppendChild($Element) }
}

# New-, Set- and Remove- of a rule inside its dial plan or trunk configuration: Identity is "<parent>/<rule name>".
function Invoke-SimulatedRuleChange([string] $Verb, [string] $Noun, [string] $Identity, [object[]] $Arguments) {
    $parameters = Read-SimulatedParameters $Arguments
    if ($parameters.WhatIf) { return "What if: Performing the operation `"$Verb-Cs$Noun`" on target `"$Identity`"." }
    $slash = $Identity.LastIndexOf('/')
    if ($slash -lt 0) { throw [System.ArgumentException]::new("$Identity is not <parent>/<rule name>.") }
    $parentNoun, $list = $script:Rules[$Noun]
    $parent, $name = $Identity.Substring(0, $slash), $Identity.Substring($slash + 1)
    $store = Read-SimulatedStore
    $scope = Split-SimulatedIdentity $parent
    $element = $script:Elements[$parentNoun]
    $docItem = Find-SimulatedDocItem $store $element $scope[0]
    $setting = $null
    if ($null -ne $docItem) {
        foreach ($candidate in @(Get-LocalChild ($docItem.SelectSingleNode(".//*[local-name()='Dictionary']")) 'Item')) {
            if (Test-SimulatedKey $store (Get-LocalChild $candidate 'Key') $scope) { $setting = $candidate.SelectSingleNode(".//*[local-name()='$element']"); break }
        }
    }
    if ($null -eq $setting) { throw [System.Management.Automation.ItemNotFoundException]::new("No $parentNoun has the Identity $parent.") }
    $rule = $null
    foreach ($candidate in @(Get-LocalChild $setting $list)) { if ($candidate.GetAttribute('Name') -eq $name) { $rule = $candidate; break } }
    $priority = $parameters.Values['Priority']
    $parameters.Values.Remove('Priority')
    switch ($Verb) {
        'New' {
            if ($null -ne $rule) { throw [System.InvalidOperationException]::new("The rule $Identity already exists.") }
            $rule = $store.Document.CreateElement($setting.Prefix, $list, $setting.NamespaceURI)
            $rule.SetAttribute('Name', $name)
            $rules = @(Get-LocalChild $setting $list)
            if ($rules.Count -gt 0) { [void]$setting.InsertAfter($rule, $rules[-1]) } else { [void]$setting.AppendChild($rule) }
        }
        'Remove' { if ($null -ne $rule) { [void]$setting.RemoveChild($rule) }; Write-SimulatedStore $store; return }
        default { if ($null -eq $rule) { throw [System.Management.Automation.ItemNotFoundException]::new("No rule has the Identity $Identity.") } }
    }
    Set-SimulatedValues $rule $parameters.Values
    if ($null -ne $priority) { Move-SimulatedElement $setting $rule $list ([int]$priority) }
    Write-SimulatedStore $store
}

function Set-CsVoicePolicy([string] $Identity) { Invoke-SimulatedChange 'Set' 'VoicePolicy' $Identity $args }
function New-CsVoicePolicy([string] $Identity) { Invoke-SimulatedChange 'New' 'VoicePolicy' $Identity $args }
function Remove-CsVoicePolicy([string] $Identity) { Invoke-SimulatedChange 'Remove' 'VoicePolicy' $Identity $args }
function Set-CsClientPolicy([string] $Identity) { Invoke-SimulatedChange 'Set' 'ClientPolicy' $Identity $args }
function New-CsClientPolicy([string] $Identity) { Invoke-SimulatedChange 'New' 'ClientPolicy' $Identity $args }
function Remove-CsClientPolicy([string] $Identity) { Invoke-SimulatedChange 'Remove' 'ClientPolicy' $Identity $args }
function Set-CsConferencingPolicy([string] $Identity) { Invoke-SimulatedChange 'Set' 'ConferencingPolicy' $Identity $args }
function Set-CsExternalAccessPolicy([string] $Identity) { Invoke-SimulatedChange 'Set' 'ExternalAccessPolicy' $Identity $args }
function Set-CsMobilityPolicy([string] $Identity) { Invoke-SimulatedChange 'Set' 'MobilityPolicy' $Identity $args }
function Set-CsPstnUsage([string] $Identity) { Invoke-SimulatedChange 'Set' 'PstnUsage' $Identity $args }
function Set-CsVoiceRoute([string] $Identity) { Invoke-SimulatedChange 'Set' 'VoiceRoute' $Identity $args }
function New-CsVoiceRoute([string] $Identity) { Invoke-SimulatedChange 'New' 'VoiceRoute' $Identity $args }
function Remove-CsVoiceRoute([string] $Identity) { Invoke-SimulatedChange 'Remove' 'VoiceRoute' $Identity $args }
function Set-CsDialPlan([string] $Identity) { Invoke-SimulatedChange 'Set' 'DialPlan' $Identity $args }
function New-CsDialPlan([string] $Identity) { Invoke-SimulatedChange 'New' 'DialPlan' $Identity $args }
function Remove-CsDialPlan([string] $Identity) { Invoke-SimulatedChange 'Remove' 'DialPlan' $Identity $args }
function Set-CsTrunkConfiguration([string] $Identity) { Invoke-SimulatedChange 'Set' 'TrunkConfiguration' $Identity $args }
function New-CsTrunkConfiguration([string] $Identity) { Invoke-SimulatedChange 'New' 'TrunkConfiguration' $Identity $args }
function Remove-CsTrunkConfiguration([string] $Identity) { Invoke-SimulatedChange 'Remove' 'TrunkConfiguration' $Identity $args }
function Set-CsVoiceNormalizationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Set' 'VoiceNormalizationRule' $Identity $args }
function New-CsVoiceNormalizationRule([string] $Identity) { Invoke-SimulatedRuleChange 'New' 'VoiceNormalizationRule' $Identity $args }
function Remove-CsVoiceNormalizationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Remove' 'VoiceNormalizationRule' $Identity $args }
function Set-CsOutboundTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Set' 'OutboundTranslationRule' $Identity $args }
function New-CsOutboundTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'New' 'OutboundTranslationRule' $Identity $args }
function Remove-CsOutboundTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Remove' 'OutboundTranslationRule' $Identity $args }
function Set-CsOutboundCallingNumberTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Set' 'OutboundCallingNumberTranslationRule' $Identity $args }
function New-CsOutboundCallingNumberTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'New' 'OutboundCallingNumberTranslationRule' $Identity $args }
function Remove-CsOutboundCallingNumberTranslationRule([string] $Identity) { Invoke-SimulatedRuleChange 'Remove' 'OutboundCallingNumberTranslationRule' $Identity $args }

$exported = @('Initialize-SimulatedLync', 'Get-CsServerVersion', 'Get-CsService', 'Get-CsPool', 'Get-CsSite', 'Get-CsUser', 'Get-CsTopology', 'Export-CsConfiguration', 'Export-CsLisConfiguration',
    'Get-CsRgsWorkflow', 'Get-CsRgsQueue', 'Get-CsRgsAgentGroup', 'Get-CsRgsHoursOfBusiness', 'Get-CsRgsHolidaySet', 'Get-CsRgsConfiguration')
if ($script:ServerVersion -notmatch '\(4\.0\.') { $exported += @('Export-CsRgsConfiguration', 'Export-CsUserData', 'Export-CsPersistentChatData') }
Export-ModuleMember -Function $exported
Export-ModuleMember -Function Set-CsVoicePolicy, New-CsVoicePolicy, Remove-CsVoicePolicy, Set-CsClientPolicy, New-CsClientPolicy, Remove-CsClientPolicy,
    Set-CsConferencingPolicy, Set-CsExternalAccessPolicy, Set-CsMobilityPolicy, Set-CsPstnUsage, Set-CsVoiceRoute, New-CsVoiceRoute, Remove-CsVoiceRoute,
    Set-CsDialPlan, New-CsDialPlan, Remove-CsDialPlan, Set-CsTrunkConfiguration, New-CsTrunkConfiguration, Remove-CsTrunkConfiguration,
    Set-CsVoiceNormalizationRule, New-CsVoiceNormalizationRule, Remove-CsVoiceNormalizationRule,
    Set-CsOutboundTranslationRule, New-CsOutboundTranslationRule, Remove-CsOutboundTranslationRule,
    Set-CsOutboundCallingNumberTranslationRule, New-CsOutboundCallingNumberTranslationRule, Remove-CsOutboundCallingNumberTranslationRule
