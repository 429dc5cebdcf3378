using System.Collections.Concurrent;

namespace JobSwipe.InfraLint.Syntax.Fly;

/// <summary>What a value must be.</summary>
internal enum FlyType
{
    /// <summary>Anything (no type check).</summary>
    Any,
    String,
    Integer,

    /// <summary>An integer or a float.</summary>
    Number,
    Boolean,

    /// <summary>A Go duration string (<c>"10s"</c>, <c>"1m30s"</c>); a bare number is JSI3012 (its unit depends on the key).</summary>
    Duration,

    /// <summary>A size with units (<c>"1gb"</c>, <c>"512mb"</c>) or an integer (MB for memory, GB for volumes).</summary>
    Size,

    /// <summary>An array of strings.</summary>
    StringList,

    /// <summary>An array of strings, or one string (flyctl wraps it: <c>[experimental] cmd</c>).</summary>
    StringOrList,

    /// <summary>An integer, or a string holding one (flyctl converts it: <c>[[services]] internal_port</c>, <c>ports.port</c>).</summary>
    IntegerOrNumericString,

    /// <summary><c>auto_stop_machines</c>: <c>"off"</c>, <c>"stop"</c>, <c>"suspend"</c>, or the legacy booleans.</summary>
    AutoStop,
}

/// <summary>How a bare number is read where a duration is expected.</summary>
internal enum FlyBareDuration
{
    /// <summary>Not converted by flyctl: handed to the duration decoder as is (nanoseconds).</summary>
    Unconverted,

    /// <summary>Converted as seconds (<c>kill_timeout</c>).</summary>
    Seconds,

    /// <summary>Converted as milliseconds (<c>[[services.tcp_checks]]</c> and <c>[[services.http_checks]]</c>).</summary>
    Milliseconds,
}

/// <summary>How a key may be written.</summary>
internal enum FlyShape
{
    /// <summary>A plain value.</summary>
    Value,

    /// <summary>One table only: <c>[x]</c> or an inline table; <c>[[x]]</c> fails to unmarshal.</summary>
    Table,

    /// <summary>An array of tables only: a single <c>[x]</c> table fails to unmarshal (a Go slice without flyctl's <c>ensureArrayOfMap</c>).</summary>
    TableArray,

    /// <summary><c>[x]</c> or <c>[[x]]</c>: flyctl's <c>ensureArrayOfMap</c> accepts both.</summary>
    TableOrArray,

    /// <summary>A table of named sub-tables (<c>[checks.NAME]</c>); the legacy <c>[[checks]]</c> with <c>name</c> is accepted.</summary>
    NamedTables,

    /// <summary>A table of name → scalar (<c>[env]</c>, <c>[build.args]</c>, check headers); values are not type-checked here.</summary>
    Map,

    /// <summary>A free-form table (<c>[build.settings]</c>).</summary>
    OpenTable,

    /// <summary>A key flyctl no longer reads (Fly's Nomad-era platform): silently ignored, JSI3011.</summary>
    Legacy,
}

/// <summary>One key of a section.</summary>
internal sealed record FlyKey(string Name, FlyShape Shape, FlyType Type = FlyType.Any)
{
    /// <summary>The allowed values of a string key (exact, case-sensitive).</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>Inclusive bounds of an integer key.</summary>
    public long? Min { get; init; }

    public long? Max { get; init; }

    /// <summary>The sub-section of a table-shaped key.</summary>
    public FlySectionSpec? Section { get; init; }

    /// <summary>For durations: how flyctl reads a bare number here.</summary>
    public FlyBareDuration BareNumber { get; init; }

    /// <summary>For legacy keys: what replaced them (shown in the JSI3011 message).</summary>
    public string? Replacement { get; init; }

}

/// <summary>A section's keys.</summary>
internal sealed class FlySectionSpec
{
    public FlySectionSpec(string displayName, params FlyKey[] keys)
    {
        DisplayName = displayName;
        Keys = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>How the section is named in messages (<c>[http_service]</c>).</summary>
    public string DisplayName { get; }

    public IReadOnlyDictionary<string, FlyKey> Keys { get; }

    /// <summary>Keys written in this section that mean nothing to flyctl but are known mistakes: name → advice.</summary>
    public IReadOnlyDictionary<string, string> KnownInventions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// Fly.io's app configuration (fly.toml) as data: every section, key, shape, type and allowed value.
/// Follows flyctl at commit ad0172f (2026-08-21: internal/appconfig config.go, service.go, toplevelcheck.go,
/// patches.go, validation.go) with fly-go v0.9.6 (MachineGuest, MachinePort, TLSOptions, HTTPOptions), and
/// https://fly.io/docs/reference/configuration/ of the same date. To update: change the tables below; the
/// rules JSI3006 (invalid), JSI3011 (ignored) and JSI3012 (bare durations) read nothing else.
/// </summary>
internal static class FlySchema
{
    public static readonly IReadOnlyList<string> DeployStrategies = ["canary", "rolling", "immediate", "bluegreen"];

    public static readonly IReadOnlyList<string> AutoStopValues = ["off", "stop", "suspend"];

    public static readonly IReadOnlyList<string> RestartPolicies = ["always", "never", "on-failure"];

    public static readonly IReadOnlyList<string> VmSizes =
    [
        "shared-cpu-1x", "shared-cpu-2x", "shared-cpu-4x", "shared-cpu-6x", "shared-cpu-8x",
        "performance-1x", "performance-2x", "performance-4x", "performance-6x", "performance-8x",
        "performance-10x", "performance-12x", "performance-14x", "performance-16x",
        "a100-40gb", "a100-80gb", "l40s", "a10",
    ];

    private static FlyKey Str(string name, params string[] allowed) => new(name, FlyShape.Value, FlyType.String) { Allowed = allowed.Length == 0 ? null : allowed };

    private static FlyKey Int(string name, long? min = null, long? max = null) => new(name, FlyShape.Value, FlyType.Integer) { Min = min, Max = max };

    private static FlyKey Bool(string name) => new(name, FlyShape.Value, FlyType.Boolean);

    private static FlyKey Dur(string name, FlyBareDuration bare = FlyBareDuration.Unconverted) => new(name, FlyShape.Value, FlyType.Duration) { BareNumber = bare };

    private static FlyKey List(string name) => new(name, FlyShape.Value, FlyType.StringList);

    private static FlyKey Table(string name, FlySectionSpec section) => new(name, FlyShape.Table) { Section = section };

    private static FlyKey Array(string name, FlySectionSpec section) => new(name, FlyShape.TableArray) { Section = section };

    private static FlyKey TableOrArray(string name, FlySectionSpec section) => new(name, FlyShape.TableOrArray) { Section = section };

    private static FlyKey Map(string name) => new(name, FlyShape.Map);

    private static FlyKey Legacy(string name, string replacement) => new(name, FlyShape.Legacy) { Replacement = replacement };

    private static FlySectionSpec MachineCheck(string name) => new(
        name,
        List("command"), Str("image"), List("entrypoint"), Str("kill_signal"), Dur("kill_timeout"));

    private static FlySectionSpec Concurrency(string name) => new(
        name,
        Str("type"), Int("hard_limit"), Int("soft_limit"));

    private static readonly FlySectionSpec TlsOptions = new(
        "tls_options",
        List("alpn"), List("versions"), Bool("default_self_signed"));

    private static readonly FlySectionSpec HttpOptions = new(
        "http_options",
        Bool("compress"),
        Bool("h2_backend"),
        Int("idle_timeout", 0),
        Int("headers_read_timeout", 0),
        Table("response", new FlySectionSpec("http_options.response", Bool("pristine"), Map("headers"))),
        Array("replay_cache", new FlySectionSpec(
            "http_options.replay_cache",
            Str("path_prefix"), Int("ttl_seconds", 10), Str("type", "cookie", "header"), Str("name"), Bool("allow_bypass"))));

    private static readonly FlySectionSpec ProxyProtoOptions = new("proxy_proto_options", Str("version", "v1", "v2"));

    private static FlySectionSpec HttpCheck(string name, FlyBareDuration bare, bool legacyHeaders) => new(
        name,
        Dur("interval", bare), Dur("timeout", bare), Dur("grace_period", bare),
        Str("method"), Str("path"), Str("protocol", "http", "https"), Bool("tls_skip_verify"), Str("tls_server_name"),
        legacyHeaders ? new FlyKey("headers", FlyShape.TableOrArray) : Map("headers"),
        Legacy("restart_limit", "machines are restarted by their restart policy, [[restart]]"))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = "service checks take their type from where they are written: [[services.tcp_checks]] or [[services.http_checks]]",
        },
    };

    private static readonly FlySectionSpec TcpCheck = new(
        "services.tcp_checks",
        Dur("interval", FlyBareDuration.Milliseconds), Dur("timeout", FlyBareDuration.Milliseconds), Dur("grace_period", FlyBareDuration.Milliseconds),
        Legacy("restart_limit", "machines are restarted by their restart policy, [[restart]]"));

    private static readonly FlySectionSpec Port = new(
        "services.ports",
        new FlyKey("port", FlyShape.Value, FlyType.IntegerOrNumericString) { Min = 1, Max = 65535 },
        Int("start_port", 1, 65535),
        Int("end_port", 1, 65535),
        List("handlers"),
        Bool("force_https"),
        Table("tls_options", TlsOptions),
        Table("http_options", HttpOptions),
        Table("proxy_proto_options", ProxyProtoOptions));

    private static readonly FlySectionSpec HttpService = new(
        "[http_service]",
        Int("internal_port", 1, 65535),
        Bool("force_https"),
        new FlyKey("auto_stop_machines", FlyShape.Value, FlyType.AutoStop),
        Bool("auto_start_machines"),
        Int("min_machines_running", 0),
        List("processes"),
        Table("concurrency", Concurrency("http_service.concurrency")),
        Table("tls_options", TlsOptions),
        Table("http_options", HttpOptions),
        Array("checks", HttpCheck("http_service.checks", FlyBareDuration.Unconverted, legacyHeaders: false)),
        Array("machine_checks", MachineCheck("http_service.machine_checks")))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["max_machines_running"] = "Fly has no such setting: limit machines with `fly scale count`",
            ["scale_to_zero"] = "write auto_stop_machines = \"stop\" and min_machines_running = 0",
            ["http_checks"] = "HTTP checks of [http_service] are [[http_service.checks]]",
            ["tcp_checks"] = "[http_service] has no TCP checks; use [[http_service.checks]] or a top-level [checks.NAME] with type = \"tcp\"",
            ["ports"] = "[http_service] always serves ports 80 and 443; use [[services]] for other ports",
            ["protocol"] = "[http_service] is always TCP/HTTP; use [[services]] for another protocol",
            ["proxy_proto_options"] = "proxy_proto_options belongs to a port: [[services.ports]]",
        },
    };

    private static readonly FlySectionSpec Service = new(
        "[[services]]",
        Str("protocol", "tcp", "udp"),
        new FlyKey("internal_port", FlyShape.Value, FlyType.IntegerOrNumericString) { Min = 1, Max = 65535 },
        new FlyKey("auto_stop_machines", FlyShape.Value, FlyType.AutoStop),
        Bool("auto_start_machines"),
        Int("min_machines_running", 0),
        List("processes"),
        TableOrArray("ports", Port),
        new FlyKey("concurrency", FlyShape.Table) { Section = Concurrency("services.concurrency") },
        TableOrArray("tcp_checks", TcpCheck),
        TableOrArray("http_checks", HttpCheck("services.http_checks", FlyBareDuration.Milliseconds, legacyHeaders: true)),
        Array("machine_checks", MachineCheck("services.machine_checks")),
        Legacy("script_checks", "script checks ran on Fly's Nomad platform; use [[services.http_checks]], [[services.tcp_checks]] or [checks]"))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["max_machines_running"] = "Fly has no such setting: limit machines with `fly scale count`",
            ["scale_to_zero"] = "write auto_stop_machines = \"stop\" and min_machines_running = 0",
            ["checks"] = "service checks are [[services.tcp_checks]] or [[services.http_checks]]",
        },
    };

    private static readonly FlySectionSpec Compute = new(
        "[[vm]]",
        Str("size", [.. VmSizes]),
        new FlyKey("memory", FlyShape.Value, FlyType.Size),
        Int("memory_mb", 1),
        Int("max_memory_mb", 1),
        Int("cpus", 1),
        Str("cpu_kind", "shared", "performance"),
        Int("gpus", 0),
        Str("gpu_kind", "a100-pcie-40gb", "a100-sxm4-80gb", "l40s", "a10"),
        Str("host_dedication_id"),
        Str("persist_rootfs", "never", "restart", "always"),
        List("kernel_args"),
        List("processes"));

    private static readonly FlySectionSpec Build = new(
        "[build]",
        Str("builder"),
        List("buildpacks"),
        Map("args"),
        Str("image"),
        new FlyKey("settings", FlyShape.OpenTable),
        Str("builtin"),
        Str("dockerfile"),
        Str("ignorefile"),
        Str("build-target"),
        new FlyKey("build_target", FlyShape.Value, FlyType.String),
        Table("compose", new FlySectionSpec("build.compose", Str("file"))),
        Str("compression", "gzip", "zstd"),
        Int("compression_level", 0, 9))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["docker_build_target"] = "the key is build-target",
            ["context"] = "fly.toml cannot set the build context: run `fly deploy <dir>` from the context folder",
        },
    };

    private static readonly FlySectionSpec Deploy = new(
        "[deploy]",
        Str("strategy", [.. DeployStrategies]),
        new FlyKey("max_unavailable", FlyShape.Value, FlyType.Number),
        Dur("wait_timeout"),
        Str("release_command"),
        Dur("release_command_timeout"),
        Table("release_command_vm", Compute),
        Str("seed_command"));

    private static readonly FlySectionSpec Mount = new(
        "[[mounts]]",
        Str("source"),
        Str("destination"),
        new FlyKey("initial_size", FlyShape.Value, FlyType.Size),
        Int("snapshot_retention", 1, 60),
        Bool("scheduled_snapshots"),
        Int("auto_extend_size_threshold"), // 50–99 when set; 0 means unset (checked with the other auto_extend keys)
        new FlyKey("auto_extend_size_increment", FlyShape.Value, FlyType.Size),
        new FlyKey("auto_extend_size_limit", FlyShape.Value, FlyType.Size),
        List("processes"));

    private static readonly FlySectionSpec TopLevelCheck = new(
        "[checks.NAME]",
        Int("port", 1, 65535),
        Str("type", "http", "tcp"),
        Dur("interval"), Dur("timeout"), Dur("grace_period"),
        Str("method"), Str("path"), Str("protocol", "http", "https"), Bool("tls_skip_verify"), Str("tls_server_name"),
        new FlyKey("headers", FlyShape.TableOrArray),
        List("processes"),
        Str("name"));

    private static readonly FlySectionSpec Experimental = new(
        "[experimental]",
        new FlyKey("cmd", FlyShape.Value, FlyType.StringOrList),
        new FlyKey("entrypoint", FlyShape.Value, FlyType.StringOrList),
        new FlyKey("exec", FlyShape.Value, FlyType.StringOrList),
        Bool("auto_rollback"),
        Bool("enable_consul"),
        Bool("enable_etcd"),
        Bool("lazy_load_images"),
        new FlyKey("attached", FlyShape.OpenTable),
        Str("machine_config"),
        Dur("kill_timeout", FlyBareDuration.Seconds),
        Int("metrics_port", 1, 65535),
        Str("metrics_path"),
        Legacy("allowed_public_ports", "Machines expose what [http_service] and [[services.ports]] define"),
        Legacy("private_network", "every app is on its organisation's private network"))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["auto_scaling"] = "Fly autoscaling is auto_stop_machines/auto_start_machines/min_machines_running in [http_service] or [[services]]",
        },
    };

    private static readonly FlySectionSpec Metrics = new("[[metrics]]", Int("port", 1, 65535), Str("path"), Bool("https"), List("processes"));

    /// <summary>The root of fly.toml.</summary>
    public static readonly FlySectionSpec Root = new(
        "fly.toml",
        Str("app"),
        Str("primary_region"),
        Str("kill_signal"),
        Dur("kill_timeout", FlyBareDuration.Seconds),
        Int("swap_size_mb", 0),
        Str("console_command"),
        Str("host_dedication_id"),
        Str("machine_config"),
        Str("container"),
        Table("experimental", Experimental),
        Table("build", Build),
        Table("deploy", Deploy),
        new FlyKey("env", FlyShape.Map),
        new FlyKey("processes", FlyShape.Map),
        TableOrArray("mounts", Mount),
        TableOrArray("mount", Mount),
        Table("http_service", HttpService),
        TableOrArray("services", Service),
        new FlyKey("checks", FlyShape.NamedTables) { Section = TopLevelCheck },
        Array("files", new FlySectionSpec("[[files]]", Str("guest_path"), Str("local_path"), Str("secret_name"), Str("raw_value"), List("processes"))),
        Array("machine_checks", MachineCheck("[[machine_checks]]")),
        Array("restart", new FlySectionSpec("[[restart]]", Str("policy"), Int("retries", 0), List("processes"))),
        TableOrArray("vm", Compute),
        TableOrArray("compute", Compute),
        TableOrArray("computes", Compute),
        Array("statics", new FlySectionSpec("[[statics]]", Str("guest_path"), Str("url_prefix"), Str("tigris_bucket"), Str("index_document"))),
        TableOrArray("metrics", Metrics),
        TableOrArray("metric", Metrics))
    {
        KnownInventions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scale_to_zero"] = "write auto_stop_machines = \"stop\" and min_machines_running = 0 in [http_service]",
            ["scale"] = "fly.toml does not set machine counts: use `fly scale count`",
            ["process_scaling"] = "fly.toml does not set machine counts: use `fly scale count`",
            ["region"] = "the key is primary_region",
            ["regions"] = "fly.toml has one primary_region; add regions with `fly scale count --region`",
            ["tls"] = "TLS is set per service: [http_service.tls_options] or a port's tls_options",
            ["log"] = "logs are shipped with the fly-log-shipper app, not from fly.toml",
            ["limits"] = "machine size is [[vm]] (size, memory, cpus)",
            ["secrets"] = "set secrets with `fly secrets set`, never in fly.toml",
            ["volumes"] = "volumes are mounted with [[mounts]] (source, destination)",
            ["healthcheck"] = "health checks are [[http_service.checks]] or [checks.NAME]",
        },
    };

    // Every key name of every section, and the known mistakes (max_machines_running), initialised after Root, which it walks.
    private static readonly HashSet<string> KeyNames = CollectKeyNames(Root, []);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> SpellingsByName = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="name"/> when some section of fly.toml has such a key; a name the schema does not know is a
    /// programming error. The typed view (<see cref="FlyConfig"/>) reads every key through this, so the schema stays
    /// the one list of fly.toml's keys.
    /// </summary>
    public static string Key(string name) =>
        KeyNames.Contains(name) ? name : throw new ArgumentOutOfRangeException(nameof(name), name, "not a key of fly.toml's schema (FlySchema)");

    /// <summary>
    /// The spellings flyctl accepts for a top-level section: the keys of the root that share its section (<c>mounts</c>,
    /// <c>mount</c>). Worked out once per name (every fly.toml's model asks for the same few).
    /// </summary>
    public static IReadOnlyList<string> Spellings(string name) => SpellingsByName.GetOrAdd(name, FindSpellings);

    private static IReadOnlyList<string> FindSpellings(string name)
    {
        FlySectionSpec? section = Root.Keys[Key(name)].Section;
        return section is null ? [name] : [.. Root.Keys.Values.Where(k => ReferenceEquals(k.Section, section)).Select(k => k.Name)];
    }

    private static HashSet<string> CollectKeyNames(FlySectionSpec spec, HashSet<FlySectionSpec> seen)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!seen.Add(spec))
        {
            return names;
        }

        names.UnionWith(spec.KnownInventions.Keys);
        foreach (FlyKey key in spec.Keys.Values)
        {
            names.Add(key.Name);
            if (key.Section is { } section)
            {
                names.UnionWith(CollectKeyNames(section, seen));
            }
        }

        return names;
    }
}
