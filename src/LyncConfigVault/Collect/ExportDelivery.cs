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

    /// <summary>
    /// A pool's Response Groups as the Get-CsRgs* objects (Lync Server 2010, or a remote session with no share):
    /// lcv writes them into an archive of Export-CsRgsConfiguration's layout. Audio prompts do not come this way.
    /// </summary>
    RgsObjects,
}
