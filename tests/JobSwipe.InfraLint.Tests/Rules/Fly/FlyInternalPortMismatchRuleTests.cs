using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class FlyInternalPortMismatchRuleTests
{
    [Test]
    public void An_internal_port_other_than_the_process_commands_port_is_reported()
    {
        var d = RuleVerifier.Reports<FlyInternalPortMismatchRule>(("fly.toml", """
            app = "a"
            [processes]
              web = "gunicorn app:app --bind 0.0.0.0:8000"
              worker = "celery -A app worker"
            [http_service]
              internal_port = [|8080|]
              processes = ["web"]
            """));
        Assert.That(d[0].Message, Does.Contain("set internal_port = 8000"));
    }

    [Test]
    public void An_internal_port_other_than_the_dockerfiles_cmd_or_expose_is_reported() =>
        RuleVerifier.Reports<FlyInternalPortMismatchRule>(
            ("a/fly.toml", "app = \"a\"\n[http_service]\n  internal_port = [|3000|]\n"),
            ("a/Dockerfile", "FROM python:3.12\nEXPOSE 8000\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = [|3000|]\n"),
            ("b/Dockerfile", "FROM node:22\nEXPOSE 8080\nCMD node server.js\n"));

    [Test]
    public void An_internal_port_other_than_the_env_port_is_reported() =>
        RuleVerifier.Reports<FlyInternalPortMismatchRule>(("fly.toml", """
            app = "a"
            [env]
              PORT = "3000"
            [http_service]
              internal_port = [|8080|]
            """));

    [Test]
    public void Matching_ports_and_unknown_ones_are_quiet() =>
        RuleVerifier.ReportsNothing<FlyInternalPortMismatchRule>(
            ("a/fly.toml", "app = \"a\"\n[env]\n  PORT = \"8080\"\n[processes]\n  app = \"uvicorn main:app --port $PORT\"\n[http_service]\n  internal_port = 8080\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = 8080\n"),
            ("b/Dockerfile", "FROM node:22\nEXPOSE 3000 8080\nCMD node server.js\n"),
            ("c/fly.toml", "app = \"c\"\n[http_service]\n  internal_port = 8080\n"),
            ("c/Dockerfile", "FROM python:3.12\nEXPOSE 9999\nCMD [\"python\", \"manage.py\", \"runserver\", \"0.0.0.0:8080\"]\n"));
}
