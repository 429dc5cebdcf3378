using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Semantics.Scripts;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Procfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Entrypoints;

/// <summary>What an entrypoint names.</summary>
public enum EntryTargetKind
{
    /// <summary><c>uvicorn pkg.mod:app</c>, <c>gunicorn pkg.mod:create_app()</c>, <c>flask --app pkg.mod</c>.</summary>
    PythonModuleAttribute,

    /// <summary><c>python -m pkg</c>, <c>celery -A pkg.tasks</c>.</summary>
    PythonModule,

    /// <summary><c>python path/file.py</c>.</summary>
    PythonFile,

    /// <summary><c>node dist/server.js</c>.</summary>
    NodeFile,

    /// <summary><c>npm start</c>, <c>npm run serve</c>: a package.json script.</summary>
    PackageScript,
}

/// <summary>Where an entrypoint was declared.</summary>
public enum EntrypointSource
{
    Procfile,
    Dockerfile,
    Fly,
    Compose,
}

/// <summary>
/// One process start: where it is declared, the process type (web, worker, beat…), the folder of the repository it runs in
/// (null when it cannot be told), the tool and what it names, with the span of that name in the declaring file.
/// </summary>
public sealed record ProcessEntrypoint(
    WorkspaceFile File,
    SourceText Text,
    EntrypointSource Source,
    string ProcessType,
    string? WorkingDirectory,
    string Tool,
    EntryTargetKind Kind,
    string Target,
    string? Attribute,
    TextSpan TargetSpan)
{
    /// <summary>The target as the user wrote it: <c>api.main:app</c>, <c>workers.tasks</c>, <c>dist/server.js</c>.</summary>
    public string Display => Attribute is null ? Target : Target + ":" + Attribute;
}

/// <summary>
/// Resolves what each process starts, from Procfile entries, the final stage's CMD/ENTRYPOINT of each Dockerfile (the
/// container's WORKDIR mapped back to the build context through the stage's COPY instructions), Fly <c>[processes]</c> (run in
/// the image of the Dockerfile their <c>[build]</c> names) and compose <c>command</c>s of services built from a context.
/// Computed once per run (a shared fact: JSI6001 and JSI6002 both ask).
/// </summary>
public static partial class ProcessEntrypoints
{
    // A class, not a struct: lists and LINQ over a struct of ours are framework generics that ReadyToRun leaves to the JIT.
    private sealed record Word(string Value, TextSpan Span);

    public static IReadOnlyList<ProcessEntrypoint> Collect(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("process entrypoints", Compute);
    }

    private static IReadOnlyList<ProcessEntrypoint> Compute(Repository repository)
    {
        var result = new List<ProcessEntrypoint>();
        foreach (WorkspaceFile file in repository.GetFiles(FileKind.Procfile))
        {
            if (repository.GetModel<ProcfileDocument>(file) is not { } procfile)
            {
                continue;
            }

            foreach (ProcfileEntry entry in procfile.Entries)
            {
                int offset = procfile.Text.Content.Length >= entry.CommandSpan.Start + entry.CommandSpan.Length && procfile.Text.Content.Substring(entry.CommandSpan.Start, entry.CommandSpan.Length) == entry.Command ? entry.CommandSpan.Start : -1;
                var words = ShellWords(entry.ParseCommand(), offset, entry.CommandSpan);
                Add(result, file, procfile.Text, EntrypointSource.Procfile, entry.Name, file.Directory, words);
            }
        }

        foreach (WorkspaceFile file in repository.GetFiles(FileKind.Dockerfile))
        {
            if (repository.GetModel<DockerfileDocument>(file) is not { } dockerfile || dockerfile.FinalStage is not { } stage)
            {
                continue;
            }

            var chain = dockerfile.InheritedInOrder(stage);
            var cmd = chain.OfType<CommandInstruction>().LastOrDefault(i => i.Kind == DockerInstructionKind.Cmd);
            var entry = chain.OfType<CommandInstruction>().LastOrDefault(i => i.Kind == DockerInstructionKind.Entrypoint);
            var words = new List<Word>();
            if (entry is not null && !IsWrapperEntrypoint(entry))
            {
                words.AddRange(InstructionWords(entry));
            }

            if (cmd is not null && (entry is null || IsWrapperEntrypoint(entry) || entry.IsExecForm))
            {
                words.AddRange(InstructionWords(cmd));
            }

            if (words.Count == 0)
            {
                continue;
            }

            string? cwd = MapWorkdir(chain, file.Directory, repository);
            Add(result, file, dockerfile.Text, EntrypointSource.Dockerfile, null, cwd, words);
        }

        foreach (WorkspaceFile file in repository.GetFiles(FileKind.FlyConfig))
        {
            if (repository.GetModel<FlyConfig>(file) is not { } fly || fly.Processes.Count == 0)
            {
                continue;
            }

            string dockerfilePath = fly.Build?.Dockerfile?.Value.AsString() ?? "Dockerfile";
            string? cwd = file.Directory;
            if (fly.Build?.Image is null && Repository.Combine(file.Directory, dockerfilePath) is { } dfPath && repository.GetFile(dfPath) is { } df
                && repository.GetModel<DockerfileDocument>(df) is { FinalStage: { } stage } model)
            {
                cwd = MapWorkdir(model.InheritedInOrder(stage), file.Directory, repository);
            }

            // The release command runs once per deploy in a machine of the same image.
            if (fly.Deploy?.ReleaseCommand?.Value is TomlStringValue release)
            {
                Add(result, file, fly.Text, EntrypointSource.Fly, "release", cwd, TomlStringWords(fly.Text, release));
            }

            foreach (FlyProcess process in fly.Processes)
            {
                if (process.Command?.Value is not TomlStringValue value)
                {
                    continue;
                }

                Add(result, file, fly.Text, EntrypointSource.Fly, process.Name == "app" ? "web" : process.Name, cwd, TomlStringWords(fly.Text, value));
            }
        }

        foreach (WorkspaceFile file in repository.GetFiles(FileKind.Compose))
        {
            if (repository.GetModel<ComposeDocument>(file) is not { } compose)
            {
                continue;
            }

            foreach (ComposeService service in compose.Services)
            {
                if (service.Command is null && service.Entrypoint is null || service.Build?.Context is not { } context || Repository.Combine(file.Directory, context.Value) is not { } contextDir)
                {
                    continue;
                }

                string dockerfilePath = service.Build.Dockerfile?.Value ?? "Dockerfile";
                string? cwd = contextDir;
                if (Repository.Combine(contextDir, dockerfilePath) is { } dfPath && repository.GetFile(dfPath) is { } df && repository.GetModel<DockerfileDocument>(df) is { FinalStage: { } stage } model)
                {
                    cwd = MapWorkdir(model.InheritedInOrder(stage), contextDir, repository);
                }

                // Compose runs the entrypoint with the command as its arguments; an init or entrypoint script only hands over to the command.
                List<Word> entrypoint = ComposeWords(service.Entrypoint);
                List<Word> words = IsWrapperEntrypoint(entrypoint) ? ComposeWords(service.Command) : [.. entrypoint, .. ComposeWords(service.Command)];
                Add(result, file, compose.Text, EntrypointSource.Compose, null, cwd, words);
            }
        }

        return result;
    }

    private static void Add(List<ProcessEntrypoint> result, WorkspaceFile file, SourceText text, EntrypointSource source, string? processType, string? cwd, List<Word> words)
    {
        if (Interpret(words, cwd) is not { } target)
        {
            return;
        }

        string type = processType ?? target.Type;
        result.Add(new ProcessEntrypoint(file, text, source, type, target.Cwd, target.Tool, target.Kind, target.Target, target.Attribute, target.Span));
    }

    private sealed record Interpretation(string Tool, EntryTargetKind Kind, string Target, string? Attribute, TextSpan Span, string? Cwd, string Type);

    private static readonly HashSet<string> AsgiServers = new(StringComparer.Ordinal) { "uvicorn", "gunicorn", "hypercorn", "daphne", "granian" };

    private static Interpretation? Interpret(List<Word> words, string? cwd)
    {
        string[] values = [.. words.Select(w => w.Value)];
        int i = 0;
        while (i < words.Count)
        {
            int run = i + CommandWrappers.CommandIndex(i == 0 ? values : values[i..]);
            if (run != i)
            {
                i = run;
                continue;
            }

            string name = BaseName(words[i].Value);
            if (name is "exec" or "env" or "tini" or "dumb-init" or "--" or "ddtrace-run" or "opentelemetry-instrument" || name.StartsWith('-'))
            {
                // exec and env alone (CommandWrappers stops at a wrapper with nothing to run), inits, tracers, their options.
                i++;
            }
            else if (CommandLine.RunnerLength(values, i) is > 0 and var runner)
            {
                i += runner;
            }
            else if (name == "newrelic-admin" && i + 1 < words.Count && words[i + 1].Value == "run-program")
            {
                i += 2;
            }
            else if (name == "python" && i + 2 < words.Count && words[i + 1].Value == "-m" && BaseName(words[i + 2].Value) is "uvicorn" or "gunicorn" or "hypercorn" or "celery" or "daphne" or "flask")
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        if (i >= words.Count)
        {
            return null;
        }

        string tool = BaseName(words[i].Value);
        var args = words.Skip(i + 1).ToList();
        if (args.Any(a => a.Value.Contains('$', StringComparison.Ordinal) && !a.Value.Contains("PORT", StringComparison.Ordinal) && ModuleAttr().IsMatch(a.Value.Replace("$", "", StringComparison.Ordinal))))
        {
            return null;
        }

        if (AsgiServers.Contains(tool))
        {
            string? dir = cwd;
            for (int k = 0; k < args.Count; k++)
            {
                if (args[k].Value is "--app-dir" or "--chdir" && k + 1 < args.Count)
                {
                    dir = dir is null ? null : Repository.Combine(dir, args[k + 1].Value);
                }
                else if (args[k].Value.StartsWith("--chdir=", StringComparison.Ordinal) || args[k].Value.StartsWith("--app-dir=", StringComparison.Ordinal))
                {
                    dir = dir is null ? null : Repository.Combine(dir, args[k].Value[(args[k].Value.IndexOf('=') + 1)..]);
                }
            }

            for (int k = 0; k < args.Count; k++)
            {
                if (args[k].Value.StartsWith('-') || (k > 0 && args[k - 1].Value.StartsWith('-') && !args[k - 1].Value.Contains('=', StringComparison.Ordinal) && !IsSwitch(args[k - 1].Value)))
                {
                    continue;
                }

                var m = ModuleAttr().Match(args[k].Value);
                if (m.Success)
                {
                    return new Interpretation(tool, EntryTargetKind.PythonModuleAttribute, m.Groups["module"].Value, m.Groups["attr"].Value, args[k].Span, dir, "web");
                }

                // gunicorn's WSGI_APP may omit the attribute: 'pkg.wsgi' means 'pkg.wsgi:application'.
                if (tool == "gunicorn" && ModuleName().IsMatch(args[k].Value))
                {
                    return new Interpretation(tool, EntryTargetKind.PythonModuleAttribute, args[k].Value, "application", args[k].Span, dir, "web");
                }

                return null;
            }

            return null;
        }

        switch (tool)
        {
            case "celery":
                for (int k = 0; k < args.Count; k++)
                {
                    string v = args[k].Value;
                    string? app = v is "-A" or "--app" && k + 1 < args.Count ? args[k + 1].Value : v.StartsWith("--app=", StringComparison.Ordinal) ? v[6..] : v.StartsWith("-A", StringComparison.Ordinal) && v.Length > 2 ? v[2..] : null;
                    if (app is null)
                    {
                        continue;
                    }

                    var span = v is "-A" or "--app" ? args[k + 1].Span : args[k].Span;
                    string module = app.Split(':')[0];
                    string type = args.Any(a => a.Value == "beat") ? "beat" : args.Any(a => a.Value == "flower") ? "flower" : "worker";
                    return ModuleName().IsMatch(module) ? new Interpretation(tool, EntryTargetKind.PythonModule, module, null, span, cwd, type) : null;
                }

                return null;
            case "python":
                if (args.Count >= 2 && args[0].Value == "-m")
                {
                    return ModuleName().IsMatch(args[1].Value) && !IsStandardModule(args[1].Value) ? new Interpretation("python -m", EntryTargetKind.PythonModule, args[1].Value, null, args[1].Span, cwd, "web") : null;
                }

                var pyFile = args.FirstOrDefault(a => !a.Value.StartsWith('-'));
                return pyFile?.Value is { } py && py.EndsWith(".py", StringComparison.Ordinal) && !py.Contains('$', StringComparison.Ordinal)
                    ? new Interpretation("python", EntryTargetKind.PythonFile, py, null, pyFile.Span, cwd, "web") : null;
            case "node" or "nodejs":
                {
                    var first = args.FirstOrDefault(a => !a.Value.StartsWith('-'));
                    return first?.Value is { } js && (js.EndsWith(".js", StringComparison.Ordinal) || js.EndsWith(".mjs", StringComparison.Ordinal) || js.EndsWith(".cjs", StringComparison.Ordinal)) && !js.Contains('$', StringComparison.Ordinal)
                        ? new Interpretation("node", EntryTargetKind.NodeFile, js, null, first.Span, cwd, "web") : null;
                }

            case "npm" or "yarn" or "pnpm":
                {
                    if (args.Count == 0)
                    {
                        return null;
                    }

                    string script = args[0].Value == "run" && args.Count > 1 ? args[1].Value : args[0].Value;
                    var span = args[0].Value == "run" && args.Count > 1 ? args[1].Span : args[0].Span;
                    return script is "start" || args[0].Value == "run" ? new Interpretation(tool, EntryTargetKind.PackageScript, script, null, span, cwd, "web") : null;
                }

            default:
                return null;
        }
    }

    // Options of uvicorn/gunicorn/hypercorn that take no value; every other option is read as taking the next word.
    private static bool IsSwitch(string option) => option.StartsWith("--no-", StringComparison.Ordinal)
        || option is "--reload" or "--factory" or "--proxy-headers" or "--use-colors" or "--preload" or "--daemon" or "-D" or "--capture-output" or "--check-config" or "--print-config" or "--spew" or "--reuse-port" or "--debug" or "--access-log";

    private static bool IsStandardModule(string module) => module.Split('.')[0] is "http" or "pip" or "venv" or "json" or "unittest" or "pytest" or "alembic" or "flask" or "django" or "uvicorn" or "gunicorn" or "celery" or "playwright" or "ensurepip" or "site" or "compileall" or "streamlit";

    private static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        string name = slash >= 0 ? path[(slash + 1)..] : path;
        return name.StartsWith("python", StringComparison.Ordinal) && (name.Length == 6 || char.IsAsciiDigit(name[6])) ? "python" : name;
    }

    private static bool IsWrapperEntrypoint(CommandInstruction entry) => IsWrapperEntrypoint(InstructionWords(entry));

    // No entrypoint, an init (tini, dumb-init) or an entrypoint script: the command is what runs.
    private static bool IsWrapperEntrypoint(List<Word> words)
    {
        if (words.Count == 0)
        {
            return true;
        }

        string name = BaseName(words[0].Value);
        return name is "tini" or "dumb-init" or "/sbin/tini" || name.EndsWith(".sh", StringComparison.Ordinal) || name is "docker-entrypoint" or "entrypoint";
    }

    private static List<Word> InstructionWords(CommandInstruction instruction)
    {
        if (instruction.IsExecForm)
        {
            return [.. instruction.ExecArguments.Select(t => new Word(Unquote(t.Text), t.Span))];
        }

        if (instruction.ShellCommand is { } shell)
        {
            var parsed = shell.Parse();
            var first = parsed.Model?.EnumerateCommands().FirstOrDefault();
            if (first is null)
            {
                return [];
            }

            return [.. first.Command.Words.Select(w => new Word(w.Value, shell.MapToSource(w.Span)))];
        }

        return [];
    }

    // A fly.toml command string's words, each mapped to its place when the string is written without escapes.
    private static List<Word> TomlStringWords(SourceText text, TomlStringValue value)
    {
        string source = text.Content.Substring(value.Span.Start, value.Span.Length);
        int offset = source.Length >= 2 && source[1..^1] == value.Value ? value.Span.Start + 1 : -1;
        return ShellWords(ShellParser.Parse(new SourceText(value.Value)), offset, value.Span);
    }

    private static List<Word> ComposeWords(ComposeCommand? command) => command is null ? []
        : command.IsStringForm ? StringFormWords(command)
        : [.. command.Items.Select(i => new Word(i.Value, i.ReportSpan))];

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    /// <summary>
    /// The words of a string-form compose <c>command</c> or <c>entrypoint</c>, each at its own place in the file when it is
    /// written as its value (bare, or whole inside one pair of quotes); otherwise, or when the scalar cannot map it, at
    /// the whole command. Where each word is written comes from the one split the compose parser made.
    /// </summary>
    private static List<Word> StringFormWords(ComposeCommand command) =>
        [.. command.Words.Select(w => new Word(w.Value, WordSpan(command.Node, w) ?? command.Node.ReportSpan))];

    private static TextSpan? WordSpan(YamlNode node, ShellSplitWord word)
    {
        if (node is not YamlScalar scalar || word.Value.Length == 0)
        {
            return null;
        }

        string written = scalar.Value.Substring(word.Start, word.Length);
        bool quotedWhole = written.Length == word.Value.Length + 2 && written[0] is '\'' or '"' && written[^1] == written[0] && written[1..^1] == word.Value;
        int start = written == word.Value ? word.Start : quotedWhole ? word.Start + 1 : -1;
        if (start < 0)
        {
            return null;
        }

        var span = scalar.MapValueSpanToSource(start, word.Value.Length);
        return span.Length == word.Value.Length ? span : null;
    }

    // The first command's words of a parsed command line, mapped to the host file from offset (or all to the fallback span).
    private static List<Word> ShellWords(ParseResult<ShellScript> parsed, int offset, TextSpan fallback)
    {
        var first = parsed.Model?.EnumerateCommands().FirstOrDefault();
        if (first is null)
        {
            return [];
        }

        return [.. first.Command.Words.Select(w => new Word(w.Value, offset >= 0 ? new TextSpan(offset + w.Span.Start, w.Span.Length) : fallback))];
    }

    /// <summary>
    /// The folder of the build context that the final stage's WORKDIR holds, through the stage's COPY instructions
    /// (<c>WORKDIR /app</c> + <c>COPY backend/ ./</c> → <c>backend</c>); null when no COPY fills it from the context.
    /// </summary>
    public static string? MapWorkdir(IReadOnlyList<DockerInstruction> instructions, string contextDir, Repository repository)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(repository);
        string workdir = "/";
        var copies = new List<(string Destination, string SourceDir)>();
        foreach (DockerInstruction instruction in instructions)
        {

            if (instruction.Kind == DockerInstructionKind.Workdir && instruction.Arguments.Count > 0)
            {
                string w = Unquote(instruction.Arguments[0].Text);
                if (w.Contains('$', StringComparison.Ordinal))
                {
                    return null;
                }

                workdir = NormalizeContainer(w.StartsWith('/') ? w : workdir.TrimEnd('/') + "/" + w);
            }
            else if (instruction is CopyInstruction { From: null } copy && copy.Destination is { } destination && copy.SourcePaths.Count == 1)
            {
                string dest = Unquote(destination.Text);
                string destAbs = NormalizeContainer(dest.StartsWith('/') ? dest : workdir.TrimEnd('/') + "/" + dest);
                string src = Unquote(copy.SourcePaths[0].Text);
                if (src.Contains('$', StringComparison.Ordinal) || src.Contains('*', StringComparison.Ordinal))
                {
                    continue;
                }

                if (Repository.Combine(contextDir, src) is { } srcDir && (src is "." or "./" || src.EndsWith('/') || repository.DirectoryExists(srcDir)))
                {
                    copies.Add((destAbs, srcDir));
                }
            }
        }

        for (int i = copies.Count - 1; i >= 0; i--)
        {
            var (dest, dir) = copies[i];
            if (dest == workdir)
            {
                return dir;
            }

            if (workdir.StartsWith(dest.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                return Repository.Combine(dir, workdir[(dest.TrimEnd('/').Length + 1)..]);
            }
        }

        // WORKDIR /app + COPY ./api /app/api: a folder copied under the WORKDIR by its own name maps the WORKDIR to the folder above it.
        for (int i = copies.Count - 1; i >= 0; i--)
        {
            var (dest, dir) = copies[i];
            string prefix = workdir.TrimEnd('/') + "/";
            if (dest.StartsWith(prefix, StringComparison.Ordinal) && dest[prefix.Length..].TrimEnd('/') is { Length: > 0 } relative
                && (dir == relative || dir.EndsWith("/" + relative, StringComparison.Ordinal)))
            {
                return dir[..^relative.Length].TrimEnd('/');
            }
        }

        return null;
    }

    private static string NormalizeContainer(string path)
    {
        var parts = new List<string>();
        foreach (string p in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".")
            {
                continue;
            }

            if (p == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(p);
        }

        return "/" + string.Join('/', parts);
    }

    [GeneratedRegex(@"^(?<module>[A-Za-z_]\w*(\.[A-Za-z_]\w*)*):(?<attr>[A-Za-z_][\w.]*(\(.*\))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleAttr();

    [GeneratedRegex(@"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleName();
}
