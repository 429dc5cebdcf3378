using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class NoSecurityScanningRuleTests
{
    [Test]
    public void Reports_on_the_repository_when_nothing_scans() =>
        RuleVerifier.Reports<NoSecurityScanningRule>(
            ("Dockerfile", "FROM python:3.12-slim\n"),
            ("backend/Dockerfile", "FROM python:3.12-slim\n"),
            (".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      # TODO: add trivy\n      - run: docker build .\n"),
            (".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n"),
            ("", Markup.WholeFile));

    [TestCase(".github/workflows/ci.yml", "jobs:\n  scan:\n    steps:\n      - uses: aquasecurity/trivy-action@0.24.0\n")]
    [TestCase(".github/workflows/ci.yml", "jobs:\n  scan:\n    steps:\n      - run: grype app:latest --fail-on high\n")]
    [TestCase(".github/workflows/codeql.yml", "jobs:\n  analyze:\n    steps:\n      - uses: github/codeql-action/init@v3\n")]
    [TestCase(".gitlab-ci.yml", "scan:\n  script:\n    - docker scout cves app:latest\n")]
    [TestCase("scripts/scan.sh", "#!/bin/sh\nsnyk container test app:latest\n")]
    [TestCase(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: \"docker\"\n    directory: \"/backend\"\n")]
    [TestCase("renovate.json", "{}\n")]
    public void Quiet_with_scanning_evidence(string path, string content) =>
        RuleVerifier.ReportsNothing<NoSecurityScanningRule>(("Dockerfile", "FROM python:3.12-slim\n"), (path, content));

    [Test]
    public void Quiet_without_dockerfiles() =>
        RuleVerifier.ReportsNothing<NoSecurityScanningRule>(("fly.toml", "app = \"x\"\n[build]\n  image = \"nginx:1.27\"\n"));
}
