namespace LyncConfigVault.Collect;

/// <summary>How an export reaches its file.</summary>
internal enum ExportDelivery
{
    /// <summary>The cmdlet writes FileName itself.</summary>
    File,

    /// <summary>The cmdlet returns the archive as bytes (-AsBytes), as a remote session needs: its -FileName would be a path on the pool's server.</summary>
    Bytes,

    /// <summary>The cmdlet returns text (Get-CsTopology -AsXml).</summary>
    Text,

    /// <summary>The cmdlet returns objects (Get-CsUser); lcv saves them as CliXml, as Export-Clixml would.</summary>
    Objects,
}
