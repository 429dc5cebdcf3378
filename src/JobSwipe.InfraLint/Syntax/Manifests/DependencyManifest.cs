using System.Text;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Manifests;

/// <summary>Which kind of dependency manifest a model came from.</summary>
public enum ManifestKind
{
    Requirements,
    Pyproject,
    Pipfile,
    PackageJson,
}

/// <summary>
/// One declared dependency. <see cref="Name"/> is normalised (lower case, runs of <c>-</c>, <c>_</c> and <c>.</c>
/// become <c>-</c>, as PEP 503 compares Python names); <see cref="Span"/> points at the name as written.
/// </summary>
public sealed record Dependency(string Name, string RawName, TextSpan Span, bool IsDev)
{
    /// <summary>The version constraint as written (<c>&gt;=2,&lt;3</c>, <c>^1.2.0</c>), or null.</summary>
    public string? VersionSpec { get; init; }

    /// <summary>The extras in <c>name[extra1,extra2]</c>.</summary>
    public IReadOnlyList<string> Extras { get; init; } = [];

    /// <summary>The group: an optional-dependencies extra, a Poetry/PDM/PEP 735 group, or the package.json section.</summary>
    public string? Group { get; init; }

    /// <summary>True for PEP 621 optional-dependencies and package.json optional/peer dependencies.</summary>
    public bool IsOptional { get; init; }

    /// <summary>Normalises a package name the way PEP 503 compares them (npm names are only lower-cased).</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool lastSeparator = false;
        foreach (char c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                if (!lastSeparator)
                {
                    sb.Append('-');
                }

                lastSeparator = true;
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
                lastSeparator = false;
            }
        }

        return sb.ToString();
    }
}

/// <summary>The common shape of a dependency manifest.</summary>
public abstract class DependencyManifest : ISyntaxModel
{
    private protected DependencyManifest(ManifestKind kind, SourceText text, IReadOnlyList<Dependency> dependencies, IReadOnlyList<SyntaxComment> comments)
    {
        Kind = kind;
        Text = text;
        Dependencies = dependencies;
        Comments = comments;
    }

    public ManifestKind Kind { get; }

    public SourceText Text { get; }

    /// <summary>The dependencies in source order, duplicates included.</summary>
    public IReadOnlyList<Dependency> Dependencies { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>The first dependency with this name (normalised before comparison).</summary>
    public Dependency? Find(string name)
    {
        string normalized = Dependency.Normalize(name);
        return Dependencies.FirstOrDefault(d => d.Name == normalized);
    }
}

/// <summary>A <c>-r</c>/<c>--requirement</c> or <c>-c</c>/<c>--constraint</c> include in a requirements file.</summary>
public sealed record RequirementsInclude(bool IsConstraint, string Path, TextSpan PathSpan, TextSpan Span);

/// <summary>A pip option line (<c>--index-url</c>, <c>-e</c>, a bare URL or path) kept as written.</summary>
public sealed record RequirementsOption(string Text, TextSpan Span);

/// <summary>A line of a requirements file that could not be read as a requirement.</summary>
public sealed record RequirementsInvalidLine(string Text, TextSpan Span, string Reason);

/// <summary>A requirements*.txt file.</summary>
public sealed class RequirementsManifest : DependencyManifest
{
    internal RequirementsManifest(SourceText text, IReadOnlyList<Dependency> dependencies, IReadOnlyList<SyntaxComment> comments, IReadOnlyList<RequirementsInclude> includes, IReadOnlyList<RequirementsOption> options, IReadOnlyList<RequirementsInvalidLine> invalidLines)
        : base(ManifestKind.Requirements, text, dependencies, comments)
    {
        Includes = includes;
        Options = options;
        InvalidLines = invalidLines;
    }

    public IReadOnlyList<RequirementsInclude> Includes { get; }

    /// <summary>Option lines, editable installs and bare URLs or paths (an editable or URL with <c>#egg=name</c> is also a dependency).</summary>
    public IReadOnlyList<RequirementsOption> Options { get; }

    public IReadOnlyList<RequirementsInvalidLine> InvalidLines { get; }
}

/// <summary>A pyproject.toml: PEP 621, PEP 735 groups, Poetry, PDM and uv dependency tables.</summary>
public sealed class PyprojectManifest : DependencyManifest
{
    internal PyprojectManifest(TomlDocument document, IReadOnlyList<Dependency> dependencies)
        : base(ManifestKind.Pyproject, document.Text, dependencies, document.Comments) => Document = document;

    public TomlDocument Document { get; }
}

/// <summary>A Pipfile: <c>[packages]</c> and <c>[dev-packages]</c>.</summary>
public sealed class PipfileManifest : DependencyManifest
{
    internal PipfileManifest(TomlDocument document, IReadOnlyList<Dependency> dependencies)
        : base(ManifestKind.Pipfile, document.Text, dependencies, document.Comments) => Document = document;

    public TomlDocument Document { get; }
}

/// <summary>A package.json script: its name and command with spans (inside the quotes).</summary>
public sealed record PackageScript(string Name, TextSpan NameSpan, string Command, TextSpan CommandSpan);

/// <summary>A string property of package.json with the span of its value (inside the quotes).</summary>
public sealed record PackageJsonString(string Value, TextSpan Span);

/// <summary>A package.json file.</summary>
public sealed class PackageJsonManifest : DependencyManifest
{
    internal PackageJsonManifest(SourceText text, IReadOnlyList<Dependency> dependencies, IReadOnlyList<PackageScript> scripts, PackageJsonString? name, PackageJsonString? main, PackageJsonString? type)
        : base(ManifestKind.PackageJson, text, dependencies, [])
    {
        Scripts = scripts;
        Name = name;
        Main = main;
        Type = type;
    }

    /// <summary>The <c>scripts</c> entries in order.</summary>
    public IReadOnlyList<PackageScript> Scripts { get; }

    public PackageJsonString? Name { get; }

    public PackageJsonString? Main { get; }

    /// <summary>The <c>type</c> property (<c>module</c> or <c>commonjs</c>).</summary>
    public PackageJsonString? Type { get; }

    public PackageScript? GetScript(string name) => Scripts.FirstOrDefault(s => s.Name == name);
}
