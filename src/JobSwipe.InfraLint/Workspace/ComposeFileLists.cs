using System.Text.Json;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using Yaml = JobSwipe.InfraLint.Syntax.Yaml;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// One list of compose files that a command or a setting of the repository uses together, in order: the
/// <c>-f</c>/<c>--file</c> flags of one <c>docker compose</c> (or <c>docker-compose</c>) command, or one
/// <c>COMPOSE_FILE</c> value. <see cref="Entries"/> are the paths as written, <see cref="Directories"/> the folders
/// they may be relative to (the command's file's folder first, then the root), <see cref="Source"/> where it was found.
/// </summary>
public sealed record ComposeFileList(string Source, IReadOnlyList<string> Entries, IReadOnlyList<string> Directories)
{
    /// <summary>
    /// The repository files an entry names: the first folder where it exists; an entry with a variable
    /// (<c>$DIR/compose.yaml</c>, <c>${{ matrix.dir }}compose.yaml</c>, <c>$(DIR)</c>) names every YAML file the
    /// variable could complete it to (the variable standing for a non-empty text).
    /// </summary>
    public IReadOnlyList<string> Resolve(Repository repository, string entry)
    {
        if (!ComposeFileLists.HasVariable(entry))
        {
            foreach (string directory in Directories)
            {
                if (Repository.Combine(directory, entry) is { } path && repository.FileExists(path))
                {
                    return [path];
                }
            }

            return [];
        }

        var result = new List<string>();
        foreach (string directory in Directories)
        {
            var pattern = ComposeFileLists.ToPattern(directory, entry);
            if (pattern is null)
            {
                continue;
            }

            result.AddRange(repository.Files.Where(f => ComposeFileLists.IsYaml(f.Name) && pattern.IsMatch(f.RelativePath)).Select(f => f.RelativePath));
            if (result.Count > 0)
            {
                break;
            }
        }

        return result;
    }
}

/// <summary>
/// Finds the lists of compose files used together: <c>-f</c> flags in shell scripts, CI run steps and Makefiles, and
/// <c>COMPOSE_FILE</c> in CI <c>env:</c>, <c>.env</c> files, scripts (<c>export COMPOSE_FILE=…</c>) and Makefiles, a dev
/// container's <c>dockerComposeFile</c> list, split
/// on <c>COMPOSE_PATH_SEPARATOR</c> when the same place sets it, else on <c>:</c> (and <c>;</c>, Windows' separator).
/// </summary>
public static partial class ComposeFileLists
{
    private const string ComposeFileVariable = "COMPOSE_FILE";

    /// <summary>Every list found in the repository's scripts, CI workflows, env files and Makefiles (their models are loaded on demand).</summary>
    public static IReadOnlyList<ComposeFileList> Find(Repository repository)
    {
        var lists = new List<ComposeFileList>();
        foreach (var script in repository.GetFiles(FileKind.ShellScript))
        {
            if (repository.GetModel<ShellScript>(script) is { } model)
            {
                FromShell(model, script.RelativePath, [script.Directory, string.Empty], lists);
            }
        }

        foreach (var workflow in repository.GetFiles(FileKind.CiWorkflow))
        {
            if (repository.GetModel<CiPipeline>(workflow) is { } pipeline)
            {
                FromCi(pipeline, workflow.RelativePath, lists);
            }
        }

        foreach (var env in repository.GetFiles(FileKind.DotEnv))
        {
            if (repository.GetModel<DotEnvDocument>(env) is { } model && model.Entries.FirstOrDefault(e => e.Key == ComposeFileVariable) is { Value: { } value })
            {
                string? separator = model.Entries.FirstOrDefault(e => e.Key == "COMPOSE_PATH_SEPARATOR")?.Value;
                Add(lists, env.RelativePath, Split(value, separator), [env.Directory]);
            }
        }

        foreach (var makefile in repository.Files.Where(f => IsMakefile(f.Name)))
        {
            if (repository.GetText(makefile) is { } text)
            {
                FromMakefile(text, makefile.RelativePath, makefile.Directory, lists);
            }
        }

        foreach (var devContainer in repository.Files.Where(f => f.Name is "devcontainer.json" or ".devcontainer.json"))
        {
            if (repository.GetText(devContainer) is { } text)
            {
                FromDevContainer(text.Content, devContainer.RelativePath, devContainer.Directory, lists);
            }
        }

        return lists;
    }

    /// <summary>
    /// A dev container's <c>dockerComposeFile</c> (a path or a list of paths, relative to the devcontainer.json), which
    /// the editor passes to <c>docker compose -f … -f …</c> in order: <c>.devcontainer/internal_dev/devcontainer.json</c>
    /// naming <c>../bitwarden_common/docker-compose.yml</c> and its own <c>docker-compose.override.yml</c>.
    /// </summary>
    public static void FromDevContainer(string text, string source, string directory, List<ComposeFileList> lists)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("dockerComposeFile", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("dockerComposeFile", out var files))
            {
                return;
            }

            IReadOnlyList<string> entries = files.ValueKind switch
            {
                JsonValueKind.String => [files.GetString()!],
                JsonValueKind.Array => [.. files.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
                _ => [],
            };
            Add(lists, source, entries, [directory]);
        }
        catch (JsonException)
        {
            // Not valid JSON with comments: no list.
        }
    }

    /// <summary>The lists in one shell script: its docker compose commands' -f flags and its COMPOSE_FILE assignments.</summary>
    public static void FromShell(ShellScript script, string source, IReadOnlyList<string> directories, List<ComposeFileList> lists)
    {
        foreach (var context in script.EnumerateCommands())
        {
            if (FileFlags(context.Command) is { Count: > 0 } files)
            {
                Add(lists, source, files, directories);
            }
        }

        string? separator = script.Assignments.LastOrDefault(a => a.Name == "COMPOSE_PATH_SEPARATOR")?.Value?.Value;
        foreach (var assignment in script.Assignments)
        {
            if (assignment.Name == ComposeFileVariable && assignment.Value is { } value)
            {
                Add(lists, source, Split(value.Value, separator), directories);
            }
        }
    }

    /// <summary>The <c>-f</c>/<c>--file</c> values of a <c>docker compose</c> or <c>docker-compose</c> command, in order.</summary>
    public static IReadOnlyList<string> FileFlags(SimpleCommand command)
    {
        var arguments = command.ArgumentValues;
        string name = Path.GetFileName(command.NameValue ?? string.Empty);
        int start = name == "docker-compose" ? 0 : name == "docker" && arguments.Count > 0 && arguments[0] == "compose" ? 1 : -1;
        if (start < 0)
        {
            return [];
        }

        var files = new List<string>();
        for (int i = start; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            string? file = argument is "-f" or "--file" && i + 1 < arguments.Count ? arguments[++i]
                : argument.StartsWith("--file=", StringComparison.Ordinal) ? argument["--file=".Length..]
                : null;
            if (file is not null && file.Length > 0 && file != "-")
            {
                files.Add(file);
            }
        }

        return files;
    }

    internal static bool HasVariable(string entry) => entry.Contains('$', StringComparison.Ordinal);

    internal static bool IsYaml(string name) => name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A regex over repository-relative paths for an entry with variables, each variable standing for a non-empty text.</summary>
    internal static Regex? ToPattern(string directory, string entry)
    {
        var parts = Variable().Split(entry.Replace('\\', '/'));
        if (parts.All(p => p.Length == 0))
        {
            return null;
        }

        string literalDirectory = directory.Length == 0 || entry.StartsWith('/') ? string.Empty : directory + "/";
        string pattern = "^" + Regex.Escape(literalDirectory) + string.Join(".+", parts.Select(p => Regex.Escape(p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p))) + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
    }

    private static void FromCi(CiPipeline pipeline, string source, List<ComposeFileList> lists)
    {
        var environments = new List<Yaml.YamlMapping?> { pipeline.Env };
        foreach (var job in pipeline.Jobs)
        {
            environments.Add(job.Env);
            environments.AddRange(job.Steps.Select(s => s.Env));
        }

        foreach (var env in environments)
        {
            if (env?[ComposeFileVariable] is Yaml.YamlScalar { IsNull: false } value)
            {
                string? separator = (env["COMPOSE_PATH_SEPARATOR"] as Yaml.YamlScalar)?.Value;
                Add(lists, source, Split(value.Value, separator), [string.Empty]);
            }
        }

        foreach (var step in pipeline.AllSteps)
        {
            if (step.RunScript is { } run && run.Value.Contains("COMPOSE", StringComparison.OrdinalIgnoreCase)
                && step.ParseRunScript() is { } model)
            {
                FromShell(model, source, [string.Empty], lists);
            }
        }
    }

    private static void FromMakefile(SourceText text, string source, string directory, List<ComposeFileList> lists)
    {
        for (int line = 1; line <= text.LineCount; line++)
        {
            string content = text.GetLineText(line).Trim();
            if (!content.Contains("compose", StringComparison.OrdinalIgnoreCase) && !content.Contains(ComposeFileVariable, StringComparison.Ordinal))
            {
                continue;
            }

            // A variable of the Makefile itself: COMPOSE_FILE := a.yml:b.yml (also ?=, +=, export).
            var setting = MakeAssignment().Match(content);
            if (setting.Success)
            {
                Add(lists, source, Split(setting.Groups["value"].Value.Trim(), null), [directory, string.Empty]);
                continue;
            }

            // A recipe line: the shell command after make's @ and - prefixes.
            string command = content.TrimStart('@', '-', '+', '\t', ' ');
            if (ShellParser.Parse(new SourceText(command)).Model is { } model)
            {
                FromShell(model, source, [directory, string.Empty], lists);
            }
        }
    }

    private static IReadOnlyList<string> Split(string value, string? separator)
    {
        value = value.Trim().Trim('"', '\'');
        if (!string.IsNullOrEmpty(separator))
        {
            return value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // ':' is the separator on Linux and macOS, ';' on Windows; not inside ${…}/$(…), nor after a drive letter (C:\).
        var entries = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '{' or '(' && i > 0 && (value[i - 1] == '$' || depth > 0))
            {
                depth++;
            }
            else if (c is '}' or ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (c == ';' || c == ':' && !(i - start == 1 && char.IsAsciiLetter(value[start]) && i + 1 < value.Length && value[i + 1] is '\\' or '/')))
            {
                entries.Add(value[start..i].Trim());
                start = i + 1;
            }
        }

        entries.Add(value[start..].Trim());
        return [.. entries.Where(e => e.Length > 0)];
    }

    private static void Add(List<ComposeFileList> lists, string source, IReadOnlyList<string> entries, IReadOnlyList<string> directories)
    {
        var kept = entries.Where(e => IsYaml(e) || HasVariable(e)).ToList();
        if (kept.Count > 0)
        {
            lists.Add(new ComposeFileList(source, kept, directories));
        }
    }

    private static bool IsMakefile(string name) =>
        name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.OrdinalIgnoreCase);

    // ${VAR}, $VAR, $(VAR) (make), ${{ expression }} (GitHub Actions).
    [GeneratedRegex(@"\$\{\{.*?\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?:export\s+)?COMPOSE_FILE\s*(?:\?|\+|:|::)?=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MakeAssignment();
}
