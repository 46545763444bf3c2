using System.Globalization;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LyncConfigVault.Notify;

/// <summary>
/// A change or failure by mail (MailKit): the subject names the deployment and what changed, the body
/// is the HTML report with a plain-text part; a large diff is summarized in the body and attached whole.
/// </summary>
internal static class MailNotifier
{
    private const int ObjectsInBody = 50;

    public static string? Send(NotifierSettings notifier, RunEvent run)
    {
        var colon = notifier.Target.LastIndexOf(':');
        try
        {
            var message = Message(notifier, run);
            using var client = new SmtpClient { Timeout = notifier.TimeoutSeconds * 1000 };
            client.Connect(notifier.Target[..colon], int.Parse(notifier.Target[(colon + 1)..], CultureInfo.InvariantCulture), notifier.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
            client.Send(message);
            client.Disconnect(true);
            return null;
        }
        catch (Exception e) when (e is ParseException or IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or FormatException or TimeoutException or OperationCanceledException)
        {
            return e.Message;
        }
    }

    public static MimeMessage Message(NotifierSettings notifier, RunEvent run)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(notifier.Sender));
        foreach (var to in notifier.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = run.Kind switch
        {
            NoticeKind.Failed => $"[lcv] {run.Deployment}: backup failed",
            NoticeKind.Changed => $"[lcv] {run.Deployment}: {run.Summary}",
            _ => $"[lcv] {run.Deployment}: {run.Title}",
        };
        var body = new BodyBuilder();
        if (run.Diff is { } diff)
        {
            var shown = diff.Changes.Count > ObjectsInBody ? diff with { Changes = diff.Changes.Take(ObjectsInBody).ToList() } : diff;
            body.TextBody = Plain(shown) + (shown == diff ? "" : $"\n… {diff.Changes.Count - ObjectsInBody} more objects: the whole report is attached.\n");
            var html = new StringWriter();
            new HtmlReportWriter().Write(shown, html);
            body.HtmlBody = html.ToString();
            if (shown != diff)
            {
                var whole = new StringWriter();
                new HtmlReportWriter().Write(diff, whole);
                body.Attachments.Add("lcv-changes.html", System.Text.Encoding.UTF8.GetBytes(whole.ToString()), new ContentType("text", "html"));
            }
        }
        else
        {
            body.TextBody = $"{run.Summary}\n\n" + string.Join("\n", run.Failures.Select(f => "- " + f)) + $"\n\nVault: {run.Vault}\n";
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Plain(Diff.DiffReport report)
    {
        var text = new StringWriter();
        new TerminalReportWriter(PlainConsole.Over(text)).Write(report);
        return text.ToString();
    }
}
