using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI5002 on localhost addresses that are right where they are.</summary>
public class DevelopmentValuePrecisionTests
{
    [Test]
    public void Localhost_in_a_fly_app_whose_start_script_runs_the_process_in_the_same_machine_is_quiet() =>
        RuleVerifier.ReportsNothing<DevelopmentValueInProductionRule>(
            ("fly.toml", "app = 'webui'\n[env]\n  OLLAMA_BASE_URL = 'http://localhost:11434'\n"),
            ("Dockerfile", "FROM ghcr.io/open-webui/open-webui:main\nCOPY start.sh ./\nCMD [\"./start.sh\"]\n"),
            ("start.sh", "#!/usr/bin/env bash\n/bin/ollama serve &\nexec ./run-webui.sh\n"));

    [Test]
    public void Localhost_in_a_fly_app_that_starts_no_such_process_is_still_an_error() =>
        RuleVerifier.Reports<DevelopmentValueInProductionRule>(
            ("fly.toml", "app = 'webui'\n[env]\n  OLLAMA_BASE_URL = [|'http://localhost:11434'|]\n"),
            ("Dockerfile", "FROM ghcr.io/open-webui/open-webui:main\nCMD [\"./start.sh\"]\n"));

    [Test]
    public void Localhost_in_a_local_stack_whose_ports_are_bound_to_the_developers_machine_is_quiet()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.ReportsNothing<DevelopmentValueInProductionRule>(("production/docker-compose.yml",
            "services:\n  app:\n    image: example/app:1\n    ports:\n      - \"127.0.0.1:3000:3000\"\n    environment:\n      API_URL: http://localhost:3000\n"));
    }

    [Test]
    public void Localhost_in_a_production_named_compose_file_is_still_an_error()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.Reports<DevelopmentValueInProductionRule>(("docker-compose.prod.yml",
            "services:\n  app:\n    image: example/app:1\n    ports:\n      - \"127.0.0.1:3000:3000\"\n    environment:\n      API_URL: [|http://localhost:8000|]\n"));
    }
}
