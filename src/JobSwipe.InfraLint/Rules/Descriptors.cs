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
        "A deploy or release script runs its deploy or release build without `set -e` (or `set -o errexit`, or `-e` on the shebang), so a failed test, build or push before it is ignored and the script deploys anyway.");

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
        "'{0}' runs with no test run before it in this script; run the tests (e.g. {1}) before building or deploying", Scripts, DiagnosticSeverity.Warning,
        "A release build or deploy runs with no test command before it in the same script (flutter test, pytest, npm test, dotnet test, go test, cargo test, mvn test, gradlew test, make test…), so a broken build ships.");

    public static readonly DiagnosticDescriptor ReleaseArtifactsNotStored = new(
        "JSI4007", "Release artifacts never stored",
        "'{0}' builds release artifacts that this script never stores or distributes; upload them (bucket, GitHub release, store, Firebase App Distribution)", Scripts, DiagnosticSeverity.Info,
        "A release build produces artifacts that the script never uploads anywhere: no bucket copy, GitHub release, store upload or distribution service. The binaries live only on the build machine.");

    public static readonly DiagnosticDescriptor SecretPrintedByScript = new(
        "JSI4008", "Secret printed or hard-coded in a script",
        "{0}; {1}", Scripts, DiagnosticSeverity.Warning,
        "A script prints a secret (echo/printf of a secret-like variable), traces it (a command expands a secret-like variable while set -x is on), or holds a literal secret. CI logs keep what scripts print.");

    public static readonly DiagnosticDescriptor RemoteScriptPipedToShell = new(
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

    // (end of JSI7xxx)
}
