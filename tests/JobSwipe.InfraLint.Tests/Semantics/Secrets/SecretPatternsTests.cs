using JobSwipe.InfraLint.Semantics.Secrets;
using JobSwipe.InfraLint.Tests.Rules.Secrets;

namespace JobSwipe.InfraLint.Tests.Semantics.Secrets;

public class SecretPatternsTests
{
    private static IEnumerable<TestCaseData> ValidCases() =>
        FakeSecrets.Valid().Select((v, i) => new TestCaseData(v.Id, v.Value).SetName($"Detects_{v.Id}_{i}"));

    [TestCaseSource(nameof(ValidCases))]
    public void Detects_each_provider_at_the_exact_span(string id, string value)
    {
        string text = "SOME_SETTING=" + value + "\n";
        var matches = SecretPatterns.Scan(text);
        Assert.That(matches, Has.Count.EqualTo(1), string.Join(", ", matches.Select(m => m.DetectorId)));
        string secret = FakeSecrets.SecretPart(id, value);
        Assert.That(matches[0].DetectorId, Is.EqualTo(id));
        Assert.That(text.Substring(matches[0].Start, matches[0].Length), Is.EqualTo(secret));
        Assert.That(matches[0].Provider, Does.Not.Contain(secret));
    }

    [Test]
    public void A_format_repeated_on_a_line_and_on_later_lines_is_found_at_each_place_once()
    {
        // A detector's regex runs once per line however many of its keywords the line holds, and again on a later line.
        var valid = FakeSecrets.Valid().First(v => !v.Value.Contains('\n', StringComparison.Ordinal));
        string secret = FakeSecrets.SecretPart(valid.Id, valid.Value);
        string text = $"A={valid.Value} B={valid.Value}\nC={valid.Value}\n";
        var matches = SecretPatterns.Scan(text).Where(m => m.DetectorId == valid.Id).ToList();
        Assert.That(matches.Select(m => text.Substring(m.Start, m.Length)), Is.EqualTo(new[] { secret, secret, secret }));
        Assert.That(matches.Select(m => m.Start).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void Every_detector_has_a_positive_case() =>
        Assert.That(SecretPatterns.Detectors.Select(d => d.Id).Except(ProviderSamples.ValidSamples().Select(v => v.Id)), Is.Empty);

    private static IEnumerable<TestCaseData> GeneratedCases() =>
        ProviderSamples.ValidSamples(7).Select(v => new TestCaseData(v.Id, v.Line, v.Secret).SetName($"Finds_{v.Id}_at_the_secret"));

    [TestCaseSource(nameof(GeneratedCases))]
    public void Finds_every_documented_format_at_the_secret(string id, string line, string secret)
    {
        string text = line + "\n";
        var matches = SecretPatterns.Scan(text);
        int at = text.IndexOf(secret, StringComparison.Ordinal);
        Assert.That(matches.Select(m => (m.DetectorId, m.Start, m.Length)), Does.Contain((id, at, secret.Length)), string.Join(", ", matches.Select(m => m.DetectorId)));
        Assert.That(matches.Single(m => m.Start == at).Provider, Does.Not.Contain(secret));
    }

    [Test]
    public void Finds_every_provider_format_in_every_syntax()
    {
        Func<string, string, string>[] syntaxes =
        [
            (n, v) => $"  \"{n.ToLowerInvariant()}\": \"{v}\",", // JSON
            (n, v) => $"    {n}: {v}", // YAML
            (n, v) => $"{n.ToLowerInvariant()} = \"{v}\"", // TOML, Python
            (n, v) => $"const {n} = '{v}';", // JavaScript
            (n, v) => $"  <{n}>{v}</{n}>", // XML
            (n, v) => $"export {n}=\"{v}\"", // shell
        ];
        var missed = new List<string>();
        foreach (var sample in ProviderSamples.ValidSamples(11).Where(s => s.Name.Length > 0 && !s.Secret.Contains('\n', StringComparison.Ordinal)))
        {
            foreach (var syntax in syntaxes)
            {
                string text = syntax(sample.Name, sample.Secret) + "\n";
                int at = text.IndexOf(sample.Secret, StringComparison.Ordinal);
                if (!SecretPatterns.Scan(text).Any(m => m.Start == at && m.Length == sample.Secret.Length))
                {
                    missed.Add(sample.Id + ": " + syntax(sample.Name, "…"));
                }
            }
        }

        Assert.That(missed, Is.Empty);
    }

    private static IEnumerable<TestCaseData> GeneratedLookAlikes() =>
        ProviderSamples.LookAlikes(7).DistinctBy(l => l.Why).Select(l => new TestCaseData(l.Why, l.Line).SetName($"Ignores {l.Why}"));

    [TestCaseSource(nameof(GeneratedLookAlikes))]
    public void Ignores_generated_look_alikes(string why, string line) =>
        Assert.That(SecretPatterns.Scan(line + "\n").Select(m => m.DetectorId), Is.Empty, why);

    [Test]
    public void Aws_secret_key_next_to_its_name()
    {
        string key = FakeSecrets.Random(FakeSecrets.Alnum + "/+", 40, 40);
        var matches = SecretPatterns.Scan("aws_secret_access_key = " + key + "\n");
        Assert.That(matches.Select(m => m.DetectorId), Is.EqualTo(new[] { "aws-secret-access-key" }));
        Assert.That(SecretPatterns.Scan("AWS_SECRET_ACCESS_KEY: \"" + key + "\""), Has.Count.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> Negatives()
    {
        yield return new TestCaseData("aws documentation example", "AK" + "IA" + "IOSFODNN7" + "EXAMPLE");
        yield return new TestCaseData("aws documentation secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY");
        yield return new TestCaseData("aws secret without aws name", "SOME_HASH=" + FakeSecrets.Random(FakeSecrets.Alnum, 40, 41));
        yield return new TestCaseData("aws key id too short", "AK" + "IA" + FakeSecrets.Random(FakeSecrets.Base32, 15, 2));
        yield return new TestCaseData("aws key id lower case", "ak" + "ia" + FakeSecrets.Random(FakeSecrets.Base32, 16, 2).ToLowerInvariant());
        yield return new TestCaseData("github filler", "gh" + "p_" + new string('a', 36));
        yield return new TestCaseData("github too short", "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 35, 3));
        yield return new TestCaseData("github too long", "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 37, 3));
        yield return new TestCaseData("github unknown prefix", "gh" + "x_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 3));
        yield return new TestCaseData("gitlab too short", "gl" + "pat-" + FakeSecrets.Random(FakeSecrets.Alnum, 12, 6));
        yield return new TestCaseData("openai without marker", "sk-" + "proj-" + FakeSecrets.Random(FakeSecrets.Alnum, 140, 7));
        yield return new TestCaseData("anthropic too short", "sk-" + "ant-api03-" + FakeSecrets.Random(FakeSecrets.UrlSafe, 40, 9));
        yield return new TestCaseData("stripe test key", "sk" + "_test_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 10));
        yield return new TestCaseData("stripe publishable key", "pk" + "_live_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 10));
        yield return new TestCaseData("slack placeholder", "xo" + "xb-your-bot-token");
        yield return new TestCaseData("slack webhook placeholder", "https://hooks.slack" + ".com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX");
        yield return new TestCaseData("google key too short", "AI" + "za" + FakeSecrets.Random(FakeSecrets.UrlSafe, 30, 17));
        yield return new TestCaseData("twilio upper-case hex", "S" + "K" + FakeSecrets.Random(FakeSecrets.Hex, 32, 18).ToUpperInvariant() + "G");
        yield return new TestCaseData("sendgrid wrong lengths", "S" + "G." + FakeSecrets.Random(FakeSecrets.Alnum, 10, 19) + "." + FakeSecrets.Random(FakeSecrets.Alnum, 20, 20));
        yield return new TestCaseData("npm filler", "np" + "m_" + new string('x', 36));
        yield return new TestCaseData("fly too short", "fo" + "1_" + FakeSecrets.Random(FakeSecrets.Alnum, 20, 22));
        yield return new TestCaseData("vault short", "hv" + "s." + FakeSecrets.Random(FakeSecrets.Alnum, 24, 23));
        yield return new TestCaseData("private key elided", "-----BEGIN RSA PRIV" + "ATE KEY-----\nMIIEpAIBAAKCAQEA...\n...\n" + new string(' ', 60) + "\n-----END RSA PRIV" + "ATE KEY-----");
        yield return new TestCaseData("public key", "-----BEGIN PUBLIC KEY-----\n" + FakeSecrets.Random(FakeSecrets.Alnum, 128, 24) + "\n-----END PUBLIC KEY-----");
        yield return new TestCaseData("jwt.io example", FakeSecrets.Jwt("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}", 26));
        yield return new TestCaseData("jwt-shaped non-json", "ey" + FakeSecrets.Random(FakeSecrets.Alnum, 20, 1) + ".ey" + FakeSecrets.Random(FakeSecrets.Alnum, 20, 2) + "." + FakeSecrets.Random(FakeSecrets.Alnum, 20, 3));
        yield return new TestCaseData("url interpolated password", "postgresql://app:${DB_PASSWORD}@db:5432/app");
        yield return new TestCaseData("url default password", "postgresql://postgres:postgres@localhost:5432/app");
        yield return new TestCaseData("url placeholder password", "postgresql://user:<password>@host/db");
        yield return new TestCaseData("url short password", "redis://default:pass@host:6379");
        yield return new TestCaseData("url words password", "postgresql://user:yourpassword@host/db");
        yield return new TestCaseData("url dev password", "postgresql://app:dev-password-123@db/app");
        yield return new TestCaseData("url port only", "http://localhost:8080/path");
        yield return new TestCaseData("gitleaks allow", "TOKEN=" + "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 3) + " # gitleaks:allow");
    }

    [TestCaseSource(nameof(Negatives))]
    public void Ignores_examples_and_look_alikes(string why, string text) =>
        Assert.That(SecretPatterns.Scan(text + "\n"), Is.Empty, why);

    // Shapes seen on public repositories that the generic and password detectors must leave alone.
    private static IEnumerable<TestCaseData> RealWorldLookAlikes()
    {
        string b64 = FakeSecrets.Random(FakeSecrets.Alnum + "+/", 300, 60);
        yield return new TestCaseData("plist key", "<key>UIRequiresFullScreenSupport</key>");
        yield return new TestCaseData("user secrets id", "<UserSecretsId>aspnet-Identity-" + FakeSecrets.Random(FakeSecrets.Hex, 8, 61) + "-1f2e-4d3c-9b8a-0f1e2d3c4b5a</UserSecretsId>");
        yield return new TestCaseData("translation", "\"user-password\": \"Contraseña\",");
        yield return new TestCaseData("translation key", "labelKey: \"editor.format.heading2\",");
        yield return new TestCaseData("enum value", "MAILER_SMTP_OAUTH2_CLIENT_SECRET = 'MAILER_SMTP_OAUTH2_CLIENT_SECRET',");
        yield return new TestCaseData("struct tag", "Tags map[string]string `protobuf_key:\"bytes,1,opt,name=key,proto3\"`");
        yield return new TestCaseData("sed expression", "-e \"s|^POSTGRES_PASSWORD=.*$|POSTGRES_PASSWORD=$(gen 16)|\" \\");
        yield return new TestCaseData("weak test password", "const password = 'Password123';");
        yield return new TestCaseData("leet test password", "DATABASE_URL=postgresql://app:p%40ssw0rd1@localhost/app");
        yield return new TestCaseData("public project key", "POSTHOG_API_KEY = 'phc_" + FakeSecrets.Random(FakeSecrets.Alnum, 43, 62) + "'");
        yield return new TestCaseData("azurite key", "AZURE_ACCOUNT_KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");
        yield return new TestCaseData("sequential test token", "token = \"0123456789abcdef0123456789abcdef01234567\"");
        yield return new TestCaseData("base64 font with short prefixes", "src: url(\"data:font/ttf;base64," + b64[..100] + "+AQEaBc" + b64 + "+EAAB" + b64 + "\")");
        yield return new TestCaseData("pem examples far apart", "$a = \"-----BEGIN RSA PRIV" + "ATE KEY-----\\nABCDEF\\n-----END RSA PRIV" + "ATE KEY-----\";\n" + string.Concat(Enumerable.Repeat("$x = $y + 1; // filler line\n", 5)) + "$b = \"-----BEGIN RSA PRIV" + "ATE KEY-----\\nABCDEF\\n-----END RSA PRIV" + "ATE KEY-----\";");
        yield return new TestCaseData("curl url, not a user", "curl -u 'http://localhost:9000/api/subscribers' -X GET");
        yield return new TestCaseData("unquoted call", "old_default_token = Token.objects.get(key=\"0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b\")");
        yield return new TestCaseData("unquoted method chain", "const normalizedKey = normalizeTitle2.trim().toLowerCase();");
        yield return new TestCaseData("value is code", "api_key = Rails.application.config.app_mode.self_hosted? ? Setting.synth_api_key : ENV[\"SYNTH_API_KEY\"]");
    }

    [TestCaseSource(nameof(RealWorldLookAlikes))]
    public void Ignores_real_world_look_alikes(string why, string text) =>
        Assert.That(SecretPatterns.Scan(text + "\n").Select(m => m.DetectorId), Is.Empty, why);

    [Test]
    public void Long_identifier_chains_are_judged_in_linear_time()
    {
        string chain = string.Join('.', Enumerable.Repeat("segment", 400)) + "?";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SecretPatterns.Scan($"api_key = {chain}\nsecret: {chain}\n");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Several_secrets_in_one_text_are_each_reported_once()
    {
        string a = "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 3);
        string b = "np" + "m_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 21);
        var matches = SecretPatterns.Scan($"A={a}\nB={b}\nC={a}\n");
        Assert.That(matches.Select(m => m.DetectorId), Is.EqualTo(new[] { "github-token", "npm-token", "github-token" }));
    }

    [Test]
    public void Entropy_is_shannon_bits_per_character()
    {
        Assert.That(SecretPatterns.ShannonEntropy("aaaa"), Is.Zero);
        Assert.That(SecretPatterns.ShannonEntropy("abcd"), Is.EqualTo(2.0).Within(1e-9));
    }

    [Test]
    public void Crc32_is_the_zlib_one() =>
        Assert.That(SecretPatterns.Crc32("123456789"), Is.EqualTo(0xCBF43926u));

    [Test]
    public void A_github_or_npm_token_with_its_checksum_proves_itself_live_and_a_made_up_one_does_not()
    {
        foreach (var (prefix, id) in new[] { ("gh" + "p_", "github-token"), ("gh" + "s_", "github-app-token"), ("np" + "m_", "npm-token") })
        {
            string token = FakeSecrets.Checksummed(prefix, 7);
            string tampered = token[..10] + (token[10] == 'a' ? 'b' : 'a') + token[11..];
            string madeUp = prefix + FakeSecrets.Random(FakeSecrets.Alnum, 36, 8);
            Assert.That(SecretPatterns.IsVerifiedLive(new SecretMatch(id, "", 0, token.Length), token), Is.True, token);
            Assert.That(SecretPatterns.IsVerifiedLive(new SecretMatch(id, "", 0, tampered.Length), tampered), Is.False, tampered);
            Assert.That(SecretPatterns.IsVerifiedLive(new SecretMatch(id, "", 0, madeUp.Length), madeUp), Is.False, madeUp);
        }
    }

    [Test]
    public void A_live_prefix_proves_a_key_live_and_a_test_mode_key_does_not()
    {
        string live = "sk" + "_live_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 9);
        string testMode = "sk" + "_test_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 9);
        Assert.That(SecretPatterns.IsVerifiedLive(new SecretMatch("stripe-live-key", "", 0, live.Length), live), Is.True);
        Assert.That(SecretPatterns.IsVerifiedLive(new SecretMatch("stripe-test-key", "", 0, testMode.Length), testMode), Is.False);
    }
}
