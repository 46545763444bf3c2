using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LyncConfigVault.Collect;

/// <summary>
/// Calls on one open runspace, local or remote: typed parameters, verbose lines and errors captured,
/// a call past its time limit stopped.
/// </summary>
internal sealed class RunspaceCalls(Runspace runspace) : IDisposable
{
    public HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, bool asCliXml = false)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand(command);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        shell.AddParameter("Verbose");   // the cmdlet's verbose lines go to the run log, as Runner.ps1 does

        var output = new PSDataCollection<PSObject>();
        var run = shell.InvokeAsync<PSObject, PSObject>(null, output);
        string? terminating = null;
        var timedOut = false;
        try
        {
            if (!run.Wait(timeout))
            {
                timedOut = true;
                shell.Stop();
                run.Wait(TimeSpan.FromSeconds(30));
            }
        }
        catch (AggregateException e)
        {
            // A terminating error, a stopped pipeline, or a runspace that broke (a remote session that
            // dropped): each is this call's failure, told in the engine's words, not a crash of lcv.
            terminating = timedOut ? null : Message(e.InnerException);
        }

        var results = output.Where(o => o is not null).ToList();   // a function can emit $null
        var bytes = results.Count == 1 && results[0].BaseObject is byte[] array ? array
            : results.Count > 0 && results.All(o => o.BaseObject is byte) ? results.Select(o => (byte)o.BaseObject).ToArray()
            : null;
        // Get-CsTopology -AsXml gives XML; admins save it with .ToString(), so do we.
        var text = results.Count != 1 ? null : results[0].BaseObject switch
        {
            string single => single,
            System.Xml.Linq.XElement element => element.ToString(),
            System.Xml.XmlNode node => node.OuterXml,
            _ => null,
        };
        return new HostResult(
            bytes is null && text is null ? results.Select(Properties).ToList() : [],
            shell.Streams.Error.Select(r => Message(r.Exception) ?? r.ToString()).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            terminating,
            timedOut)
        {
            Bytes = bytes,
            Text = text,
            CliXml = asCliXml ? PSSerializer.Serialize(results.ToArray(), 10) : null,
        };
    }

    public void Dispose() => runspace.Dispose();

    private static IReadOnlyDictionary<string, string> Properties(PSObject item) =>
        item.Properties.ToDictionary(p => p.Name, p => p.Value switch
        {
            null => "",
            object[] list => string.Join(",", list),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

    // A thrown .NET exception arrives wrapped: the admin wants the cmdlet's own words.
    private static string? Message(Exception? e) => e switch
    {
        null => null,
        RuntimeException { ErrorRecord.Exception: { } inner } when inner != e => inner.Message,
        _ => e.Message,
    };
}
