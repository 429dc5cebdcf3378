using JobSwipe.InfraLint.Syntax.AppCode;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.AppCode;

public class AppEnvironmentReadsTests
{
    private static IReadOnlyList<(string Name, string Written, AppEnvironmentReadKind Kind)> Read(string code, string file)
    {
        var text = new SourceText(code);
        return [.. AppEnvironmentReads.Read(text, file).Select(r => (r.Name, text.GetText(r.Span), r.Kind))];
    }

    [Test]
    public void Reads_python_environment_access()
    {
        var reads = Read("import os\nfrom os import environ, getenv\nA = os.environ[\"DATABASE_URL\"]\nB = os.getenv('OLLAMA_BASE_URL', 'x')\nC = os.environ.get(\"REDIS_URL\")\nD = environ['SECRET_KEY']\nE = getenv(\"SMTP_HOST\")\n# F = os.getenv(\"COMMENTED\")\n", "app/config.py");
        Assert.That(reads, Is.EqualTo(new[]
        {
            ("DATABASE_URL", "DATABASE_URL", AppEnvironmentReadKind.Required),
            ("OLLAMA_BASE_URL", "OLLAMA_BASE_URL", AppEnvironmentReadKind.Optional),
            ("REDIS_URL", "REDIS_URL", AppEnvironmentReadKind.Optional),
            ("SECRET_KEY", "SECRET_KEY", AppEnvironmentReadKind.Required),
            ("SMTP_HOST", "SMTP_HOST", AppEnvironmentReadKind.Optional),
        }));
    }

    [Test]
    public void Reads_pydantic_settings_fields_with_prefix_and_alias()
    {
        string code = "from pydantic import Field\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n\nclass Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix=\"APP_\")\n    database_url: str\n    vault_addr: str = Field(validation_alias=\"VAULT_ADDR\")\n    debug: bool = False\n\n    def dsn(self) -> str:\n        x: int = 1\n        return self.database_url\n\nclass Other:\n    name: str\n";
        var reads = Read(code, "settings.py");
        Assert.That(reads.Select(r => r.Name), Is.EqualTo(new[] { "APP_DATABASE_URL", "APP_VAULT_ADDR", "APP_DEBUG" }));
        Assert.That(reads.Select(r => r.Written), Is.EqualTo(new[] { "database_url", "VAULT_ADDR", "debug" }));
        Assert.That(reads.Select(r => r.Kind), Is.All.EqualTo(AppEnvironmentReadKind.SettingsField));
    }

    [Test]
    public void Reads_javascript_process_env()
    {
        var reads = Read("const a = process.env.API_URL;\nconst b = process.env['NEXT_PUBLIC_KEY'];\n// process.env.OLD\nconst c = import.meta.env.VITE_API_URL;\n", "src/config.ts");
        Assert.That(reads.Select(r => r.Name), Is.EqualTo(new[] { "API_URL", "NEXT_PUBLIC_KEY", "VITE_API_URL" }));
    }

    [TestCase("a.py", true)]
    [TestCase("a.tsx", true)]
    [TestCase("a.d.ts", false)]
    [TestCase("a.go", false)]
    public void Supports_python_and_javascript(string file, bool expected) =>
        Assert.That(AppEnvironmentReads.Supports(file), Is.EqualTo(expected));
}
