using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI1010 on COPY --from names that are no stage: named build contexts and images supply them.</summary>
public class UnknownStagePrecisionTests
{
    private const string Dockerfile = "FROM debian:12-slim\nCOPY --from=templates /redis.template.yml /pups/redis.yml\n";

    [Test]
    public void A_context_named_in_docker_bake_is_supplied() =>
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(
            ("image/dev/Dockerfile", Dockerfile),
            ("image/docker-bake.hcl", "target \"dev\" {\n  context = \"./dev\"\n  contexts = {\n    from = \"target:base-${arch}\"\n    templates = \"../templates\"\n  }\n}\n"));

    [Test]
    public void A_compose_additional_context_is_supplied() =>
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(
            ("Dockerfile", Dockerfile),
            ("compose.yaml", "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        templates: ./templates\n"));

    [Test]
    public void A_build_context_flag_in_a_script_or_workflow_is_supplied()
    {
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(("Dockerfile", Dockerfile), ("build.sh", "#!/bin/sh\ndocker buildx build --build-context templates=./templates .\n"));
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(("Dockerfile", Dockerfile),
            (".github/workflows/build.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          build-contexts: |\n            templates=./templates\n"));
    }

    [Test]
    public void An_official_image_by_its_bare_name_is_pulled() =>
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM debian:12-slim\nCOPY --from=busybox /bin/busybox /busybox\n"));

    [Test]
    public void A_name_nothing_supplies_is_still_an_error() =>
        RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM debian:12-slim\nCOPY --from=[|templates|] /a /b\n"), ("build.sh", "#!/bin/sh\ndocker build --build-context other=./x .\n"));
}
