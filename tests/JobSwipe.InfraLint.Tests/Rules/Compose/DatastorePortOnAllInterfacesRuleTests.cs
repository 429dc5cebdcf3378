using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class DatastorePortOnAllInterfacesRuleTests
{
    [Test]
    public void Catches_unbound_explicit_all_interface_and_long_syntax_publications()
    {
        var findings = RuleVerifier.Reports<DatastorePortOnAllInterfacesRule>(("docker-compose.prod.yml", """
            services:
              db:
                image: postgres:16
                ports:
                  - "[|5432|]:5432"
                  - "[|0.0.0.0|]:15432:5432"
              cache:
                image: redis:7
                ports:
                  - target: 6379
                    published: [|6379|]
              s3:
                image: minio/minio:RELEASE.2024-06-13T22-53-53Z
                ports: ["[|9001|]:9001"]
            """));

        Assert.That(findings[0].Message, Does.StartWith("service 'db' publishes PostgreSQL port 5432 on all interfaces; bind it to 127.0.0.1 (`127.0.0.1:5432:5432`)"));
    }

    [Test]
    public void Does_not_report_loopback_other_ports_or_development_files()
    {
        RuleVerifier.ReportsNothing<DatastorePortOnAllInterfacesRule>(("docker-compose.prod.yml", """
            services:
              db:
                image: postgres:16
                ports: ["127.0.0.1:5432:5432", "${BIND_IP}:5433:5432"]
              web:
                image: nginx:1.27
                ports: ["80:80", "443:443"]
              php:
                image: php:8.3-fpm
                ports: ["9000:9000"]
            """));
        RuleVerifier.ReportsNothing<DatastorePortOnAllInterfacesRule>(("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                ports: ["5432:5432"]
            """));
    }
}
