using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>
/// The catalog of every built-in descriptor (../shared/spec/rules.md). IDs and default severities are a
/// public contract: never renumber or reuse an ID. Each rule class references its descriptors from here;
/// docs/rules/&lt;ID&gt;.md and the README table are checked against this catalog by a test.
/// </summary>
public static class Descriptors
{
    private const string Engine = "Engine";
    private const string Dockerfile = "Dockerfile";
    private const string Compose = "Compose";
    private const string Fly = "Fly";
    private const string Scripts = "Scripts";
    private const string Secrets = "Secrets";
    private const string Entrypoints = "Entrypoints";
    private const string Repository = "Repository";

    // JSI0xxx: the engine itself.
    public static readonly DiagnosticDescriptor ParseError = new(
        "JSI0001", "File cannot be parsed", "{0} cannot be parsed: {1}; its other rules were skipped", Engine, DiagnosticSeverity.Warning,
        "A file of a known kind has a syntax error (YAML or TOML syntax, an unterminated Dockerfile continuation or heredoc, an unterminated shell quote). The finding points at the error; the file's other rules are skipped and the other files are still linted.");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "JSI0002", "Configuration is invalid", "{0}", Engine, DiagnosticSeverity.Warning,
        "InfraLint's configuration is invalid: an unknown rule ID or severity in .editorconfig, a malformed or unknown suppression comment, or an unreadable baseline file.");

    public static readonly DiagnosticDescriptor FileSkipped = new(
        "JSI0003", "File skipped", "{0} was skipped: {1}", Engine, DiagnosticSeverity.Info,
        "A file was not linted because it is too large, binary, unreadable, or reached through a symbolic link loop or a link out of the root.");

    public static readonly DiagnosticDescriptor RuleFailed = new(
        "JSI0004", "A rule failed", "rule {0} failed on this file ({1}); the other rules still ran. Please report this file's shape to the InfraLint maintainers", Engine, DiagnosticSeverity.Warning,
        "A rule threw an exception while analysing a file. The other rules still run and the build goes on; the finding names the rule and the file so the problem can be reported.");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "JSI0005", "File is not valid UTF-8", "{0} is not valid UTF-8; invalid bytes were replaced before linting", Engine, DiagnosticSeverity.Info,
        "A file of a known kind contains bytes that are not valid UTF-8. InfraLint decodes them as replacement characters and lints the file; the finding points at the first invalid byte.");

    // JSI1xxx: Dockerfiles.
    public static readonly DiagnosticDescriptor SingleStageBuildWithToolchain = new(
        "JSI1001", "Build toolchain in a single-stage image",
        "the only stage installs the build toolchain {0}, so it ships in the final image; build in a separate stage and copy only the results into a slim runtime stage", Dockerfile, DiagnosticSeverity.Info,
        "A single-stage Dockerfile installs compilers or development headers (gcc, g++, build-essential, make, *-dev / *-devel packages, node-gyp). They stay in the image that runs in production: larger, slower to pull, and more attack surface. A multi-stage build compiles in a builder stage and copies only the artefacts into the runtime stage.");

    public static readonly DiagnosticDescriptor FinalStageRunsAsRoot = new(
        "JSI1002", "Image runs as root",
        "{0}; add a non-root user (RUN useradd ...) and switch to it with USER before CMD", Dockerfile, DiagnosticSeverity.Warning,
        "The final image runs its process as root: the final stage (and the stages it is based on) has no USER instruction, or the last USER is root or 0. A compromised process then owns the whole container. Build stages that never become the final image are not checked.");

    public static readonly DiagnosticDescriptor FinalStageWithoutHealthcheck = new(
        "JSI1003", "Image has no HEALTHCHECK",
        "the final image ('{0}') has no HEALTHCHECK; add one (HEALTHCHECK CMD ...) so Docker and orchestrators can tell a hung container from a healthy one", Dockerfile, DiagnosticSeverity.Info,
        "The final stage (and the stages it is based on) declares no HEALTHCHECK. Docker, Compose and Swarm then only know whether the process is alive, not whether it serves. Build stages that never become the final image are not checked; HEALTHCHECK NONE counts as a deliberate choice.");

    public static readonly DiagnosticDescriptor PlaywrightBrowsersMissing = new(
        "JSI1004", "Playwright browsers missing from the image",
        "the application depends on Playwright ({0}) but the final image never installs its browsers; add RUN playwright install --with-deps chromium (or npx playwright install --with-deps) to the final stage, or base it on mcr.microsoft.com/playwright", Dockerfile, DiagnosticSeverity.Error,
        "A dependency manifest in the Dockerfile's build context (requirements*.txt, pyproject.toml, Pipfile or package.json, production dependencies only) lists Playwright, but the final image neither runs `playwright install`, nor is based on a mcr.microsoft.com/playwright image, nor copies the browsers (an ms-playwright folder) from a stage that installed them. Every browser automation then fails at run time.");

    public static readonly DiagnosticDescriptor UnpinnedBaseImage = new(
        "JSI1005", "Base image not pinned",
        "base image '{0}' {1}; pin a version tag ({2}:<version>) or a digest so builds are reproducible", Dockerfile, DiagnosticSeverity.Warning,
        "A FROM names an image without a tag (which means :latest) or with :latest. The image changes under the build without notice. Not reported: scratch, build stage names, digests, and images whose name comes from an ARG without a known default (unresolved is not latest).");

    public static readonly DiagnosticDescriptor AptInstallWithoutCleanup = new(
        "JSI1006", "apt-get install leaves caches or recommends",
        "{0}", Dockerfile, DiagnosticSeverity.Info,
        "apt-get install without --no-install-recommends pulls in packages nobody asked for; apt-get update without removing /var/lib/apt/lists in the same RUN keeps the package lists in a layer. A cache mount on /var/lib/apt exempts the list removal.");

    public static readonly DiagnosticDescriptor RemoteScriptPipedToShell = new(
        "JSI1007", "Remote script piped into a shell",
        "{0} downloads a script and pipes it into {1}; download it to a file, verify its checksum or signature, then run it", Dockerfile, DiagnosticSeverity.Warning,
        "A RUN pipes the output of curl or wget straight into a shell (`curl ... | sh`). Whatever the server sends at build time runs as root in the image, unverified, and the build is not reproducible.");

    public static readonly DiagnosticDescriptor SecretInImage = new(
        "JSI1008", "Secret baked into the image",
        "{0} '{1}' has a hard-coded value that is stored in the image{2}; pass it at run time (environment, secrets store) or at build time with RUN --mount=type=secret", Dockerfile, DiagnosticSeverity.Error,
        "An ENV or ARG with a secret-like name (password, token, secret, API key...) has a literal value. ENV values are in every container's environment and in `docker inspect`; ARG defaults are in the image history. Anyone who can pull the image can read them. Values that are references (${VAR}) or flags (true/false) are not reported, and the value is never printed.");

    public static readonly DiagnosticDescriptor SecretFilesInBuildContext = new(
        "JSI1009", "Secret files copied into the image",
        "{0} copies the whole build context '{1}', which holds {2} that no .dockerignore excludes; add them to {3}", Dockerfile, DiagnosticSeverity.Error,
        "A COPY or ADD of the whole build context (`.`) while the context holds .env files, private keys (*.pem, *.key, id_rsa*) or credential files that the .dockerignore does not exclude. They end up in the image for anyone who pulls it.");

    public static readonly DiagnosticDescriptor UnknownOrDuplicateStage = new(
        "JSI1010", "Unknown or duplicate build stage",
        "{0}", Dockerfile, DiagnosticSeverity.Error,
        "COPY --from names a stage that no earlier FROM ... AS defines (BuildKit then pulls an image of that name, which usually fails or copies from the wrong image), names its own stage, or two stages share a name.");

    public static readonly DiagnosticDescriptor RepeatedCmdOrEntrypoint = new(
        "JSI1011", "CMD or ENTRYPOINT repeated in a stage",
        "this {0} has no effect: the {0} on line {1} replaces it; remove one of them", Dockerfile, DiagnosticSeverity.Warning,
        "A stage has more than one CMD or more than one ENTRYPOINT. Only the last one takes effect, so the others mislead readers.");

    public static readonly DiagnosticDescriptor ShellFormCommand = new(
        "JSI1012", "Shell-form CMD or ENTRYPOINT",
        "{0} in shell form runs under /bin/sh -c, which does not forward SIGTERM to the application; use the exec form {0} [\"executable\", \"arg\"] (or start the command with exec)", Dockerfile, DiagnosticSeverity.Info,
        "CMD or ENTRYPOINT written as plain text runs as `/bin/sh -c \"...\"`: the shell is PID 1 and does not pass signals on, so `docker stop` waits for the timeout and kills the application. A shell form that starts with `exec` is not reported.");

    public static readonly DiagnosticDescriptor AddInsteadOfCopy = new(
        "JSI1013", "ADD used for local files",
        "ADD of the local {0} '{1}' does nothing COPY would not; use COPY (ADD is for URLs and archives to extract)", Dockerfile, DiagnosticSeverity.Info,
        "ADD copies local files like COPY, but also fetches URLs and unpacks archives. For plain local files COPY says what happens; ADD hides surprises. URLs, git sources, archives and heredocs are not reported.");

    public static readonly DiagnosticDescriptor PipInstallKeepsCache = new(
        "JSI1014", "pip install keeps its cache",
        "pip install without --no-cache-dir keeps the download cache in the layer; add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use RUN --mount=type=cache,target=/root/.cache/pip", Dockerfile, DiagnosticSeverity.Info,
        "pip install keeps downloaded wheels in ~/.cache/pip, inside the image layer. Not reported when --no-cache-dir is given, PIP_NO_CACHE_DIR is set (ENV or in the RUN), or a cache mount holds the pip cache.");

    public static readonly DiagnosticDescriptor PipeWithoutPipefail = new(
        "JSI1015", "Pipe without pipefail",
        "the pipe into '{0}' hides a failure of '{1}': without pipefail only the last command's status counts; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or start the RUN with set -o pipefail", Dockerfile, DiagnosticSeverity.Info,
        "A RUN pipes one command into another without `set -o pipefail`. When the first command fails (a download, a build), the RUN still succeeds and the image is built broken. Not reported when SHELL sets -o pipefail or the RUN sets it before the pipe.");

    public static readonly DiagnosticDescriptor CdInsteadOfWorkdir = new(
        "JSI1016", "cd used instead of WORKDIR",
        "cd {0} changes the directory for the rest of this RUN only; use WORKDIR {0} for the instructions that follow", Dockerfile, DiagnosticSeverity.Info,
        "A RUN starts with `cd dir && ...` to set the working directory for its commands. WORKDIR does that for every later instruction and is visible in the image. `cd` inside a subshell or a command group is not reported.");

    public static readonly DiagnosticDescriptor RelativeWorkdir = new(
        "JSI1017", "Relative WORKDIR",
        "WORKDIR '{0}' is relative, so it depends on the base image's working directory; use an absolute path such as /{0}", Dockerfile, DiagnosticSeverity.Warning,
        "A WORKDIR with a relative path is resolved against the working directory the base image happens to set. Not reported when an earlier WORKDIR of the stage (or a stage it is based on) set an absolute path, or for paths that start with a variable.");

    public static readonly DiagnosticDescriptor DeprecatedMaintainer = new(
        "JSI1018", "Deprecated MAINTAINER",
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"...\"", Dockerfile, DiagnosticSeverity.Info,
        "The MAINTAINER instruction is deprecated since Docker 1.13. A LABEL (org.opencontainers.image.authors) carries the same information where tools look for it.");

    public static readonly DiagnosticDescriptor SshInImage = new(
        "JSI1019", "SSH server in the image",
        "{0}; containers are entered with docker exec (or fly ssh console), not an SSH daemon: remove it", Dockerfile, DiagnosticSeverity.Warning,
        "The image exposes port 22 or installs an SSH server (openssh-server, dropbear). An SSH daemon in a container is another service to patch and another set of credentials to leak.");

    public static readonly DiagnosticDescriptor SudoInRun = new(
        "JSI1020", "sudo in RUN",
        "sudo in RUN: build steps already run as root (or switch with USER root ... USER app); remove sudo", Dockerfile, DiagnosticSeverity.Warning,
        "RUN uses sudo. Build steps run as the current USER; sudo adds a setuid binary to the image and unpredictable TTY and environment behaviour. Switch USER around the steps that need root instead.");

    public static readonly DiagnosticDescriptor CopySourceMissing = new(
        "JSI1021", "COPY source not in the build context",
        "{0}", Dockerfile, DiagnosticSeverity.Error,
        "A COPY or ADD source does not exist in the build context (the Dockerfile's folder, or the context a compose file or Fly config gives it), a glob matches nothing, or the .dockerignore excludes it: the build fails. Sources with variables, URLs, --from copies and heredocs are not checked; build output folders (dist, build, bin...) that are usually produced before the image build are not reported.");

    // (end of JSI1xxx)

    // JSI2xxx: Docker Compose files.
    public static readonly DiagnosticDescriptor ServiceInDevelopmentMode = new(
        "JSI2001", "Service runs in development mode",
        "service '{0}' runs {1} in development mode ({2}); {3}", Compose, DiagnosticSeverity.Warning,
        "A service is started in a development mode: Vault's `server -dev` or VAULT_DEV_ROOT_TOKEN_ID (in-memory storage, unsealed, a known root token), or another server with a dev, debug or auto-reload flag. Such a service loses data on restart and exposes debugging surfaces.",
        productionSeverity: DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "JSI2002", "Key defined twice",
        "{0} '{1}' is defined twice in this mapping (first on line {2}); only the last definition takes effect", Compose, DiagnosticSeverity.Warning,
        "A key appears twice in one YAML mapping, or a variable twice in a list-form environment. YAML parsers keep one of the two silently, so one definition is lost; usually the one the author meant to change.");

    // (end of JSI2xxx)

    // JSI3xxx: Fly.io configuration.

    // (end of JSI3xxx)

    // JSI4xxx: deploy and release scripts.

    // (end of JSI4xxx)

    // JSI5xxx: environment files and secrets.

    // (end of JSI5xxx)

    // JSI6xxx: process entrypoints.

    // (end of JSI6xxx)

    // JSI7xxx: the repository as a whole.

    // (end of JSI7xxx)
}
