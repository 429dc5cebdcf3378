using static JobSwipe.InfraLint.Tests.Rules.Secrets.FakeSecrets;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>
/// Generic secret assignments in every syntax the detector reads (env, YAML, JSON, TOML, INI, properties, XML, code),
/// with random values of each alphabet, and their look-alikes: placeholders, references, paths, URLs, UUIDs, digests of
/// test vectors, words, identifiers, numbers, and random values under names that are not secret-like.
/// </summary>
public static class GenericSamples
{
    private static readonly string[] Names =
    [
        "api_key", "SECRET_KEY", "DJANGO_SECRET_KEY", "auth_token", "access_token", "client_secret", "db_password", "password", "JWT_SECRET",
        "encryption_key", "webhook_secret", "signing_key", "apiKey", "clientSecret", "session_secret", "SMTP_PASSWORD",
    ];

    private static readonly Func<string, string, string>[] Syntaxes =
    [
        (n, v) => $"{n.ToUpperInvariant()}={v}",
        (n, v) => $"  {n}: {v}",
        (n, v) => $"  {n}: \"{v}\"",
        (n, v) => $"  \"{n}\": \"{v}\",",
        (n, v) => $"{n} = \"{v}\"",
        (n, v) => $"{n.ToUpperInvariant()} = '{v}'",
        (n, v) => $"const {n} = \"{v}\";",
        (n, v) => $"<{n}>{v}</{n}>",
        (n, v) => $"{n}: '{v}'",
        (n, v) => $"    {n} := \"{v}\"",
    ];

    public static IEnumerable<(string Why, string Line, string Secret)> Valid(int seed)
    {
        int s = seed * 31337;
        string R(string alphabet, int n) => Random(alphabet, n, ++s);
        var values = new (string Kind, Func<string> Make)[]
        {
            ("alnum 40", () => R(Alnum, 40)),
            ("hex 40", () => R(Hex, 40)),
            ("hex 64", () => R(Hex, 64)),
            ("base64 44", () => R(Alnum + "+/", 43) + "="),
            ("url-safe 43", () => R(UrlSafe, 43)),
            ("alnum 20", () => R(Alnum, 20)),
            ("django 50", () => R(Lower + Digits + "!@#$%^&*(-_=+)", 50)),
        };
        foreach (string name in Names)
        {
            foreach (var syntax in Syntaxes)
            {
                foreach (var (kind, make) in values)
                {
                    string v = make();
                    if (kind == "django 50" && (v.Contains('$') || v.Contains('%') || v[0] is '-' or '=' or '!' or '@' or '&' or '*'))
                    {
                        v = "k" + v[1..].Replace('$', 'q').Replace('%', 'w');
                    }

                    yield return ($"{name} {kind}: {syntax(name, "…")}", syntax(name, v), v);
                }

                if (name.Contains("password", StringComparison.OrdinalIgnoreCase))
                {
                    string p = R(Alnum, 9) + R("!#%&*+-=?", 1) + R(Digits, 2);
                    yield return ($"{name} human password: {syntax(name, "…")}", syntax(name, p), p);
                }
            }
        }
    }

    public static IEnumerable<(string Why, string Line)> LookAlikes(int seed)
    {
        int s = seed * 4099;
        string R(string alphabet, int n) => Random(alphabet, n, ++s);
        string[] notSecrets =
        [
            "changeme", "replace-me-with-a-random-string", "<your-api-key>", "xxxxxxxxxxxxxxxx", "${SECRET_KEY}", "{{ .Values.secretKey }}", "%(secret_key)s",
            "your-api-key-here", "${{ secrets.API_KEY }}", "$(API_KEY)", "#{ApiKey}", "/run/secrets/db_password", "./certs/server.key", "config/credentials.json",
            "https://vault.acme.test/v1/secret/data/app", R(Hex, 8) + "-" + R(Hex, 4) + "-4" + R(Hex, 3) + "-8" + R(Hex, 3) + "-" + R(Hex, 12),
            "da39a3ee5e6b4b0d3255bfef95601890afd80709", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "password_confirmation",
            "access_token", "true", "86400", "1.24.3", "AUTH_TOKEN_HEADER", "tokenExpiresIn", "op://vault/item/field", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app",
            "ENC[AES256_GCM,data:" + R(Alnum, 12) + "]", "postgres", "env.API_KEY", "process.env.API_KEY", "settings.SECRET_KEY", "os.getenv(\"SECRET\")", "example-secret-value",
            "dummy_key_1234", "my-super-secret-key", "not-a-real-secret", "********", "...", "secret_name_here", "2024-01-01T00:00:00Z", "application/json",
        ];
        foreach (string name in Names.Take(8))
        {
            foreach (var syntax in Syntaxes)
            {
                foreach (string v in notSecrets)
                {
                    yield return ($"{name} = {v}", syntax(name, v));
                }
            }
        }

        // Random values under names that are not secret-like, or describe a secret without being one.
        string[] neutral = ["commit_sha", "build_id", "etag", "checksum", "request_id", "image_digest", "token_url", "password_file", "secret_name", "api_key_header", "public_key", "key_id"];
        foreach (string name in neutral)
        {
            foreach (var syntax in Syntaxes)
            {
                yield return ($"{name} = random", syntax(name, R(Alnum, 40)));
            }
        }
    }
}
