using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI2015: a network with a fixed name is shared with a sibling stack, whose services are its hosts.</summary>
public class ServiceHostPrecisionTests
{
    [Test]
    public void A_host_on_a_network_with_a_fixed_name_may_live_in_a_sibling_stack()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.ReportsNothing<ServiceHostNotDefinedRule>(("hosting/worker/docker-compose.yml",
            "services:\n  supervisor:\n    image: example/supervisor:1\n    networks:\n      - webapp\n    environment:\n      API_URL: http://webapp:3000\nnetworks:\n  webapp:\n    name: webapp\n"));
    }

    [Test]
    public void A_host_on_the_project_network_is_still_reported()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.Reports<ServiceHostNotDefinedRule>(("hosting/worker/docker-compose.yml",
            "services:\n  supervisor:\n    image: example/supervisor:1\n    networks:\n      - backend\n    environment:\n      API_URL: http://[|webapp|]:3000\nnetworks:\n  backend: {}\n"));
    }
}
