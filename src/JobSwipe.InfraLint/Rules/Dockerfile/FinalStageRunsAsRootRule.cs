using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1002: the final image runs as root (no USER, or the last USER is root/0). Reported where the fix goes: the root
/// USER, or the final stage's first CMD/ENTRYPOINT (the USER goes before it), with the final FROM as its other place.
/// </summary>
public sealed partial class FinalStageRunsAsRootRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1002", "Image runs as root",
        "{0}; {1}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "The final image runs its process as root: the final stage (and the stages it is based on) has no USER instruction, or the last USER is root or 0. A compromised process then owns the whole container. Build stages that never become the final image are not checked.");

    private static readonly string[] PrivilegeDroppers = ["gosu", "su-exec", "setpriv", "chroot --userspec", "s6-setuidgid", "runuser", "setuser"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            DockerfileDocument model = ctx.Model;
            if (model.FinalStage is not { } final)
            {
                return;
            }

            DockerInstruction? lastUser = model.InheritedNewestFirst(final).FirstOrDefault(i => i.Kind == DockerInstructionKind.User);
            if (lastUser is not null)
            {
                string user = lastUser.Expand(lastUser.ArgumentsText).Value.Trim();
                string name = user.Split(':')[0];
                if (name is "root" or "0" && !EntrypointScriptDropsPrivileges(ctx.Repository, model, final))
                {
                    ctx.Report(Descriptor, lastUser.Arguments.Count > 0 ? lastUser.Arguments[0].Span : lastUser.KeywordSpan, NeedsRoot(model, final) || IsDevelopmentImage(ctx.File, final), $"the last USER of the final image is {name}", Suggestion(model, final));
                }

                return;
            }

            FromInstruction root = model.RootFrom(final);
            if (!BaseRunsAsRoot(root) || DropsPrivilegesAtStart(model, final) || IsToolboxImage(model, final) || EntrypointScriptDropsPrivileges(ctx.Repository, model, final))
            {
                return;
            }

            // FROM scratch holds one static binary: root there owns nothing else, so the finding is info with a numeric USER.
            bool lowered = root.ImageReference?.IsScratch == true || NeedsRoot(model, final) || IsDevelopmentImage(ctx.File, final);

            // The finding points where the fix goes: the USER belongs just before the final stage's first CMD or
            // ENTRYPOINT (after the RUNs that need root), or at the end of the final stage when it inherits its command.
            // The final FROM, which says which image runs as root, is its other place.
            DockerInstruction fixAt = final.Instructions.FirstOrDefault(i => i.Kind is DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint)
                ?? (final.Instructions.Count > 0 ? final.Instructions[^1] : final.From);
            var diagnostic = Diagnostic.Create(
                Descriptor,
                ctx.GetLocation(fixAt.KeywordSpan),
                ReferenceEquals(fixAt, final.From) ? [] : [ctx.GetLocation(final.From.KeywordSpan)],
                "the final image sets no USER, so it runs as root",
                Suggestion(model, final));
            ctx.ReportDiagnostic(lowered ? diagnostic.Lowered() : diagnostic);
        });

    // A Dockerfile of a development, test or sample location, or whose final stage is a development environment
    // (`FROM builder AS dev-envs`, `AS development`, `AS test`).
    private static bool IsDevelopmentImage(WorkspaceFile file, DockerStage final) =>
        DeploymentContext.IsSampleOrDevelopmentStack(file)
        || final.Name is { } name && name.ToLowerInvariant().Split('-', '_', '.').Any(p => p is "dev" or "development" or "devcontainer" or "test" or "tests" or "debug");

    private static string Suggestion(DockerfileDocument model, DockerStage final) =>
        model.RootFrom(final).ImageReference?.IsScratch == true
            ? "a scratch image has no useradd or /etc/passwd: switch to a numeric user with USER 65532:65532 before CMD"
            : NeedsRoot(model, final)
                ? "LiteFS mounts a FUSE file system and needs root: keep it, or drop privileges in the exec command LiteFS starts"
                : "add a non-root user (RUN useradd ...) and switch to it with USER before CMD";

    // LiteFS (`litefs mount` as the entrypoint, the binary copied from flyio/litefs) mounts a FUSE file system, which needs root.
    private static bool NeedsRoot(DockerfileDocument model, DockerStage final) =>
        model.InheritedNewestFirst(final).Any(i =>
            i is CopyInstruction { From.Value: { } from } && from.Contains("litefs", StringComparison.OrdinalIgnoreCase)
            || i is CommandInstruction { Kind: DockerInstructionKind.Entrypoint or DockerInstructionKind.Cmd } c
               && (c.ShellCommand?.Text ?? string.Join(' ', c.ExecArguments.Select(a => a.Text))).Contains("litefs mount", StringComparison.Ordinal));

    // Official images whose entrypoint or master process drops to an unprivileged user (gosu, worker processes) or that need root (dind).
    private static readonly HashSet<string> PrivilegeDroppingOfficialImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "mysql", "mariadb", "mongo", "redis", "valkey", "rabbitmq", "cassandra", "couchdb", "ghost", "elasticsearch", "neo4j", "nginx", "httpd",
        "wordpress", "drupal", "joomla", "nextcloud", "matomo", "docker", "memcached", "haproxy",
    };

    // Namespaced images known to run as root by default (their USER is not inherited as non-root).
    private static readonly string[] KnownRootPrefixes =
    [
        "mcr.microsoft.com/dotnet/", "mcr.microsoft.com/playwright", "gcr.io/distroless/", "ghcr.io/astral-sh/uv", "nvidia/cuda", "pytorch/pytorch", "tensorflow/tensorflow",
        "continuumio/", "condaforge/", "registry.access.redhat.com/ubi", "public.ecr.aws/docker/library/", "docker.io/library/", "library/",
    ];

    /// <summary>
    /// True when the image the final stage starts from is known to run as root: an official Docker Hub image (python,
    /// node, debian...) that does not drop privileges itself, or a known root image. Other images may set a USER the
    /// final image inherits (unknown is not root), and ARG-supplied images are unresolved.
    /// </summary>
    private static bool BaseRunsAsRoot(FromInstruction from)
    {
        if (from.ResolvedImage is not { IsResolved: true } resolved || from.ImageReference is not { } reference)
        {
            return false;
        }

        string image = resolved.Value;
        if (image.Contains("nonroot", StringComparison.OrdinalIgnoreCase) || image.Contains("rootless", StringComparison.OrdinalIgnoreCase)
            || image.Contains("non-root", StringComparison.OrdinalIgnoreCase) || image.Contains("unprivileged", StringComparison.OrdinalIgnoreCase)
            || reference.Repository.Contains("windows", StringComparison.OrdinalIgnoreCase) || reference.Repository.Contains("nanoserver", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (reference.IsScratch)
        {
            return true;
        }

        if (reference.IsOfficial)
        {
            string repository = reference.Name;
            bool phpServer = repository == "php" && reference.Tag is { } tag && (tag.Contains("fpm", StringComparison.OrdinalIgnoreCase) || tag.Contains("apache", StringComparison.OrdinalIgnoreCase));
            return !PrivilegeDroppingOfficialImages.Contains(repository) && !phpServer;
        }

        return KnownRootPrefixes.Any(p => image.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    // A base or toolbox image, not an application (no CMD/ENTRYPOINT, or a bare interpreter or shell: CMD ["python3"]), or a server that drops privileges for its workers.
    private static bool IsToolboxImage(DockerfileDocument model, DockerStage final)
    {
        var command = model.InheritedNewestFirst(final).OfType<CommandInstruction>()
            .FirstOrDefault(i => i.Kind is DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint);
        if (command is null)
        {
            return true;
        }

        string text = command.IsExecForm ? string.Join(' ', command.ExecArguments.Select(a => a.Text)) : command.ShellCommand?.Text ?? "";
        string first = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        first = first[(first.LastIndexOf('/') + 1)..];

        // Servers whose master process starts as root and runs its workers as an unprivileged user, also as the command a
        // shell-form CMD finally execs (`. /etc/apache2/envvars && exec apache2 -D FOREGROUND`).
        if (PrivilegeDroppingServer().IsMatch(text))
        {
            return true;
        }

        if (first is "php-fpm" or "apache2-foreground" or "httpd-foreground" or "nginx" or "httpd" or "apache2ctl" || first.StartsWith("php-fpm", StringComparison.Ordinal))
        {
            return true;
        }

        string[] words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return command.Kind == DockerInstructionKind.Cmd && (words.Length == 1 || words.Length == 2 && words[1].StartsWith('-'))
            && (first is "python" or "python3" or "irb" or "node" or "bash" or "sh" or "ash" or "zsh" or "pwsh" or "jshell" or "iex" or "erl" or "ghci" or "julia" or "R" or "ruby" or "php" or "perl" or "lua" or "bun" or "deno" or "dotnet" or "gradle" or "mvn" or "go" or "swift" or "java" or "clojure" or "lein" or "scala" or "sbt" or "elixir" or "groovy" or "haxe" or "pypy" or "pypy3"
                || first.StartsWith("python3.", StringComparison.Ordinal));
    }

    // The entrypoint or command is a script of the repository (entrypoint.sh) that starts as root and re-executes itself
    // or the app as another user (su-exec, gosu, setpriv…): found by its file name among the repository's scripts.
    private static bool EntrypointScriptDropsPrivileges(Repository repository, DockerfileDocument model, DockerStage final)
    {
        var command = model.InheritedNewestFirst(final).OfType<CommandInstruction>().FirstOrDefault(i => i.Kind == DockerInstructionKind.Entrypoint)
            ?? model.InheritedNewestFirst(final).OfType<CommandInstruction>().FirstOrDefault(i => i.Kind == DockerInstructionKind.Cmd);
        string first = command is null ? string.Empty : command.IsExecForm ? command.ExecArguments.FirstOrDefault()?.Text ?? string.Empty : command.ShellCommand?.Text.Trim().Split(' ')[0] ?? string.Empty;
        string name = first[(first.LastIndexOf('/') + 1)..];
        if (name.Length == 0 || !name.Contains('.', StringComparison.Ordinal) && !name.Contains("entrypoint", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return repository.Files.Any(f => f.Name == name && repository.GetText(f)?.Content is { } text && PrivilegeDroppers.Any(p => text.Contains(p, StringComparison.Ordinal)));
    }

    // The docker-library pattern: the entrypoint starts as root and drops to an unprivileged user with gosu/su-exec.
    private static bool DropsPrivilegesAtStart(DockerfileDocument model, DockerStage final)
    {
        foreach (DockerInstruction instruction in model.InheritedNewestFirst(final))
        {
            if (instruction is CommandInstruction { Kind: DockerInstructionKind.Run or DockerInstructionKind.Entrypoint or DockerInstructionKind.Cmd } command)
            {
                string text = command.ShellCommand?.Text ?? string.Join(' ', command.ExecArguments.Select(a => a.Text));
                if (PrivilegeDroppers.Any(p => text.Contains(p, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"(^|\bexec\s+)(/usr/s?bin/)?(apache2(ctl)?|httpd|nginx|php-fpm[\d.]*)\s+-", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PrivilegeDroppingServer();
}
