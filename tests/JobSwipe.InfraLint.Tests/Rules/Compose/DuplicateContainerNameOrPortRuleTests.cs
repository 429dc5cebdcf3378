using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class DuplicateContainerNameOrPortRuleTests
{
    [Test]
    public void Catches_a_repeated_container_name_and_host_port()
    {
        var findings = RuleVerifier.Reports<DuplicateContainerNameOrPortRule>(("compose.yaml", """
            services:
              api:
                image: app:1
                container_name: app
                ports: ["8080:80"]
              admin:
                image: admin:1
                container_name: [|app|]
                ports: ["0.0.0.0:[|8080|]:8000", "127.0.0.1:9000:9000"]
              metrics:
                image: metrics:1
                ports: ["[|9000|]:9100"]
            """));

        Assert.That(findings[0].Message, Is.EqualTo("service 'admin' sets container_name 'app', which service 'api' already uses (line 4); container names are unique per host: rename one or drop container_name"));
    }

    [Test]
    public void Does_not_report_distinct_addresses_protocols_profiles_or_container_ports() =>
        RuleVerifier.ReportsNothing<DuplicateContainerNameOrPortRule>(("compose.yaml", """
            services:
              a:
                image: a:1
                ports: ["127.0.0.1:8080:80", "53:53/udp", "80"]
              b:
                image: b:1
                ports: ["127.0.0.2:8080:80", "53:53/tcp", "80"]
              ollama-cpu:
                image: ollama/ollama:0.3.12
                profiles: [cpu]
                ports: ["11434:11434"]
              ollama-gpu:
                image: ollama/ollama:0.3.12
                profiles: [gpu]
                ports: ["11434:11434"]
              c:
                image: c:1
                ports: ["${PORT}:80"]
              d:
                image: d:1
                ports: ["${PORT}:80"]
            """));
}
