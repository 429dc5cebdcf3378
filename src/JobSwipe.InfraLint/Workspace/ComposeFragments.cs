using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Compose files that do not follow the <c>compose*.yml</c> naming are still compose files when a script or a CI step
/// passes them to <c>docker compose -f FILE</c> (or <c>docker-compose --file FILE</c>). This finds those references in
/// the parsed scripts and CI run steps, so such fragments are linted as compose files.
/// </summary>
public static class ComposeFragments
{
    /// <summary>The relative paths of YAML files, not yet known as compose files, that scripts pass to docker compose.</summary>
    public static IReadOnlySet<string> Find(Repository repository)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var script in repository.GetFiles(FileKind.ShellScript))
        {
            if (repository.GetModel<ShellScript>(script) is { } model)
            {
                Collect(repository, model, script.Directory, found);
            }
        }

        foreach (var workflow in repository.GetFiles(FileKind.CiWorkflow))
        {
            if (repository.GetModel<CiPipeline>(workflow) is not { } pipeline)
            {
                continue;
            }

            foreach (var step in pipeline.AllSteps)
            {
                if (step.RunScript is { } run && run.Value.Contains("compose", StringComparison.Ordinal)
                    && step.ParseRunScript() is { } model)
                {
                    Collect(repository, model, string.Empty, found);
                }
            }
        }

        return found;
    }

    private static void Collect(Repository repository, ShellScript script, string scriptDirectory, HashSet<string> found)
    {
        foreach (var context in script.EnumerateCommands())
        {
            var arguments = context.Command.ArgumentValues;
            string name = Path.GetFileName(context.Command.NameValue ?? string.Empty);
            int start = name == "docker-compose" ? 0 : name == "docker" && arguments.Count > 0 && arguments[0] == "compose" ? 1 : -1;
            if (start < 0)
            {
                continue;
            }

            for (int i = start; i < arguments.Count; i++)
            {
                string argument = arguments[i];
                string? file = argument is "-f" or "--file" && i + 1 < arguments.Count ? arguments[++i]
                    : argument.StartsWith("--file=", StringComparison.Ordinal) ? argument["--file=".Length..]
                    : null;
                if (file is null || file.Contains('$', StringComparison.Ordinal) || !(file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                // Scripts are run from their own folder or from the repository root: accept either.
                foreach (string? candidate in new[] { Repository.Combine(scriptDirectory, file), Repository.Combine(string.Empty, file) })
                {
                    if (candidate is not null && repository.GetFile(candidate) is { Kind: FileKind.Other })
                    {
                        found.Add(candidate);
                        break;
                    }
                }
            }
        }
    }
}
