using System.Buffers.Binary;
using System.Text;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class ProductionEnvFileTrackedRuleTests
{
    private static readonly string Password = FakeSecrets.Random(FakeSecrets.Alnum, 24, 90);

    [Test]
    public void Reports_a_production_env_file_that_no_gitignore_ignores()
    {
        var found = RuleVerifier.Reports<ProductionEnvFileTrackedRule>(
            (".env.production", $"ENVIRONMENT=production\n[|POSTGRES_PASSWORD|]={Password}\nSECRET_KEY='{Password}'\nAPI_TOKEN={Password}\nSMTP_PASSWORD={Password}\n"),
            (".gitignore", ".env\n"));
        Assert.That(found.Single().Message, Is.EqualTo(".env.production holds literal secret values (POSTGRES_PASSWORD, SECRET_KEY, API_TOKEN and 1 more) and is not ignored by any .gitignore; remove it from git, add it to .gitignore and keep the values in a secret store"));
        Assert.That(found.Single().Message, Does.Not.Contain(Password));
    }

    [Test]
    public void Quiet_when_ignored_or_a_template_or_without_literal_secrets() =>
        RuleVerifier.ReportsNothing<ProductionEnvFileTrackedRule>(
            (".gitignore", ".env*\n!.env.*.example\n!config/app.prod.env\n"),
            (".env.production", $"POSTGRES_PASSWORD={Password}\n"),
            (".env.production.example", "POSTGRES_PASSWORD=<postgres-password>\n"),
            ("config/app.prod.env", "POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\nLOG_LEVEL=info\n"),
            ("deploy/staging.env", $"POSTGRES_PASSWORD={Password}\n"));

    [Test]
    public void In_a_checkout_the_index_decides()
    {
        using var repo = new TempRepository();
        repo.Write(".env.production", $"SECRET_KEY={Password}\n");
        repo.Write("prod/app.env", $"SECRET_KEY={Password}\n");
        repo.Write(".gitignore", "# nothing ignored\n");
        repo.WriteBytes(".git/index", IndexOf("prod/app.env", "README.md"));

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new ProductionEnvFileTrackedRule()], MaxDegreeOfParallelism = 1 });
        var found = result.Diagnostics.Where(d => d.Id == "JSI5005").ToList();
        Assert.That(found.Select(d => d.Location.Path), Is.EqualTo(new[] { "prod/app.env" }), ".env.production is untracked even though no .gitignore ignores it");
        Assert.That(found[0].Message, Does.Contain("is tracked by git"));
    }

    private static byte[] IndexOf(params string[] paths)
    {
        var data = new List<byte>("DIRC"u8.ToArray());
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, 2);
        data.AddRange(b);
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)paths.Length);
        data.AddRange(b);
        foreach (string p in paths.Order(StringComparer.Ordinal))
        {
            int start = data.Count;
            data.AddRange(new byte[60]);
            byte[] path = Encoding.UTF8.GetBytes(p);
            data.Add(0);
            data.Add((byte)path.Length);
            data.AddRange(path);
            int length = data.Count - start + 1;
            data.AddRange(new byte[((length + 7) & ~7) - length + 1]);
        }

        return [.. data];
    }
}
