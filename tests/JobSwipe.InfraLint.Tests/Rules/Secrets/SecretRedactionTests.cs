using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>
/// Plants a distinctive value for every secret-bearing rule in one repository, runs the whole engine and renders
/// every output it offers: none may contain a planted value, and every secret-bearing rule must fire on it (so the test
/// is not vacuous).
/// </summary>
public class SecretRedactionTests
{
    // The secret-bearing rules: JSI1008 Dockerfile ENV/ARG, JSI2003 compose, JSI3009 fly [env], JSI4008 scripts, JSI5001, JSI5002.
    private static readonly string[] SecretBearingIds = ["JSI1008", "JSI2003", "JSI3009", "JSI4008", "JSI5001", "JSI5002"];

    [Test]
    public void No_planted_secret_reaches_any_output()
    {
        string marker = "Qz" + FakeSecrets.Random(FakeSecrets.Alnum, 14, 77);
        string[] planted =
        [
            "Dk" + marker + "9f",            // Dockerfile ENV
            "Ar" + marker + "4c",            // Dockerfile ARG
            "Cp" + marker + "7a",            // compose
            "Fl" + marker + "2b",            // fly [env]
            "Sh" + marker + "8d",            // script
            "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 78), // provider token
            "dev-" + marker.ToLowerInvariant(),   // development default in production
            FakeSecrets.Random(FakeSecrets.Alnum, 22, 79), // connection string password
        ];

        using var repository = new TempRepository();
        repository.Write("Dockerfile", $"FROM python:3.12-slim\nARG API_TOKEN={planted[1]}\nENV SECRET_KEY={planted[0]}\nCMD [\"python\", \"app.py\"]\n");
        repository.Write("docker-compose.production.yml", $"services:\n  app:\n    image: example/app:1.0\n    environment:\n      POSTGRES_PASSWORD: {planted[2]}\n      GITHUB_TOKEN: {planted[5]}\n");
        repository.Write("fly.toml", $"app = \"redaction\"\nprimary_region = \"iad\"\n\n[env]\n  SECRET_KEY = \"{planted[3]}\"\n  VAULT_TOKEN = \"{planted[6]}\"\n");
        repository.Write("scripts/deploy.sh", $"#!/usr/bin/env bash\nset -euo pipefail\nexport API_TOKEN={planted[4]}\nflyctl secrets set --app redaction SECRET_KEY={planted[4]}\n");
        repository.Write(".env.production", $"SECRET_KEY={planted[6]}\nGITHUB_TOKEN={planted[5]}\nDATABASE_URL=postgresql://app:{planted[7]}@db.internal:5432/app\nPOSTGRES_PASSWORD={planted[6]}\n");

        var result = LintEngine.Run(new LintOptions(repository.Root) { MaxDegreeOfParallelism = 1 });

        var outputs = new List<(string Name, string Text)>
        {
            ("canonical text", string.Join('\n', result.Diagnostics.Select(d => CanonicalFormatter.Format(d, repository.Root)))),
            ("JSON findings file", FindingsFile.From(result, null).ToJson()),
            ("messages", string.Join('\n', result.Diagnostics.Select(d => d.Message))),
        };
        outputs.Add(("SARIF", SarifWriter.Write(result, AnalyzerCatalog.AllDescriptors)));

        foreach (var (name, text) in outputs)
        {
            foreach (string secret in planted)
            {
                Assert.That(text, Does.Not.Contain(secret), $"a planted secret reached the {name}");
            }

            Assert.That(text, Does.Not.Contain(marker).And.Not.Contain(marker.ToLowerInvariant()), $"part of a planted secret reached the {name}");
        }

        var fired = result.Diagnostics.Select(d => d.Id).ToHashSet();
        Assert.That(AnalyzerCatalog.AllDescriptors.Select(d => d.Id), Is.SupersetOf(SecretBearingIds));
        Assert.That(SecretBearingIds.Where(id => !fired.Contains(id)), Is.Empty, "every secret-bearing rule fires on the planted repository");
        Assert.That(result.Diagnostics.Where(d => d.Id == "JSI0004"), Is.Empty, "no rule failed");
    }
}
