using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Compose;

/// <summary>
/// Which compose files are used together, computed once per run, so that a name one file uses and another defines is
/// resolved across the merged project (the compose-spec merge: later files add to and override earlier ones). Files
/// are combined when:
/// <list type="bullet">
/// <item>they are Compose's default pair in one folder: <c>compose.yaml</c> (or <c>compose.yml</c>,
/// <c>docker-compose.yaml</c>, <c>docker-compose.yml</c>) and <c>compose.override.yaml</c> (or
/// <c>docker-compose.override.yml</c>…), also as a committed template (<c>compose.override.yaml.example</c>,
/// <c>.sample</c>, <c>.dist</c>) meant to be copied into place;</item>
/// <item>a command or setting names them together: the <c>-f</c> flags of one <c>docker compose</c> command in a script, a
/// CI step or a Makefile, or one <c>COMPOSE_FILE</c> value (CI <c>env:</c>, <c>.env</c>, scripts, Makefiles), see
/// <see cref="ComposeFileLists"/>;</item>
/// <item>an add-on (<c>compose.*.yaml</c>, <c>docker-compose.*.yml</c>, or any compose file in a folder below) needs
/// the nearest base file: it overrides one of the base's services partially, or refers (<c>depends_on</c>,
/// <c>links</c>, <c>extends</c>, a named volume, network, secret or config) to a name only the base defines;</item>
/// <item>a service <c>extends</c> a service of another file (<c>extends: file:</c>), or a file <c>include</c>s another
/// (both ways: the included file is validated within the including project, so it may use the including file's names
/// and those of its other includes);</item>
/// <item>a file is an overlay (an override by name, or with partial services) beside other compose files of a folder
/// that has no base file: it is merged over one of them, which one is unknown.</item>
/// </list>
/// A file's scope is itself and every file it is combined with in any of these ways: a name is undefined only when no
/// file of its scope defines it.
/// </summary>
internal sealed class ComposeProjects
{

    private static readonly string[] BaseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    private static readonly string[] OverrideNames = ["compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml"];

    private static readonly string[] TemplateSuffixes = [".example", ".sample", ".dist"];

    private readonly Dictionary<string, HashSet<string>> _combined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComposeDocument> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byDirectory;

    private ComposeProjects(Repository repository)
    {
        foreach (var file in repository.GetFiles(FileKind.Compose))
        {
            if (repository.GetModel<ComposeDocument>(file) is { } model)
            {
                _models[file.RelativePath] = model;
            }
        }

        // Committed override templates are not linted, but what they declare is what the override will declare.
        foreach (var file in repository.Files.Where(f => f.Kind == FileKind.Other && IsOverrideTemplate(f.Name)))
        {
            if (repository.GetText(file) is { } text && ComposeParser.Parse(text) is { Errors.Count: 0, Model: { } model })
            {
                _models[file.RelativePath] = model;
            }
        }

        var byDirectory = _byDirectory = _models.Keys.GroupBy(DirectoryOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (directory, files) in byDirectory)
        {
            var bases = files.Where(f => BaseNames.Contains(NameOf(f))).ToList();
            var overrides = files.Where(f => IsOverride(NameOf(f))).ToList();
            if (bases.Count > 0)
            {
                Combine([.. bases, .. overrides]);
                continue;
            }

            // A folder without a base file: an overlay there is merged over one of its siblings, which one is unknown.
            foreach (string file in files.Where(f => ComposeFacts.IsOverlay(NameOf(f), _models[f])))
            {
                foreach (string sibling in files)
                {
                    Combine([file, sibling]);
                }
            }
        }

        foreach (var list in repository.ComposeLists)
        {
            Combine([.. list.Entries.SelectMany(e => list.Resolve(repository, e)).Where(_models.ContainsKey)]);
        }

        foreach (var (path, model) in _models)
        {
            string name = NameOf(path);
            if (!BaseNames.Contains(name) && !IsOverride(name) && NearestBase(path, byDirectory) is { Count: > 0 } baseFiles
                && baseFiles.Any(b => NeedsBase(model, _models[b])))
            {
                Combine([.. baseFiles, path]);
            }

            // An included file is validated as part of the including project (Compose merges it in first), so it may use
            // the networks, volumes and services the including file and its other includes define: laradock's
            // `<service>/compose.yml` fragments, which the root file includes and which use the root's networks.
            foreach (var include in model.Include)
            {
                if (!include.Value.Contains('$', StringComparison.Ordinal) && Repository.Combine(DirectoryOf(path), include.Value) is { } included
                    && _models.ContainsKey(included))
                {
                    Combine([path, included]);
                }
            }

            foreach (var service in model.Services)
            {
                if (service.Extends is { File: { } extended } && !extended.Value.Contains('$', StringComparison.Ordinal)
                    && Repository.Combine(DirectoryOf(path), extended.Value) is { } target && _models.ContainsKey(target))
                {
                    Combine([path, target]);
                }
            }
        }
    }

    public static ComposeProjects For(Repository repository) => repository.Facts.Get(static r => new ComposeProjects(r));

    /// <summary>
    /// The compose files whose definitions <paramref name="file"/> can use: itself, the files it includes, and every file
    /// it is used together with (and what those include).
    /// </summary>
    public IReadOnlyList<ComposeDocument> Scope(Repository repository, WorkspaceFile file, ComposeDocument model)
    {
        var scope = new List<ComposeDocument>();
        var seen = new HashSet<ComposeDocument>(ReferenceEqualityComparer.Instance);
        void Add(string path, ComposeDocument added)
        {
            if (!seen.Add(added))
            {
                return;
            }

            scope.Add(added);
            foreach (var include in added.Include)
            {
                if (!include.Value.Contains('$', StringComparison.Ordinal) && Repository.Combine(DirectoryOf(path), include.Value) is { } target
                    && repository.GetFile(target) is { } included && repository.GetModel<ComposeDocument>(included) is { } includedModel)
                {
                    Add(target, includedModel);
                }
            }
        }

        Add(file.RelativePath, model);
        if (_combined.TryGetValue(file.RelativePath, out var others))
        {
            foreach (string other in others.Order(StringComparer.Ordinal))
            {
                Add(other, _models[other]);
            }
        }

        return scope;
    }

    /// <summary>
    /// For a file that is evidently a fragment of a project assembled in a way the repository does not show (a script
    /// that concatenates files, a tool outside it), the project it most likely belongs to: the base files of the nearest
    /// folder above it with their scope, and the other fragment-shaped files below them. A fragment lies in a sub-folder, is used
    /// together with no file, includes none, and declares no top-level volume, network, secret or config of its own.
    /// Null for any other file.
    /// </summary>
    public CandidateProject? FindCandidateProject(Repository repository, WorkspaceFile file, ComposeDocument model)
    {
        if (_combined.ContainsKey(file.RelativePath) || FragmentBases(file.RelativePath, model) is not { } bases)
        {
            return null;
        }

        var scope = bases.Select(b => (Path: b, File: repository.GetFile(b))).Where(b => b.File is not null)
            .SelectMany(b => Scope(repository, b.File!, _models[b.Path]))
            .Concat(_models.Where(m => m.Key != file.RelativePath && FragmentBases(m.Key, m.Value) is { } others && others.SequenceEqual(bases)).Select(m => m.Value))
            .Distinct().ToList();
        return new CandidateProject([.. bases.Order(StringComparer.Ordinal)], scope);
    }

    /// <summary>
    /// The base files a file shaped like a fragment (in a sub-folder, no include, no top-level declarations) would be
    /// merged with; null for any other file. Whether it is also merged with something the repository shows is not asked:
    /// a sibling fragment another list combines still defines its services for the project assembled elsewhere.
    /// </summary>
    private List<string>? FragmentBases(string path, ComposeDocument model)
    {
        string directory = DirectoryOf(path);
        return model.Include.Count > 0 || directory.Length == 0
            || model.Volumes.Count + model.Networks.Count + model.Secrets.Count + model.Configs.Count > 0
            ? null
            : NearestBase(DirectoryOf(directory) + "/", _byDirectory);
    }

    /// <summary>
    /// The definitions of service <paramref name="name"/> in the files <paramref name="file"/> is used together with:
    /// Compose merges them into one service, so a key one of them sets (a memory limit, a healthcheck, a volume) is set.
    /// </summary>
    public IReadOnlyList<ComposeService> OtherDefinitions(WorkspaceFile file, string name) =>
        [.. CombinedWith(file.RelativePath).SelectMany(other => _models[other].Services.Where(s => s.Name == name))];

    /// <summary>
    /// True when <paramref name="file"/> is not a base file and a base file it is used together with also defines the
    /// service: the merged service is the base's, and a finding about what it lacks belongs there (once).
    /// </summary>
    public bool DefinedByBase(WorkspaceFile file, string name) =>
        !BaseNames.Contains(file.Name) && CombinedWith(file.RelativePath).Any(other => BaseNames.Contains(NameOf(other)) && _models[other].Services.Any(s => s.Name == name));

    /// <summary>The other files <paramref name="path"/> is used together with (for messages), in path order.</summary>
    public IReadOnlyList<string> CombinedWith(string path) =>
        _combined.TryGetValue(path, out var others) ? [.. others.Order(StringComparer.Ordinal)] : [];

    private void Combine(IReadOnlyList<string> files)
    {
        foreach (string file in files)
        {
            foreach (string other in files)
            {
                if (file != other)
                {
                    if (!_combined.TryGetValue(file, out var set))
                    {
                        _combined[file] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(other);
                }
            }
        }
    }

    /// <summary>The base files of the file's folder, or of the nearest folder above it that has one.</summary>
    private static List<string>? NearestBase(string path, Dictionary<string, List<string>> byDirectory)
    {
        for (string? directory = DirectoryOf(path); directory is not null; directory = Parent(directory))
        {
            if (byDirectory.TryGetValue(directory, out var files) && files.Where(f => BaseNames.Contains(NameOf(f)) && f != path).ToList() is { Count: > 0 } bases)
            {
                return bases;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the add-on cannot stand on its own without the base: it overrides a service of the base partially (no
    /// image, build or extends of its own, or only an image swapped on a fuller service: <c>db: image: postgres:17</c>), or refers to a service, volume, network, secret or config that it does not
    /// define and the base does. A complete alternative file (every service with its image, every name its own) is not
    /// an add-on, even when it reuses the base's service names; nor is a URL to a host evidence (a production file
    /// pointing at a service only the development file runs is the error JSI2015 is for).
    /// </summary>
    private static bool NeedsBase(ComposeDocument addOn, ComposeDocument baseFile)
    {
        var ownServices = addOn.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var ownResources = addOn.Volumes.Concat(addOn.Networks).Concat(addOn.Secrets).Concat(addOn.Configs).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var services = baseFile.Services.Select(s => s.Name).Where(n => !ownServices.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var resources = baseFile.Volumes.Concat(baseFile.Networks).Concat(baseFile.Secrets).Concat(baseFile.Configs).Select(d => d.Name).Where(n => !ownResources.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var baseServices = baseFile.Services.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var service in addOn.Services)
        {
            if (baseServices.TryGetValue(service.Name, out var original) && (ComposeFacts.IsPartial(service) || IsImageSwap(service, original))
                || service.DependsOn.Any(d => services.Contains(d.Service.Value))
                || service.Links.Any(l => services.Contains(l.Value.Split(':')[0]))
                || service.Extends is { File: null, Service: { } extended } && services.Contains(extended.Value)
                || service.NetworkMode is { } mode && mode.Value.StartsWith("service:", StringComparison.Ordinal) && services.Contains(mode.Value["service:".Length..])
                || service.VolumesFrom.Any(v => services.Contains(v.Value.Split(':')[v.Value.StartsWith("service:", StringComparison.Ordinal) ? 1 : 0]))
                || service.Volumes.Any(v => v.Kind == ComposeVolumeKind.Named && v.Source is { } source && resources.Contains(source.Value))
                || service.Networks.Any(n => resources.Contains(n.Name.Value))
                || service.Secrets.Any(s => resources.Contains(s.Name.Value))
                || service.Configs.Any(c => resources.Contains(c.Name.Value)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A redefinition that only swaps the image (<c>db: image: postgres:17</c>) of a fuller service: an override, not a service of its own.</summary>
    private static bool IsImageSwap(ComposeService service, ComposeService original) =>
        service.Mapping?.ResolvedEntries.Select(e => e.KeyText).ToList() is ["image"] && (original.Mapping?.ResolvedEntries.Count() ?? 0) > 1;

    private static bool IsOverride(string name) =>
        OverrideNames.Contains(name) || IsOverrideTemplate(name);

    private static bool IsOverrideTemplate(string name) =>
        TemplateSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal) && OverrideNames.Contains(name[..^suffix.Length]));

    private static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string DirectoryOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : string.Empty;

    private static string? Parent(string directory) => directory.Length == 0 ? null : DirectoryOf(directory);
}

/// <summary>The project a fragment most likely belongs to (<see cref="ComposeProjects.FindCandidateProject"/>).</summary>
/// <param name="Bases">The base files it would be merged with, for messages.</param>
/// <param name="Scope">Those files and everything they are used together with or include.</param>
internal sealed record CandidateProject(IReadOnlyList<string> Bases, IReadOnlyList<ComposeDocument> Scope);
