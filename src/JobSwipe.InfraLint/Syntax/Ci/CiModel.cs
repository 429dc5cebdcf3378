using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Ci;

public enum CiKind
{
    GitHubActions,
    GitLabCi,
    AzurePipelines,
}

/// <summary>One step: a GitHub step, an Azure step, or one line of a GitLab script list.</summary>
public sealed record CiStep(string? Name, YamlNode Node, TextSpan Span)
{
    /// <summary>GitHub <c>uses</c> (e.g. <c>actions/checkout@v4</c>) or Azure <c>task</c>.</summary>
    public YamlScalar? Uses { get; init; }

    /// <summary>The part of <see cref="Uses"/> before <c>@</c>.</summary>
    public string? Action => Uses?.Value is { } u ? (u.IndexOf('@') is var at and >= 0 ? u[..at] : u) : null;

    /// <summary>The part of <see cref="Uses"/> after <c>@</c>, or null.</summary>
    public string? Version => Uses?.Value is { } u && u.IndexOf('@') is var at and >= 0 ? u[(at + 1)..] : null;

    /// <summary>The script text (GitHub <c>run</c>, Azure <c>script</c>/<c>bash</c>/<c>pwsh</c>/<c>powershell</c>, a GitLab script line).</summary>
    public YamlScalar? RunScript { get; init; }

    /// <summary>The key the script came from (<c>run</c>, <c>script</c>, <c>bash</c>, <c>before_script</c>, …).</summary>
    public string? ScriptKey { get; init; }

    public YamlScalar? Shell { get; init; }

    /// <summary>GitHub <c>with</c> / Azure <c>inputs</c>.</summary>
    public YamlMapping? With { get; init; }

    public YamlMapping? Env { get; init; }

    /// <summary>
    /// <see cref="RunScript"/> parsed as shell, or null when the step has none. Expressions (<c>${{ … }}</c>) read as values
    /// from elsewhere; spans are offsets into the scalar's value (map them with <see cref="YamlScalar.MapValueSpanToSource"/>)
    /// and <see cref="ShellScript.Restore"/> gives back the text as written.
    /// </summary>
    public ShellScript? ParseRunScript() =>
        RunScript is { } run && !string.IsNullOrWhiteSpace(run.Value) ? HostExpressions.Mask(run.Value, "${{", "}}").Parse().Model : null;
}

public sealed record CiJob(string Name, TextSpan NameSpan, YamlNode Node, IReadOnlyList<CiStep> Steps)
{
    /// <summary>GitHub <c>runs-on</c>, GitLab <c>tags</c>, Azure <c>pool</c>.</summary>
    public YamlNode? RunsOn { get; init; }

    /// <summary>GitLab <c>image</c> / GitHub <c>container</c>.</summary>
    public YamlNode? Image { get; init; }

    public YamlScalar? Stage { get; init; }

    public YamlMapping? Env { get; init; }

    public YamlMapping? Mapping => Node as YamlMapping;
}

/// <summary>A CI pipeline over its YAML model.</summary>
public sealed class CiPipeline : ISyntaxModel
{
    public required CiKind Kind { get; init; }

    public required YamlStream Yaml { get; init; }

    public SourceText Text => Yaml.Text;

    public IReadOnlyList<SyntaxComment> Comments => Yaml.Comments;

    public YamlMapping? Root => Yaml.Root as YamlMapping;

    /// <summary>GitHub <c>on</c> (YAML 1.1 loaders read it as <c>true</c>; this is the key as written).</summary>
    public YamlNode? Triggers { get; init; }

    public YamlMapping? Env { get; init; }

    public IReadOnlyList<CiJob> Jobs { get; init; } = [];

    /// <summary>Top-level steps (Azure pipelines with only <c>steps:</c>) are also in a job named "" .</summary>
    public IEnumerable<CiStep> AllSteps => Jobs.SelectMany(j => j.Steps);
}
