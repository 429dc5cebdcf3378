using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class CopySourceMissingRuleTests
{
    [Test]
    public void Reports_missing_files_and_globs_whose_folder_is_missing()
    {
        var d = RuleVerifier.Reports<CopySourceMissingRule>(
            ("svc/Dockerfile", "FROM python:3.12-slim\nCOPY requirements.txt [|requirments-prod.txt|] /app/\nCOPY [|conf/*.conf|] /etc/app/\nCOPY *.whl package*json /opt/\nCOPY src/ /app/src/\n"),
            ("svc/requirements.txt", "flask\n"),
            ("svc/src/app.py", "print()\n"));
        Assert.That(d[0].Message, Does.Contain("svc/"));
    }

    [Test]
    public void Quiet_for_variables_urls_from_copies_heredocs_and_build_output() =>
        RuleVerifier.ReportsNothing<CopySourceMissingRule>(
            ("Dockerfile", "FROM python:3.12-slim AS b\nARG F=x\nCOPY ${F} /x\nADD https://example.com/a /a\nCOPY --from=b /nowhere /x\nCOPY <<EOF /etc/x\nhi\nEOF\nCOPY dist/ /srv/\nCOPY target/*.jar /app.jar\nCOPY req*.txt ./\nCOPY . .\n"),
            ("requirements.txt", "flask\n"));

    [Test]
    public void Infers_an_ancestor_context_when_the_sources_only_exist_there() =>
        RuleVerifier.ReportsNothing<CopySourceMissingRule>(
            ("docker/api/Dockerfile", "FROM python:3.12-slim\nCOPY backend/requirements.txt /app/\nCOPY backend/ /app/\n"),
            ("backend/requirements.txt", "flask\n"));

    [Test]
    public void Reports_a_source_the_dockerignore_excludes()
    {
        var d = RuleVerifier.Reports<CopySourceMissingRule>(
            ("Dockerfile", "FROM nginx:1.27\nCOPY [|config/nginx.conf|] /etc/nginx/nginx.conf\n"),
            (".dockerignore", "config/\n"),
            ("config/nginx.conf", "events {}\n"));
        Assert.That(d[0].Message, Does.Contain(".dockerignore line 1"));
    }

    [Test]
    public void An_explicit_fly_context_is_used() =>
        RuleVerifier.Reports<CopySourceMissingRule>(
            ("fly.toml", "app = \"x\"\n[build]\n  dockerfile = \"deploy/Dockerfile\"\n"),
            ("deploy/Dockerfile", "FROM python:3.12-slim\nCOPY [|app.py|] /app/\n"),
            ("deploy/app.py", "print()\n"));

    [Test]
    public void Quiet_for_the_optional_copy_idiom_and_files_a_build_script_creates() =>
        RuleVerifier.ReportsNothing<CopySourceMissingRule>(
            ("Dockerfile", "FROM python:3.12-slim\nCOPY tnsnames.or[a] ./\nCOPY ./firefox-certs /tmp/certs\n"),
            (".github/workflows/release.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mkdir -p ./firefox-certs\n"));

    [Test]
    public void A_compose_build_context_is_used()
    {
        // build: { context: ., dockerfile: docker/api.Dockerfile }: sources are relative to the repository root.
        var d = RuleVerifier.Reports<CopySourceMissingRule>(
            ("docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n  web:\n    build: ./web\n"),
            ("docker/api.Dockerfile", "FROM python:3.12-slim\nCOPY api/requirements.txt /app/\nCOPY [|api/app.py|] /app/\n"),
            ("api/requirements.txt", "flask\n"),
            ("web/Dockerfile", "FROM nginx:1.27\nCOPY [|site/|] /usr/share/nginx/html/\n"),
            ("site/index.html", "<p/>\n"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("set by docker-compose.yml"));
    }

    [Test]
    public void A_missing_source_copied_by_several_stages_is_one_finding()
    {
        var finding = RuleVerifier.Reports<CopySourceMissingRule>(
            ("app/package.json", "{}"),
            ("app/Dockerfile", "FROM node:20 AS deps\nCOPY package.json [|pnpm-lock.yaml|] ./\nFROM node:20 AS build\nCOPY package.json pnpm-lock.yaml ./\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(4));
    }
}
