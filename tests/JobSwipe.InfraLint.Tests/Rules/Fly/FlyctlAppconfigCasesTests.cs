using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

/// <summary>
/// flyctl's verdicts on its own app configuration test data (internal/appconfig/testdata): one case per file, our own
/// text with the file's shape, and whether flyctl rejects it (LoadConfig fails, Validate fails, or ValidateGroups fails
/// for one of its groups, as `fly deploy` runs them). JSI3006 must fire exactly on the files flyctl rejects (JSI3013 stands
/// for flyctl's rejection of a canary deploy with volumes).
/// </summary>
public class FlyctlAppconfigCasesTests
{
    private static readonly (string Shape, bool Rejected, string Toml)[] Cases =
    [
        ("always-invalid-v2", true, "app = \"old-shape\"\n\n[build]\n  builder = \"dockerfile\"\n  image = \"acme/api\"\n  dockerfile = \"Dockerfile\"\n  [build.args]\n    MODE = \"prod\"\n\n[[services]]\n  internal_port = \"3000\"\n  concurrency = 50\n"),
        ("app-name", false, "app = \"billing\"\n"),
        ("build-with-args", false, "app = \"billing\"\n\n[build]\nbuilder = \"paketo/builder\"\n  [build.args]\n  STAGE = \"prod\"\n  REGION = \"eu\"\n"),
        ("build", false, "app = \"billing\"\n\n[build]\n  builder = \"paketo/builder\"\n"),
        ("compose-autodetect", false, "app = \"billing\"\n\n[build.compose]\n"),
        ("compose", false, "app = \"billing\"\n\n[build]\ncompose.file = \"compose.prod.yml\"\n"),
        ("docker", false, "app = \"billing\"\n\n[build]\n  dockerfile = \"./deploy/Dockerfile\"\n"),
        ("env-list", false, "app = \"billing\"\n\n[[env]]\nLOG_LEVEL = \"info\"\nWORKERS = 4\n\n[[env]]\nDEBUG = false\n"),
        ("experimental-alt", false, "app = \"billing\"\n\n[experimental]\ncmd = \"serve\"\nexec = \"run\"\nentrypoint = \"boot\"\nkill_timeout = 5\nmetrics_port = 9100\nmetrics_path = \"/stats\"\n"),
        ("format-quirks", false, "app = \"billing\"\n\n[vm]\nmemory = 1024\n\n[mount]\nsource = \"ledger\"\ndestination = \"/ledger\"\ninitial_size = 50\nsnapshot_retention = 14\n"),
        ("full-reference", true, FullReference),
        ("image", false, "app = \"billing\"\n\n[build]\n  image = \"acme/billing:2.1\"\n"),
        ("mounts-array", false, "app = \"billing\"\n\n[[mounts]]\nsource = \"ledger\"\ndestination = \"/var/lib/ledger\"\n"),
        ("old-format", false, "app = \"billing\"\n\n[env]\n  MODE = \"prod\"\n  PORT = 3000\n\n[build]\nbuild_target = \"runtime\"\n\n[[services]]\n  internal_port = \"3000\"\n  concurrency = \"20,25\"\n  auto_stop_machines = false\n  [[services.ports]]\n  port = \"80\"\n  handlers = [\"http\"]\n  [[services.tcp_checks]]\n    interval = \"15s\"\n    timeout = \"2s\"\n  [[services.http_checks]]\n    interval = \"30s\"\n    timeout = \"5s\"\n    grace_period = \"\"\n    [[services.http_checks.headers]]\n      name = \"host\"\n      value = \"billing.internal\"\n\n[experimental]\n\n[[processes]]\n\n[mount]\n  source = \"ledger\"\n  destination = \"/ledger\"\n\n[metrics]\n  port = 9100\n  path = \"/stats\"\n"),
        ("old-pg-checks", false, "app = \"billing\"\n\n[checks.db]\n  type = \"http\"\n  port = 5500\n  path = \"/health/db\"\n  headers = []\n"),
        ("old-processes", false, "[[processes]]\nname = \"api\"\ncommand = \"./api\"\n\n[[processes]]\nname = \"jobs\"\ncommand = \"./jobs\"\n"),
        ("processes-multi", false, "app = \"billing\"\n\n[processes]\nsweeper = \"/bin/sweep\"\napi = \"/bin/api\"\nmailer = \"/bin/mail\"\n"),
        ("processes-multiwithapp", false, "app = \"billing\"\n\n[processes]\nalpha = \"/bin/a\"\nbeta = \"/bin/b\"\napp = \"/bin/b\"\ngamma = \"/bin/c\"\n"),
        ("processes-none", false, "app = \"billing\"\n\n[processes]\n"),
        ("processes-one", false, "app = \"billing\"\n\n[processes]\napi = \"/bin/api\"\n"),
        ("services-emptysection", false, "app = \"billing\"\n\n[[services]]\n"),
        ("services-multi", false, "app = \"billing\"\n\n[[services]]\n  internal_port = 3000\n  protocol = \"tcp\"\n  [services.concurrency]\n    type = \"requests\"\n    hard_limit = 40\n    soft_limit = 30\n\n[[services]]\n  internal_port = 5000\n  protocol = \"tcp\"\n  [services.concurrency]\n    type = \"connections\"\n    hard_limit = 12\n    soft_limit = 9\n"),
        ("services-ports", false, "app = \"billing\"\n\n[[services]]\n  internal_port = 3000\n  protocol = \"tcp\"\n  [[services.ports]]\n    port = 80\n  [services.ports.tls_options]\n  alpn = [\"h2\"]\n  versions = [\"TLSv1.3\"]\n  [services.ports.http_options]\n    compress = true\n  [services.ports.http_options.response.headers]\n    x-served-by = \"billing\"\n    x-removed = false\n  [[services.ports]]\n    port = 8443\n    handlers = [\"proxy_proto\"]\n    [services.ports.proxy_proto_options]\n    version = \"v1\"\n"),
        ("setters-deploy", false, "app = \"billing\"\n\n[deploy]\nstrategy = \"rolling\"\n"),
        ("setters-experimental", false, "app = \"billing\"\n\n[experimental]\nexec = \"/bin/run\"\n"),
        ("setters-httpservice", false, "app = \"billing\"\n\n[http_service]\n  internal_port = 3000\n"),
        ("setters-processes", false, "app = \"billing\"\n\n[processes]\napi = \"serve\"\n"),
        ("setters-service", false, "app = \"billing\"\n\n[[services]]\n  protocol = \"udp\"\n"),
        ("tomachine-compute-nodefault", false, "app = \"billing\"\n\n[processes]\napp = \"\"\nsweeper = \"\"\nmailer = \"\"\n\n[[vm]]\nsize = \"performance-2x\"\nprocesses = [\"mailer\"]\n"),
        ("tomachine-compute", false, "app = \"billing\"\n\n[processes]\napp = \"\"\njobs = \"/jobs\"\ninfer = \"/infer\"\nsolo = \"/solo\"\n\n[[vm]]\nmemory = \"32gb\"\ngpu_kind = \"l40s\"\nprocesses = [\"infer\"]\n\n[[compute]]\nhost_dedication_id = \"dedicated-1\"\nprocesses = [\"solo\"]\n\n[[vm]]\nsize = \"shared-cpu-1x\"\n"),
        ("tomachine-default-for-new-apps", false, "app = \"billing\"\nprimary_region = \"fra\"\n\n[http_service]\n  internal_port = 3000\n  force_https = true\n\n[checks]\n  [checks.up]\n    type = \"tcp\"\n    interval = \"20s\"\n    timeout = \"3s\"\n    grace_period = \"10s\"\n"),
        ("tomachine-experimental", false, "app = \"billing\"\n\n[experimental]\ncmd = [\"/serve\", \"--fast\"]\nentrypoint = [\"/init\"]\nexec = [\"skip\", \"these\"]\n"),
        ("tomachine-hostdedicationid", false, "app = \"billing\"\nhost_dedication_id = \"top\"\n\n[processes]\nweb = \"\"\njobs = \"\"\nadmin = \"\"\n\n[[vm]]\nsize = \"shared-cpu-2x\"\nprocesses = [\"admin\"]\n\n[[vm]]\nhost_dedication_id = \"jobs-only\"\nprocesses = [\"jobs\"]\n"),
        ("tomachine-machinechecks", false, "app = \"billing\"\nprimary_region = \"gru\"\nswap_size_mb = 256\n\n[processes]\n  api = \"serve api\"\n  admin = \"serve admin\"\n  jobs = \"run jobs\"\n\n[http_service]\n  internal_port = 3000\n  force_https = true\n   processes = [\"api\", \"admin\"]\n  [[http_service.machine_checks]]\n   image = \"alpine/curl\"\n   command = [\"curl\", \"-f\", \"http://localhost:3000/\"]\n   entrypoint = [\"/bin/sh\"]\n"),
        ("tomachine-mounts", false, "app = \"billing\"\n\n[processes]\n  app = \"\"\n  jobs = \"jobs\"\n  mail = \"mail\"\n\n[[mounts]]\n  source = \"ledger\"\n  destination = \"/ledger\"\n\n[[mounts]]\n  source = \"spool\"\n  destination = \"/spool\"\n  processes = [\"jobs\"]\n"),
        ("tomachine-processgroups", false, "app = \"billing\"\nprimary_region = \"fra\"\n\n[processes]\napp = \"serve\"\ntunnel = \"run-tunnel\"\nidle = \"sleep infinity\"\n\n[http_service]\n  internal_port = 3000\n  processes = [\"app\"]\n\n[[services]]\n  internal_port = 51820\n  protocol = \"udp\"\n  processes = [\"tunnel\"]\n\n[[services]]\n  internal_port = 2222\n  protocol = \"tcp\"\n  processes = [\"tunnel\", \"app\", \"idle\"]\n\n[checks.port]\n  port = 3000\n  type = \"tcp\"\n  processes = [\"app\", \"idle\"]\n"),
        ("tomachine-services", false, "app = \"billing\"\nprimary_region = \"fra\"\n\n[http_service]\n  internal_port = 3000\n  force_https = true\n  auto_start_machines = true\n  auto_stop_machines = \"stop\"\n\n[[services]]\n  protocol = \"tcp\"\n  internal_port = 4000\n  auto_start_machines = true\n  auto_stop_machines = \"suspend\"\n\n[[services]]\n  protocol = \"tcp\"\n  internal_port = 4001\n  auto_start_machines = false\n  auto_stop_machines = \"off\"\n\n[[services]]\n  protocol = \"tcp\"\n  internal_port = 4002\n"),
        ("tomachine", false, "app = \"billing\"\nprimary_region = \"fra\"\nkill_signal = \"SIGINT\"\nkill_timeout = \"20s\"\nswap_size_mb = 256\n\n[deploy]\n  release_command = \"bin/migrate\"\n  release_command_timeout = \"5m\"\n  [deploy.release_command_vm]\n    size = \"performance-1x\"\n    memory = \"2G\"\n\n[[restart]]\n  policy = \"on-failure\"\n\n[env]\n  MODE = \"prod\"\n\n[metrics]\n  port = 9100\n  path = \"/stats\"\n\n[http_service]\n  internal_port = 3000\n  force_https = true\n  [[http_service.machine_checks]]\n   command = [\"curl\", \"-f\", \"http://localhost:3000/\"]\n   image = \"alpine/curl\"\n   entrypoint = [\"/bin/sh\"]\n\n[checks.port]\n  port = 3000\n  type = \"tcp\"\n\n[checks.ready]\n  port = 3000\n  type = \"http\"\n  interval = \"15s\"\n  timeout = \"2s\"\n  path = \"/ready\"\n\n[mounts]\n  source = \"ledger\"\n  destination = \"/ledger\"\n\n[[statics]]\nguest_path = \"/srv/public\"\nurl_prefix = \"/public\"\n\n[experimental]\nmachine_config = '{\"dns\": {\"nameservers\": [\"9.9.9.9\"]}}'\n"),
        ("validate-groups", false, ValidateGroups),
        ("validate-mounts", true, "app = \"billing\"\nprimary_region = \"fra\"\n\n[processes]\napp = \"\"\njobs = \"\"\nmail = \"\"\n\n[[mounts]]\nsource = \"ledger\"\ndestination = \"/ledger\"\ninitial_size = \"500mb\"\nprocesses = [\"jobs\"]\n\n[[mounts]]\nsource = \"ledger\"\ndestination = \"/ledger\"\ninitial_size = \"plenty\"\nprocesses = [\"mail\"]\n\n[[mounts]]\nsource = \"spool\"\ndestination = \"/spool\"\nprocesses = [\"app\"]\n\n[[mounts]]\nsource = \"ledger\"\ndestination = \"/ledger\"\nprocesses = [\"app\"]\n"),
        ("validate-services", true, "app = \"billing\"\nprimary_region = \"fra\"\n\n[processes]\napp = \"\"\njobs = \"\"\nok = \"\"\n\n[[services]]\ninternal_port = 3000\n\n[[services]]\ninternal_port = 3000\nprocesses = [\"ok\"]\n[[services.ports]]\nport = 80\n"),
    ];

    private const string ValidateGroups = "app = \"billing\"\nprimary_region = \"fra\"\n\n[processes]\napp = \"serve\"\ntunnel = \"run-tunnel\"\nidle = \"sleep infinity\"\n\n[http_service]\ninternal_port = 3000\nprocesses = [\"app\"]\n\n[[services]]\ninternal_port = 51820\nprotocol = \"udp\"\nprocesses = [\"tunnel\"]\n[[services.ports]]\nport = 80\n\n[[services]]\ninternal_port = 2222\nprotocol = \"tcp\"\nprocesses = [\"tunnel\", \"app\", \"idle\"]\n[[services.ports]]\nport = 81\n\n[checks.port]\nport = 3000\ntype = \"tcp\"\nprocesses = [\"app\", \"idle\"]\n\n[[mounts]]\nsource = \"ledger\"\ndestination = \"/ledger\"\nprocesses = [\"app\"]\n";

    private const string FullReference = """
        app = "billing"
        kill_signal = "SIGINT"
        kill_timeout = "5s"
        swap_size_mb = 256
        primary_region = "fra"
        console_command = "/bin/sh"

        [experimental]
          cmd = ["serve"]
          auto_rollback = true

        [build]
          dockerfile = "Dockerfile"
          [build.args]
            STAGE = "prod"

        [deploy]
          release_command = "bin/migrate"
          release_command_timeout = "5m"
          strategy = "rolling-slowly"

        [[restart]]
          policy = "always"
          retries = 5
          processes = ["api"]

        [[metrics]]
          port = 9100
          path = "/stats"
          processes = ["api"]

        [http_service]
          internal_port = 3000
          force_https = true
          auto_stop_machines = "off"
          [[http_service.checks]]
            interval = "30s"
            timeout = "5s"
            method = "GET"
            path = "/"
          [http_service.concurrency]
            type = "requests"
            hard_limit = 50
            soft_limit = 40

        [[files]]
          guest_path = "/etc/billing/motd"
          raw_value = "aGk="

        [[mounts]]
          source = "ledger"
          initial_size = "10gb"
          destination = "/ledger"
          snapshot_retention = 7

        [[vm]]
          size = "shared-cpu-2x"
          memory = "2gb"
          memory_mb = 2048
          processes = ["app"]

        [processes]
          api = "serve api"
          jobs = "run jobs"

        [checks.ready]
          port = 3000
          type = "http"
          interval = "15s"
          timeout = "2s"
          path = "/ready"

        [[services]]
          internal_port = 4000
          protocol = "tcp"
          processes = ["api"]
          [[services.ports]]
            port = 4000
        """;

    [Test]
    public void Every_file_gets_flyctls_verdict()
    {
        using var repository = new TempRepository();
        for (int i = 0; i < Cases.Length; i++)
        {
            repository.Write($"{Cases[i].Shape}/fly.toml", Cases[i].Toml);
        }

        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new InvalidFlyConfigurationRule(), new ImpossibleFlyDeployStrategyRule()], MaxDegreeOfParallelism = 1 });
        Assert.That(result.Diagnostics.Where(d => d.Id is "JSI0001" or "JSI0004"), Is.Empty);
        var rejected = result.Diagnostics.Where(d => d.Id is "JSI3006" or "JSI3013").Select(d => d.Location.Path.Replace('\\', '/').Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var wrong = Cases.Where(c => rejected.Contains(c.Shape) != c.Rejected).Select(c => $"{c.Shape}: flyctl {(c.Rejected ? "rejects" : "accepts")}, we {(rejected.Contains(c.Shape) ? "reject" : "accept")}").ToList();
        TestContext.Out.WriteLine($"flyctl appconfig verdicts matched: {Cases.Length - wrong.Count}/{Cases.Length}");
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void A_canary_deploy_with_volumes_is_rejected_as_flyctls_group_validation_test_has_it() =>
        RuleVerifier.Reports<ImpossibleFlyDeployStrategyRule>(("fly.toml", ValidateGroups + "\n[deploy]\nstrategy = [|\"canary\"|]\n"));

    [Test]
    public void One_case_per_flyctl_testdata_file() => Assert.That(Cases.Select(c => c.Shape).Distinct().Count(), Is.EqualTo(41));
}
