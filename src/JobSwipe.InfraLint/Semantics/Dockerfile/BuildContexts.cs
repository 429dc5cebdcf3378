using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.DockerIgnore;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Dockerfile;

/// <summary>A build context of a Dockerfile: a folder of the repository ("" for the root) and what says so.</summary>
/// <param name="Directory">The context folder relative to the root.</param>
/// <param name="Origin">Where the relation comes from (<c>fly.toml</c>, <c>docker-compose.yml</c>), or null for the default or an inferred context.</param>
internal sealed record BuildContext(string Directory, string? Origin)
{
    public string Display => Directory.Length == 0 ? "." : Directory + "/";

    /// <summary>A context-relative path as a repository path; null when it leaves the root.</summary>
    public string? Resolve(string contextRelative) => Repository.Combine(Directory, contextRelative.TrimStart('/'));
}

/// <summary>
/// Repository-wide facts the cross-file Dockerfile rules share, built once per repository: which build contexts each
/// Dockerfile is built with (compose <c>build:</c>, Fly <c>[build].dockerfile</c>; otherwise the folder of the Dockerfile, or an ancestor
/// folder when the COPY sources only exist there), the children of every folder (for globs), and .dockerignore lookup.
/// </summary>
internal sealed partial class BuildContexts
{

    /// <summary>Folders usually produced by a build step before <c>docker build</c>, or never discovered: sources in them are not checked.</summary>
    public static readonly HashSet<string> GeneratedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "dist", "build", "out", "target", "publish", "artifacts", "release", "releases", "bin", "obj", "node_modules", ".next", ".nuxt", ".output", "vendor", "generated", "gen", "wheels", "wheelhouse",
        ".git", ".venv", "venv", "__pycache__", "coverage", ".gradle", "bower_components", "lib", "tmp",
    };

    private readonly Repository _repository;
    private readonly Dictionary<string, List<BuildContext>> _explicit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<BuildContext>> _inferred = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> _buildScripts;
    private readonly Lazy<HashSet<string>> _namedContexts;

    private BuildContexts(Repository repository)
    {
        _repository = repository;
        _buildScripts = new(() => [.. repository.Files
            .Where(f => f.Kind is FileKind.CiWorkflow or FileKind.ShellScript || f.Name is "Makefile" or "makefile" or "GNUmakefile" or "justfile" or "Justfile" or "Taskfile.yml" or "docker-bake.hcl")
            .Select(f => repository.GetText(f)?.Content)
            .OfType<string>()]);
        _namedContexts = new(() => CollectNamedContexts(repository, _buildScripts.Value));
        foreach (WorkspaceFile file in repository.Files)
        {
            string parent = file.Directory;
            AddChild(parent, file.Name);
            while (parent.Length > 0)
            {
                int slash = parent.LastIndexOf('/');
                string up = slash < 0 ? string.Empty : parent[..slash];
                string name = slash < 0 ? parent : parent[(slash + 1)..];
                if (!AddChild(up, name))
                {
                    break;
                }

                parent = up;
            }
        }

        foreach (WorkspaceFile compose in repository.GetFiles(FileKind.Compose))
        {
            foreach (ComposeService service in repository.GetModel<ComposeDocument>(compose)?.Services ?? [])
            {
                // build: ./dir, or build: { context: ./dir, dockerfile: Dockerfile.prod } (the dockerfile is relative to the context).
                if (service.Build is not { } build || build.Context?.Value is { } c && (c.Contains('$', StringComparison.Ordinal) || c.Contains("://", StringComparison.Ordinal) || c.StartsWith("git@", StringComparison.Ordinal))
                    || build.Dockerfile?.Value.Contains('$', StringComparison.Ordinal) == true
                    || Repository.Combine(compose.Directory, build.Context?.Value ?? ".") is not { } context
                    || Repository.Combine(context, build.Dockerfile?.Value ?? "Dockerfile") is not { } dockerfile)
                {
                    continue;
                }

                AddExplicit(dockerfile, new BuildContext(context, compose.RelativePath));
            }
        }

        foreach (WorkspaceFile fly in repository.GetFiles(FileKind.FlyConfig))
        {
            if (repository.GetModel<FlyConfig>(fly)?.Build?.Dockerfile?.Value.AsString() is { Length: > 0 } dockerfile
                && Repository.Combine(fly.Directory, dockerfile) is { } path)
            {
                AddExplicit(path, new BuildContext(fly.Directory, fly.RelativePath));
            }
        }
    }

    public static BuildContexts For(Repository repository) => repository.Facts.Get(static r => new BuildContexts(r));

    /// <summary>
    /// The contexts a Dockerfile is built with: those named by compose files and Fly configs when any, else the
    /// Dockerfile's folder, or the nearest ancestor folder in which more of its COPY sources exist. The model must be the
    /// run's model of that Dockerfile (the answer is kept per path).
    /// </summary>
    public IReadOnlyList<BuildContext> ContextsOf(WorkspaceFile dockerfile, DockerfileDocument model)
    {
        if (_explicit.TryGetValue(dockerfile.RelativePath, out var contexts))
        {
            return contexts;
        }

        // Worked out once per Dockerfile: three rules ask for every one.
        if (_inferred.TryGetValue(dockerfile.RelativePath, out var inferred))
        {
            return inferred;
        }

        var sources = CheckableSources(model).Select(s => s.Path).ToList();
        string best = dockerfile.Directory;
        int bestCount = sources.Count(s => Exists(new BuildContext(best, null), s));
        if (bestCount < sources.Count)
        {
            string dir = dockerfile.Directory;
            while (dir.Length > 0)
            {
                int slash = dir.LastIndexOf('/');
                dir = slash < 0 ? string.Empty : dir[..slash];
                int count = sources.Count(s => Exists(new BuildContext(dir, null), s));
                if (count > bestCount)
                {
                    best = dir;
                    bestCount = count;
                }
            }
        }

        return _inferred.GetOrAdd(dockerfile.RelativePath, [new BuildContext(best, null)]);
    }

    /// <summary>The .dockerignore that applies: <c>&lt;Dockerfile&gt;.dockerignore</c> next to the Dockerfile, else the context's.</summary>
    public (WorkspaceFile File, DockerIgnoreDocument Model)? DockerIgnoreOf(WorkspaceFile dockerfile, BuildContext context)
    {
        foreach (string candidate in (string[])[dockerfile.RelativePath + ".dockerignore", Repository.Combine(context.Directory, ".dockerignore") ?? ".dockerignore"])
        {
            if (_repository.GetFile(candidate) is { } file)
            {
                return _repository.GetModel<DockerIgnoreDocument>(file) is { } model ? (file, model) : null;
            }
        }

        return null;
    }

    /// <summary>The COPY/ADD sources whose existence can be checked: local, no variables, no --from, no heredoc.</summary>
    /// <remarks>Worked out once per model (the build context's inference and two rules ask for every Dockerfile) and kept with it.</remarks>
    public static IEnumerable<(CopyInstruction Copy, DockerToken Token, string Path)> CheckableSources(DockerfileDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sources = model.Memo as CheckableSourceList ?? MemoiseSources(model);
        foreach (var source in sources.Items)
        {
            yield return (source.Copy, source.Token, source.Path);
        }
    }

    private static CheckableSourceList MemoiseSources(DockerfileDocument model)
    {
        var built = new CheckableSourceList([.. FindCheckableSources(model)]);
        return Interlocked.CompareExchange(ref model.Memo, built, null) as CheckableSourceList ?? built;
    }

    /// <summary>A model's checkable sources; a class, not a list of tuples, which ReadyToRun would leave to the JIT.</summary>
    private sealed class CheckableSourceList(CheckableSource[] items)
    {
        public CheckableSource[] Items { get; } = items;
    }

    private sealed record CheckableSource(CopyInstruction Copy, DockerToken Token, string Path);

    private static IEnumerable<CheckableSource> FindCheckableSources(DockerfileDocument model)
    {
        foreach (DockerInstruction instruction in model.Instructions)
        {
            if (instruction is not CopyInstruction copy || copy.From is not null || copy.Flags.Any(f => f.Name is "keep-git-dir" or "checksum"))
            {
                continue;
            }

            foreach (DockerToken token in copy.SourcePaths)
            {
                string raw = token.Text;
                if (raw.Contains('$', StringComparison.Ordinal) || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("git@", StringComparison.Ordinal) || raw.StartsWith("<<", StringComparison.Ordinal))
                {
                    continue;
                }

                string path = copy.Expand(raw).Value.Replace('\\', '/');
                if (path.Length == 0)
                {
                    continue;
                }

                yield return new CheckableSource(copy, token, path);
            }
        }
    }

    /// <summary>True when the context-relative path (a glob allowed) names an existing file or folder.</summary>
    public bool Exists(BuildContext context, string source) => Matches(context, source).Any();

    /// <summary>The repository paths a context-relative source (a glob allowed) names.</summary>
    public IEnumerable<string> Matches(BuildContext context, string source)
    {
        var current = new List<string> { context.Directory };
        foreach (string segment in source.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            var next = new List<string>();
            foreach (string dir in current)
            {
                if (segment == "..")
                {
                    // A source may not leave the context.
                    continue;
                }

                if (segment.IndexOfAny(['*', '?', '[']) >= 0)
                {
                    Regex regex = GlobSegment(segment);
                    if (_children.TryGetValue(dir, out var names))
                    {
                        next.AddRange(names.Where(n => regex.IsMatch(n)).Select(n => dir.Length == 0 ? n : dir + "/" + n));
                    }
                }
                else
                {
                    string path = dir.Length == 0 ? segment : dir + "/" + segment;
                    if (_repository.FileExists(path) || _repository.DirectoryExists(path))
                    {
                        next.Add(path);
                    }
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>
    /// True when a CI workflow, shell script or Makefile of the repository mentions the name: such a file or folder is
    /// usually produced by that build step before <c>docker build</c> (<c>mkdir -p ./certs</c>, <c>cp build.jar ./app.jar</c>).
    /// </summary>
    public bool IsMentionedByBuildScripts(string name) => name.Length >= 3 && _buildScripts.Value.Any(t => t.Contains(name, StringComparison.Ordinal));

    /// <summary>
    /// True when something in the repository supplies a named build context of that name, which <c>COPY --from=name</c>
    /// then reads instead of a stage: a bake file's <c>contexts = { name = … }</c>, a compose service's
    /// <c>build.additional_contexts</c>, a <c>--build-context name=…</c> flag or a <c>build-contexts:</c> input in a script or CI workflow.
    /// </summary>
    public bool IsNamedContext(string name) => _namedContexts.Value.Contains(name);

    /// <summary>The names (files and folders) directly inside a folder.</summary>
    public IReadOnlyCollection<string> ChildrenOf(string directory) => _children.TryGetValue(directory, out var names) ? names : [];

    private static HashSet<string> CollectNamedContexts(Repository repository, IReadOnlyList<string> buildScripts)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (WorkspaceFile file in repository.Files.Where(f => f.Name.EndsWith(".hcl", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("bake", StringComparison.OrdinalIgnoreCase) && f.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match block in BakeContextsBlock().Matches(repository.GetText(file)?.Content ?? string.Empty))
            {
                names.UnionWith(BakeContextName().Matches(block.Groups["body"].Value).Select(m => m.Groups["name"].Value));
            }
        }

        foreach (string text in buildScripts)
        {
            names.UnionWith(BuildContextFlag().Matches(text).Select(m => m.Groups["name"].Value));
            foreach (Match input in BuildContextsInput().Matches(text))
            {
                names.UnionWith(input.Groups["name"].Captures.Select(c => c.Value));
            }
        }

        foreach (WorkspaceFile compose in repository.GetFiles(FileKind.Compose))
        {
            foreach (ComposeService service in repository.GetModel<ComposeDocument>(compose)?.Services ?? [])
            {
                switch ((service.Build?.Node as YamlMapping)?.Find("additional_contexts")?.Value)
                {
                    case YamlMapping map:
                        names.UnionWith(map.Entries.Select(e => e.KeyText).OfType<string>());
                        break;
                    case YamlSequence list:
                        names.UnionWith(list.Items.OfType<YamlScalar>().Select(i => i.Value.Split('=')[0].Trim()));
                        break;
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"""?\bcontexts""?\s*[=:]\s*\{(?<body>(?:[^{}]|\$\{[^{}]*\})*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex BakeContextsBlock();

    [GeneratedRegex(@"(?:^[ \t]*|[,{][ \t]*)""?(?<name>[A-Za-z0-9_.-]+)""?\s*[=:]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex BakeContextName();

    [GeneratedRegex(@"--build-context[=\s]+[""']?(?<name>[A-Za-z0-9_.-]+)=", RegexOptions.CultureInvariant)]
    private static partial Regex BuildContextFlag();

    // docker/build-push-action: build-contexts: | followed by name=value lines.
    [GeneratedRegex(@"build-contexts:\s*[|>]?[-+]?[ \t]*\r?\n(?:[ \t]+(?<name>[A-Za-z0-9_.-]+)=[^\r\n]*\r?\n?)+", RegexOptions.CultureInvariant)]
    private static partial Regex BuildContextsInput();

    private bool AddChild(string directory, string name)
    {
        if (!_children.TryGetValue(directory, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _children[directory] = names;
        }

        return names.Add(name);
    }

    private void AddExplicit(string dockerfile, BuildContext context)
    {
        if (!_explicit.TryGetValue(dockerfile, out var list))
        {
            list = [];
            _explicit[dockerfile] = list;
        }

        if (!list.Any(c => c.Directory == context.Directory))
        {
            list.Add(context);
        }
    }

    private static Regex GlobSegment(string segment)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    int close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    string set = segment[(i + 1)..close];
                    sb.Append('[').Append(set.StartsWith('!') || set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < segment.Length:
                    sb.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
    }
}
