using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class ObsoleteVersionKeyRuleTests
{
    [Test]
    public void Catches_the_version_key() =>
        RuleVerifier.Reports<ObsoleteVersionKeyRule>(("docker-compose.yml", """
            [|version|]: "3.9"
            services:
              api:
                image: app:1
            """));

    [Test]
    public void Does_not_report_a_version_inside_a_service() =>
        RuleVerifier.ReportsNothing<ObsoleteVersionKeyRule>(("docker-compose.yml", """
            services:
              api:
                image: app:1
                labels:
                  version: "3.9"
            """));
}
