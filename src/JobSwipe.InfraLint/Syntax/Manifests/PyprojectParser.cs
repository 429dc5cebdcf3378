using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Manifests;

/// <summary>
/// Reads dependencies from pyproject.toml: PEP 621 <c>[project] dependencies</c> and
/// <c>optional-dependencies</c>, PEP 735 <c>[dependency-groups]</c>, Poetry
/// (<c>[tool.poetry.dependencies]</c>, <c>dev-dependencies</c>, <c>group.NAME.dependencies</c>),
/// PDM <c>[tool.pdm.dev-dependencies]</c> and uv <c>[tool.uv] dev-dependencies</c>. Groups are development dependencies;
/// an optional-dependencies extra is one when its name says so (<c>dev</c>, <c>test</c>, <c>docs</c>...).
/// </summary>
public static class PyprojectParser
{
    public static ParseResult<PyprojectManifest> Parse(SourceText text)
    {
        ParseResult<TomlDocument> toml = TomlParser.Parse(text);
        if (toml.Model is null)
        {
            return new ParseResult<PyprojectManifest>(null, toml.Errors);
        }

        TomlTableNode root = toml.Model.Root;
        var deps = new List<Dependency>();
        TomlTableNode? project = root.GetTable("project");
        AddPep508Array(text, project?.GetValue("dependencies"), deps, isDev: false, group: null, optional: false);
        if (project?.GetTable("optional-dependencies") is { } optional)
        {
            foreach (TomlKeyValueNode entry in optional.Entries)
            {
                AddPep508Array(text, entry.Value, deps, isDev: IsDevGroupName(entry.Name), group: entry.Name, optional: true);
            }
        }

        if (root.GetTable("dependency-groups") is { } groups)
        {
            foreach (TomlKeyValueNode entry in groups.Entries)
            {
                AddPep508Array(text, entry.Value, deps, isDev: true, group: entry.Name, optional: false);
            }
        }

        TomlTableNode? poetry = root.GetPath("tool", "poetry")?.AsTable();
        if (poetry is not null)
        {
            AddKeyedTable(poetry.GetTable("dependencies"), deps, isDev: false, group: null, skipPython: true);
            AddKeyedTable(poetry.GetTable("dev-dependencies"), deps, isDev: true, group: "dev", skipPython: true);
            if (poetry.GetTable("group") is { } poetryGroups)
            {
                foreach (string name in poetryGroups.Keys)
                {
                    AddKeyedTable(poetryGroups.GetTable(name)?.GetTable("dependencies"), deps, isDev: true, group: name, skipPython: true);
                }
            }
        }

        if (root.GetPath("tool", "pdm", "dev-dependencies")?.AsTable() is { } pdm)
        {
            foreach (TomlKeyValueNode entry in pdm.Entries)
            {
                AddPep508Array(text, entry.Value, deps, isDev: true, group: entry.Name, optional: false);
            }
        }

        AddPep508Array(text, root.GetPath("tool", "uv", "dev-dependencies") as TomlValueNode, deps, isDev: true, group: "dev", optional: false);
        return new ParseResult<PyprojectManifest>(new PyprojectManifest(toml.Model, deps), toml.Errors);
    }

    /// <summary>Whether an optional-dependencies extra is, by its name, a development extra (<c>dev</c>, <c>test</c>, <c>lint</c>, <c>docs</c>...).</summary>
    internal static bool IsDevGroupName(string name) => Dependency.Normalize(name) is "dev" or "devel" or "develop" or "development" or "test" or "tests" or "testing" or "lint" or "linting" or "docs" or "doc" or "typing" or "types" or "mypy" or "qa";

    /// <summary>Adds each PEP 508 string of an array; the span is the name inside the string when it maps exactly.</summary>
    internal static void AddPep508Array(SourceText text, TomlValueNode? value, List<Dependency> deps, bool isDev, string? group, bool optional)
    {
        if (value is not TomlArrayValue array)
        {
            return;
        }

        foreach (TomlStringValue item in array.Strings)
        {
            if (Pep508.Parse(item.Value) is not { } req)
            {
                continue;
            }

            string raw = item.Value[req.NameStart..req.NameEnd];
            TextSpan content = item.ContentSpan;
            bool exact = content.Length == item.Value.Length && text.GetText(content) == item.Value;
            TextSpan span = exact ? new TextSpan(content.Start + req.NameStart, req.NameEnd - req.NameStart) : item.Span;
            deps.Add(new Dependency(Dependency.Normalize(raw), raw, span, isDev)
            {
                Extras = req.Extras,
                VersionSpec = req.VersionSpec,
                Group = group,
                IsOptional = optional,
            });
        }
    }

    /// <summary>Adds each key of a name → version table (Poetry, Pipfile); the span is the key.</summary>
    internal static void AddKeyedTable(TomlTableNode? table, List<Dependency> deps, bool isDev, string? group, bool skipPython)
    {
        if (table is null)
        {
            return;
        }

        foreach (TomlKeyValueNode entry in table.Entries)
        {
            Add(entry.Key.ToString(), entry.Key.Span, entry.Value);
        }

        // `requests.version = "^2"` style dotted keys create sub-tables instead of entries.
        foreach (TomlTableNode sub in table.Tables)
        {
            Add(sub.Name, sub.NameSpan, null);
        }

        void Add(string raw, TextSpan span, TomlValueNode? value)
        {
            if (skipPython && raw.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string? version = value?.AsString() ?? value?.AsTable()?.GetString("version");
            deps.Add(new Dependency(Dependency.Normalize(raw), raw, span, isDev) { VersionSpec = version, Group = group });
        }
    }
}

/// <summary>Reads a Pipfile's <c>[packages]</c> and <c>[dev-packages]</c>.</summary>
public static class PipfileParser
{
    public static ParseResult<PipfileManifest> Parse(SourceText text)
    {
        ParseResult<TomlDocument> toml = TomlParser.Parse(text);
        if (toml.Model is null)
        {
            return new ParseResult<PipfileManifest>(null, toml.Errors);
        }

        var deps = new List<Dependency>();
        PyprojectParser.AddKeyedTable(toml.Model.Root.GetTable("packages"), deps, isDev: false, group: null, skipPython: false);
        PyprojectParser.AddKeyedTable(toml.Model.Root.GetTable("dev-packages"), deps, isDev: true, group: "dev-packages", skipPython: false);
        return new ParseResult<PipfileManifest>(new PipfileManifest(toml.Model, deps), toml.Errors);
    }
}
