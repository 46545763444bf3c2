using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using LyncConfigVault.Model;
using LyncConfigVault.Report;

namespace LyncConfigVault.Runs;

/// <summary>
/// Renders the nightly job from templates/: a Task Scheduler definition (UTF-16, as schtasks /Create /XML
/// wants it, values XML-escaped) and a systemd service and timer (values checked to be one line each).
/// </summary>
internal static class ScheduleWriter
{
    public static void WriteTaskXml(ScheduledTask task, string file)
    {
        var xml = Render("task-scheduler.xml.liquid", task, HtmlEncoder.Default);
        File.WriteAllText(file, xml, Encoding.Unicode);
    }

    public static IReadOnlyList<string> WriteSystemd(ScheduledTask task, string folder)
    {
        foreach (var value in new[] { task.Account, task.Command, task.Arguments, task.WorkingDirectory, task.Description })
        {
            if (value.Any(char.IsControl))
            {
                throw new LcvException($"'{value.Replace("\n", "\\n", StringComparison.Ordinal)}' cannot go into a systemd unit: it holds a line break or another control character.");
            }
        }

        Directory.CreateDirectory(folder);
        var service = Path.Combine(folder, task.Name + ".service");
        var timer = Path.Combine(folder, task.Name + ".timer");
        File.WriteAllText(service, Render("lcv-backup.service.liquid", task, NullEncoder.Default));
        File.WriteAllText(timer, Render("lcv-backup.timer.liquid", task, NullEncoder.Default));
        return [service, timer];
    }

    private static string Render(string template, ScheduledTask task, TextEncoder encoder)
    {
        var options = new TemplateOptions();
        var context = new TemplateContext(options);
        context.SetValue("task", new Dictionary<string, object>
        {
            ["name"] = task.Name,
            ["description"] = task.Description,
            ["account"] = task.Account,
            ["at"] = task.At,
            ["start_boundary"] = task.StartBoundary,
            ["logon_type"] = task.LogonType,
            ["time_limit"] = task.TimeLimitText,
            ["time_limit_seconds"] = task.TimeLimitSeconds,
            ["command"] = task.Command,
            ["arguments"] = task.Arguments,
            ["working_directory"] = task.WorkingDirectory,
        });
        return ReportTemplates.Parse(template).Render(context, encoder);
    }
}
