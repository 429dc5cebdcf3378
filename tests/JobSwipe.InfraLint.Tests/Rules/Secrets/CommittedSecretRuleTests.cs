using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class CommittedSecretRuleTests
{
    private static readonly string GitHub = "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 3);
    private static readonly string Stripe = "sk" + "_live_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 10);

    [Test]
    public void Reports_the_secret_in_every_kind_of_file()
    {
        var found = RuleVerifier.Reports<CommittedSecretRule>(
            (".env.production", $"GITHUB_TOKEN=[|{GitHub}|]\n"),
            ("fly.toml", $"app = \"x\"\n[env]\n  STRIPE_KEY = \"[|{Stripe}|]\"\n"),
            ("Dockerfile", $"FROM alpine:3.20\nENV TOKEN=[|{GitHub}|]\n"),
            ("scripts/deploy.sh", $"#!/bin/sh\nfly secrets set STRIPE_KEY=[|{Stripe}|]\n"),
            ("docker-compose.yml", $"services:\n  app:\n    environment:\n      TOKEN: [|{GitHub}|]\n"),
            (".github/workflows/ci.yml", $"jobs:\n  a:\n    env:\n      NPM_TOKEN: [|{FakeSecrets.Join("np", "m_", FakeSecrets.Random(FakeSecrets.Alnum, 36, 21))}|]\n"));
        foreach (var d in found)
        {
            Assert.That(d.Message, Does.Not.Contain(GitHub).And.Not.Contain(Stripe));
        }

        Assert.That(found.Select(d => d.Message), Has.Some.StartsWith("A GitHub personal access token is committed"));
    }

    [Test]
    public void Reports_a_private_key_block_as_one_finding() =>
        RuleVerifier.Reports<CommittedSecretRule>(("deploy/key.sh", "#!/bin/sh\ncat > key <<'EOF'\n[|" + FakeSecrets.PrivateKey(24) + "|]\nEOF\n"));

    [Test]
    public void Reports_the_password_of_a_connection_string_only()
    {
        string password = FakeSecrets.Random(FakeSecrets.Alnum, 20, 27);
        RuleVerifier.Reports<CommittedSecretRule>((".env", $"DATABASE_URL=postgresql://app:[|{password}|]@db.internal:5432/app\n"));
    }

    [Test]
    public void Quiet_on_references_placeholders_defaults_and_documented_examples() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            (".env.example", "GITHUB_TOKEN=<your-token>\nAWS_ACCESS_KEY_ID=AK" + "IAIOSFODNN7EXAMPLE\nDB_URL=postgresql://postgres:postgres@localhost:5432/app\n"),
            ("docker-compose.production.yml", "services:\n  app:\n    environment:\n      TOKEN: ${GITHUB_TOKEN}\n      DATABASE_URL: postgresql://app:${DB_PASSWORD}@db/app\n"),
            ("fly.toml", "app = \"x\"\n[env]\n  LOG_LEVEL = \"info\"\n"));

    private static readonly string DjangoKey = FakeSecrets.Random(FakeSecrets.Alnum + "!@#^&*-_=+", 40, 70);
    private static readonly string ApiKeyHex = FakeSecrets.Random(FakeSecrets.Hex, 40, 71);
    private static readonly string SqlPassword = FakeSecrets.Random(FakeSecrets.Alnum, 18, 72);

    [Test]
    public void Catches_the_two_files_of_the_issue() =>
        RuleVerifier.Reports<CommittedSecretRule>(
            ("backend/settings.env", $"DEBUG=false\nDJANGO_SECRET_KEY=[|{DjangoKey}|]\n"),
            ("config/production.json", $"{{\n  \"service\": \"billing\",\n  \"api_key\": \"[|{ApiKeyHex}|]\"\n}}\n"));

    [Test]
    public void Scans_every_text_file_kind()
    {
        string G(int seed) => "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, seed);
        RuleVerifier.Reports<CommittedSecretRule>(
            ("notes/token.txt", $"token [|{G(80)}|]\n"),
            ("config/app.yaml", $"payments:\n  client_secret: [|{FakeSecrets.Random(FakeSecrets.Alnum, 32, 81)}|]\n"),
            ("config/app.toml", $"[github]\ntoken = \"[|{G(82)}|]\"\n"),
            ("config/app.ini", $"[smtp]\npassword = [|{FakeSecrets.Random(FakeSecrets.Alnum, 12, 83)}7!|]\n"),
            ("src/main/resources/application.properties", $"spring.datasource.password=[|{FakeSecrets.Random(FakeSecrets.Alnum, 14, 84)}|]\n"),
            ("web.config", $"<configuration>\n  <apiKey>[|{FakeSecrets.Random(FakeSecrets.Alnum, 32, 85)}|]</apiKey>\n</configuration>\n"),
            ("infra/main.tf", $"provider \"github\" {{\n  token = \"[|{G(86)}|]\"\n}}\n"),
            ("analysis.ipynb", $"{{\"cells\": [{{\"source\": [\"OPENAI_KEY = '[|sk-{FakeSecrets.Random(FakeSecrets.Alnum, 20, 87)}T3Blbk" + $"FJ{FakeSecrets.Random(FakeSecrets.Alnum, 20, 88)}|]'\"]}}]}}\n"),
            (".envrc", $"export STRIPE_SECRET_KEY=[|sk" + $"_live_{FakeSecrets.Random(FakeSecrets.Alnum, 24, 89)}|]\n"),
            ("deploy/env.production", $"SESSION_SECRET=[|{FakeSecrets.Random(FakeSecrets.UrlSafe, 43, 90)}|]\n"),
            ("app/settings.py", $"SECRET_KEY = \"[|{FakeSecrets.Random(FakeSecrets.Alnum, 50, 91)}|]\"\nAPI_KEY = os.environ[\"API_KEY\"]\ntoken = get_token()\n"));
    }

    [Test]
    public void Connection_strings_with_a_password_under_any_name()
    {
        RuleVerifier.Reports<CommittedSecretRule>(
            ("docker-compose.production.yml", $"services:\n  api:\n    environment:\n      ConnectionStrings__Default: \"Server=sql;Database=app;User Id=sa;Password=[|{SqlPassword}|]\"\n"),
            (".env.production", $"ConnectionStrings__Default=Server=sql;Database=app;User Id=sa;Password=[|{SqlPassword}|];\n"),
            ("src/Api/appsettings.json", $"{{\n  \"ConnectionStrings\": {{\n    \"Db\": \"Data Source=db;Initial Catalog=app;User ID=app;Pwd=[|{SqlPassword}|]\"\n  }}\n}}\n"),
            ("src/Api/appsettings.Staging.json", $"{{ \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[|{FakeSecrets.Random(FakeSecrets.Alnum + "+/", 86, 92)}==|];EndpointSuffix=core.windows.net\" }}\n"));
    }

    [Test]
    public void Quiet_on_placeholders_references_and_lock_files_in_any_file() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            ("src/Api/appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=localhost;Database=app;User Id=sa;Password=${SQL_PASSWORD}\" } }\n"),
            ("config/app.yaml", "app:\n  secret_key: replace-me-with-a-random-string\n  api_key: <your-api-key>\n  token: \"{{ .Values.token }}\"\n  password: \"%(db_password)s\"\n  signing_key: /run/secrets/signing.key\n"),
            ("src/app.js", "const apiKey = process.env.API_KEY;\nconst token = await getToken();\nconst secretName = \"prod/api/secret\";\n"),
            ("package-lock.json", $"{{ \"integrity\": \"sha512-{FakeSecrets.Random(FakeSecrets.Alnum, 86, 93)}==\", \"token\": \"{FakeSecrets.Random(FakeSecrets.Alnum, 40, 94)}\" }}\n"),
            ("README.md", "Set `API_KEY=xxxxxxxxxxxxxxxx` and `GITHUB_TOKEN=ghp_...` before running.\n"));

    [Test]
    public void Honours_gitleaks_allow_on_the_line() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(("tests/fixtures/keys.py", $"FAKE = \"{GitHub}\"  # gitleaks:allow\n"));

    [Test]
    public void Inline_suppressions_work_in_files_without_a_parser() =>
        RuleVerifier.Reports<CommittedSecretRule>(
            ("app/settings.py", $"# infralint-disable-next-line JSI5001 -- revoked test key\nKEY = \"{GitHub}\"\nOTHER = \"[|{Stripe}|]\"\n"),
            ("web/app.js", $"// infralint-disable-next-line JSI5001\nconst key = \"{GitHub}\";\n"),
            ("web/index.html", $"<!-- infralint-disable JSI5001 -- sample page -->\n<script>const key = \"{GitHub}\";</script>\n"));

    [Test]
    public void Files_git_ignores_are_not_scanned() =>
        RuleVerifier.Reports<CommittedSecretRule>(
            (".gitignore", ".env.local\nsecrets/\n"),
            (".env.local", $"GITHUB_TOKEN={GitHub}\n"),
            ("secrets/prod.json", $"{{ \"token\": \"{GitHub}\" }}\n"),
            ("config/prod.json", $"{{ \"token\": \"[|{GitHub}|]\" }}\n"));

    [Test]
    public void Binary_files_are_counted_and_key_stores_reported()
    {
        using var repository = new TempRepository();
        repository.Write("assets/logo.png", "\u0089PNG\0\0" + GitHub);
        repository.Write("certs/client.pfx", "\u0030\0binary");
        var result = JobSwipe.InfraLint.Engine.LintEngine.Run(new JobSwipe.InfraLint.Engine.LintOptions(repository.Root) { Analyzers = [new CommittedSecretRule()] });
        Assert.That(result.BinaryFilesSkipped, Is.EqualTo(1));
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Path)), Is.EqualTo(new[] { ("JSI5001", "certs/client.pfx") }));
    }

    [Test]
    public void Files_over_the_size_limit_are_reported_not_skipped_silently()
    {
        using var repository = new TempRepository();
        repository.Write("data/dump.sql", new string('x', 2048));
        var result = JobSwipe.InfraLint.Engine.LintEngine.Run(new JobSwipe.InfraLint.Engine.LintOptions(repository.Root)
        {
            Analyzers = [new CommittedSecretRule()],
            Discovery = new JobSwipe.InfraLint.Workspace.DiscoveryOptions { MaxFileSize = 1024 },
        });
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Path)), Is.EqualTo(new[] { ("JSI0003", "data/dump.sql") }));
    }

    [Test]
    public void Does_not_repeat_what_the_compose_rule_owns()
    {
        using var repository = new TempRepository();
        string password = FakeSecrets.Random(FakeSecrets.Alnum, 20, 95);
        repository.Write("docker-compose.yml", $"services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:{password}@db/app\n      API_TOKEN: {GitHub}\n");
        var result = JobSwipe.InfraLint.Engine.LintEngine.Run(new JobSwipe.InfraLint.Engine.LintOptions(repository.Root)
        {
            Analyzers = [new CommittedSecretRule(), new JobSwipe.InfraLint.Rules.Compose.HardCodedCredentialRule()],
        });
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start.Line)), Is.EquivalentTo(new[] { ("JSI2003", 5), ("JSI2003", 6) }));
    }

    [Test]
    public void Does_not_repeat_what_the_dockerfile_and_fly_rules_own()
    {
        using var repository = new TempRepository();
        repository.Write("Dockerfile", $"FROM alpine:3.20\nENV GITHUB_TOKEN={GitHub}\nRUN echo {Stripe} > /etc/key\n");
        repository.Write("fly.toml", $"app = \"x\"\n[env]\n  STRIPE_KEY = \"{Stripe}\"\n");
        var result = JobSwipe.InfraLint.Engine.LintEngine.Run(new JobSwipe.InfraLint.Engine.LintOptions(repository.Root)
        {
            Analyzers = [new CommittedSecretRule(), new JobSwipe.InfraLint.Rules.Dockerfile.SecretInImageRule(), new JobSwipe.InfraLint.Rules.Fly.FlySecretInEnvRule()],
        });
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Path, d.Location.Span.Start.Line)), Is.EquivalentTo(new[]
        {
            ("JSI1008", "Dockerfile", 2), ("JSI5001", "Dockerfile", 3), ("JSI3009", "fly.toml", 3),
        }));
    }

    // Sweep 5 (13 new public trees): keys of certificates that only name the developer's machine or reserved test names,
    // keys assigned to names that call them fakes, a form field's placeholder and a licence JWT are info; the same
    // formats anywhere else stay errors, a key named only for a test environment (TEST_SIGNING_KEY) among them. Keys and certificates are made here, at run time.
    [Test]
    public void Local_certificate_keys_sample_names_placeholders_and_licence_jwts_are_info_and_the_same_formats_elsewhere_errors()
    {
        var (localKey, localCertificate) = MakeCertificate("localhost", ca: false);
        var (testKey, testCertificate) = MakeCertificate("mail.example.test", ca: false);
        var (_, caCertificate) = MakeCertificate("Relay Root CA", ca: true);
        var (publicKey, publicCertificate) = MakeCertificate("api.acme-shop.io", ca: false);
        string fakeKey = FakeSecrets.PrivateKey(401);
        string gitlab = "gloas-" + FakeSecrets.Random("0123456789abcdef", 64, 402);
        string licence = FakeSecrets.Base64Url("{\"alg\":\"PS256\",\"typ\":\"license+jwt\"}") + "." + FakeSecrets.Base64Url("{\"iss\":\"https://vendor.example\",\"edition\":\"Starter\"}") + "." + FakeSecrets.Random(FakeSecrets.UrlSafe, 43, 403);
        string session = FakeSecrets.Jwt("{\"sub\":\"4711\",\"role\":\"admin\"}", 404);
        var findings = RuleVerifier.Reports<CommittedSecretRule>(
            ("dev/app-dev.key", "[|" + localKey + "|]\n"),
            ("dev/app-dev.crt", localCertificate + "\n"),
            ("relay/stack.yaml", "configs:\n  tls-key:\n    content: |\n      [|" + Indent(testKey) + "|]\n  tls-cert:\n    content: |\n      " + Indent(testCertificate) + "\n  tls-ca:\n    content: |\n      " + Indent(caCertificate) + "\n"),
            ("deploy/tls/server.key", "[|" + publicKey + "|]\n"),
            ("deploy/tls/server.crt", publicCertificate + "\n"),
            ("util/seeder/src/rsa_keys.rs", "const FAKE_TEST_RSA_KEY_7: &str = \"[|" + fakeKey + "|]\";\nconst SIGNING_KEY: &str = \"[|" + FakeSecrets.PrivateKey(405) + "|]\";\n"),
            ("util/seeder/src/signing.rs", "const TEST_SIGNING_KEY: &str = \"[|" + FakeSecrets.PrivateKey(407) + "|]\";\n"),
            ("admin/gitlab/form.tsx", $"  {{ key: \"GITLAB_CLIENT_SECRET\", placeholder: \"[|{gitlab}|]\" }},\n  <input placeholder=\"[|{gitlab}|]\" />\n"),
            ("admin/gitlab/config.ts", $"export const clientSecret = \"[|{gitlab}|]\";\n"),
            ("src/Core/Settings/Licensing.cs", $"public string LicenseKey {{ get; set; }} = \"[|{licence}|]\";\npublic string ServiceToken {{ get; set; }} = \"[|{session}|]\";\n"),
            ("scripts/test-environments/oidc/configuration.yml", "jwks:\n  - key: |\n      [|" + Indent(FakeSecrets.PrivateKey(406)) + "|]\n"));
        Assert.That(
            findings.Select(f => $"{f.Location.Path}:{f.Location.Span.Start.Line} {f.Severity}").Order(StringComparer.Ordinal),
            Is.EqualTo(new[]
            {
                "admin/gitlab/config.ts:1 Error", "admin/gitlab/form.tsx:1 Info", "admin/gitlab/form.tsx:2 Info", "deploy/tls/server.key:1 Error",
                "dev/app-dev.key:1 Info", "relay/stack.yaml:4 Info", "scripts/test-environments/oidc/configuration.yml:3 Info",
                "src/Core/Settings/Licensing.cs:1 Info", "src/Core/Settings/Licensing.cs:2 Error", "util/seeder/src/rsa_keys.rs:1 Info",
                "util/seeder/src/rsa_keys.rs:7 Error", "util/seeder/src/signing.rs:1 Error",
            }.Order(StringComparer.Ordinal)));
    }

    // Sweep 5: identifiers (a token's type name, a table column key), a cache key prefix, namespaced class names, an API
    // description's examples, a page named as a sample and base64 of a JSON reference naming no secret are not secrets;
    // a random value under the same names is.
    [Test]
    public void Identifiers_prefixes_class_names_and_api_description_examples_are_not_secrets()
    {
        string random = FakeSecrets.Random(FakeSecrets.Alnum, 32, 407);
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            ("src/Core/Tokenables/EmailSessionTokenable.cs", "public const string TokenIdentifier = \"OrgInvite2faSessionToken\";\n"),
            ("web/components/table.tsx", "  { accessorKey: \"owner__email\", header: \"Owner\" },\n"),
            (".github/workflows/build.yml", "      - uses: actions/cache@v4\n        with:\n          prefix-key: \"v2026.01-build\"\n"),
            ("web/lib/oauth/Server.php", "  'access_token' => 'Acme2\\Storage\\SessionStoreInterface',\n  'refresh_token' => 'Acme2\\Storage\\GrantStoreInterface',\n"),
            ("docker/sync/imapsync", "my $oauthaccesstoken => 'Net::Mailbox2' ;\n"),
            ("web/api/openapi.yaml", $"          example:\n            app_passwd: {random}\n            client_secret: {random}\n"),
            ("web/scripts/embed-sample.html", $"<div cms-token=\"{random}\"></div>\n"),
            ("sdk/src/template.html", $"<div cms-token=\"{FakeSecrets.Base64Url("{\"a\":\"website\",\"s\":\"blog\",\"i\":\"3b7e0c52-91aa-4f6d-8e21-5c0d7a4b9f13\"}")}\"></div>\n"));
        RuleVerifier.Reports<CommittedSecretRule>(
            ("src/Core/Tokenables/EmailSessionTokenable.cs", $"public const string SessionToken = \"[|{random}|]\";\n"),
            ("web/lib/oauth/Server.php", $"  'access_token' => '[|{random}|]',\n"),
            ("web/api/handler.yaml", $"client_secret: [|{random}|]\n"),
            ("sdk/src/signed.html", $"<div cms-token=\"[|{FakeSecrets.Base64Url($"{{\"a\":\"website\",\"secret\":\"{random}\"}}")}|]\"></div>\n"));
    }

    private static string Indent(string pem) => pem.Replace("\n", "\n      ", StringComparison.Ordinal);

    private static (string Key, string Certificate) MakeCertificate(string name, bool ca)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + name, key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(ca, false, 0, true));
        if (!ca)
        {
            var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
            names.AddDnsName(name);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return (key.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem());
    }
}
