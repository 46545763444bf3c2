# lcv's runspace server in a PowerShell process of its own (pwsh, or Windows PowerShell 3.0 to 5.1 where the
# Lync module lives). It loads the first of the modules it is given that loads, says which on its first line
# ("LCV-READY:" or, when none does, "LCV-FATAL:" with every name tried), then reads one request per line:
# {"command": "...", "parameters": {...}, "clixml": true|false}, runs the command with the parameters
# splatted (typed values, never script text), and answers with one line starting "LCV:" and holding JSON:
# objects, errors, verbose lines, the terminating error, and the output as CliXml when asked for.
# Windows PowerShell 3.0 has no ::new() and no -AsHashtable: New-Object and property copies only.
# stdin and stdout are UTF-8 both ways, whatever the console's code page: Zürich stays Zürich.
param([Parameter(Mandatory = $true)][string] $Modules)

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
$utf8 = New-Object System.Text.UTF8Encoding $false
$in = New-Object System.IO.StreamReader ([Console]::OpenStandardInput(), $utf8)
$out = New-Object System.IO.StreamWriter ([Console]::OpenStandardOutput(), $utf8)
$out.AutoFlush = $true

$tried = @()
$loaded = $null
foreach ($module in ($Modules -split '\|')) {
    try { Import-Module -Name $module -ErrorAction Stop; $loaded = $module; break }
    catch { $tried += "$module ($($_.Exception.Message))" }
}
if ($null -eq $loaded) { $out.WriteLine('LCV-FATAL:' + ($tried -join '; ')); exit 3 }
$out.WriteLine('LCV-READY:' + $loaded)

function ConvertTo-Row($item) {
    $row = [ordered]@{}
    foreach ($property in $item.PSObject.Properties) {
        $value = $property.Value
        $row[$property.Name] = if ($null -eq $value) { '' } elseif ($value -is [array]) { ($value | ForEach-Object { [string]$_ }) -join ',' } else { [string]$value }
    }
    $row
}

while ($null -ne ($line = $in.ReadLine())) {
    $request = $line | ConvertFrom-Json
    $parameters = @{}
    foreach ($property in $request.parameters.PSObject.Properties) { $parameters[$property.Name] = $property.Value }
    $answer = [ordered]@{ objects = @(); errors = @(); verbose = @(); terminating = $null; text = $null; bytes = $null; clixml = $null }
    try {
        $errors = $null
        $results = & $request.command @parameters -Verbose -ErrorVariable errors 4>&1 2>$null
        # -AsBytes output arrives as one byte array, or unrolled into single bytes: gather both.
        $bytes = New-Object 'System.Collections.Generic.List[byte]'
        $objects = @()
        foreach ($result in $results) {
            if ($result -is [System.Management.Automation.VerboseRecord]) { $answer.verbose += $result.Message }
            elseif ($result -is [byte[]]) { $bytes.AddRange($result) }
            elseif ($result -is [byte]) { $bytes.Add($result) }
            elseif ($result -is [string]) { $answer.text = $result }
            elseif ($result -is [System.Xml.Linq.XElement]) { $answer.text = $result.ToString() }
            elseif ($result -is [System.Xml.XmlNode]) { $answer.text = $result.OuterXml }
            else { $objects += $result; $answer.objects += ConvertTo-Row $result }
        }
        if ($bytes.Count -gt 0) { $answer.bytes = [System.Convert]::ToBase64String($bytes.ToArray()) }
        if ($request.clixml) { $answer.clixml = [System.Management.Automation.PSSerializer]::Serialize($objects, 10) }
        $answer.errors = @($errors | ForEach-Object { $_.Exception.Message })
    }
    catch {
        $answer.terminating = $_.Exception.Message
    }
    $out.WriteLine('LCV:' + ($answer | ConvertTo-Json -Compress -Depth 4))
}
