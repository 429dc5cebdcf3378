using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI3012: a bare number flyctl converts and that is plausible in its unit is read as meant (info).</summary>
public class BareFlyDurationPrecisionTests
{
    [Test]
    public void Plausible_values_are_info_and_implausible_or_unconverted_ones_warnings()
    {
        var findings = RuleVerifier.Reports<BareFlyDurationRule>(("fly.toml",
            "app = 'grafana-example'\nkill_timeout = [|5|]\n[[services]]\n  internal_port = 3000\n  protocol = 'tcp'\n  [[services.tcp_checks]]\n    interval = [|10000|]\n    timeout = [|2|]\n" +
            "[[http_service.checks]]\n  interval = [|15|]\n"));
        Assert.That(findings.OrderBy(f => f.Location.Span.Start.Line).Select(f => f.Severity), Is.EqualTo(new[]
        {
            DiagnosticSeverity.Info, DiagnosticSeverity.Info, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning,
        }));
    }
}
