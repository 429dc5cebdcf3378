using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class UnpinnedImageRuleTests
{
    [Test]
    public void Catches_missing_and_latest_tags() =>
        RuleVerifier.Reports<UnpinnedImageRule>(("compose.yaml", """
            services:
              mail:
                image: mailhog/mailhog:[|latest|]
              cache:
                image: [|redis|]
              proxy:
                image: [|registry.example.com:5000/team/proxy|]
            """));

    [Test]
    public void Does_not_report_pinned_built_or_interpolated_images() =>
        RuleVerifier.ReportsNothing<UnpinnedImageRule>(("compose.yaml", """
            services:
              api:
                build: .
                image: ghcr.io/acme/api
              db:
                image: postgres:16.3
              cache:
                image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              app:
                image: ${REGISTRY}/app:${TAG:-1.0}
              proxy:
                image: registry.example.com:5000/team/proxy:2.1
            """));
}
