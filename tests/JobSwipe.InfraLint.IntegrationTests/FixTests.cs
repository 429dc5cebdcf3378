namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>Fixing from MSBuild is opt-in: a plain build changes no file; <c>-p:InfraLintFix=true</c> applies the safe fixes and lints the result.</summary>
public sealed class FixTests : ConsumerTests
{
    [Test]
    public void InfraLintFix_applies_safe_fixes_only_when_asked()
    {
        const string dockerfile = "FROM python:3.12-slim\r\nADD app/ /app/\r\nRUN pip install flask\r\nUSER nobody\r\nCMD python /app/main.py\r\n";
        const string compose = "version: \"3.8\"\nservices:\n  web:\n    build: .\n    mem_limit: 256m\n";
        var consumer = NewConsumer("fix").AddProject()
            .WriteFile("docker-compose.yml", compose)
            .WriteFile("app/main.py", "print('hi')\n");
        File.WriteAllText(consumer.PathOf("Dockerfile"), dockerfile); // as written: CRLF line breaks the fix must keep

        var plain = consumer.Build();
        Assert.That(plain.WithCode("JSI2013"), Is.Not.Empty, plain.Describe);
        Assert.That(File.ReadAllText(consumer.PathOf("Dockerfile")), Is.EqualTo(dockerfile), "a plain build changes no file");

        var fixing = consumer.Build("-p:InfraLintFix=true");
        Assert.Multiple(() =>
        {
            Assert.That(fixing.Process.Output, Does.Contain("InfraLint: fixed").And.Contain("InfraLint: applied 3 fix(es) in 2 file(s)."), fixing.Describe);
            Assert.That(File.ReadAllText(consumer.PathOf("Dockerfile")), Is.EqualTo(
                "FROM python:3.12-slim\r\nCOPY app/ /app/\r\nRUN pip install --no-cache-dir flask\r\nUSER nobody\r\nCMD python /app/main.py\r\n"), "safe fixes only: the shell-form CMD stays");
            Assert.That(File.ReadAllText(consumer.PathOf("docker-compose.yml")), Is.EqualTo("services:\n  web:\n    build: .\n    mem_limit: 256m\n"));
            Assert.That(fixing.Findings.Select(f => f.Code), Has.None.AnyOf("JSI1013", "JSI1014", "JSI2013"), fixing.Describe);
            Assert.That(fixing.WithCode("JSI1012"), Is.Not.Empty, "the unsafe fix was not applied");
        });
    }
}
