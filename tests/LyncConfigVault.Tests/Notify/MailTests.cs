using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Storage;

namespace LyncConfigVault.Tests.Notify;

public sealed class MailTests
{
    /// <summary>A real SMTP server on loopback (the SmtpServer library) that keeps every message it receives.</summary>
    private sealed class MailSink : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public MailSink()
        {
            // The server binds its port as it starts: a port taken meanwhile faults the start at once, and another is tried.
            (Port, _running) = LoopbackPorts.Start(port =>
            {
                var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
                var services = new SmtpServer.ComponentModel.ServiceProvider();
                services.Add(new Store(Messages));
                var running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
                return running.IsFaulted ? null : Tuple.Create(port, running);
            });
        }

        public int Port { get; }

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _running.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
        {
            public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                using var stream = new MemoryStream(buffer.ToArray());
                messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
                return SmtpServer.Protocol.SmtpResponse.Ok;
            }
        }
    }

    [Fact]
    public void A_change_mail_names_the_deployment_and_carries_the_report_as_html_and_text()
    {
        using var sink = new MailSink();
        using var fixture = new VaultFixture(nights: 3);
        fixture.AddSettings($"notify:\n- kind: mail\n  smtp: 127.0.0.1:{sink.Port}\n  to: [uc-team@fabrikam.example]\n  from: lcv@fabrikam.example\n  events: [changed]\n");
        fixture.Ingest(1);
        fixture.Ingest(2);

        Assert.Equal(0, fixture.Ingest(3).ExitCode);

        Assert.Equal(2, sink.Messages.Count);
        var mail = sink.Messages.Last();
        Assert.Equal($"[lcv] Fabrikam: {fixture.Commits()[0].MessageShort}", mail.Subject);
        Assert.Equal("uc-team@fabrikam.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("~ DialPlan Site:NewYork", mail.TextBody);
        Assert.Contains("NormalizationRules[Name=NewYork-Local].Pattern", mail.TextBody);
        Assert.Contains("data-identity=\"Site:NewYork\"", mail.HtmlBody);
    }

    [Fact]
    public void A_mail_server_that_is_not_there_is_a_warning_not_a_failed_run()
    {
        using var fixture = new VaultFixture(nights: 2);
        using var dead = LoopbackPorts.Dead();
        fixture.AddSettings($"notify:\n- kind: mail\n  smtp: 127.0.0.1:{dead.Port}\n  to: uc-team@fabrikam.example\n  timeoutSeconds: 5\n");
        fixture.Ingest(1);

        var result = fixture.Ingest(2);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the mail notifier 127.0.0.1:", result.Output);
    }
}
