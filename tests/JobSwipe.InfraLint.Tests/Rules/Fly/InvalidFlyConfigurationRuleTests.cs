using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class InvalidFlyConfigurationRuleTests
{
    [Test]
    public void Http_service_written_as_array_of_tables() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[[|http_service|]]]
              internal_port = 8080
            """));

    [Test]
    public void Checks_written_as_single_table()
    {
        var d = RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
            [http_service.[|checks|]]
              path = "/health"
            """));
        Assert.That(d[0].Message, Does.Contain("[[http_service.checks]]").And.EndsWith("flyctl rejects this fly.toml"));
    }

    [Test]
    public void Checks_as_array_of_tables_and_mounts_as_either_shape_are_valid() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              processes = ["app"]
              [[http_service.checks]]
                path = "/health"
                interval = "15s"
            [mounts]
              source = "data"
              destination = "/data"
            [vm]
              memory = 512
            """));

    [Test]
    public void Wrong_types_and_values_are_all_reported() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = [|42|]
            [http_service]
              internal_port = [|"8080"|]
              force_https = [|"yes"|]
              auto_stop_machines = [|"on"|]
            [deploy]
              strategy = [|"blue-green"|]
            [[vm]]
              size = [|"shared-cpu-3x"|]
              kernel_args = [|"no-hlt=true"|]
            [[restart]]
              policy = [|"sometimes"|]
            """));

    [Test]
    public void Allowed_values_and_legacy_booleans_are_valid() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            kill_timeout = "30s"
            [http_service]
              internal_port = 8080
              auto_stop_machines = false
            [[services]]
              internal_port = "9000"
              protocol = "tcp"
              auto_stop_machines = "suspend"
              concurrency = "12,23"
              [[services.ports]]
                port = "9000"
            [deploy]
              strategy = "bluegreen"
              max_unavailable = 1
            [[vm]]
              size = "performance-2x"
              kernel_args = ["no-hlt=true"]
            [[restart]]
              policy = "on-failure"
              retries = 3
            """));

    [Test]
    public void Memory_and_memory_mb_conflict()
    {
        var d = RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[vm]]
              memory = "1gb"
              [|memory_mb|] = 256
            """));
        Assert.That(d[0].Message, Does.Contain("silently uses memory_mb").And.Not.Contain("rejects"));
    }

    [Test]
    public void Process_groups_must_be_defined()
    {
        var d = RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [processes]
              web = "gunicorn app:app"
              worker = "celery worker"
            [http_service]
              internal_port = 8080
              processes = [[|"wbe"|]]
            [[restart]]
              policy = "always"
              processes = [[|"wroker"|]]
            [[vm]]
              processes = ["app"]
            """));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("did you mean 'web'").And.Some.Contains("did you mean 'worker'"));
    }

    [Test]
    public void Sections_flyctl_hands_out_by_group_are_ignored_not_rejected_for_an_unknown_group()
    {
        // [[vm]], [[mounts]], [[files]], [[metrics]] and [checks.*] naming no defined group reach no machine; flyctl
        // does not reject the file (JSI3011 reports it).
        const string config = """
            app = "a"
            [processes]
              web = "gunicorn app:app"
            [[vm]]
              size = "shared-cpu-1x"
              processes = ["app"]
            [[mounts]]
              source = "d"
              destination = "/d"
              processes = ["wbe"]
            [checks.up]
              type = "tcp"
              port = 8080
              processes = ["api"]
            """;
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", config));
        var d = RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", config.Replace("[\"app\"]", "[[|\"app\"|]]", StringComparison.Ordinal).Replace("[\"wbe\"]", "[[|\"wbe\"|]]", StringComparison.Ordinal).Replace("[\"api\"]", "[[|\"api\"|]]", StringComparison.Ordinal)));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("did you mean 'web'").And.All.Contains("no machine gets this section"));
    }

    [Test]
    public void Processes_without_processes_section_mean_app() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              processes = ["app", [|"web"|]]
            """));

    [Test]
    public void Service_without_processes_while_groups_are_defined() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [processes]
              web = "run web"
            [|[[services]]|]
              internal_port = 8080
              [[services.ports]]
                port = 80
            """));

    [Test]
    public void Process_commands_must_be_strings_that_split() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            console_command = [|"/bin/sh -c 'echo"|]
            [processes]
              web = [|["gunicorn"]|]
            """));

    [Test]
    public void Top_level_checks_need_type_and_sane_durations() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [checks.alive]
              type = [|"grpc"|]
              port = 8080
              interval = [|"1s"|]
              timeout = [|"2m"|]
            """));

    [Test]
    public void Top_level_checks_from_the_launch_template_are_valid() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            primary_region = "ord"
            [http_service]
              internal_port = 8080
              force_https = true
              auto_stop_machines = "stop"
              auto_start_machines = true
              min_machines_running = 0
              processes = ["app"]
            [checks]
              [checks.alive]
                type = "tcp"
                port = 8080
                interval = "15s"
                timeout = "2s"
                grace_period = "5s"
            """));

    [Test]
    public void Mount_rules() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[mounts]]
              source = "data"
              destination = [|"/"|]
              initial_size = [|"500mb"|]
              snapshot_retention = [|90|]
            """));

    [Test]
    public void Files_need_exactly_one_source() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[files]]
              guest_path = "/etc/a"
              local_path = "a"
            [|[[files]]|]
              guest_path = "/etc/b"
              local_path = "b"
              secret_name = "B"
            """));

    [Test]
    public void Unknown_keys_are_not_this_rule() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            scale_to_zero = true
            [http_service]
              internal_port = 8080
              max_machines_running = 3
            """));

    // flyctl's internal/appconfig/testdata as a conformance suite: each case below is our own input that exercises
    // the same behaviour as the named fixture, with flyctl's verdict.
    [Test]
    public void Conformance_AlwaysInvalidV2_NumericConcurrencyFails() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [[services]]
              internal_port = "3000"
              concurrency = [|50|]
            """));

    [Test]
    public void Conformance_OldFormat_LegacyShapesLoad() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [env]
              LEVEL = 3
            [build]
              build_target = "runtime"
            [[services]]
              internal_port = "3000"
              concurrency = "5,10"
              auto_stop_machines = true
              [[services.ports]]
                port = "443"
                handlers = ["tls", "http"]
              [[services.http_checks]]
                interval = 5000
                grace_period = ""
                [[services.http_checks.headers]]
                  name = "host"
                  value = "example.org"
            [experimental]
            [[processes]]
            [mount]
              source = "v"
              destination = "/v"
            [metrics]
              port = 9091
              path = "/m"
            """));

    [Test]
    public void Conformance_EnvListAndExperimentalStrings_Load() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [[env]]
              A = "1"
              B = 2
            [[env]]
              C = false
            [experimental]
              cmd = "serve"
              entrypoint = ["/init"]
              metrics_port = 9100
            """));

    [Test]
    public void Conformance_FormatQuirksAndCompose_Load() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [build]
              compose.file = "compose.yaml"
            [vm]
              memory = 1024
            [mount]
              source = "d"
              destination = "/d"
              initial_size = 20
            [checks.pg]
              type = "http"
              port = 5500
              path = "/flycheck/pg"
              headers = []
            """));

    [Test]
    public void Conformance_OldProcessesAndComputeAlias_Load() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            [[processes]]
              name = "web"
              command = "run web"
            [[compute]]
              size = "a100-40gb"
              host_dedication_id = "h1"
              processes = ["web"]
            """));

    [Test]
    public void Conformance_ValidateMounts_EveryProblemAtOnce() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [processes]
              app = ""
              side = ""
            [[mounts]]
              source = "d"
              destination = "/d"
              initial_size = [|"20Mb"|]
              processes = ["side"]
            [[mounts]]
              source = "e"
              destination = "/e"
              initial_size = [|"lots"|]
              processes = ["app"]
            [|[[mounts]]|]
              source = "f"
              destination = "/f"
              processes = ["app"]
            """));

    [Test]
    public void Conformance_ServicesEmptySectionIsDropped() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [processes]
              web = "w"
            [[services]]
            """));

    [Test]
    public void Conformance_TomachineMounts_UntargetedMountBelongsToTheDefaultGroupOnly()
    {
        // flyctl's Flatten hands a mount without processes to the default group ("app" when defined, else the first
        // name), not to every group: "all" serves app, "jobs" serves jobs, one mount each.
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [processes]
              app = ""
              jobs = "jobs"
            [[mounts]]
              source = "all"
              destination = "/all"
            [[mounts]]
              source = "jobs"
              destination = "/jobs"
              processes = ["jobs"]
            """));
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "x"
            [processes]
              worker = "w"
              beat = "b"
            [[mounts]]
              source = "all"
              destination = "/all"
            [|[[mounts]]|]
              source = "beat"
              destination = "/beat"
              processes = ["beat"]
            """));
    }

    [Test]
    public void Auto_extend_follows_flyctl_zero_means_unset() =>
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[mounts]]
              source = "models"
              destination = "/data"
              initial_size = "100gb"
              auto_extend_size_threshold = 0
            """));

    [Test]
    public void Auto_extend_out_of_range() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [[mounts]]
              source = "data"
              destination = "/data"
              auto_extend_size_threshold = [|40|]
              auto_extend_size_increment = [|"200GB"|]
              auto_extend_size_limit = "100GB"
            """));

    [Test]
    public void Build_args_are_not_converted_like_env()
    {
        var d = RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", """
            app = "a"
            [env]
              WORKERS = 4
            [build.args]
              NODE_VERSION = "22"
              PYTHON_VERSION = [|3.12|]
            """));
        Assert.That(d[0].Message, Does.Contain("quote it: \"3.12\""));
    }

    [Test]
    public void Volume_sizes_are_decimal_gigabytes_as_flyctl_reads_them()
    {
        // flyctl: a plain integer is GB; otherwise go-units' decimal human size divided by 10^9, rounded down.
        RuleVerifier.ReportsNothing<InvalidFlyConfigurationRule>(("fly.toml", "app = \"a\"\n[[mounts]]\n  source = \"d\"\n  destination = \"/d\"\n  initial_size = \"1000mb\"\n"));
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", "app = \"a\"\n[[mounts]]\n  source = \"d\"\n  destination = \"/d\"\n  initial_size = [|\"999MB\"|]\n"));
    }

    [Test]
    public void Top_level_check_durations_as_bare_milliseconds_are_checked_too() =>
        RuleVerifier.Reports<InvalidFlyConfigurationRule>(("fly.toml", "app = \"a\"\n[checks.up]\n  type = \"tcp\"\n  port = 8080\n  interval = [|1500|]\n  timeout = [|90000|]\n[checks.ok]\n  type = \"tcp\"\n  port = 8080\n  interval = 15000\n  timeout = 2000\n"));
}
