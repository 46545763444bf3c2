# lcv's runspace server in a PowerShell process of its own (pwsh, or Windows PowerShell 5.1 where the
# Lync module lives). It reads one request per line on stdin: {"command": "...", "parameters": {...}},
# runs the command with the parameters splatted (typed values, never script text), and answers with
# one line on stdout starting "LCV:" and holding JSON: objects, errors, verbose lines, terminating error.
param([Parameter(Mandatory = $true)][string] $Module)

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
Import-Module -Name $Module -ErrorAction Stop

function ConvertTo-Row($item) {
    $row = [ordered]@{}
    foreach ($property in $item.PSObject.Properties) {
        $value = $property.Value
        $row[$property.Name] = if ($null -eq $value) { '' } elseif ($value -is [array]) { ($value | ForEach-Object { [string]$_ }) -join ',' } else { [string]$value }
    }
    $row
}

while ($null -ne ($line = [Console]::In.ReadLine())) {
    # ConvertFrom-Json -AsHashtable does not exist in Windows PowerShell 5.1: copy the properties instead.
    $request = $line | ConvertFrom-Json
    $parameters = @{}
    foreach ($property in $request.parameters.PSObject.Properties) { $parameters[$property.Name] = $property.Value }
    $answer = [ordered]@{ objects = @(); errors = @(); verbose = @(); terminating = $null; text = $null; bytes = $null }
    try {
        $errors = $null
        $results = & $request.command @parameters -Verbose -ErrorVariable errors 4>&1 2>$null
        # -AsBytes output arrives as one byte array, or unrolled into single bytes: gather both.
        $bytes = [System.Collections.Generic.List[byte]]::new()
        foreach ($result in $results) {
            if ($result -is [System.Management.Automation.VerboseRecord]) { $answer.verbose += $result.Message }
            elseif ($result -is [byte[]]) { $bytes.AddRange($result) }
            elseif ($result -is [byte]) { $bytes.Add($result) }
            elseif ($result -is [string]) { $answer.text = $result }
            elseif ($result -is [System.Xml.Linq.XElement]) { $answer.text = $result.ToString() }
            elseif ($result -is [System.Xml.XmlNode]) { $answer.text = $result.OuterXml }
            else { $answer.objects += ConvertTo-Row $result }
        }
        if ($bytes.Count -gt 0) { $answer.bytes = [System.Convert]::ToBase64String($bytes.ToArray()) }
        $answer.errors = @($errors | ForEach-Object { $_.Exception.Message })
    }
    catch {
        $answer.terminating = $_.Exception.Message
    }
    [Console]::Out.WriteLine('LCV:' + ($answer | ConvertTo-Json -Compress -Depth 4))
    [Console]::Out.Flush()
}
