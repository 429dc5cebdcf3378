using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Syntax.Python;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Entrypoints;

/// <summary>Checks entrypoint targets against the repository's files; parses each Python module once per resolver (one per rule and run; not thread-safe, so not shared between rules).</summary>
public sealed class EntrypointResolver
{
    private readonly Repository _repository;
    private readonly Dictionary<string, PythonModule?> _modules = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _pythonByName;

    public EntrypointResolver(Repository repository) => _repository = repository;

    /// <summary>The repository path of the file a Python module resolves to from <paramref name="dir"/> (<c>a/b.py</c>, <c>a/b/__init__.py</c>), "" for a namespace package folder, or null.</summary>
    public string? FindModule(string dir, string module)
    {
        ArgumentNullException.ThrowIfNull(module);
        string rel = module.Replace('.', '/');
        if (Repository.Combine(dir, rel) is not { } path)
        {
            return null;
        }

        if (_repository.FileExists(path + ".py"))
        {
            return path + ".py";
        }

        if (_repository.FileExists(path + "/__init__.py"))
        {
            return path + "/__init__.py";
        }

        return _repository.DirectoryExists(path) ? "" : null;
    }

    /// <summary>Why the entrypoint cannot start ("does not exist", "does not define 'app'"), or null when it resolves or cannot be told.</summary>
    public string? Problem(ProcessEntrypoint entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.WorkingDirectory is not { } dir)
        {
            return null;
        }

        switch (entry.Kind)
        {
            case EntryTargetKind.PythonModuleAttribute:
            case EntryTargetKind.PythonModule:
                {
                    string? file = FindModule(dir, entry.Target);
                    if (file is null)
                    {
                        return $"module '{entry.Target}' does not exist in {{where}} (no {entry.Target.Replace('.', '/')}.py or {entry.Target.Replace('.', '/')}/__init__.py)";
                    }

                    if (entry.Attribute is { } attribute && file.Length > 0 && Module(file) is { } module)
                    {
                        string name = attribute.Split('(')[0].Split('.')[0];
                        if (!module.Defines(name))
                        {
                            return $"{file} defines no module-level '{name}'";
                        }
                    }

                    return null;
                }

            case EntryTargetKind.PythonFile:
                return Repository.Combine(dir, entry.Target) is { } py && !_repository.FileExists(py) ? "the file does not exist in {where}" : null;
            case EntryTargetKind.NodeFile:
                return Repository.Combine(dir, entry.Target) is { } js && !_repository.FileExists(js) && !HasBuildStep(dir) ? "the file does not exist in {where} and no build step (package.json build script, tsconfig.json) produces it" : null;
            case EntryTargetKind.PackageScript:
                {
                    if (Repository.Combine(dir, "package.json") is not { } path || _repository.GetFile(path) is not { } file)
                    {
                        return null;
                    }

                    if (_repository.GetModel<DependencyManifest>(file) is not PackageJsonManifest manifest)
                    {
                        return null;
                    }

                    bool defined = manifest.Scripts.Any(s => s.Name == entry.Target) || (entry.Target == "start" && Repository.Combine(dir, "server.js") is { } server && _repository.FileExists(server));
                    return defined ? null : $"{path} has no such script";
                }

            default:
                return null;
        }
    }

    /// <summary>A module of the same file name under the working directory that would resolve (and define the attribute).</summary>
    public (string Display, string Path)? Suggest(ProcessEntrypoint entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind is not (EntryTargetKind.PythonModuleAttribute or EntryTargetKind.PythonModule) || entry.WorkingDirectory is not { } dir)
        {
            return null;
        }

        _pythonByName ??= IndexPython();
        string last = entry.Target.Split('.')[^1] + ".py";
        if (!_pythonByName.TryGetValue(last, out var candidates))
        {
            return null;
        }

        foreach (string path in candidates.OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal))
        {
            if (dir.Length > 0 && !path.StartsWith(dir + "/", StringComparison.Ordinal))
            {
                continue;
            }

            string module = path[(dir.Length == 0 ? 0 : dir.Length + 1)..^3].Replace('/', '.');
            if (module == entry.Target || module.Split('.').Any(s => s.Contains('-', StringComparison.Ordinal)) || module.StartsWith("tests.", StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.Attribute is { } attribute && Module(path) is { } m && !m.Defines(attribute.Split('(')[0].Split('.')[0]))
            {
                continue;
            }

            return (entry.Attribute is null ? module : module + ":" + entry.Attribute, path);
        }

        return null;
    }

    private Dictionary<string, List<string>> IndexPython()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (WorkspaceFile f in _repository.Files)
        {
            if (f.RelativePath.EndsWith(".py", StringComparison.Ordinal))
            {
                if (!index.TryGetValue(f.Name, out var list))
                {
                    index[f.Name] = list = [];
                }

                list.Add(f.RelativePath);
            }
        }

        return index;
    }

    private PythonModule? Module(string path)
    {
        if (!_modules.TryGetValue(path, out var module))
        {
            module = _repository.GetFile(path) is { } file && _repository.GetText(file) is { } text ? PythonModule.Parse(text) : null;
            _modules[path] = module;
        }

        return module;
    }

    private bool HasBuildStep(string dir)
    {
        if (Repository.Combine(dir, "tsconfig.json") is { } ts && _repository.FileExists(ts))
        {
            return true;
        }

        return Repository.Combine(dir, "package.json") is { } path && _repository.GetFile(path) is { } file && _repository.GetModel<DependencyManifest>(file) is PackageJsonManifest manifest
            && manifest.Scripts.Any(s => s.Name.StartsWith("build", StringComparison.Ordinal) || s.Name is "compile" or "prepare" or "postinstall" or "prestart" or "prebuild");
    }
}
