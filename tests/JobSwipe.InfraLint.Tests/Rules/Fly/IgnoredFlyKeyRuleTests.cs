using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class IgnoredFlyKeyRuleTests
{
    [Test]
    public void A_misspelled_key_is_reported_with_did_you_mean()
    {
        var d = RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              [|auto_stop_machine|] = "stop"
              [|force_http|] = true
            """));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("did you mean 'auto_stop_machines'?"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("did you mean 'force_https'?"));
    }

    [Test]
    public void Invented_keys_are_reported_with_advice()
    {
        var d = RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", """
            app = "a"
            [|scale_to_zero|] = true
            [http_service]
              internal_port = 8080
              [|max_machines_running|] = 3
            [experimental]
              [|auto_scaling|] = true
            """));
        Assert.That(d[0].Message, Does.Contain("auto_stop_machines"));
    }

    [Test]
    public void Legacy_nomad_keys_are_reported() =>
        RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", """
            app = "a"
            [|processes|] = []
            [experimental]
              [|allowed_public_ports|] = []
              [|private_network|] = true
            [[services]]
              internal_port = 8080
              [[services.ports]]
                port = 80
              [[services.tcp_checks]]
                interval = "15s"
                [|restart_limit|] = 0
              [[services.[|script_checks|]]]
                command = "/check.sh"
            """));

    [Test]
    public void An_unknown_top_level_section_is_reported() =>
        RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", """
            app = "a"
            [[[|mount_points|]]]
              source = "x"
            """));

    [Test]
    public void Every_documented_key_is_quiet() =>
        RuleVerifier.ReportsNothing<IgnoredFlyKeyRule>(("fly.toml", """
            app = "a"
            primary_region = "ord"
            kill_signal = "SIGINT"
            kill_timeout = "5s"
            swap_size_mb = 512
            console_command = "/bin/bash"
            host_dedication_id = "h"
            [experimental]
              cmd = ["a"]
              entrypoint = ["b"]
              exec = ["c"]
              auto_rollback = true
              enable_consul = false
              enable_etcd = false
              lazy_load_images = true
              machine_config = "m.json"
            [build]
              dockerfile = "Dockerfile"
              ignorefile = ".dockerignore"
              build-target = "prod"
              compression = "zstd"
              compression_level = 3
              [build.args]
                NODE_VERSION = "20"
              [build.settings]
                anything = 1
            [deploy]
              release_command = "bin/migrate"
              release_command_timeout = "10m"
              strategy = "rolling"
              max_unavailable = 0.5
              wait_timeout = "5m"
              seed_command = "bin/seed"
              [deploy.release_command_vm]
                size = "shared-cpu-2x"
                memory = "1gb"
            [env]
              ANY_NAME = "x"
            [processes]
              app = "run"
            [[mounts]]
              source = "data"
              destination = "/data"
              initial_size = "10gb"
              snapshot_retention = 7
              scheduled_snapshots = true
              auto_extend_size_threshold = 80
              auto_extend_size_increment = "1GB"
              auto_extend_size_limit = "10GB"
              processes = ["app"]
            [http_service]
              internal_port = 8080
              force_https = true
              auto_stop_machines = "stop"
              auto_start_machines = true
              min_machines_running = 1
              processes = ["app"]
              [http_service.concurrency]
                type = "requests"
                soft_limit = 20
                hard_limit = 25
              [http_service.tls_options]
                alpn = ["h2"]
                versions = ["TLSv1.3"]
                default_self_signed = false
              [http_service.http_options]
                compress = true
                h2_backend = true
                idle_timeout = 600
                [http_service.http_options.response]
                  pristine = true
                  [http_service.http_options.response.headers]
                    X-Frame-Options = "DENY"
              [[http_service.checks]]
                grace_period = "10s"
                interval = "30s"
                method = "GET"
                path = "/"
                protocol = "http"
                timeout = "5s"
                tls_server_name = "example.org"
                tls_skip_verify = false
                [http_service.checks.headers]
                  X-Check = "1"
              [[http_service.machine_checks]]
                command = ["curl", "http://[$FLY_TEST_MACHINE_IP]"]
                image = "curlimages/curl"
                entrypoint = ["/bin/sh"]
                kill_signal = "SIGKILL"
                kill_timeout = "5s"
            [[services]]
              protocol = "udp"
              internal_port = 5000
              processes = ["app"]
              [[services.ports]]
                port = 5000
              [[services.ports]]
                start_port = 6000
                end_port = 6010
                handlers = ["proxy_proto"]
                proxy_proto_options = { version = "v2" }
            [checks.alive]
              type = "http"
              port = 8080
              path = "/"
              processes = ["app"]
            [[files]]
              guest_path = "/a"
              raw_value = "aGk="
            [[restart]]
              policy = "never"
            [[vm]]
              size = "shared-cpu-1x"
              memory = "512mb"
              cpus = 1
              cpu_kind = "shared"
              gpus = 0
              persist_rootfs = "never"
            [[statics]]
              guest_path = "/app/public"
              url_prefix = "/static"
              index_document = "index.html"
            [[metrics]]
              port = 9091
              path = "/metrics"
              https = false
            """));
}
