using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class HardCodedCredentialRuleTests
{
    [Test]
    public void Catches_literal_secrets_and_url_passwords_without_printing_them()
    {
        var findings = RuleVerifier.Reports<HardCodedCredentialRule>(("docker-compose.yml", """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: [|postgres|]
                  POSTGRES_USER: postgres
              api:
                environment:
                  - DATABASE_URL=postgresql://app:[|s3cr3t-Value|]@db:5432/app
                  - STRIPE_API_KEY=[|sk_live_abcdef123456|]
              minio:
                environment:
                  MINIO_ROOT_USER: [|minioadmin|]
            """));

        Assert.That(findings[0].Message, Does.StartWith("POSTGRES_PASSWORD has a hard-coded value (a well-known default credential) in service 'db'"));
        Assert.That(findings[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(findings.Select(f => f.Message), Has.None.Contains("s3cr3t").And.None.Contains("sk_live"));
    }

    // Sweep 5: test-environments/ and TestSuite/ hold the stacks tests and developers run locally.
    [TestCase("scripts/test-environments/oidc/compose.yml", DiagnosticSeverity.Info)]
    [TestCase("tools/TestSuite/docker-compose-mysql.yml", DiagnosticSeverity.Info)]
    [TestCase("deploy/testbed/compose.yml", DiagnosticSeverity.Warning)]
    public void Test_setup_folders_are_development_stacks(string path, DiagnosticSeverity severity) =>
        Assert.That(RuleVerifier.Reports<HardCodedCredentialRule>((path, """
            services:
              app:
                build: .
                environment:
                  APP_DB_PASSWORD: [|Xk29-pqTv-88aa|]
            """)).Single().Severity, Is.EqualTo(severity));

    [Test]
    public void Is_an_error_in_production_and_reports_a_literal_default_there() =>
        Assert.That(RuleVerifier.Reports<HardCodedCredentialRule>(("docker-compose.prod.yml", """
            services:
              api:
                environment:
                  SECRET_KEY: ${SECRET_KEY:-[|not-so-secret|]}
            """)).Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));

    [Test]
    public void Does_not_report_references_files_placeholders_or_settings() =>
        RuleVerifier.ReportsNothing<HardCodedCredentialRule>(("docker-compose.yml", """
            x-env: &env
              DATABASE_URL: postgresql://app:${DB_PASSWORD:?set it}@db/app
            services:
              db:
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
                  API_KEY: ${API_KEY:-devkey}
                  JWT_SECRET: <your-secret>
                  TOKEN_EXPIRE_MINUTES: 30
                  PASSWORD_MIN_LENGTH: 12
                  SSL_KEY: /etc/ssl/private/key.pem
                  AUTH_SECRET:
              api:
                environment: *env
            """));

    [Test]
    public void Placeholders_of_the_shared_vocabulary_are_not_credentials() =>
        RuleVerifier.ReportsNothing<HardCodedCredentialRule>(("docker-compose.yml", """
            services:
              umami:
                environment:
                  APP_SECRET: replace-me-with-a-random-string
                  API_KEY: your-api-key-here
                  SECRET_KEY: changeme
                  TOKEN: "%(token)s"
            """));
}
