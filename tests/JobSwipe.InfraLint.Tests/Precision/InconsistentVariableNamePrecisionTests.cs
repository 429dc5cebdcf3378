using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI5003: one spelling defined from another (ENV DB_URL=${DATABASE_URL}) is a deliberate alias.</summary>
public class InconsistentVariableNamePrecisionTests
{
    [Test]
    public void A_spelling_defined_from_the_other_is_an_alias() =>
        RuleVerifier.ReportsNothing<InconsistentVariableNameRule>(
            ("packages/backend/Dockerfile", "FROM node:22-alpine\nENV DB_URL=${DATABASE_URL}\n"),
            (".env.example", "DATABASE_URL=postgres://localhost/app\n"),
            ("docker-compose.yml", "services:\n  backend:\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n"));

    [Test]
    public void Two_unrelated_spellings_are_still_reported() =>
        RuleVerifier.Reports<InconsistentVariableNameRule>(
            ("packages/backend/Dockerfile", "FROM node:22-alpine\nENV [|DB_URL|]=postgres://db/app\n"),
            (".env.example", "DATABASE_URL=postgres://localhost/app\n"),
            ("docker-compose.yml", "services:\n  backend:\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n"));
}
