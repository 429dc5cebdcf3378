using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// Resolves what a fly/flyctl command in a script acts on: the Fly config it deploys (<c>-c</c>/<c>--config</c>, <c>-a</c>/<c>--app</c>
/// matched against the repository's Fly configs' <c>app</c>, or the fly.toml of the folder the script <c>cd</c>s into) and the app name.
/// </summary>
public static class FlyTargets
{
    /// <summary>The app name given with <c>-a</c>/<c>--app</c> (a literal, or a variable assigned one literal), with the word's span; null when absent or built from variables.</summary>
    public static (string Name, TextSpan Span)? AppName(ScriptFacts facts, ScriptCommand command)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(command);
        ShellWord? word = command.Line.OptionWord("-a", "--app");
        if (word is null)
        {
            var eq = command.Line.Arguments.FirstOrDefault(a => a.Value.StartsWith("--app=", StringComparison.Ordinal));
            if (eq is not null && eq.IsLiteral)
            {
                return (eq.Value[6..], TextSpan.FromBounds(eq.Span.Start + 6, eq.Span.Start + eq.Span.Length));
            }

            return null;
        }

        string? value = facts.Resolve(word, command.Command.Span.Start);
        return string.IsNullOrEmpty(value) || value.Contains('$', StringComparison.Ordinal) ? null : (value, word.Span);
    }

    /// <summary>The working directories the command may run in, most likely first (relative to the root; "" is the root).</summary>
    public static IReadOnlyList<string> WorkingDirectories(WorkspaceFile script, ScriptFacts facts, ScriptCommand command)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(command);
        var result = new List<string>();
        string dir = script.Directory;
        foreach (ScriptCommand c in facts.Commands)
        {
            if (c.Order >= command.Order || c.Line.Name != "cd" || c.Line.Arguments.Count == 0 || c.Context.IsInSubshell != command.Context.IsInSubshell && c.Context.IsInSubshell)
            {
                continue;
            }

            ShellWord target = c.Line.Arguments[^1];
            string value = target.Value;
            string? resolved = null;
            if (target.IsLiteral)
            {
                resolved = Repository.Combine(dir, value) ?? Repository.Combine("", value);
            }
            else if (value.StartsWith("$(dirname", StringComparison.Ordinal) && (value.Contains("$0", StringComparison.Ordinal) || value.Contains("BASH_SOURCE", StringComparison.Ordinal)))
            {
                int close = value.IndexOf(')', StringComparison.Ordinal);
                string rest = close >= 0 ? value[(close + 1)..].TrimStart('/') : "";
                resolved = rest.Length == 0 ? script.Directory : Repository.Combine(script.Directory, rest);
            }

            if (resolved is not null)
            {
                dir = resolved;
            }
        }

        result.Add(dir);
        if (!result.Contains(script.Directory))
        {
            result.Add(script.Directory);
        }

        if (!result.Contains(""))
        {
            result.Add("");
        }

        return result;
    }

    /// <summary>The Fly config a fly/flyctl command acts on, or null when it cannot be told.</summary>
    public static WorkspaceFile? Resolve(WorkspaceFile script, Repository repository, ScriptFacts facts, ScriptCommand command)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(command);
        var dirs = WorkingDirectories(script, facts, command);
        ShellWord? configWord = command.Line.OptionWord("-c", "--config");
        string? config = configWord is null ? command.Line.Option("--config") : facts.Resolve(configWord, command.Command.Span.Start);
        if (config is not null)
        {
            foreach (string d in dirs)
            {
                if (Repository.Combine(d, config) is { } path)
                {
                    if (repository.GetFile(path) is { } file)
                    {
                        return file;
                    }

                    if (repository.GetFile(path.Length == 0 ? "fly.toml" : path + "/fly.toml") is { } inDir)
                    {
                        return inDir;
                    }
                }
            }

            return null;
        }

        if (AppName(facts, command) is { } app)
        {
            return ConfigsByApp(repository).TryGetValue(app.Name, out WorkspaceFile? fly) ? fly : null;
        }

        return repository.GetFile(dirs[0].Length == 0 ? "fly.toml" : dirs[0] + "/fly.toml");
    }

    // The first Fly config (in the repository's order) naming each app: one pass per run instead of one per deploy.
    private static Dictionary<string, WorkspaceFile> ConfigsByApp(Repository repository) =>
        repository.Facts.Get("Fly configs by app name", static r =>
        {
            var byApp = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
            foreach (WorkspaceFile fly in r.GetFiles(FileKind.FlyConfig))
            {
                if (r.GetModel<FlyConfig>(fly)?.App?.Value.AsString() is { } name)
                {
                    byApp.TryAdd(name, fly);
                }
            }

            return byApp;
        });
}
