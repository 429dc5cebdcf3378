using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Rules.Secrets;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>
/// JSI5001 on whole public trees (issue 16's review of the secrets work): identifiers and UI keys assigned to *_KEY
/// constants, a provider name inside a function name, settings strings, test and fake values, Helm's names of
/// Kubernetes secrets, name-anchored provider formats in lock files and webhook sample payloads are not secrets; a
/// random key next to the same names still is.
/// </summary>
public class CommittedSecretPrecisionTests
{
    private static readonly string Token24 = FakeSecrets.Random(FakeSecrets.Alnum, 24, 301);
    private static readonly string Hex32 = FakeSecrets.Random("0123456789abcdef", 32, 302);

    [Test]
    public void Identifiers_settings_test_values_and_secret_names_are_not_secrets() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            ("web/components/chart.tsx", "const OVERLAY_STATE_KEY = \"__overlayState\";\nexport const CLIENT_CONFIG_KEY = \"__acmeClientConfig\";\n"),
            ("web/presenters/deployments.ts", "          vercelPreviewUrl = buildVercelPreviewUrl(\n            project.slug,\n"),
            ("Media/Encoder.cs", "var scaleFilterSecondPass = \"scale_vaapi=format=nv12:mode=fast\";\n"),
            ("packages/containers/src/app.ts", "  SESSION_SECRET: \"test-session-secret-for-ci-runs!\",\n  SIGNING_KEY: \"eyJhbGciOiJIUzI1NiJ9.fake-demo-token-not-real.sig\",\n"),
            ("deploy/helm/values-prod-example.yaml", "postgres:\n  existingSecret: \"db-credentials\"\n  secretName: \"app-tls-cert\"\n"),
            ("deploy/helm/values.yaml", "postgres:\n  existingSecret: \"db-credentials\"\n  secretName: \"app-tls-cert\"\n"),
            ("web/i18n.lock", $"  workspace/datadog_settings/api_key: {Hex32}\n"),
            ("integrations/generated/stripe-samples.json", $"{{ \"token\": \"{Token24}\" }}\n"),
            ("integrations/src/handAuthored/chat.ts", $"export const sample = {{\n  token: \"{Token24}\",\n  team_id: \"T0001\",\n}};\n"),
            ("clickhouse/users.xml", $"<users><default><password_sha256_hex>{Hex32}{Hex32}</password_sha256_hex></default></users>\n"),
            ("graylog/defaults.env", $"GRAYLOG_ROOT_PASSWORD_SHA2={Hex32}{Hex32}\nMAIL_PASSWORD_SCHEME=PBKDF2-SHA512\n"));

    [Test]
    public void A_random_key_next_to_the_same_names_still_fires() =>
        RuleVerifier.Reports<CommittedSecretRule>(
            ("web/config.ts", $"export const VERCEL_TOKEN = \"[|{Token24}|]\";\n"),
            ("Plugins/Tmdb/TmdbUtils.cs", $"public const string ApiKey = \"[|{Hex32}|]\";\n"));

    [Test]
    public void A_value_judged_by_position_is_a_warning_outside_production_and_a_provider_format_an_error_outside_tests_and_docs()
    {
        string github = FakeSecrets.Join("ghp_", FakeSecrets.Random(FakeSecrets.Alnum, 36, 303));
        string secret = FakeSecrets.Random(FakeSecrets.Alnum, 40, 304);
        var findings = RuleVerifier.Reports<CommittedSecretRule>(
            ("backend/settings.env", $"DJANGO_SECRET_KEY=[|{secret}|]\nGITHUB_TOKEN=[|{github}|]\n"),
            (".env.production", $"DJANGO_SECRET_KEY=[|{secret}|]\n"),
            ("src/Api/appsettings.Development.json", $"{{ \"ConnectionStrings\": {{ \"Db\": \"Server=db;User Id=sa;Password=[|{secret}|]\" }} }}\n"),
            ("tests/data/page.html", $"<script>var t = '[|{github}|]';</script>\n"));

        Assert.That(
            findings.Select(f => (f.Location.Path, f.Location.Span.Start.Line, f.Severity)).OrderBy(f => f.ToString()),
            Is.EqualTo(new[]
            {
                (".env.production", 1, DiagnosticSeverity.Error),
                ("backend/settings.env", 1, DiagnosticSeverity.Warning),
                ("backend/settings.env", 2, DiagnosticSeverity.Error),
                ("src/Api/appsettings.Development.json", 1, DiagnosticSeverity.Warning),
                ("tests/data/page.html", 1, DiagnosticSeverity.Warning),
            }.OrderBy(f => f.ToString())));
    }
}
