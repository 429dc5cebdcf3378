using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>
/// The catalog of every built-in rule's descriptor (../shared/spec/rules.md); the engine's own (JSI0001-JSI0006) are in
/// Diagnostics/EngineDescriptors.cs. IDs and default severities are a
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

    // JSI1xxx: Dockerfiles.
    public static readonly DiagnosticDescriptor SingleStageBuildWithToolchain = new(
        "JSI1001", "Build toolchain in a single-stage image",
        "the only stage installs the build toolchain {0}, so it ships in the final image; build in a separate stage and copy only the results into a slim runtime stage", Dockerfile, DiagnosticSeverity.Info,
        "A single-stage Dockerfile installs compilers or development headers (gcc, g++, build-essential, make, *-dev / *-devel packages, node-gyp). They stay in the image that runs in production: larger, slower to pull, and more attack surface. A multi-stage build compiles in a builder stage and copies only the artefacts into the runtime stage.");

    public static readonly DiagnosticDescriptor FinalStageRunsAsRoot = new(
        "JSI1002", "Image runs as root",
        "{0}; {1}", Dockerfile, DiagnosticSeverity.Warning,
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
        "apt-get install without --no-install-recommends pulls in packages nobody asked for; apt-get update without removing /var/lib/apt/lists in the same RUN keeps the package lists in a layer. A cache mount on /var/lib/apt exempts the list removal.", fix: FixAvailability.Safe);

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
        "A stage has more than one CMD or more than one ENTRYPOINT. Only the last one takes effect, so the others mislead readers.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor ShellFormCommand = new(
        "JSI1012", "Shell-form CMD or ENTRYPOINT",
        "{0} in shell form runs under /bin/sh -c, which does not forward SIGTERM to the application; use the exec form {0} [\"executable\", \"arg\"] (or start the command with exec)", Dockerfile, DiagnosticSeverity.Info,
        "CMD or ENTRYPOINT written as plain text runs as `/bin/sh -c \"...\"`: the shell is PID 1 and does not pass signals on, so `docker stop` waits for the timeout and kills the application. A shell form that starts with `exec` is not reported.", fix: FixAvailability.Unsafe);

    public static readonly DiagnosticDescriptor AddInsteadOfCopy = new(
        "JSI1013", "ADD used for local files",
        "ADD of the local {0} '{1}' does nothing COPY would not; use COPY (ADD is for URLs and archives to extract)", Dockerfile, DiagnosticSeverity.Info,
        "ADD copies local files like COPY, but also fetches URLs and unpacks archives. For plain local files COPY says what happens; ADD hides surprises. URLs, git sources, archives and heredocs are not reported.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor PipInstallKeepsCache = new(
        "JSI1014", "pip install keeps its cache",
        "pip install without --no-cache-dir keeps the download cache in the layer; add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use RUN --mount=type=cache,target=/root/.cache/pip", Dockerfile, DiagnosticSeverity.Info,
        "pip install keeps downloaded wheels in ~/.cache/pip, inside the image layer. Not reported when --no-cache-dir is given, PIP_NO_CACHE_DIR is set (ENV or in the RUN), or a cache mount holds the pip cache.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor PipeWithoutPipefail = new(
        "JSI1015", "Pipe without pipefail",
        "the pipe into '{0}' hides a failure of '{1}': without pipefail only the last command's status counts; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or start the RUN with set -o pipefail", Dockerfile, DiagnosticSeverity.Info,
        "A RUN pipes one command into another without `set -o pipefail`. When the first command fails (a download, a build), the RUN still succeeds and the image is built broken. Not reported when SHELL sets -o pipefail or the RUN sets it before the pipe.", fix: FixAvailability.Unsafe);

    public static readonly DiagnosticDescriptor CdInsteadOfWorkdir = new(
        "JSI1016", "cd used instead of WORKDIR",
        "cd {0} changes the directory for the rest of this RUN only; use WORKDIR {0} for the instructions that follow", Dockerfile, DiagnosticSeverity.Info,
        "A RUN starts with `cd dir && ...` to set the working directory for its commands. WORKDIR does that for every later instruction and is visible in the image. `cd` inside a subshell or a command group is not reported.");

    public static readonly DiagnosticDescriptor RelativeWorkdir = new(
        "JSI1017", "Relative WORKDIR",
        "WORKDIR '{0}' is relative, so it depends on the base image's working directory; use an absolute path such as /{0}", Dockerfile, DiagnosticSeverity.Warning,
        "A WORKDIR with a relative path is resolved against the working directory the base image happens to set. Not reported when an earlier WORKDIR of the stage (or a stage it is based on) set an absolute path, or for paths that start with a variable.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor DeprecatedMaintainer = new(
        "JSI1018", "Deprecated MAINTAINER",
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"...\"", Dockerfile, DiagnosticSeverity.Info,
        "The MAINTAINER instruction is deprecated since Docker 1.13. A LABEL (org.opencontainers.image.authors) carries the same information where tools look for it.", fix: FixAvailability.Safe);

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
        "A key appears twice in one YAML mapping, or a variable twice in a list-form environment. YAML parsers keep one of the two silently, so one definition is lost; usually the one the author meant to change.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor HardCodedCredential = new(
        "JSI2003", "Hard-coded credential",
        "{0} has a hard-coded {1} in service '{2}'; {3}", Compose, DiagnosticSeverity.Warning,
        "A secret-like variable (*PASSWORD*, *SECRET*, *TOKEN*, *_KEY, *CREDENTIALS*) has a literal value, or a URL carries an inline password, in a compose file. Anyone with the repository has the credential, and it ends up in image histories and logs. Take it from the environment (${VAR}) or a Compose secret.",
        productionSeverity: DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoMemoryLimit = new(
        "JSI2004", "Service has no memory limit",
        "service '{0}' has no memory limit; set deploy.resources.limits.memory (or mem_limit) so that it cannot exhaust the host's memory", Compose, DiagnosticSeverity.Info,
        "A service without deploy.resources.limits.memory or mem_limit can take all the host's memory; the kernel's OOM killer then picks a victim, often the database.",
        productionSeverity: DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndefinedServiceReference = new(
        "JSI2005", "Reference to an undefined service",
        "service '{0}' refers to '{1}' in {2}, but no service of that name is defined{3}; define it or fix the name", Compose, DiagnosticSeverity.Error,
        "depends_on, links, extends, network_mode: service:… and volumes_from name a service that neither the file nor the files it is merged with define. Compose refuses to start the project.");

    public static readonly DiagnosticDescriptor StatefulServiceWithoutVolume = new(
        "JSI2006", "Stateful service without a data volume",
        "service '{0}' runs {1}, but nothing is mounted on its data directory {2}; mount a named volume there (e.g. `{0}_data:{2}`) or its data is lost when the container is recreated", Compose, DiagnosticSeverity.Info,
        "A database, object store, broker or model server keeps its data in a directory of the container. Without a named volume or bind mount on that directory (or a parent), `docker compose down`, a recreate or an image upgrade loses the data.",
        productionSeverity: DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndeclaredResource = new(
        "JSI2007", "Named resource not declared",
        "service '{0}' uses the {1} '{2}', which is not declared under the top-level `{3}:` key{4}; declare it there", Compose, DiagnosticSeverity.Error,
        "A named volume, network, secret or config used by a service must be declared at the top level of the file or of a file it is merged with; Compose refuses to start the project otherwise.");

    public static readonly DiagnosticDescriptor UnpinnedImage = new(
        "JSI2008", "Image without a pinned tag",
        "image '{0}' of service '{1}' {2}; pin a version tag (or a digest) so that every pull gets the same image", Compose, DiagnosticSeverity.Info,
        "An image without a tag, or with `latest`, changes under you: a pull or a new host silently runs another version.",
        productionSeverity: DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DatastorePortOnAllInterfaces = new(
        "JSI2009", "Datastore port published on all interfaces",
        "service '{0}' publishes {1} port {2} on all interfaces; bind it to 127.0.0.1 (`127.0.0.1:{3}:{2}`) or drop the mapping and reach it over the compose network", Compose, DiagnosticSeverity.Warning,
        "In a production compose file a database, cache, broker, search or secrets-store port is published without a host IP (or with 0.0.0.0/::), so it is reachable from every network the host is on; Docker's published ports bypass host firewalls such as ufw.");

    public static readonly DiagnosticDescriptor HostPrivilegeGranted = new(
        "JSI2010", "Service has host-level privileges",
        "service '{0}' {1}; {2}", Compose, DiagnosticSeverity.Warning,
        "privileged: true, the Docker socket mounted, network_mode: host or cap_add SYS_ADMIN/ALL give the container control of the host: a compromise of that service is a compromise of the machine.");

    public static readonly DiagnosticDescriptor HealthyConditionWithoutHealthcheck = new(
        "JSI2011", "Waiting for a health status that never comes",
        "service '{0}' waits for '{1}' to be healthy, but '{1}' has no healthcheck ({2}); add a healthcheck to '{1}' or use condition: service_started", Compose, DiagnosticSeverity.Error,
        "depends_on with condition: service_healthy needs a healthcheck on the dependency, in the compose file or its image's Dockerfile. Without one Compose refuses to start the dependent service.");

    public static readonly DiagnosticDescriptor SourceCodeBindMountedInProduction = new(
        "JSI2012", "Source code bind-mounted in production",
        "service '{0}' bind-mounts the source folder '{1}' over '{2}' in a production file; the container then runs whatever is on the host, not the code its image was built and tested with; COPY the code in the Dockerfile and remove the mount", Compose, DiagnosticSeverity.Warning,
        "A production compose file bind-mounts a folder of the repository that holds source code (or the service's own build context) into the container. Convenient for live reloading in development; in production the image's code is silently replaced by the host's checkout.");

    public static readonly DiagnosticDescriptor ObsoleteVersionKey = new(
        "JSI2013", "Obsolete version key",
        "the top-level `version` key is obsolete: Compose ignores it and prints a warning; remove it", Compose, DiagnosticSeverity.Info,
        "The Compose Specification dropped the `version` key; current Compose ignores it and warns on every command.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor DuplicateContainerNameOrPort = new(
        "JSI2014", "Container name or host port used twice",
        "service '{0}' {1}, which service '{2}' already uses (line {3}); {4}", Compose, DiagnosticSeverity.Error,
        "Two services with the same container_name, or publishing the same host port on overlapping addresses, cannot run together: the second fails to start.");

    public static readonly DiagnosticDescriptor ServiceHostNotDefined = new(
        "JSI2015", "URL points at an undefined service",
        "{0} of service '{1}' points at host '{2}', which is no service of this file{3}; define the service here or point the variable at the real host", Compose, DiagnosticSeverity.Warning,
        "A URL in a service's environment names a bare host (a compose service name) that neither this file nor the files it is merged with define, so the name does not resolve when the stack runs: typically a service that exists only in the development compose file.");

    public static readonly DiagnosticDescriptor SecurityDisabled = new(
        "JSI2016", "Security switched off",
        "service '{0}' switches off {1} ({2}) in a production file; {3}", Compose, DiagnosticSeverity.Warning,
        "A production service turns its built-in security off: OpenSearch's security plugin, Elasticsearch's xpack security, Grafana's anonymous admin, trust authentication, empty passwords, Redis protected mode. Anyone who can reach it has full access.");

    // (end of JSI2xxx)

    // JSI3xxx: Fly.io configuration.
    public static readonly DiagnosticDescriptor ConflictingFlyConfigs = new(
        "JSI3001", "Conflicting Fly configurations",
        "{0} conflicts with another Fly config: {1}; keep one config per app (delete or rename the other)", Fly, DiagnosticSeverity.Warning,
        "Two Fly configs deploy the same app (the same `app` name), so each deploy replaces the other's configuration; or, among configs of the same app, one builds the repository root Dockerfile although another builds the service's own Dockerfile. The finding is on the less specific config and names the other.");

    public static readonly DiagnosticDescriptor NoBuildableFlyImage = new(
        "JSI3002", "Fly app has no buildable image of its own",
        "{0} has no buildable image of its own: {1}", Fly, DiagnosticSeverity.Error,
        "A Fly config whose `fly deploy` cannot build the intended image: its [build] dockerfile does not exist; it names no image, dockerfile or builder and has no Dockerfile next to it; or it has no build configuration while the Dockerfile next to it is the one another app's config builds, so it would deploy that app's image.");

    public static readonly DiagnosticDescriptor MinimalFlyConfig = new(
        "JSI3003", "Minimal Fly configuration",
        "{0} defines a web service but no process groups, no scaling settings and no [[vm]] size; the platform defaults apply (one shared CPU, 256MB). Set [[vm]] memory/cpus and min_machines_running, and [processes] if the app runs workers", Fly, DiagnosticSeverity.Info,
        "A Fly config for an app that serves traffic ([http_service] or [[services]]) with no [processes], no scaling settings (min_machines_running, max_machines_running, auto_stop_machines, auto_start_machines) and no [[vm]] sizing: everything is left to defaults, which rarely fit a production web app.");

    public static readonly DiagnosticDescriptor FlyServiceWithoutHealthChecks = new(
        "JSI3004", "Fly service without health checks",
        "{0} has no health check: Fly routes traffic to machines that are not ready and never notices a hung app; {1}", Fly, DiagnosticSeverity.Warning,
        "An [http_service] or [[services]] section with no health check ([[http_service.checks]], [[services.http_checks]], [[services.tcp_checks]]) and no top-level [checks]. Without checks, deploys cannot tell a broken release and the proxy keeps sending requests to a hung machine.");

    public static readonly DiagnosticDescriptor StatefulFlyAppWithoutMounts = new(
        "JSI3005", "Stateful Fly app without a volume",
        "{0} has no [[mounts]] although {1}: a machine's disk is lost on every deploy and restart; add a volume ([[mounts]] source = \"data\", destination = the data directory)", Fly, DiagnosticSeverity.Error,
        "A stateful app with no [[mounts]]: a database, cache or model-server image (ollama, postgres, mysql, redis, minio, elasticsearch…) as [build] image or as the base of the Dockerfile it builds, or an [env] variable placing models, uploads, data or a SQLite database on local disk (OLLAMA_MODELS, PGDATA, MODELS_DIR, UPLOAD_DIR, DATA_DIR, DATABASE_URL=sqlite:…). A Fly machine's root file system is ephemeral.");

    public static readonly DiagnosticDescriptor InvalidFlyConfiguration = new(
        "JSI3006", "Invalid Fly configuration",
        "{0}", Fly, DiagnosticSeverity.Error,
        "fly.toml does not match Fly's app configuration: a table written as an array of tables or the reverse ([[http_service]], [http_service.checks]), a value of the wrong type or outside its allowed values (auto_stop_machines, strategy, vm size, restart policy, mount sizes and retention), conflicting keys (memory and memory_mb), a process group in processes = [...] that [processes] does not define, or a service without processes while [processes] exists. flyctl fails to load or validate such a file (memory with memory_mb it resolves silently, in favour of memory_mb); InfraLint reports every problem at once.");

    public static readonly DiagnosticDescriptor FlyMigrationsNotRun = new(
        "JSI3007", "Database migrations not run on Fly deploy",
        "{0} deploys code with {1} migrations ({2}) but nothing runs them on deploy: {3}, and no process, image command or deploy script migrates; add [deploy] release_command = \"{4}\"", Fly, DiagnosticSeverity.Warning,
        "The repository has database migrations (alembic, Flask-Migrate, Django, Prisma, Rails, Entity Framework) in the code a Fly app deploys, and nothing runs them: no [deploy] release_command, no process group or image CMD/ENTRYPOINT (or the script it starts) that migrates, and no deploy script (a script running fly deploy) that migrates. New code then runs against an old schema.");

    public static readonly DiagnosticDescriptor FlyInternalPortMismatch = new(
        "JSI3008", "Fly internal_port does not match the app",
        "internal_port is {0} but {1}: Fly's proxy cannot reach the app; set internal_port = {2} or make the app listen on {0}", Fly, DiagnosticSeverity.Error,
        "internal_port differs from the port the app listens on: the port flag of the service's process command (--port, --bind host:port, PORT=), [env] PORT, the port flag of the Dockerfile's CMD or ENTRYPOINT, or, when no command names a port, the Dockerfile's EXPOSE ports. The proxy forwards requests to internal_port, so the app is unreachable and health checks fail.");

    public static readonly DiagnosticDescriptor FlySecretInEnv = new(
        "JSI3009", "Secret in Fly [env]",
        "[env] {0} has a literal value{1}: fly.toml is committed with the code; set it with `fly secrets set {0}=…` and remove it from [env]", Fly, DiagnosticSeverity.Error,
        "A secret-like variable (password, secret, token, API key…) with a literal value in fly.toml's [env]. fly.toml is committed and readable by everyone with the repository; Fly secrets are encrypted and take precedence over [env]. The value is never printed.");

    public static readonly DiagnosticDescriptor FlyAppWithoutHighAvailability = new(
        "JSI3010", "Fly app cannot stay available",
        "{0}: {1}", Fly, DiagnosticSeverity.Info,
        "A production Fly app that serves traffic but cannot stay available: max_machines_running = 1, or auto_stop_machines on with min_machines_running 0 (every machine stops when idle and the next request waits for a cold start).");

    public static readonly DiagnosticDescriptor IgnoredFlyKey = new(
        "JSI3011", "Fly configuration key is ignored",
        "'{0}' is ignored by flyctl: {1}", Fly, DiagnosticSeverity.Warning,
        "A key flyctl silently ignores: unknown or invented (scale_to_zero, http_service.max_machines_running), or left from Fly's older Nomad-based platform (script_checks, restart_limit, processes = [], [experimental] allowed_public_ports). The setting has no effect; the message suggests the valid key when one is close.");

    public static readonly DiagnosticDescriptor BareFlyDuration = new(
        "JSI3012", "Duration without a unit",
        "'{0}' is a bare number: {1}; write the unit explicitly (\"10s\", \"500ms\")", Fly, DiagnosticSeverity.Warning,
        "A duration in fly.toml written as a bare number. flyctl reads it as seconds in kill_timeout, as milliseconds in [[services]] checks, and does not convert it elsewhere; the same number means different things in different places. A string with a unit is unambiguous.");


    public static readonly DiagnosticDescriptor ImpossibleFlyDeployStrategy = new(
        "JSI3013", "Impossible Fly deploy strategy",
        "{0}", Fly, DiagnosticSeverity.Error,
        "A deploy or restart setting that cannot work: strategy canary or bluegreen with [[mounts]] (flyctl rejects canary; bluegreen cannot attach the volumes), bluegreen without any health check (the deploy fails), or [[restart]] policy \"no\" (the Machines API spelling; fly.toml wants \"never\").");

    // (end of JSI3xxx)

    // JSI4xxx: deploy and release scripts.
    public static readonly DiagnosticDescriptor DeployWithoutRollback = new(
        "JSI4001", "Deploy without a rollback path",
        "'{0}' deploys with no rollback path; add a failure trap or branch that redeploys the previous release ({1})", Scripts, DiagnosticSeverity.Warning,
        "A script deploys (fly deploy, kubectl apply, helm upgrade, docker stack deploy, heroku, gcloud run deploy, aws ecs update-service) and nothing in it can go back: no explicit rollback command (kubectl rollout undo, helm rollback, heroku rollback), no deploy that rolls itself back (helm --atomic, fly --strategy bluegreen/canary), and no ERR/EXIT trap or failure branch that redeploys.");

    public static readonly DiagnosticDescriptor DeployWithoutMigrations = new(
        "JSI4002", "Deploy without database migrations",
        "'{0}' deploys {1}, whose code has database migrations ({2}), but neither this script nor the Fly config runs them; add a [deploy] release_command (e.g. 'alembic upgrade head') or a migration step", Scripts, DiagnosticSeverity.Warning,
        "A script deploys an app whose source has database migrations (Alembic, Django, Prisma, Rails, EF Core, Flyway, Liquibase…), and neither the script runs them nor the Fly config it deploys has a release_command. The new code then runs against the old schema.");

    public static readonly DiagnosticDescriptor DeployScriptWithoutErrexit = new(
        "JSI4003", "Deploy script without set -e",
        "'{0}' runs without errexit: a failed step before it does not stop the script; add 'set -euo pipefail' at the top", Scripts, DiagnosticSeverity.Warning,
        "A deploy or release script runs its deploy or release build without `set -e` (or `set -o errexit`, or `-e` on the shebang), so a failed test, build or push before it is ignored and the script deploys anyway.", fix: FixAvailability.Unsafe);

    public static readonly DiagnosticDescriptor ReleaseBuildNeverUploaded = new(
        "JSI4004", "Release build never uploaded to a store",
        "'{0}' builds a release that this script never uploads to a store; add fastlane supply/deliver (or upload_to_play_store/upload_to_testflight), xcrun altool or a Play publisher task", Scripts, DiagnosticSeverity.Error,
        "A mobile release build (flutter build apk/appbundle/ipa/ios, gradlew assembleRelease/bundleRelease, xcodebuild archive) runs in a script that never uploads it to Google Play or the App Store, so releases depend on a manual upload from someone's machine.");

    public static readonly DiagnosticDescriptor ReleaseWithoutVersioning = new(
        "JSI4005", "Release build without version management",
        "'{0}' builds a release with no version management and no release notes; pass --build-name/--build-number (or bump the version), tag the release and keep release notes", Scripts, DiagnosticSeverity.Warning,
        "A release build runs with no version management (no --build-name/--build-number, no version bump of pubspec/gradle/plist, no git tag or fastlane increment_*) and no release notes, so every build carries the same version and stores reject the upload.");

    public static readonly DiagnosticDescriptor ReleaseWithoutTests = new(
        "JSI4006", "Release or deploy without tests",
        "'{0}' runs with no test run before it (in this script, or for CI in this workflow); run the tests (e.g. {1}) before building or deploying", Scripts, DiagnosticSeverity.Warning,
        "A release build or deploy runs with no test command before it in the same script (flutter test, pytest, npm test, dotnet test, go test, cargo test, mvn test, gradlew test, make test…), so a broken build ships.");

    public static readonly DiagnosticDescriptor ReleaseArtifactsNotStored = new(
        "JSI4007", "Release artifacts never stored",
        "'{0}' builds release artifacts that this script never stores or distributes; upload them (bucket, GitHub release, store, Firebase App Distribution)", Scripts, DiagnosticSeverity.Info,
        "A release build produces artifacts that the script never uploads anywhere: no bucket copy, GitHub release, store upload or distribution service. The binaries live only on the build machine.");

    public static readonly DiagnosticDescriptor SecretPrintedByScript = new(
        "JSI4008", "Secret printed or hard-coded in a script",
        "{0}; {1}", Scripts, DiagnosticSeverity.Warning,
        "A script prints a secret (echo/printf of a secret-like variable), traces it (a command expands a secret-like variable while set -x is on), or holds a literal secret. CI logs keep what scripts print.");

    public static readonly DiagnosticDescriptor ScriptRunsRemoteCode = new(
        "JSI4009", "Remote script piped into a shell",
        "'{0}' runs a script downloaded from the network without checking it; download it, verify its checksum or signature, then run it", Scripts, DiagnosticSeverity.Warning,
        "A script runs code fetched from the network directly: curl/wget piped into sh/bash, bash <(curl …), or sh -c \"$(curl …)\". Whoever controls the URL (or the network path) runs code in the deploy environment.");

    public static readonly DiagnosticDescriptor InteractivePromptInDeployScript = new(
        "JSI4010", "Interactive prompt in a deploy script",
        "'{0}' waits for keyboard input, which never comes in CI; take the answer from an argument or variable, or guard it with [ -t 0 ]", Scripts, DiagnosticSeverity.Info,
        "A deploy or release script asks a question (read without -t, read -p, select). In CI there is no terminal: the step hangs until it times out, or reads an empty answer.");

    public static readonly DiagnosticDescriptor UnknownFlyApp = new(
        "JSI4011", "Script targets an unknown Fly app",
        "'{0}' targets the Fly app '{1}', which is the app of no Fly config in this repository ({2}); fix the name or add its fly.toml", Scripts, DiagnosticSeverity.Error,
        "A script deploys or sets secrets (fly deploy, fly secrets set/import/unset) for an app name given with --app/-a that no fly.toml in the repository declares as its `app`. The command deploys to, or changes the secrets of, a different app (or fails), typically after an app was renamed.");

    public static readonly DiagnosticDescriptor UnvalidatedSecretsImport = new(
        "JSI4012", "Env file with placeholders loaded into secrets",
        "'{0}' loads {1} into Fly secrets, but {1} still holds placeholders that this script does not reject ({2}); check the values before the import (e.g. a case on *'<'*'>'*|*'${{'*|changeme) and stop on a match", Scripts, DiagnosticSeverity.Error,
        "A script feeds an env file to `fly secrets set`/`fly secrets import`, the file holds unresolved placeholders (`${VAR}`, `<your-key>`, `changeme`, `REPLACE_ME`), and nothing in the script before the import (a case pattern, grep, or [[ =~ ]]/[[ == ]] test) would reject them. The placeholders become the production secrets.");

    public static readonly DiagnosticDescriptor ScriptNotExecutable = new(
        "JSI4013", "Directly run script is not executable",
        "{0} ({1}) but it is not executable {2}: 'Permission denied'; run 'git update-index --chmod=+x {0}' (or call it through bash)", Scripts, DiagnosticSeverity.Warning,
        "A script is run directly (./deploy.sh from another script, a CI step, a Dockerfile RUN/ENTRYPOINT/CMD of a COPYed file) but its mode is 100644: in git's index when the repository is a git checkout (typical when it was added on Windows), else on the file system. On Linux CI and in containers it fails with 'Permission denied'.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor CrlfInExecutedFile = new(
        "JSI4014", "CRLF line endings in a script",
        "{0} has Windows (CRLF) line endings (first on line {1}){2}: '/bin/bash^M: bad interpreter' or '$'\\r': command not found' on Linux; convert it to LF and add '*.sh text eol=lf' to .gitattributes", Scripts, DiagnosticSeverity.Error,
        "A shell script, or a file that a Linux container executes (a COPYed entrypoint script), has CRLF line endings and no .gitattributes rule forces eol=lf for it. Linux shells read the carriage return as part of each line.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor HostKeyCheckingDisabled = new(
        "JSI4015", "Host key checking switched off",
        "{0} switches off SSH host key checking: anyone on the network path can impersonate the server; pin its key with ssh-keyscan into known_hosts (or a secret) instead", Scripts, DiagnosticSeverity.Warning,
        "A script runs ssh, scp, sftp or rsync -e with StrictHostKeyChecking=no or UserKnownHostsFile=/dev/null (on the command line, in GIT_SSH_COMMAND, or written into an ssh config), so the deploy channel accepts any host key.");

    public static readonly DiagnosticDescriptor CredentialOnCommandLine = new(
        "JSI4016", "Credential on a command line",
        "{0} passes a credential on the command line ({1}): it is visible in process lists and shell history; {2}", Scripts, DiagnosticSeverity.Warning,
        "A credential is passed as a command-line argument (docker login -p, curl -u user:pass, mysql -pSECRET, sshpass -p, --password <value>). Arguments are visible to every user of the machine through ps and /proc, and end up in shell history and CI logs.");

    // (end of JSI4xxx)

    // JSI5xxx: environment files and secrets.

    public static readonly DiagnosticDescriptor CommittedSecret = new(
        "JSI5001", "Secret committed in a file",
        "{0} is committed in this file; remove it, revoke and rotate it, and load it from a secret store or the environment", Secrets, DiagnosticSeverity.Error,
        "A credential in any text file git tracks or would track: a provider token in its documented format (AWS, Google, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic and some 80 more), a private key, a password in a connection string or URL (ADO.NET, ODBC, JDBC, scheme://user:pass@host), or a random literal assigned to a secret-like name. Prefixes, lengths, alphabets, entropy floors and one shared placeholder vocabulary avoid false hits; gitleaks:allow is honoured. The value is never printed.");

    public static readonly DiagnosticDescriptor DevelopmentValueInProduction = new(
        "JSI5002", "Development value in a production file",
        "'{0}' is set to {1} in a production file; set the real value through the secret store or the deployment environment", Secrets, DiagnosticSeverity.Error,
        "A production env file, Fly config [env] or production compose file assigns a development value: a development placeholder (dev-…, changeme, …change-in-production, minioadmin), a well-known default credential under a secret-like name, or a service address pointing at localhost/127.0.0.1. Example, sample and template files are exempt. The value is never printed.");

    public static readonly DiagnosticDescriptor InconsistentVariableName = new(
        "JSI5003", "One setting under different names",
        "'{0}' ({1}) names the same setting as {2}; use one name everywhere", Secrets, DiagnosticSeverity.Warning,
        "Variable names across env files, compose environments, Fly [env], secrets scripts, Dockerfile ENV, deploy-script checks and application code that differ only by case, separators, an address synonym (URL, URI, ADDR, ADDRESS, ENDPOINT, with or without BASE) or a stem abbreviation (DB/DATABASE, PASS/PWD/PASSWORD) denote one setting. One finding per minority spelling, at its first occurrence, names the other spellings and their files.");

    public static readonly DiagnosticDescriptor RequiredVariableNotProvided = new(
        "JSI5004", "Required variable provided nowhere",
        "'{0}' is required here but no env file, Fly config, secrets script, compose environment or Dockerfile provides it; add it to the env template or the secrets script", Secrets, DiagnosticSeverity.Warning,
        "A variable a deploy script insists on (a REQUIRED_…/…_SECRETS list, `: \"${VAR:?}\"`) or a production compose file interpolates without a default is defined by no env file (templates included), Fly [env], `fly secrets set`, compose environment or Dockerfile ENV in the repository: a deployment from this repository cannot succeed without knowledge that lives elsewhere.");

    public static readonly DiagnosticDescriptor ProductionEnvFileTracked = new(
        "JSI5005", "Production env file with secrets tracked by git",
        "{0} holds literal secret values ({1}) and is {2}; remove it from git, add it to .gitignore and keep the values in a secret store", Secrets, DiagnosticSeverity.Warning,
        "A production env file (.env.production, *.prod.env; not *.example, *.sample, *.template) assigns literal values to secret-like names and git tracks it: it is in the git index, or, when the root is not a git checkout, no .gitignore ignores it.");

    public static readonly DiagnosticDescriptor DuplicateEnvKey = new(
        "JSI5006", "Variable defined twice in an env file",
        "'{0}' is defined twice in this env file (first on line {1}); the later value wins: remove one of the definitions", Secrets, DiagnosticSeverity.Warning,
        "An env file assigns the same key twice. docker compose and python-dotenv keep the last value silently, so the first definition is dead and usually the one someone meant to change.", fix: FixAvailability.Safe);

    public static readonly DiagnosticDescriptor NoSecretRotation = new(
        "JSI5007", "No secret rotation procedure",
        "secrets are managed with {0} but the repository has no rotation procedure; document one (for example docs/security/secret-rotation.md) or add a scheduled job that rotates them", Secrets, DiagnosticSeverity.Info,
        "Secrets are managed (a script or CI job runs `fly secrets set`/`fly secrets import`, or Vault is used) but the repository holds no rotation procedure: no document whose path mentions rotation, no README or docs heading about rotating secrets, and no scheduled CI workflow that rotates.");

    public static readonly DiagnosticDescriptor VaultAuditNotEnabled = new(
        "JSI5008", "Vault audit logging not enabled",
        "Vault is used ({0}) but audit logging is never enabled; run 'vault audit enable file file_path=…' in the Vault setup script or declare an audit device", Secrets, DiagnosticSeverity.Info,
        "Vault is used (a compose service running the vault or hashicorp/vault image, Vault server configuration, or VAULT_ADDR/VAULT_URL in the repository's configuration) but no script or CI job runs `vault audit enable` and no HCL/Terraform file declares an audit device, so secret access leaves no trail.");

    // (end of JSI5xxx)

    // JSI6xxx: process entrypoints.
    public static readonly DiagnosticDescriptor EntrypointTargetMissing = new(
        "JSI6001", "Entrypoint names a missing module or file",
        "'{0}' starts {1}: {2}{3}", Entrypoints, DiagnosticSeverity.Error,
        "A process entrypoint (Procfile, Dockerfile CMD/ENTRYPOINT, Fly [processes], compose command) names a module or file that does not exist from its working directory: uvicorn/gunicorn 'module:app' with no such module or no such name in it, celery -A with no such module, python -m/python file.py, node file.js that no build produces, npm start with no such script. The process crashes on start.");

    public static readonly DiagnosticDescriptor InconsistentEntrypoints = new(
        "JSI6002", "Process started differently in different files",
        "the {0} process starts '{1}' here but '{2}' in {3}; start the same entrypoint everywhere", Entrypoints, DiagnosticSeverity.Warning,
        "The same process type (web, worker, beat) of the same app starts different modules in different files (Procfile, Dockerfile, Fly [processes], compose). At most one of them matches the code; the others start a different app or crash, depending on where the app is deployed.");

    public static readonly DiagnosticDescriptor ProcfileWebPortNotBound = new(
        "JSI6003", "Procfile web process does not bind $PORT",
        "the Procfile web process {0}; bind 0.0.0.0 and the port in $PORT (e.g. --host 0.0.0.0 --port $PORT)", Entrypoints, DiagnosticSeverity.Warning,
        "A Procfile `web` process listens on a fixed port instead of the one the platform passes in $PORT, or binds only localhost/127.0.0.1. The router cannot reach it and the platform marks the release as crashed after its boot timeout.");

    // (end of JSI6xxx)

    // JSI7xxx: the repository as a whole.

    public static readonly DiagnosticDescriptor NoCiPipeline = new(
        "JSI7001", "No CI/CD pipeline",
        "the repository holds deployable infrastructure ({0}) but no CI/CD pipeline; add one (for example .github/workflows/ci.yml) that tests, builds and deploys", Repository, DiagnosticSeverity.Warning,
        "Dockerfiles, Fly configs or compose files exist but no CI/CD definition does: GitHub Actions workflows, .gitlab-ci.yml, azure-pipelines*.yml, .circleci/, Jenkinsfile, bitbucket-pipelines.yml, .buildkite/, .travis.yml, .drone.yml, .woodpecker.yml, cloudbuild.yaml, appveyor.yml, codemagic.yaml or bitrise.yml.");

    public static readonly DiagnosticDescriptor CiRunsNoTests = new(
        "JSI7002", "CI runs no tests",
        "no CI pipeline runs tests ({0}); add a step that runs the test suite (pytest, npm test, dotnet test, go test, …)", Repository, DiagnosticSeverity.Warning,
        "CI pipelines exist but none runs a test command: a test runner (pytest, tox, nox, jest, vitest, mocha, rspec, phpunit, ctest), a build tool's test goal (npm/yarn/pnpm/bun test, dotnet test, go test, cargo test, mvn test/verify, gradle test/check, flutter test, make test/check), or a script whose name mentions tests.");

    public static readonly DiagnosticDescriptor NoMonitoring = new(
        "JSI7003", "No monitoring or alerting",
        "the deployed services have no monitoring or alerting configuration ({0} found); add metrics and alerts, for example a Fly [metrics] section with Prometheus/Alertmanager rules or an error tracker such as Sentry", Repository, DiagnosticSeverity.Warning,
        "The repository deploys services but holds no monitoring: no Prometheus, Grafana, Alertmanager, OpenTelemetry, Datadog, New Relic or Sentry configuration file, no monitoring service in a compose file, no monitoring or error-tracking dependency in a manifest, and no [metrics] section in a Fly config.");

    public static readonly DiagnosticDescriptor DatastoreWithoutBackup = new(
        "JSI7004", "Datastore without backups",
        "nothing in the repository backs up {0}; add a scheduled backup (a backup script run by a scheduled job) or volume snapshot retention", Repository, DiagnosticSeverity.Warning,
        "A stateful datastore is deployed (a service of a non-development compose file or a Fly app running PostgreSQL, MySQL, MariaDB, MongoDB, Redis, Elasticsearch/OpenSearch, Cassandra, CouchDB, Neo4j, InfluxDB, ClickHouse or MinIO) but nothing backs it up: no backup script or workflow, no dump or backup tool invocation (pg_dump, mysqldump, mongodump, pgbackrest, wal-g, restic, litestream, …), no backup service, and no Fly volume snapshot_retention.");

    public static readonly DiagnosticDescriptor NoSecurityScanning = new(
        "JSI7005", "No security scanning",
        "container images are built here ({0}) but nothing scans them or their dependencies; add an image scan (Trivy, Grype, Docker Scout, Snyk) to CI or enable Dependabot or Renovate for docker", Repository, DiagnosticSeverity.Warning,
        "Dockerfiles exist but no CI job or script runs a scanner (Trivy, Grype, Snyk, Docker Scout, CodeQL, Anchore, Clair, OSV-Scanner, pip-audit, npm audit, safety) and no Dependabot configuration covers the docker ecosystem and no Renovate configuration exists.");

    public static readonly DiagnosticDescriptor UnusedDockerfile = new(
        "JSI7006", "Dockerfile used by nothing",
        "{0} is used by no Fly config, compose file, CI job or script, while the repository has {1} Dockerfiles; delete it, or reference it and document which Dockerfile builds what", Repository, DiagnosticSeverity.Info,
        "The repository has several Dockerfiles and this one is referenced by nothing: no Fly config builds it ([build] dockerfile, or the default Dockerfile next to a Fly config without an image or builder), no compose build uses it, and no CI file or script names its path or builds its folder.");

    public static readonly DiagnosticDescriptor BackupWithoutRestore = new(
        "JSI7007", "Backups without a restore procedure",
        "backups are taken ({0}) but no restore procedure or disaster-recovery runbook exists; document and test how to restore (for example docs/runbooks/disaster-recovery.md)", Repository, DiagnosticSeverity.Info,
        "Backups exist (see JSI7004 for what counts) but nothing describes getting the data back: no document whose path mentions restore, recovery, disaster or DR, no document heading about restoring, and no restore script or command (pg_restore, mongorestore, restic restore, litestream restore, …).");

    // (end of JSI7xxx)
}
