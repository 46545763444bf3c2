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
}
