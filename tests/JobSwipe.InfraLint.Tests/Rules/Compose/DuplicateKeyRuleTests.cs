using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class DuplicateKeyRuleTests
{
    [Test]
    public void Catches_a_variable_twice_in_a_map_environment()
    {
        var findings = RuleVerifier.Reports<DuplicateKeyRule>(("docker-compose.yml", """
            services:
              worker:
                image: app:1.0
                environment:
                  VAULT_URL: http://vault:8200
                  REDIS_URL: redis://redis:6379/0
                  [|VAULT_URL|]: http://vault:8200/v1
            """));

        Assert.That(findings.Single().Message, Is.EqualTo("environment variable 'VAULT_URL' is defined twice in this mapping (first on line 5); only the last definition takes effect"));
        Assert.That(findings.Single().AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(5));
    }

    [Test]
    public void Catches_a_variable_twice_in_a_list_environment() =>
        RuleVerifier.Reports<DuplicateKeyRule>(("compose.yaml", """
            services:
              worker:
                environment:
                  - VAULT_TOKEN=abc
                  - DEBUG=0
                  - [|VAULT_TOKEN|]=def
            """));

    [Test]
    public void Catches_duplicates_in_any_mapping_and_each_repetition()
    {
        var findings = RuleVerifier.Reports<DuplicateKeyRule>(("docker-compose.yml", """
            services:
              api:
                image: api:1
                labels:
                  team: core
                  [|team|]: platform
              db:
                image: postgres:16
              [|api|]:
                image: api:2
                ports:
                  - "8080:80"
                [|ports|]:
                  - "9090:80"
            """));

        Assert.That(findings.Select(f => f.Message.Split(' ')[0]), Is.EqualTo(new[] { "label", "service", "key" }));
    }

    [Test]
    public void Does_not_report_merge_key_overrides_or_the_same_key_in_different_mappings() =>
        RuleVerifier.ReportsNothing<DuplicateKeyRule>(("docker-compose.yml", """
            x-common: &common
              restart: unless-stopped
              environment:
                LOG_LEVEL: info
            services:
              api:
                <<: *common
                restart: always
                environment:
                  LOG_LEVEL: debug
              worker:
                <<: *common
                environment:
                  LOG_LEVEL: debug
                  VAULT_URL: http://vault:8200
              other:
                environment:
                  - VAULT_URL=http://vault:8200
            """));

    [Test]
    public void Reports_a_duplicate_inside_an_anchored_block_once() =>
        RuleVerifier.Reports<DuplicateKeyRule>(("docker-compose.yml", """
            x-env: &env
              A: 1
              [|A|]: 2
            services:
              one:
                environment: *env
              two:
                environment: *env
            """));
}
