using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Compose;

/// <summary>A string taken from the source with its span (a whole scalar or a part of one, e.g. the host port of "8080:80").</summary>
public sealed record ComposeText(string Value, TextSpan Span)
{
    internal static ComposeText? From(YamlNode? node) => node is YamlScalar s && !s.IsNull ? new ComposeText(s.Value, s.ReportSpan) : null;

    internal static ComposeText Part(YamlScalar s, int start, int length) =>
        new(s.Value.Substring(start, length), s.IsAlias ? s.ReportSpan : s.MapValueSpanToSource(start, length));

    public override string ToString() => Value;
}

/// <summary>A key/value item of <c>environment</c>, <c>labels</c>, <c>build.args</c> (map or list form).</summary>
public sealed record ComposeKeyValue(string Key, string? Value, TextSpan KeySpan, TextSpan? ValueSpan, bool IsFromList, YamlNode Node)
{
    /// <summary>The value scalar (map form), for position mapping inside the value; null for the list form.</summary>
    public YamlScalar? ValueNode { get; init; }

    /// <summary>
    /// The source span of a range inside <see cref="Value"/> (e.g. the password of a URL), for both forms; the whole
    /// reported node when the value came through an alias (positions inside the anchor would mislead).
    /// </summary>
    public TextSpan MapValueSpan(int start, int length)
    {
        var scalar = IsFromList ? Node as YamlScalar : ValueNode;
        if (scalar is null || scalar.IsAlias)
        {
            return scalar?.ReportSpan ?? ValueSpan ?? KeySpan;
        }

        return IsFromList ? scalar.MapValueSpanToSource(Key.Length + 1 + start, length) : scalar.MapValueSpanToSource(start, length);
    }
}

/// <summary><c>command</c>, <c>entrypoint</c> or <c>healthcheck.test</c>: string form (split like a shell word list) or list form.</summary>
public sealed record ComposeCommand(YamlNode Node, bool IsStringForm, IReadOnlyList<string> Arguments)
{
    /// <summary>List form items (empty for the string form).</summary>
    public IReadOnlyList<YamlScalar> Items { get; init; } = [];

    /// <summary>String form words, each with where it is written in the scalar's value (empty for the list form).</summary>
    public IReadOnlyList<ShellSplitWord> Words { get; init; } = [];
}

public sealed record ComposeBuild(YamlNode Node, ComposeText? Context, ComposeText? Dockerfile, ComposeText? Target, IReadOnlyList<ComposeKeyValue> Args);

public sealed record ComposeEnvFile(ComposeText Path, bool Required, YamlNode Node);

/// <summary>A port mapping. Short syntax parts map to their exact characters in the scalar.</summary>
public sealed record ComposePort(YamlNode Node, bool IsLongSyntax, ComposeText? HostIp, ComposeText? HostPort, ComposeText? ContainerPort, ComposeText? Protocol, ComposeText? Mode)
{
    /// <summary>The raw short-syntax value, or null for the long syntax.</summary>
    public string? Raw => (Node as YamlScalar)?.Value;
}

public enum ComposeVolumeKind
{
    Anonymous,
    Named,
    Bind,
    Tmpfs,
    Other,
}

public sealed record ComposeVolumeMount(YamlNode Node, bool IsLongSyntax, ComposeVolumeKind Kind, ComposeText? Type, ComposeText? Source, ComposeText? Target, ComposeText? Mode, bool ReadOnly);

public sealed record ComposeDependency(ComposeText Service, ComposeText? Condition, bool? Restart, bool? Required, YamlNode Node);

public sealed record ComposeHealthcheck(YamlMapping Node, ComposeCommand? Test, ComposeText? Interval, ComposeText? Timeout, ComposeText? Retries, ComposeText? StartPeriod, bool Disable);

public sealed record ComposeResources(YamlNode Node, ComposeText? LimitsMemory, ComposeText? LimitsCpus, ComposeText? ReservationsMemory, ComposeText? ReservationsCpus);

/// <summary>A named reference (network, secret, config) with its optional long-form node.</summary>
public sealed record ComposeReference(ComposeText Name, ComposeText? Target, YamlNode Node);

public sealed record ComposeExtends(YamlNode Node, ComposeText? Service, ComposeText? File);

/// <summary>A top-level declaration (<c>volumes</c>, <c>networks</c>, <c>secrets</c>, <c>configs</c> entries).</summary>
public sealed record ComposeDeclaration(string Name, TextSpan NameSpan, YamlNode Value);

/// <summary>One service of a compose file. Every property is null/empty when absent or of an unexpected shape.</summary>
public sealed class ComposeService
{
    public required string Name { get; init; }

    public required YamlNode NameNode { get; init; }

    /// <summary>The service's value node (normally a mapping).</summary>
    public required YamlNode Node { get; init; }

    public YamlMapping? Mapping => Node as YamlMapping;

    public YamlScalar? Image { get; init; }

    public ComposeBuild? Build { get; init; }

    public ComposeCommand? Command { get; init; }

    public ComposeCommand? Entrypoint { get; init; }

    public IReadOnlyList<ComposeKeyValue> Environment { get; init; } = [];

    public IReadOnlyList<ComposeEnvFile> EnvFile { get; init; } = [];

    public IReadOnlyList<ComposePort> Ports { get; init; } = [];

    public IReadOnlyList<ComposeText> Expose { get; init; } = [];

    public IReadOnlyList<ComposeVolumeMount> Volumes { get; init; } = [];

    public IReadOnlyList<ComposeDependency> DependsOn { get; init; } = [];

    public ComposeHealthcheck? Healthcheck { get; init; }

    public YamlMapping? Deploy { get; init; }

    public ComposeResources? Resources { get; init; }

    public YamlScalar? MemLimit { get; init; }

    public IReadOnlyList<ComposeReference> Networks { get; init; } = [];

    public IReadOnlyList<ComposeReference> Secrets { get; init; } = [];

    public IReadOnlyList<ComposeReference> Configs { get; init; } = [];

    public IReadOnlyList<ComposeText> Profiles { get; init; } = [];

    public ComposeExtends? Extends { get; init; }

    public IReadOnlyList<ComposeText> Links { get; init; } = [];

    public YamlScalar? NetworkMode { get; init; }

    public IReadOnlyList<ComposeText> VolumesFrom { get; init; } = [];

    public YamlScalar? ContainerName { get; init; }

    public YamlScalar? Privileged { get; init; }

    public IReadOnlyList<ComposeText> CapAdd { get; init; } = [];

    public IReadOnlyList<ComposeText> CapDrop { get; init; } = [];

    public IReadOnlyList<ComposeKeyValue> Labels { get; init; } = [];

    public YamlScalar? Restart { get; init; }

    public YamlScalar? User { get; init; }

    /// <summary>Any key of the service mapping (resolved, last wins), for rules reading keys this model does not name.</summary>
    public YamlMappingEntry? Find(string key) => Mapping?.Find(key);
}

/// <summary>A compose file: a lenient view over its YAML model (wrong shapes are left for rules to judge).</summary>
public sealed class ComposeDocument : ISyntaxModel
{
    public required YamlStream Yaml { get; init; }

    public SourceText Text => Yaml.Text;

    public IReadOnlyList<SyntaxComment> Comments => Yaml.Comments;

    /// <summary>The root mapping, or null when the document is empty or not a mapping.</summary>
    public YamlMapping? Root => Yaml.Root as YamlMapping;

    public YamlScalar? Version { get; init; }

    public YamlScalar? Name { get; init; }

    /// <summary>The <c>services</c> entry (its value may have any shape).</summary>
    public YamlMappingEntry? ServicesEntry { get; init; }

    /// <summary>Services in source order; duplicate service names are kept.</summary>
    public IReadOnlyList<ComposeService> Services { get; init; } = [];

    public IReadOnlyList<ComposeDeclaration> Volumes { get; init; } = [];

    public IReadOnlyList<ComposeDeclaration> Networks { get; init; } = [];

    public IReadOnlyList<ComposeDeclaration> Secrets { get; init; } = [];

    public IReadOnlyList<ComposeDeclaration> Configs { get; init; } = [];

    /// <summary>Top-level <c>x-</c> extension entries.</summary>
    public IReadOnlyList<YamlMappingEntry> Extensions { get; init; } = [];

    /// <summary><c>include</c> items: a path string or the <c>path</c> of the long form (first path when a list).</summary>
    public IReadOnlyList<ComposeText> Include { get; init; } = [];
}
