using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Rules.Secrets;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>
/// JSI5001 on whole public trees (issue 16's review of the secrets work): identifiers and UI keys assigned to *_KEY
/// constants, a provider name inside a function name, settings strings, test and fake values, Helm's names of
/// Kubernetes secrets, name-anchored provider formats in lock files and webhook sample payloads are not secrets; a
/// random key next to the same names still is. Second round (the review of 41 trees): samples in tests and docs are
/// info unless they prove themselves live, and so are AWS key IDs in links, localhost certificate keys and values for
/// throwaway services; markers, sample names, actions, query parameter names and host names are not secrets.
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
                ("tests/data/page.html", 1, DiagnosticSeverity.Info),
            }.OrderBy(f => f.ToString())));
    }

    private static string Severities(IReadOnlyList<Diagnostic> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Location.Path}:{f.Location.Span.Start.Line} {f.Severity}").Order(StringComparer.Ordinal));

    private static readonly string AwsKeyId = FakeSecrets.Join("AK", "IA", FakeSecrets.Random(FakeSecrets.Base32, 16, 305));

    [Test]
    public void In_tests_and_docs_only_a_credential_that_proves_itself_live_stays_a_warning()
    {
        // Scraped pages under tests/ with an AWS key ID and an Azure SAS, a README's realistic example keys, a private key
        // in an example config, a made-up GitHub token in a spec: samples (info). A token whose checksum is right, and a
        // Stripe live key, are real ones whatever the folder (warning).
        string signature = FakeSecrets.Random(FakeSecrets.Alnum, 43, 306) + "%3D";
        string maxmind = FakeSecrets.Random(FakeSecrets.Alnum, 6, 307) + "_" + FakeSecrets.Random(FakeSecrets.Alnum, 29, 308) + "_mmk";
        string madeUp = FakeSecrets.Join("gh", "p_", FakeSecrets.Random(FakeSecrets.Alnum, 36, 309));
        string real = FakeSecrets.Checksummed("gh" + "p_", 310);
        string stripe = FakeSecrets.Join("sk", "_live_", FakeSecrets.Random(FakeSecrets.Alnum, 24, 311));
        var findings = RuleVerifier.Reports<CommittedSecretRule>(
            ("tests/data/html/recipe.html", $"<a data-offer-url=\"https://shop.example/item?psc=1&amp;Id=[|{AwsKeyId}|]&amp;tag=x\">\n<meta content=\"https://media.blob.core.windows.net/v/clip.mp4?sv=2015-07-08&amp;sr=c&amp;sig=[|{signature}|]&amp;se=2117-04-10\" />\n"),
            ("README.md", $"```env\nMAXMIND_LICENSE_KEY=[|{maxmind}|]\n```\n"),
            ("sentry/config.example.yml", "signing:\n  key: |\n    [|" + FakeSecrets.PrivateKey(312).Replace("\n", "\n    ") + "|]\n"),
            ("src/token.spec.ts", $"const madeUp = '[|{madeUp}|]'\nconst real = '[|{real}|]'\nconst live = '[|{stripe}|]'\n"));
        Assert.That(Severities(findings), Is.EqualTo(string.Join("\n", new[]
        {
            "README.md:2 Info", "sentry/config.example.yml:3 Info", "src/token.spec.ts:1 Info", "src/token.spec.ts:2 Warning", "src/token.spec.ts:3 Warning",
            "tests/data/html/recipe.html:1 Info", "tests/data/html/recipe.html:2 Info",
        }.Order(StringComparer.Ordinal))));
    }

    [Test]
    public void An_aws_key_id_in_a_link_and_the_key_of_a_localhost_certificate_are_info_elsewhere_errors()
    {
        var findings = RuleVerifier.Reports<CommittedSecretRule>(
            ("web/templates/gear.html", $"<a href=\"https://www.amazon.com/dp/B0061?psc=1&amp;SubscriptionId=[|{AwsKeyId}|]&amp;tag=x\">knife</a>\n"),
            ("web/data/offers.json", $"{{\"link\":\"https:\\u002F\\u002Fwww.amazon.com\\u002Fdp?psc=1&SubscriptionId=[|{AwsKeyId}|]&tag=x\"}}\n"),
            ("apps/client/localhost.pem", "[|" + FakeSecrets.PrivateKey(313) + "|]\n"),
            ("config/production.env", $"AWS_ACCESS_KEY_ID=[|{AwsKeyId}|]\n"),
            ("deploy/certs/server.pem", "[|" + FakeSecrets.PrivateKey(314) + "|]\n"));
        Assert.That(Severities(findings), Is.EqualTo(string.Join("\n", new[]
        {
            "apps/client/localhost.pem:1 Info", "config/production.env:1 Error", "deploy/certs/server.pem:1 Error", "web/data/offers.json:1 Info", "web/templates/gear.html:1 Info",
        }.Order(StringComparer.Ordinal))));
    }

    [Test]
    public void Values_judged_by_position_for_throwaway_services_are_info_and_next_to_a_deploy_warnings()
    {
        // A CI workflow that starts its own storage and database and deploys nothing; a package.json script that runs a
        // throwaway database; a seed script. The same values in a deploying workflow, a release script and app code fire.
        string secret = FakeSecrets.Random(FakeSecrets.Alnum, 24, 315);
        string password = FakeSecrets.Random(FakeSecrets.Alnum, 12, 316) + "#";
        var findings = RuleVerifier.Reports<CommittedSecretRule>(
            (".github/workflows/e2e.yml", $"jobs:\n  e2e:\n    steps:\n      - run: |\n          docker run -d -p 9000:9000 -e STORE_SECRET_KEY=[|{secret}|] storage/server\n          echo \"S3_ENDPOINT_URL=http://localhost:9000\" >> .env\n"),
            (".github/workflows/ci.yml", $"env:\n  NODE_ENV: test\n  SECRET_KEY: [|{secret}|]\njobs:\n  test:\n    steps:\n      - run: yarn test\n"),
            (".github/workflows/deploy.yml", $"env:\n  NODE_ENV: test\n  SECRET_KEY: [|{secret}|]\njobs:\n  ship:\n    steps:\n      - run: flyctl deploy --remote-only\n"),
            ("package.json", $"{{\n  \"scripts\": {{\n    \"db:mariadb\": \"docker run --rm -p 3306:3306 -e MYSQL_ROOT_PASSWORD=[|{password}|] mariadb\",\n    \"deploy:db\": \"docker run --rm -e MYSQL_ROOT_PASSWORD=[|{password}|] mariadb\"\n  }},\n  \"config\": {{ \"db_password\": \"[|{password}|]\" }}\n}}\n"),
            ("apps/web/prisma/populate.ts", $"const rawToken = \"[|{secret}|]\";\n"),
            ("apps/web/app/worker.ts", $"const rawToken = \"[|{secret}|]\";\n"));
        Assert.That(Severities(findings), Is.EqualTo(string.Join("\n", new[]
        {
            ".github/workflows/ci.yml:3 Info", ".github/workflows/deploy.yml:3 Warning", ".github/workflows/e2e.yml:5 Info", "apps/web/app/worker.ts:1 Warning",
            "apps/web/prisma/populate.ts:1 Info", "package.json:3 Info", "package.json:4 Warning", "package.json:6 Warning",
        }.Order(StringComparer.Ordinal))));
    }

    [Test]
    public void Markers_sample_names_actions_parameter_names_labels_and_host_names_are_not_secrets() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            ("integrations/src/handAuthored/pay.ts", $"export const sample = {{\n  payment: {{ receipt_number: \"hYy9\", version_token: \"{FakeSecrets.Random(FakeSecrets.Alnum, 45, 317)}\" }},\n  next_page_token: \"{Token24}\",\n}};\n"),
            ("query_runner/sheets.py", $"    def test_connection(self):\n        test_spreadsheet_key = \"{FakeSecrets.Random(FakeSecrets.Alnum, 44, 318)}\"\n"),
            ("Api/Helpers/FilterHelper.cs", "    private const string SortOptionsKey = \"sortOptions=\";\n    private const string IsAscendingKey = \"isAscending=\";\n"),
            ("api/subscription.service.ts", "      offerKey = 'renewal-early-bird-2024';\n      const cacheKey = `plan-${id}`;\n"),
            ("api/assets/coins.json", "{\n  \"2KEY\": \"2key.network\",\n  \"FEED_KEY\": \"feed2.coinpaprika.com\"\n}\n"),
            ("recipes/settings.py", "ACCOUNT_RATE_LIMITS = {\n    \"change_password\": \"1/m/user\",\n    \"reset_password\": \"1/m/ip,1/m/key\",\n}\n"));

    [Test]
    public void The_same_names_with_a_random_value_still_fire() =>
        RuleVerifier.Reports<CommittedSecretRule>(
            ("integrations/src/handAuthored/pay.ts", $"export const config = {{ apiToken: \"[|{Token24}|]\" }};\n"),
            ("query_runner/sheets.py", $"spreadsheet_api_key = \"[|{FakeSecrets.Random(FakeSecrets.Alnum, 40, 319)}|]\"\n"),
            ("Api/Services/AccountService.cs", $"    public const string DefaultPassword = \"[|[k.2@{FakeSecrets.Random(FakeSecrets.Alnum, 12, 320)}|]\";\n"),
            ("api/subscription.service.ts", $"      offerKey = '[|{FakeSecrets.Random(FakeSecrets.Alnum, 21, 321)}7Qz|]';\n"),
            ("api/assets/coins.json", $"{{\n  \"API_KEY\": \"[|{Hex32}|]\"\n}}\n"),
            ("recipes/settings.py", $"EMAIL_HOST_PASSWORD = \"[|{FakeSecrets.Random(FakeSecrets.Alnum, 14, 322)}!|]\"\n"));

    [Test]
    public void A_token_whose_body_is_base64_of_a_sentence_is_documentation_and_a_random_one_fires()
    {
        string prose = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("Signing secrets look like this shorter string"));
        RuleVerifier.ReportsNothing<CommittedSecretRule>(("docker/docker-compose.yml", $"services:\n  auth:\n    image: supabase/gotrue:v2\n    environment:\n      # HOOK_SEND_SMS_SECRETS: \"v1,whsec_{prose}\"\n"));
        RuleVerifier.Reports<CommittedSecretRule>(("docker/hooks.env", $"HOOK_SEND_SMS_SECRETS=v1,[|whsec_{FakeSecrets.Random(FakeSecrets.Alnum, 44, 323)}|]\n"));
    }

    [Test]
    public void A_key_published_as_insecure_is_info() =>
        Assert.That(Severities(RuleVerifier.Reports<CommittedSecretRule>(
            ("workspace/insecure_id_rsa", "[|" + FakeSecrets.PrivateKey(324) + "|]\n"),
            ("workspace/id_rsa", "[|" + FakeSecrets.PrivateKey(325) + "|]\n"))),
            Is.EqualTo("workspace/id_rsa:1 Error\nworkspace/insecure_id_rsa:1 Info"));
}
