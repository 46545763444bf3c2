@{
    RootModule           = 'LyncConfigVault.psm1'
    # The same version as the lcv beside it (a test holds them equal).
    ModuleVersion        = '0.1.0'
    GUID                 = '3f0b6c2e-8d1a-4f6e-9a57-2c4e1b7d9a31'
    Author               = 'LyncConfigVault'
    Description          = 'Lync Server and Skype for Business Server configuration history (lcv) as PowerShell objects: snapshots, changes, runs, findings, routes.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('LyncConfigVault.format.ps1xml')
    FunctionsToExport    = @(
        'Get-LcvSnapshot', 'Get-LcvChange', 'Get-LcvObjectHistory', 'Get-LcvObject', 'Get-LcvRun', 'Get-LcvStatus',
        'Test-LcvDrift', 'Get-LcvFinding', 'Test-LcvRoute', 'Get-LcvVoiceTestResult', 'Invoke-LcvBackup', 'Restore-LcvObject', 'Set-LcvBaseline'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{ PSData = @{ Tags = @('Lync', 'SkypeForBusiness', 'Configuration', 'Git') } }
}
