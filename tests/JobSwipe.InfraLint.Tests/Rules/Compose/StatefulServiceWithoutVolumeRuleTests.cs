using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class StatefulServiceWithoutVolumeRuleTests
{
    [Test]
    public void Catches_stores_without_a_volume_on_their_data_directory()
    {
        var findings = RuleVerifier.Reports<StatefulServiceWithoutVolumeRule>(("docker-compose.production.yml", """
            services:
              [|db|]:
                image: postgres:16.3-alpine
                volumes:
                  - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
              [|objects|]:
                image: minio/minio:RELEASE.2024-06-13T22-53-53Z
                command: server /export --console-address ":9001"
                volumes:
                  - minio_data:/data
              [|search|]:
                image: docker.elastic.co/elasticsearch/elasticsearch:8.14.0
            volumes:
              minio_data:
            """));

        Assert.That(findings[1].Message, Does.Contain("runs MinIO, but nothing is mounted on its data directory /export"));
        Assert.That(findings.Select(f => f.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void Does_not_report_persisted_ephemeral_or_unknown_services() =>
        RuleVerifier.ReportsNothing<StatefulServiceWithoutVolumeRule>(("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                environment:
                  PGDATA: /var/lib/postgresql/data/pgdata
                volumes:
                  - type: volume
                    source: pg
                    target: /var/lib/postgresql/data
              mysql:
                image: mysql:8.4
                volumes: ["./data/mysql:/var/lib/mysql"]
              cache:
                image: redis:7
                command: redis-server --save "" --appendonly no
              test-db:
                image: mongo:7
                tmpfs: /data/db
              vault:
                image: hashicorp/vault:1.17
                command: server -dev
              vault-prod:
                image: hashicorp/vault:1.17
                command: server -config=/vault/config
                volumes: ["vault_raft:/vault/data", "./vault:/vault/config:ro"]
              ollama:
                image: ollama/ollama:0.3.12
                volumes: ["models:/root"]
              app:
                image: ${REGISTRY}/postgres:16
            volumes:
              pg:
              vault_raft:
              models:
            """));
}
