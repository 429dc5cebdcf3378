using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class UndeclaredResourceRuleTests
{
    [Test]
    public void Catches_undeclared_volumes_networks_secrets_and_configs()
    {
        var findings = RuleVerifier.Reports<UndeclaredResourceRule>(("compose.yaml", """
            services:
              api:
                image: app:1
                volumes:
                  - [|uploads|]:/srv/uploads
                  - type: volume
                    source: [|cache|]
                    target: /cache
                networks: [[|backend|]]
                secrets:
                  - [|db_password|]
                configs:
                  - source: [|app_config|]
                    target: /etc/app.yml
            """));

        Assert.That(findings[0].Message, Is.EqualTo("service 'api' uses the volume 'uploads', which is not declared under the top-level `volumes:` key; declare it there"));
    }

    [Test]
    public void Does_not_report_declared_external_default_or_bind_mounts() =>
        RuleVerifier.ReportsNothing<UndeclaredResourceRule>(("compose.yaml", """
            services:
              api:
                image: app:1
                volumes:
                  - data:/data
                  - ./src:/src
                  - /var/log:/host-logs:ro
                  - ${DATA_DIR}:/x
                networks:
                  default:
                  proxy:
                    aliases: [api]
                secrets: [token]
            volumes:
              data:
            networks:
              proxy:
                external: true
            secrets:
              token:
                file: ./token.txt
            """));
}
