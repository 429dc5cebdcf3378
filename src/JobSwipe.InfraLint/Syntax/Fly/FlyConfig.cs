using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Fly;

/// <summary>Parses a fly.toml file. TOML syntax errors are syntax errors; a wrong shape or type is not (schema rules judge it).</summary>
public static class FlyConfigParser
{
    public static ParseResult<FlyConfig> Parse(SourceText text)
    {
        ParseResult<TomlDocument> toml = TomlParser.Parse(text);
        FlyConfig? model = toml.Model is null ? null : new FlyConfig(toml.Model);
        return new ParseResult<FlyConfig>(model, toml.Errors);
    }
}

/// <summary>
/// A lenient, typed view of a fly.toml over the TOML model. Every accessor returns the TOML entry
/// (key and value with spans) or null when absent; values are not converted, so a wrong type is visible
/// to rules rather than lost. Sections accept both table and array-of-tables spellings, like flyctl. Only the keys rules
/// and semantics read have accessors; the keys themselves, their aliases (<c>mount</c>, <c>compute</c>) and shapes are
/// <see cref="FlySchema"/>'s, and every lookup goes through it.
/// </summary>
public sealed class FlyConfig : ISyntaxModel
{
    internal FlyConfig(TomlDocument document)
    {
        Document = document;
        TomlTableNode root = document.Root;
        Build = root.GetTable(FlySchema.Key("build")) is { } b ? new FlyBuild(b) : null;
        Deploy = root.GetTable(FlySchema.Key("deploy")) is { } d ? new FlyDeploy(d) : null;
        HttpService = root.GetTables(FlySchema.Key("http_service")) is { Count: > 0 } hs ? new FlyHttpService(hs[0]) : null;
        Experimental = root.GetTable(FlySchema.Key("experimental"));
        Env = [.. root.GetTables(FlySchema.Key("env")).SelectMany(t => t.Entries).Select(e => new FlyEnvEntry(e))];
        Processes = ReadProcesses(root);
        Services = [.. root.GetTables(FlySchema.Key("services")).Select(t => new FlyService(t))];
        Mounts = [.. Tables(root, "mounts").Select(t => new FlyMount(t))];
        Vm = [.. Tables(root, "vm").Select(t => new FlyVm(t))];
        Metrics = [.. Tables(root, "metrics").Select(t => new FlyMetrics(t))];
        Statics = [.. root.GetTables(FlySchema.Key("statics")).Select(t => new FlyStatic(t))];
        Restart = [.. root.GetTables(FlySchema.Key("restart")).Select(t => new FlyRestart(t))];
        Files = [.. root.GetTables(FlySchema.Key("files")).Select(t => new FlySection(t))];
        Checks = ReadTopLevelChecks(root);
    }

    public TomlDocument Document { get; }

    public SourceText Text => Document.Text;

    public IReadOnlyList<SyntaxComment> Comments => Document.Comments;

    public TomlTableNode Root => Document.Root;

    public TomlKeyValueNode? App => Root.GetEntry(FlySchema.Key("app"));

    public TomlKeyValueNode? ConsoleCommand => Root.GetEntry(FlySchema.Key("console_command"));

    public FlyBuild? Build { get; }

    public FlyDeploy? Deploy { get; }

    public TomlTableNode? Experimental { get; }

    /// <summary>The <c>[env]</c> entries (legacy <c>[[env]]</c> elements merged), in order, duplicates kept.</summary>
    public IReadOnlyList<FlyEnvEntry> Env { get; }

    /// <summary>The process groups: <c>[processes]</c> entries, or legacy <c>[[processes]]</c> elements with name/command.</summary>
    public IReadOnlyList<FlyProcess> Processes { get; }

    /// <summary>The <c>[http_service]</c> (the first element when it is wrongly written as an array of tables).</summary>
    public FlyHttpService? HttpService { get; }

    public IReadOnlyList<FlyService> Services { get; }

    /// <summary><c>[[mounts]]</c> or <c>[mounts]</c> (alias <c>mount</c>).</summary>
    public IReadOnlyList<FlyMount> Mounts { get; }

    /// <summary><c>[[vm]]</c> or <c>[vm]</c> (aliases <c>compute</c>, <c>computes</c>).</summary>
    public IReadOnlyList<FlyVm> Vm { get; }

    /// <summary><c>[[metrics]]</c> or <c>[metrics]</c> (alias <c>metric</c>).</summary>
    public IReadOnlyList<FlyMetrics> Metrics { get; }

    public IReadOnlyList<FlyStatic> Statics { get; }

    public IReadOnlyList<FlyRestart> Restart { get; }

    public IReadOnlyList<FlySection> Files { get; }

    /// <summary>Top-level machine checks: <c>[checks.NAME]</c> tables (or legacy <c>[[checks]]</c> with a name key).</summary>
    public IReadOnlyList<FlyCheck> Checks { get; }

    // A section under each spelling flyctl accepts for it (mounts and mount; vm, compute and computes), as the schema lists them.
    private static IEnumerable<TomlTableNode> Tables(TomlTableNode root, string name) => FlySchema.Spellings(name).SelectMany(root.GetTables);

    private static IReadOnlyList<FlyProcess> ReadProcesses(TomlTableNode root)
    {
        var result = new List<FlyProcess>();
        switch (root.Get(FlySchema.Key("processes")))
        {
            case TomlTableArrayNode legacy:
                foreach (TomlTableNode element in legacy.Elements)
                {
                    TomlKeyValueNode? name = element.GetEntry(FlySchema.Key("name"));
                    result.Add(new FlyProcess(name?.Value.AsString() ?? string.Empty, name?.Value.Span ?? element.NameSpan, element.GetEntry(FlySchema.Key("command")), element));
                }

                break;
            case { } node when node.AsTable() is { } table:
                foreach (TomlKeyValueNode entry in table.Entries)
                {
                    result.Add(new FlyProcess(entry.Name, entry.Key.Segments[^1].Span, entry, table));
                }

                break;
        }

        return result;
    }

    private static IReadOnlyList<FlyCheck> ReadTopLevelChecks(TomlTableNode root)
    {
        switch (root.Get(FlySchema.Key("checks")))
        {
            case TomlTableArrayNode legacy:
                return [.. legacy.Elements.Select(e => new FlyCheck(e, e.GetString(FlySchema.Key("name"))))];
            case { } node when node.AsTable() is { } table:
                return [.. table.Keys.Select(k => (k, table.GetTable(k))).Where(p => p.Item2 is not null).Select(p => new FlyCheck(p.Item2!, p.k))];
            default:
                return [];
        }
    }
}

/// <summary>A section (table) of fly.toml with lookups that return entries with spans.</summary>
public class FlySection
{
    internal FlySection(TomlTableNode table) => Table = table;

    public TomlTableNode Table { get; }

    /// <summary>The header (or inline table, or implicit key) span, for pointing at the section itself.</summary>
    public TextSpan Span => Table.HeaderSpan ?? Table.Span;

    /// <summary>The entry of a key the schema knows (<see cref="FlySchema.Key"/>), or null when the file does not set it.</summary>
    public TomlKeyValueNode? Entry(string key) => Table.GetEntry(FlySchema.Key(key));

    /// <summary>The <c>processes</c> entry (a list of process group names).</summary>
    public TomlKeyValueNode? Processes => Entry("processes");
}

public sealed class FlyBuild : FlySection
{
    internal FlyBuild(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Dockerfile => Entry("dockerfile");

    public TomlKeyValueNode? Image => Entry("image");

    public TomlKeyValueNode? Builder => Entry("builder");

    public TomlKeyValueNode? Buildpacks => Entry("buildpacks");

    public TomlKeyValueNode? Builtin => Entry("builtin");

    /// <summary><c>build-target</c> (or the legacy <c>build_target</c> spelling flyctl patches).</summary>
    public TomlKeyValueNode? Target => Entry("build-target") ?? Entry("build_target");

    /// <summary>The <c>compose</c> table (<c>[build.compose]</c> or <c>compose.file = ...</c>).</summary>
    public TomlTableNode? Compose => Table.GetTable(FlySchema.Key("compose"));

    /// <summary>The <c>[build.args]</c> entries.</summary>
    public IReadOnlyList<TomlKeyValueNode> Args => Table.GetTable(FlySchema.Key("args"))?.Entries ?? [];
}

public sealed class FlyDeploy : FlySection
{
    internal FlyDeploy(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? ReleaseCommand => Entry("release_command");

    public TomlKeyValueNode? Strategy => Entry("strategy");
}

/// <summary>One <c>[env]</c> entry.</summary>
public sealed class FlyEnvEntry
{
    internal FlyEnvEntry(TomlKeyValueNode entry) => Entry = entry;

    public TomlKeyValueNode Entry { get; }

    public string Key => Entry.Key.ToString();

    public TextSpan KeySpan => Entry.Key.Span;

    public TomlValueNode Value => Entry.Value;

    public TextSpan ValueSpan => Entry.Value.Span;

    /// <summary>The value as a string when it is one (fly coerces other types; rules may flag them).</summary>
    public string? StringValue => Entry.Value.AsString();
}

/// <summary>A process group: its name and command entry (null command for a legacy element without one).</summary>
public sealed record FlyProcess(string Name, TextSpan NameSpan, TomlKeyValueNode? Command, TomlTableNode Table)
{
    public string? CommandText => Command?.Value.AsString();
}

public sealed class FlyHttpService : FlySection
{
    internal FlyHttpService(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? InternalPort => Entry("internal_port");

    public IReadOnlyList<FlyCheck> Checks => [.. Table.GetTables(FlySchema.Key("checks")).Select(t => new FlyCheck(t, null))];
}

public sealed class FlyService : FlySection
{
    internal FlyService(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? InternalPort => Entry("internal_port");

    public TomlKeyValueNode? Protocol => Entry("protocol");

    public IReadOnlyList<FlyServicePort> Ports => [.. Table.GetTables(FlySchema.Key("ports")).Select(t => new FlyServicePort(t))];

    public IReadOnlyList<FlyCheck> TcpChecks => [.. Table.GetTables(FlySchema.Key("tcp_checks")).Select(t => new FlyCheck(t, null))];

    public IReadOnlyList<FlyCheck> HttpChecks => [.. Table.GetTables(FlySchema.Key("http_checks")).Select(t => new FlyCheck(t, null))];

    /// <summary>TCP and HTTP checks together.</summary>
    public IReadOnlyList<FlyCheck> Checks => [.. TcpChecks, .. HttpChecks];
}

public sealed class FlyServicePort : FlySection
{
    internal FlyServicePort(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Port => Entry("port");
}

/// <summary>A health check (<c>[[http_service.checks]]</c>, <c>[[services.tcp_checks]]</c>, <c>[checks.NAME]</c>).</summary>
public sealed class FlyCheck : FlySection
{
    internal FlyCheck(TomlTableNode table, string? name)
        : base(table) => Name = name;

    /// <summary>The check's name for top-level <c>[checks.NAME]</c>; null for service checks.</summary>
    public string? Name { get; }

    public TomlKeyValueNode? Type => Entry("type");

    public TomlKeyValueNode? Port => Entry("port");

    public TomlKeyValueNode? Path => Entry("path");

    public TomlKeyValueNode? Interval => Entry("interval");

    public TomlKeyValueNode? Timeout => Entry("timeout");

    /// <summary>The HTTP protocol of an HTTP check (<c>http</c> or <c>https</c>).</summary>
    public TomlKeyValueNode? Protocol => Entry("protocol");
}

public sealed class FlyMount : FlySection
{
    internal FlyMount(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Source => Entry("source");

    public TomlKeyValueNode? Destination => Entry("destination");

    public TomlKeyValueNode? InitialSize => Entry("initial_size");

    public TomlKeyValueNode? SnapshotRetention => Entry("snapshot_retention");

    public TomlKeyValueNode? AutoExtendSizeThreshold => Entry("auto_extend_size_threshold");

    public TomlKeyValueNode? AutoExtendSizeIncrement => Entry("auto_extend_size_increment");

    public TomlKeyValueNode? AutoExtendSizeLimit => Entry("auto_extend_size_limit");
}

public sealed class FlyVm : FlySection
{
    internal FlyVm(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Size => Entry("size");

    public TomlKeyValueNode? Memory => Entry("memory");

    public TomlKeyValueNode? MemoryMb => Entry("memory_mb");
}

public sealed class FlyMetrics : FlySection
{
    internal FlyMetrics(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Port => Entry("port");

    public TomlKeyValueNode? Path => Entry("path");
}

public sealed class FlyStatic : FlySection
{
    internal FlyStatic(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? GuestPath => Entry("guest_path");

    public TomlKeyValueNode? UrlPrefix => Entry("url_prefix");
}

public sealed class FlyRestart : FlySection
{
    internal FlyRestart(TomlTableNode table)
        : base(table)
    {
    }

    public TomlKeyValueNode? Policy => Entry("policy");
}
