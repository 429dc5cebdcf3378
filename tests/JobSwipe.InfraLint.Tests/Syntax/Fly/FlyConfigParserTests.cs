using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax;

/// <summary>fly.toml fixtures written for these tests.</summary>
internal static class FlyFixtures
{
    public const string Full = """
        # fly.toml app configuration file
        app = "jobswipe-api"
        primary_region = "ams"
        kill_signal = "SIGTERM"
        kill_timeout = "30s"
        console_command = "/app/manage shell"

        [build]
          dockerfile = "Dockerfile.prod"
          build-target = "runtime"
          [build.args]
            NODE_ENV = "production"
            RUST_VERSION = "1.80"

        [deploy]
          release_command = "npm run migrate"
          strategy = "rolling"

        [env]
          PORT = "8080"
          LOG_LEVEL = "info"
          WORKERS = 4

        [processes]
          app = "node server.js"
          worker = "node worker.js"

        [http_service]
          internal_port = 8080
          force_https = true
          auto_stop_machines = "stop"
          auto_start_machines = true
          min_machines_running = 1
          processes = ["app"]
          [http_service.concurrency]
            type = "requests"
            soft_limit = 200
            hard_limit = 250

          [[http_service.checks]]
            grace_period = "10s"
            interval = "30s"
            method = "GET"
            timeout = "5s"
            path = "/healthz"

        [[services]]
          protocol = "tcp"
          internal_port = 5432
          processes = ["worker"]

          [[services.ports]]
            port = 5432
            handlers = ["pg_tls"]

          [[services.tcp_checks]]
            interval = "15s"
            timeout = "2s"

        [[mounts]]
          source = "data"
          destination = "/data"

        [[vm]]
          memory = "1gb"
          cpu_kind = "shared"
          cpus = 1
          processes = ["app"]

        [[vm]]
          memory_mb = 2048
          processes = ["worker"]

        [metrics]
          port = 9091
          path = "/metrics"

        [[statics]]
          guest_path = "/app/public"
          url_prefix = "/static/"

        [checks.alive]
          type = "tcp"
          port = 8080
          interval = "15s"

        [[restart]]
          policy = "on-failure"
          retries = 5
          processes = ["worker"]

        """;
}

public class FlyConfigParserTests
{
    private static (SourceText Text, FlyConfig Config) Parse(string content)
    {
        var text = new SourceText(content);
        ParseResult<FlyConfig> result = FlyConfigParser.Parse(text);
        Assert.That(result.Errors, Is.Empty);
        return (text, result.Model!);
    }

    [Test]
    public void Top_level_scalars_point_at_their_values()
    {
        (SourceText text, FlyConfig fly) = Parse(FlyFixtures.Full);
        Assert.That(fly.App!.Value.AsString(), Is.EqualTo("jobswipe-api"));
        Assert.That(text.GetText(fly.App.Value.Span), Is.EqualTo("\"jobswipe-api\""));
        Assert.That(text.GetSpan(fly.Root.GetEntry("primary_region")!.Key.Span), Is.EqualTo(LinePositionSpan.FromLine(3, 1, 15)));
        Assert.That(fly.Root.GetEntry("kill_timeout")!.Value.AsString(), Is.EqualTo("30s"));
        Assert.That(fly.Comments.Single().Text, Is.EqualTo("fly.toml app configuration file"));
    }

    [Test]
    public void Build_deploy_env_and_processes()
    {
        (SourceText text, FlyConfig fly) = Parse(FlyFixtures.Full);
        Assert.That(fly.Build!.Dockerfile!.Value.AsString(), Is.EqualTo("Dockerfile.prod"));
        Assert.That(fly.Build.Target!.Value.AsString(), Is.EqualTo("runtime"));
        Assert.That(fly.Build.Args.Select(a => a.Name), Is.EqualTo(new[] { "NODE_ENV", "RUST_VERSION" }));
        Assert.That(fly.Build.Image, Is.Null);
        Assert.That(fly.Deploy!.ReleaseCommand!.Value.AsString(), Is.EqualTo("npm run migrate"));
        Assert.That(fly.Env.Select(e => e.Key), Is.EqualTo(new[] { "PORT", "LOG_LEVEL", "WORKERS" }));
        Assert.That(fly.Env[2].StringValue, Is.Null, "a wrong type is kept, not converted");
        Assert.That(fly.Env[2].Value.AsInteger(), Is.EqualTo(4));
        Assert.That(text.GetText(fly.Env[0].KeySpan), Is.EqualTo("PORT"));
        Assert.That(text.GetText(fly.Env[0].ValueSpan), Is.EqualTo("\"8080\""));
        Assert.That(fly.Processes.Select(p => (p.Name, p.CommandText)), Is.EqualTo(new[] { ("app", (string?)"node server.js"), ("worker", "node worker.js") }));
        Assert.That(text.GetText(fly.Processes[1].NameSpan), Is.EqualTo("worker"));
    }

    [Test]
    public void Services_checks_mounts_vm_and_others()
    {
        (SourceText text, FlyConfig fly) = Parse(FlyFixtures.Full);
        FlyHttpService http = fly.HttpService!;
        Assert.That(http.InternalPort!.Value.AsInteger(), Is.EqualTo(8080));
        Assert.That(http.Entry("auto_stop_machines")!.Value.AsString(), Is.EqualTo("stop"));
        Assert.That(http.Table.GetTable("concurrency")!.GetValue("soft_limit")!.AsInteger(), Is.EqualTo(200));
        Assert.That(fly.Root.GetPath("http_service", "concurrency", "soft_limit")!.AsTable(), Is.Null);
        Assert.That(http.Checks.Single().Path!.Value.AsString(), Is.EqualTo("/healthz"));
        Assert.That(text.GetText(http.Span), Is.EqualTo("[http_service]"));

        FlyService service = fly.Services.Single();
        Assert.That(service.InternalPort!.Value.AsInteger(), Is.EqualTo(5432));
        Assert.That(service.Ports.Single().Port!.Value.AsInteger(), Is.EqualTo(5432));
        Assert.That(service.Checks.Single().Interval!.Value.AsString(), Is.EqualTo("15s"));

        Assert.That(fly.Mounts.Single().Destination!.Value.AsString(), Is.EqualTo("/data"));
        Assert.That(fly.Vm.Select(v => v.MemoryMb?.Value.AsInteger()), Is.EqualTo(new long?[] { null, 2048 }));
        Assert.That(fly.Vm[0].Memory!.Value.AsString(), Is.EqualTo("1gb"));
        Assert.That(fly.Metrics.Single().Port!.Value.AsInteger(), Is.EqualTo(9091));
        Assert.That(fly.Statics.Single().UrlPrefix!.Value.AsString(), Is.EqualTo("/static/"));
        Assert.That(fly.Checks.Single().Name, Is.EqualTo("alive"));
        Assert.That(fly.Restart.Single().Policy!.Value.AsString(), Is.EqualTo("on-failure"));
    }

    [Test]
    public void Table_and_array_spellings_are_both_accepted()
    {
        (_, FlyConfig fly) = Parse("[mounts]\nsource = \"a\"\ndestination = \"/a\"\n[vm]\nmemory = 512\n[[processes]]\nname = \"web\"\ncommand = \"run\"\n");
        Assert.That(fly.Mounts.Single().Source!.Value.AsString(), Is.EqualTo("a"));
        Assert.That(fly.Vm.Single().Memory!.Value.AsInteger(), Is.EqualTo(512));
        Assert.That(fly.Processes.Single().CommandText, Is.EqualTo("run"));

        (_, FlyConfig inline) = Parse("http_service = { internal_port = 3000 }\nservices = [{ internal_port = 1 }, { internal_port = 2 }]\n");
        Assert.That(inline.HttpService!.InternalPort!.Value.AsInteger(), Is.EqualTo(3000));
        Assert.That(inline.Services.Select(s => s.InternalPort!.Value.AsInteger()), Is.EqualTo(new long?[] { 1, 2 }));
    }

    [Test]
    public void Dotted_keys_and_less_common_sections()
    {
        (SourceText text, FlyConfig fly) = Parse("host_dedication_id = \"h1\"\n[build]\ncompose.file = \"docker-compose.yml\"\n[deploy]\nrelease_command_vm.memory = \"1gb\"\nseed_command = \"seed\"\n[[machine_checks]]\nimage = \"curl\"\n[[mounts]]\nsource = \"d\"\nauto_extend_size_threshold = 80\n");
        Assert.That(fly.Root.GetEntry("host_dedication_id")!.Value.AsString(), Is.EqualTo("h1"));
        Assert.That(fly.Build!.Compose!.GetString("file"), Is.EqualTo("docker-compose.yml"));
        Assert.That(text.GetText(fly.Build.Compose.NameSpan), Is.EqualTo("compose"));
        Assert.That(fly.Deploy!.Table.GetTable("release_command_vm")!.GetString("memory"), Is.EqualTo("1gb"));
        Assert.That(fly.Deploy.Entry("seed_command")!.Value.AsString(), Is.EqualTo("seed"));
        Assert.That(fly.Root.GetTables("machine_checks").Single().GetString("image"), Is.EqualTo("curl"));
        Assert.That(fly.Mounts.Single().AutoExtendSizeThreshold!.Value.AsInteger(), Is.EqualTo(80));
    }

    [Test]
    public void Keys_and_their_spellings_come_from_the_schema()
    {
        // One list of fly.toml's keys: the typed view reads through FlySchema, so a key the schema lacks cannot be read.
        (_, FlyConfig fly) = Parse("[[compute]]\nmemory = \"1gb\"\n[[vm]]\ncpus = 2\n[metric]\nport = 9091\n[http_service]\nmax_machines_running = 3\n");
        Assert.Multiple(() =>
        {
            Assert.That(fly.Vm.Select(v => v.Memory?.Value.AsString()), Is.EqualTo(new[] { null, "1gb" }), "vm before compute, as the schema lists them");
            Assert.That(fly.Metrics.Single().Port!.Value.AsInteger(), Is.EqualTo(9091));
            Assert.That(fly.HttpService!.Entry("max_machines_running"), Is.Not.Null, "a known invention can be read to report it");
            Assert.That(() => fly.HttpService!.Entry("max_machine_running"), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Every_accessor_reads_a_key_of_the_schema()
    {
        (_, FlyConfig fly) = Parse("app = \"a\"\n[build]\n[deploy]\n[http_service]\n[[http_service.checks]]\n[[services]]\n[[services.ports]]\n[[services.tcp_checks]]\n[checks.x]\n[[mounts]]\n[[vm]]\n[[metrics]]\n[[statics]]\n[[restart]]\n[[files]]\n[env]\nA = \"1\"\n[processes]\nweb = \"run\"\n");
        var sections = new List<object> { fly, fly.Build!, fly.Deploy!, fly.HttpService!, fly.Services[0], fly.Services[0].Ports[0], fly.Services[0].Checks[0], fly.HttpService!.Checks[0], fly.Checks[0], fly.Mounts[0], fly.Vm[0], fly.Metrics[0], fly.Statics[0], fly.Restart[0], fly.Files[0] };
        foreach (object section in sections)
        {
            foreach (var property in section.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                Assert.That(() => property.GetValue(section), Throws.Nothing, $"{section.GetType().Name}.{property.Name}");
            }
        }
    }

    [Test]
    public void Wrong_types_are_not_syntax_errors()
    {
        (_, FlyConfig fly) = Parse("app = 5\n[http_service]\ninternal_port = \"8080\"\n[env]\nDEBUG = true\n");
        Assert.That(fly.App!.Value.Kind, Is.EqualTo(TomlValueKind.Integer));
        Assert.That(fly.HttpService!.InternalPort!.Value.AsString(), Is.EqualTo("8080"));
        Assert.That(fly.Env.Single().Value.AsBoolean(), Is.True);
    }

    [Test]
    public void Empty_and_broken_files()
    {
        (_, FlyConfig empty) = Parse(string.Empty);
        Assert.That(empty.App, Is.Null);
        Assert.That(empty.Services, Is.Empty);
        ParseResult<FlyConfig> broken = FlyConfigParser.Parse(new SourceText("app = \"x\n[build\n"));
        Assert.That(broken.Succeeded, Is.False);
        Assert.That(broken.Model, Is.Not.Null);
    }

    [Test]
    public void Duplicate_env_keys_are_visible()
    {
        (_, FlyConfig fly) = Parse("[env]\nA = \"1\"\nA = \"2\"\n");
        Assert.That(fly.Env.Select(e => e.StringValue), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(fly.Document.Duplicates.Single().DottedPath, Is.EqualTo("env.A"));
    }

    [Test]
    public void Fuzzed_fly_files_never_throw()
    {
        TimeSpan elapsed = MiscFuzz.Run([FlyFixtures.Full], s =>
        {
            FlyConfig? fly = FlyConfigParser.Parse(new SourceText(s)).Model;
            _ = fly?.Services.SelectMany(x => x.Checks).Count();
            _ = fly?.Processes.Count;
            _ = fly?.Env.Count;
            _ = fly?.Checks.Count;
        }, seed: 777, divisor: 4);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
