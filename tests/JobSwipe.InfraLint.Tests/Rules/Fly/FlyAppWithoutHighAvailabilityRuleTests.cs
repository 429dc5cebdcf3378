using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class FlyAppWithoutHighAvailabilityRuleTests
{
    [Test]
    public void Auto_stop_to_zero_and_a_single_machine_are_reported() =>
        RuleVerifier.Reports<FlyAppWithoutHighAvailabilityRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              auto_stop_machines = [|"stop"|]
              min_machines_running = 0
            [[services]]
              internal_port = 9000
              max_machines_running = [|1|]
            """));

    [Test]
    public void Always_one_machine_running_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyAppWithoutHighAvailabilityRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              auto_stop_machines = "stop"
              min_machines_running = 1
            [[services]]
              internal_port = 9000
              auto_stop_machines = "off"
            """));

    [Test]
    public void Auto_stop_as_true_or_suspend_without_a_minimum_is_reported() =>
        RuleVerifier.Reports<FlyAppWithoutHighAvailabilityRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              auto_stop_machines = [|true|]
            [[services]]
              internal_port = 9000
              auto_stop_machines = [|"suspend"|]
            """));

    [Test]
    public void A_development_config_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyAppWithoutHighAvailabilityRule>(("fly.dev.toml", """
            app = "a-dev"
            [http_service]
              internal_port = 8080
              auto_stop_machines = "stop"
              max_machines_running = 1
            """));
}
