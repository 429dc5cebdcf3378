using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Compose;

public class ComposeParserTests
{
    internal static string FixturePath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Syntax", "Compose", "Fixtures", name);

    private static (SourceText Text, ComposeDocument File) Load(string content)
    {
        var text = new SourceText(content);
        var result = ComposeParser.Parse(text);
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors));
        return (text, result.Model!);
    }

    private static (SourceText Text, ComposeDocument File) Full() => Load(File.ReadAllText(FixturePath("full.compose.yml")));

    [Test]
    public void Top_level_sections_are_read()
    {
        var (text, file) = Full();
        Assert.Multiple(() =>
        {
            Assert.That(file.Version!.Value, Is.EqualTo("3.9"));
            Assert.That(text.GetText(file.Version.Span), Is.EqualTo("\"3.9\""));
            Assert.That(file.Name!.Value, Is.EqualTo("shop"));
            Assert.That(file.Services.Select(s => s.Name), Is.EqualTo(new[] { "web", "db", "web" }));
            Assert.That(file.Volumes.Select(v => v.Name), Is.EqualTo(new[] { "data" }));
            Assert.That(file.Networks.Select(v => v.Name), Is.EqualTo(new[] { "front", "back" }));
            Assert.That(file.Secrets.Select(v => v.Name), Is.EqualTo(new[] { "db_password", "api_key" }));
            Assert.That(file.Configs.Select(v => v.Name), Is.EqualTo(new[] { "app_config" }));
            Assert.That(file.Extensions.Select(e => e.KeyText), Is.EqualTo(new[] { "x-common" }));
            Assert.That(file.Include.Select(i => i.Value), Is.EqualTo(new[] { "other.yml" }));
            Assert.That(file.Comments, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Duplicate_services_keep_both_positions()
    {
        var (text, file) = Full();
        var webs = file.Services.Where(s => s.Name == "web").ToList();
        Assert.That(webs, Has.Count.EqualTo(2));
        Assert.That(text.GetSpan(webs[0].NameNode.Span).Start.Line, Is.LessThan(text.GetSpan(webs[1].NameNode.Span).Start.Line));
        Assert.That(text.GetText(webs[1].Image!.Span), Is.EqualTo("duplicate-service"));
    }

    [Test]
    public void Merged_keys_and_build_and_commands()
    {
        var (text, file) = Full();
        var web = file.Services[0];
        Assert.Multiple(() =>
        {
            Assert.That(web.Restart!.Value, Is.EqualTo("unless-stopped"));
            Assert.That(web.Find("restart")!.IsMerged, Is.True);
            Assert.That(web.Labels.Single().Key, Is.EqualTo("team"));
            Assert.That(web.Build!.Context!.Value, Is.EqualTo("./web"));
            Assert.That(web.Build.Dockerfile!.Value, Is.EqualTo("Dockerfile.prod"));
            Assert.That(web.Build.Target!.Value, Is.EqualTo("runtime"));
            Assert.That(web.Build.Args.Single().Value, Is.EqualTo("production"));
            Assert.That(web.Command!.IsStringForm, Is.True);
            Assert.That(web.Command.Arguments, Is.EqualTo(new[] { "npm", "run", "start prod" }));
            Assert.That(web.Entrypoint!.IsStringForm, Is.False);
            Assert.That(web.Entrypoint.Arguments, Is.EqualTo(new[] { "/docker-entrypoint.sh", "nginx" }));
            Assert.That(text.GetText(web.Entrypoint.Items[1].Span), Is.EqualTo("\"nginx\""));
            Assert.That(web.Image!.Value, Is.EqualTo("nginx:1.27"));
            Assert.That(web.Privileged!.AsBoolean(), Is.True);
            Assert.That(web.CapAdd.Single().Value, Is.EqualTo("NET_ADMIN"));
            Assert.That(web.ContainerName!.Value, Is.EqualTo("shop-web"));
            Assert.That(web.Profiles.Single().Value, Is.EqualTo("prod"));
        });
    }

    [Test]
    public void Environment_map_and_list_keep_duplicates_and_spans()
    {
        var (text, file) = Full();
        var web = file.Services[0];
        var db = file.Services[1];
        Assert.Multiple(() =>
        {
            Assert.That(web.Environment.Select(e => e.Key), Is.EqualTo(new[] { "API_URL", "EMPTY", "API_URL" }));
            Assert.That(web.Environment[1].Value, Is.Null);
            Assert.That(text.GetText(web.Environment[2].ValueSpan!.Value), Is.EqualTo("duplicate"));
            Assert.That(web.Environment[0].IsFromList, Is.False);
            Assert.That(db.Environment.Select(e => e.Key), Is.EqualTo(new[] { "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_USER" }));
            Assert.That(db.Environment[1].Value, Is.Null);
            Assert.That(db.Environment[2].IsFromList, Is.True);
            Assert.That(text.GetText(db.Environment[2].KeySpan), Is.EqualTo("POSTGRES_USER"));
            Assert.That(text.GetText(db.Environment[2].ValueSpan!.Value), Is.EqualTo("again"));
            Assert.That(text.GetSpan(db.Environment[2].KeySpan).Start.Line, Is.GreaterThan(text.GetSpan(db.Environment[0].KeySpan).Start.Line));
            Assert.That(db.Labels.Single().Key, Is.EqualTo("com.example.a"));
            Assert.That(text.GetText(db.Labels.Single().ValueSpan!.Value), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Env_file_short_and_long()
    {
        var (_, file) = Full();
        var envFiles = file.Services[0].EnvFile;
        Assert.That(envFiles.Select(e => (e.Path.Value, e.Required)), Is.EqualTo(new[] { (".env", true), ("./local.env", false) }));
    }

    [Test]
    public void Ports_short_and_long()
    {
        var (text, file) = Full();
        var ports = file.Services[0].Ports;
        Assert.Multiple(() =>
        {
            Assert.That(ports, Has.Count.EqualTo(5));
            Assert.That(text.GetText(ports[0].HostPort!.Span), Is.EqualTo("8080"));
            Assert.That(text.GetText(ports[0].ContainerPort!.Span), Is.EqualTo("80"));
            Assert.That(ports[0].HostIp, Is.Null);
            Assert.That(text.GetText(ports[1].HostIp!.Span), Is.EqualTo("127.0.0.1"));
            Assert.That(ports[1].HostPort!.Value, Is.EqualTo("5432"));
            Assert.That(ports[2].HostPort, Is.Null);
            Assert.That(ports[2].ContainerPort!.Value, Is.EqualTo("9000"));
            Assert.That(ports[3].HostPort!.Value, Is.EqualTo("6000-6005"));
            Assert.That(ports[3].Protocol!.Value, Is.EqualTo("udp"));
            Assert.That(text.GetText(ports[3].Protocol!.Span), Is.EqualTo("udp"));
            Assert.That(ports[4].IsLongSyntax, Is.True);
            Assert.That(ports[4].HostPort!.Value, Is.EqualTo("8443"));
            Assert.That(ports[4].ContainerPort!.Value, Is.EqualTo("443"));
            Assert.That(ports[4].HostIp!.Value, Is.EqualTo("0.0.0.0"));
            Assert.That(ports[4].Mode!.Value, Is.EqualTo("host"));
        });
    }

    [TestCase("\"[::1]:8080:80\"", "[::1]", "8080", "80")]
    [TestCase("8080:80/tcp", null, "8080", "80")]
    [TestCase("\"0.0.0.0:80-81:80-81\"", "0.0.0.0", "80-81", "80-81")]
    public void Short_port_forms(string port, string? ip, string? host, string container)
    {
        var (_, file) = Load($"services:\n  a:\n    ports:\n      - {port}\n");
        var p = file.Services[0].Ports[0];
        Assert.That((p.HostIp?.Value, p.HostPort?.Value, p.ContainerPort?.Value), Is.EqualTo((ip, host, container)));
    }

    [Test]
    public void Volumes_are_classified()
    {
        var (text, file) = Full();
        var v = file.Services[0].Volumes;
        Assert.Multiple(() =>
        {
            Assert.That(v.Select(x => x.Kind), Is.EqualTo(new[] { ComposeVolumeKind.Bind, ComposeVolumeKind.Named, ComposeVolumeKind.Anonymous, ComposeVolumeKind.Bind, ComposeVolumeKind.Bind }));
            Assert.That(v[0].ReadOnly, Is.True);
            Assert.That(text.GetText(v[0].Target!.Span), Is.EqualTo("/usr/share/nginx/html"));
            Assert.That(v[0].Mode!.Value, Is.EqualTo("ro"));
            Assert.That(v[2].Target!.Value, Is.EqualTo("/cache"));
            Assert.That(v[4].IsLongSyntax, Is.True);
            Assert.That(v[4].ReadOnly, Is.True);
            Assert.That(v[4].Source!.Value, Is.EqualTo("/var/run/docker.sock"));
        });
    }

    [Test]
    public void Dependencies_health_resources_references()
    {
        var (_, file) = Full();
        var web = file.Services[0];
        var db = file.Services[1];
        Assert.Multiple(() =>
        {
            Assert.That(web.DependsOn.Single().Service.Value, Is.EqualTo("db"));
            Assert.That(web.DependsOn.Single().Condition!.Value, Is.EqualTo("service_healthy"));
            Assert.That(web.DependsOn.Single().Restart, Is.True);
            Assert.That(web.Healthcheck!.Test!.Arguments[0], Is.EqualTo("CMD-SHELL"));
            Assert.That(web.Healthcheck.Interval!.Value, Is.EqualTo("30s"));
            Assert.That(web.Healthcheck.Retries!.Value, Is.EqualTo("3"));
            Assert.That(db.Healthcheck!.Disable, Is.True);
            Assert.That(web.Resources!.LimitsMemory!.Value, Is.EqualTo("512M"));
            Assert.That(web.Resources.LimitsCpus!.Value, Is.EqualTo("0.5"));
            Assert.That(web.Resources.ReservationsMemory!.Value, Is.EqualTo("128M"));
            Assert.That(db.MemLimit!.Value, Is.EqualTo("1g"));
            Assert.That(web.Networks.Single().Name.Value, Is.EqualTo("front"));
            Assert.That(db.Networks.Single().Name.Value, Is.EqualTo("back"));
            Assert.That(web.Secrets.Select(s => s.Name.Value), Is.EqualTo(new[] { "db_password", "api_key" }));
            Assert.That(web.Secrets[1].Target!.Value, Is.EqualTo("/run/secrets/key"));
            Assert.That(web.Configs.Single().Name.Value, Is.EqualTo("app_config"));
            Assert.That(db.Extends!.Service!.Value, Is.EqualTo("base-db"));
            Assert.That(db.Extends.File!.Value, Is.EqualTo("base.yml"));
            Assert.That(db.Links.Single().Value, Is.EqualTo("cache"));
            Assert.That(db.NetworkMode!.Value, Is.EqualTo("bridge"));
            Assert.That(db.VolumesFrom.Single().Value, Is.EqualTo("web"));
        });
    }

    [Test]
    public void Depends_on_list_and_extends_string()
    {
        var (_, file) = Load("services:\n  a:\n    depends_on: [b, c]\n    extends: base\n    build: .\n    command: [\"x\"]\n");
        var a = file.Services[0];
        Assert.That(a.DependsOn.Select(d => d.Service.Value), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(a.Extends!.Service!.Value, Is.EqualTo("base"));
        Assert.That(a.Build!.Context!.Value, Is.EqualTo("."));
    }

    [TestCase("services: [a, b]\n")]
    [TestCase("services:\n  a: just-a-string\n")]
    [TestCase("- 1\n- 2\n")]
    [TestCase("services:\n  a:\n    ports: 80\n    environment: 3\n    volumes: {x: y}\n")]
    [TestCase("")]
    public void Wrong_shapes_are_not_syntax_errors(string content)
    {
        var result = ComposeParser.Parse(new SourceText(content));
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Model, Is.Not.Null);
    }

    [Test]
    public void Crlf_and_non_ascii_positions()
    {
        var (text, file) = Load("services:\r\n  wéb:\r\n    image: \"ngïnx:1\"\r\n    environment:\r\n      - KÉY=välue\r\n");
        var s = file.Services[0];
        Assert.Multiple(() =>
        {
            Assert.That(text.GetSpan(s.Image!.Span).Start, Is.EqualTo(new LinePosition(3, 12)));
            Assert.That(text.GetText(s.Environment[0].KeySpan), Is.EqualTo("KÉY"));
            Assert.That(text.GetText(s.Environment[0].ValueSpan!.Value), Is.EqualTo("välue"));
            Assert.That(text.GetSpan(s.Environment[0].ValueSpan!.Value).Start, Is.EqualTo(new LinePosition(5, 13)));
        });
    }

    [Test]
    public void Yaml_errors_are_syntax_errors()
    {
        var result = ComposeParser.Parse(new SourceText("services:\n  a:\n\timage: x\n"));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void Interpolation_finder()
    {
        var refs = ComposeInterpolation.Find("a $$NOT ${A} $B ${C:-def} ${D-x} ${E:?need it} ${F?m} ${G:-${H}} $ end");
        Assert.Multiple(() =>
        {
            Assert.That(refs.Select(r => r.Name), Is.EqualTo(new[] { "A", "B", "C", "D", "E", "F", "G", "H" }));
            Assert.That(refs[2].Default, Is.EqualTo("def"));
            Assert.That(refs[2].HasDefault, Is.True);
            Assert.That(refs[3].Operator, Is.EqualTo("-"));
            Assert.That(refs[4].IsRequired, Is.True);
            Assert.That(refs[4].ErrorMessage, Is.EqualTo("need it"));
            Assert.That(refs[1].IsBraced, Is.False);
        });
        string value = "x ${G:-${H}}";
        var h = ComposeInterpolation.Find(value).Single(r => r.Name == "H");
        Assert.That(value.Substring(h.Start, h.Length), Is.EqualTo("${H}"));
    }

    [Test]
    public void Interpolation_span_maps_to_source()
    {
        var (text, file) = Load("services:\n  a:\n    image: \"repo/${TAG:-latest}\"\n");
        var image = file.Services[0].Image!;
        var r = ComposeInterpolation.Find(image.Value).Single();
        Assert.That(text.GetText(image.MapValueSpanToSource(r.Start, r.Length)), Is.EqualTo("${TAG:-latest}"));
    }

    [Test]
    public void Shell_words()
    {
        Assert.That(ShellWords.Split("sh -c 'echo \"hi there\"' a\\ b \"x\\\"y\""), Is.EqualTo(new[] { "sh", "-c", "echo \"hi there\"", "a b", "x\"y" }));
    }

    [Test]
    public void Environment_value_ranges_map_to_the_source_in_both_forms()
    {
        var (text, file) = Load("""
            services:
              a:
                environment:
                  DB: "postgres://u:pw@db/x"
              b:
                environment:
                  - DB=postgres://u:pw@db/x
            """);
        foreach (var variable in file.Services.SelectMany(s => s.Environment))
        {
            int at = variable.Value!.IndexOf("pw", StringComparison.Ordinal);
            Assert.That(text.GetText(variable.MapValueSpan(at, 2)), Is.EqualTo("pw"));
        }
    }
}
