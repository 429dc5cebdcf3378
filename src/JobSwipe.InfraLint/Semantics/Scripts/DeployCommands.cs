namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>The platform a deploy command ships to.</summary>
public enum DeployPlatform
{
    Fly,
    Kubernetes,
    Helm,
    DockerStack,
    Heroku,
    GoogleCloud,
    AwsEcs,
}

/// <summary>
/// The one place that knows what shell commands deploy, release, migrate, roll back, version and upload. Every
/// JSI4xxx rule asks these questions of a <see cref="CommandLine"/> read from the parsed script (never of raw lines).
/// Whether a command runs the tests is <see cref="TestCommands"/>' question.
/// </summary>
public static class DeployCommands
{
    private static readonly string[] KubectlValueOptions = ["-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user", "-s", "--server", "--token"];
    private static readonly string[] HelmValueOptions = ["-n", "--namespace", "--kube-context", "--kubeconfig"];
    private static readonly string[] FlyValueOptions = ["-a", "--app", "-c", "--config", "-t", "--access-token"];
    private static readonly string[] VerbValueOptions = [.. KubectlValueOptions, .. FlyValueOptions, "--project", "--region", "--profile", "--flavor", "-t"];

    /// <summary>The platform this command deploys to, or null when it does not deploy.</summary>
    public static DeployPlatform? Deploy(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        switch (c.Name)
        {
            case "fly" or "flyctl":
                return c.Sub(FlyValueOptions) == "deploy" ? DeployPlatform.Fly : null;
            case "kubectl" or "oc":
                {
                    var p = c.Positionals(KubectlValueOptions);
                    string verb = p.Count > 0 ? p[0].Value : "";
                    string what = p.Count > 1 ? p[1].Value : "";
                    if (c.Arguments.Any(a => a.Value.StartsWith("--dry-run", StringComparison.Ordinal)))
                    {
                        return null;
                    }

                    return verb is "apply" or "replace" || (verb == "create" && c.Has("-f", "--filename", "-k", "--kustomize")) || (verb == "set" && what == "image") || (verb == "rollout" && what == "restart")
                        ? DeployPlatform.Kubernetes : null;
                }

            case "helm":
                return c.Sub(HelmValueOptions) is "upgrade" or "install" && !c.Has("--dry-run") ? DeployPlatform.Helm : null;
            case "docker":
                {
                    var p = c.Positionals("-H", "--host", "--context", "-c", "--compose-file");
                    return p.Count > 1 && ((p[0].Value == "stack" && p[1].Value is "deploy" or "up") || (p[0].Value == "service" && p[1].Value == "update" && !c.Has("--rollback")))
                        ? DeployPlatform.DockerStack : null;
                }

            case "heroku":
                {
                    string sub = c.Sub("-a", "--app", "-r", "--remote");
                    return sub is "container:release" || sub.StartsWith("deploy:", StringComparison.Ordinal) ? DeployPlatform.Heroku : null;
                }

            case "git":
                {
                    var p = c.Positionals();
                    return p.Count > 1 && p[0].Value == "push" && (p[1].Value == "heroku" || p[1].Value.Contains("heroku.com", StringComparison.OrdinalIgnoreCase) || p[1].Value == "dokku")
                        ? DeployPlatform.Heroku : null;
                }

            case "gcloud":
                {
                    var p = c.Positionals("--project", "--region");
                    int i = p.Count > 0 && p[0].Value is "beta" or "alpha" ? 1 : 0;
                    string a = p.Count > i ? p[i].Value : "";
                    string b = p.Count > i + 1 ? p[i + 1].Value : "";
                    return (a is "run" or "app" or "functions" && b == "deploy") ? DeployPlatform.GoogleCloud : null;
                }

            case "aws":
                {
                    var p = c.Positionals("--region", "--profile", "--cluster", "--service");
                    return p.Count > 1 && p[0].Value == "ecs" && p[1].Value == "update-service" ? DeployPlatform.AwsEcs : null;
                }

            case "ecs-deploy" or "copilot" when c.Name == "ecs-deploy" || c.Sub() is "deploy" or "svc":
                return DeployPlatform.AwsEcs;
            default:
                return null;
        }
    }

    /// <summary>An explicit rollback: <c>kubectl rollout undo</c>, <c>helm rollback</c>, <c>heroku rollback</c>, <c>docker service rollback</c>, traffic moved back on Cloud Run.</summary>
    public static bool IsRollback(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Name is not ("kubectl" or "oc" or "helm" or "heroku" or "docker" or "gcloud"))
        {
            return false; // every command of a script is asked: only these tools' positionals are read
        }

        var p = c.Positionals(KubectlValueOptions);
        string a = p.Count > 0 ? p[0].Value : "";
        string b = p.Count > 1 ? p[1].Value : "";
        return c.Name switch
        {
            "kubectl" or "oc" => a == "rollout" && b == "undo",
            "helm" => a == "rollback",
            "heroku" => a is "rollback" or "releases:rollback",
            "docker" => (a == "service" && (b == "rollback" || (b == "update" && c.Has("--rollback")))),
            "gcloud" => c.Arguments.Any(x => x.Value == "update-traffic"),
            _ => false,
        };
    }

    /// <summary>A deploy that rolls itself back on failure: <c>helm upgrade --atomic</c>, <c>fly deploy --strategy bluegreen|canary</c>, an ECS circuit breaker with rollback.</summary>
    public static bool HasAutomaticRollback(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Deploy(c) switch
        {
            DeployPlatform.Helm => c.Has("--atomic", "--rollback-on-failure"),
            DeployPlatform.Fly => c.Option("--strategy") is "bluegreen" or "canary",
            DeployPlatform.DockerStack => c.Arguments.Any(a => a.Value == "rollback") && c.Has("--update-failure-action"),
            DeployPlatform.AwsEcs => c.Arguments.Any(a => a.Value.Contains("rollback=true", StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    /// <summary>The source text of a span on one line: continuations and runs of white space become one space.</summary>
    public static string Describe(string source, JobSwipe.InfraLint.Text.TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        string text = source.Substring(span.Start, span.Length).Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        return string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The span that names what a command does: the tool and its verbs (<c>flyctl deploy</c>, <c>flutter build apk</c>, <c>gcloud run deploy</c>).</summary>
    public static JobSwipe.InfraLint.Text.TextSpan VerbSpan(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        int words = c.Name switch
        {
            "docker" or "gcloud" or "aws" or "flutter" => 2,
            "git" or "gradlew" or "gradle" or "xcodebuild" => 0,
            _ => 1,
        };
        if (c.Name == "gcloud" && c.Sub() is "beta" or "alpha")
        {
            words = 3;
        }

        var positionals = c.Positionals(VerbValueOptions);
        if (words == 0 || positionals.Count == 0)
        {
            return c.Name is "gradlew" or "gradle" && c.Positionals().FirstOrDefault(a => IsGradleReleaseTask(a.Value)) is { } task ? c.SpanTo(task)
                : c.Name == "xcodebuild" && c.Arguments.FirstOrDefault(a => a.Value == "archive") is { } archive ? c.SpanTo(archive)
                : c.Name == "git" ? c.SpanTo(positionals.Count > 1 ? positionals[1] : null) : c.NameWord.Span;
        }

        return c.SpanTo(positionals[Math.Min(words, positionals.Count) - 1]);
    }

    /// <summary>
    /// A mobile release build: <c>flutter build apk|appbundle|ipa|ios</c> (not <c>--debug</c>/<c>--profile</c>/<c>--simulator</c>/<c>--no-codesign</c>),
    /// <c>gradlew assembleRelease|bundleRelease</c> (any <c>assemble*Release</c>/<c>bundle*Release</c>), <c>xcodebuild archive</c>.
    /// Returns the number of words (after the name) naming it, or 0.
    /// </summary>
    public static int MobileReleaseBuild(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        switch (c.Name)
        {
            case "flutter":
                {
                    var p = c.Positionals("--flavor", "-t", "--target", "--build-name", "--build-number", "--export-options-plist", "--export-method", "--dart-define", "--obfuscate", "--split-debug-info", "--target-platform");
                    if (p.Count > 1 && p[0].Value == "build" && p[1].Value is "apk" or "appbundle" or "aab" or "ipa" or "ios" && !c.Has("--debug", "--profile", "--simulator", "--no-codesign", "--config-only"))
                    {
                        return 2;
                    }

                    return 0;
                }

            case "gradlew" or "gradle":
                return c.Positionals().Any(a => IsGradleReleaseTask(a.Value)) ? 1 : 0;
            case "xcodebuild":
                return c.Arguments.Any(a => a.Value == "archive") ? 1 : 0;
            case "fastlane":
                return 0;
            default:
                return 0;
        }
    }

    private static bool IsGradleReleaseTask(string task)
    {
        string t = task.TrimStart(':');
        int colon = t.LastIndexOf(':');
        if (colon >= 0)
        {
            t = t[(colon + 1)..];
        }

        return (t.StartsWith("assemble", StringComparison.Ordinal) || t.StartsWith("bundle", StringComparison.Ordinal)) && t.EndsWith("Release", StringComparison.Ordinal);
    }

    /// <summary>
    /// A database migration step: <c>alembic upgrade</c>, <c>manage.py migrate</c>, <c>prisma migrate deploy</c>,
    /// <c>rails db:migrate</c>, <c>dotnet ef database update</c>, flyway/liquibase, and any command whose words ask for a
    /// migration (<c>fly ssh console -C "… migrate"</c>, <c>npm run migrate</c>, <c>kubectl exec … -- … migrate</c>).
    /// </summary>
    public static bool IsMigration(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Name is "echo" or "printf" or "cat" or "grep" or "test" or "[" or "ls" or "cd" or "mkdir")
        {
            return false;
        }

        if (c.Name == "alembic" && c.Arguments.Any(a => a.Value is "upgrade"))
        {
            return true;
        }

        if (c.Name is "dotnet" && c.Arguments.Any(a => a.Value == "ef") && c.Arguments.Any(a => a.Value == "database") && c.Arguments.Any(a => a.Value == "update"))
        {
            return true;
        }

        if (c.Name is "liquibase" && c.Arguments.Any(a => a.Value is "update" or "update-sql"))
        {
            return true;
        }

        return c.Name.Contains("migrat", StringComparison.Ordinal) || c.Arguments.Any(a => a.Value.Contains("migrat", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("alembic upgrade", StringComparison.Ordinal) || a.Value.Contains("ef database update", StringComparison.Ordinal));
    }

    /// <summary>An upload to an app store: fastlane supply/deliver/pilot/upload_to_* (or a release lane), <c>xcrun altool --upload-*</c>/<c>notarytool</c>, <c>gradlew publish*</c> (Play Publisher), Codemagic's <c>app-store-connect publish</c>/<c>google-play</c>, Transporter.</summary>
    public static bool IsStoreUpload(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        switch (c.Name)
        {
            case "fastlane":
                return c.Positionals().Any(a => IsStoreLane(a.Value));
            case "xcrun":
                return c.Arg(0) is "altool" && c.Arguments.Any(a => a.Value.StartsWith("--upload", StringComparison.Ordinal)) || c.Arg(0) == "notarytool";
            case "altool" or "itmstransporter" or "transporter" or "iTMSTransporter":
                return true;
            case "gradlew" or "gradle":
                return c.Positionals().Any(a => a.Value.TrimStart(':').StartsWith("publish", StringComparison.Ordinal) && (a.Value.Contains("Bundle", StringComparison.Ordinal) || a.Value.Contains("Apk", StringComparison.Ordinal) || a.Value.Contains("Apps", StringComparison.Ordinal) || a.Value.Contains("Listing", StringComparison.Ordinal)));
            case "app-store-connect" or "google-play":
                return true;
            default:
                return false;
        }
    }

    private static bool IsStoreLane(string word)
    {
        string w = word.ToLowerInvariant();
        return w is "supply" or "deliver" or "pilot" or "upload_to_play_store" or "upload_to_app_store" or "upload_to_testflight" or "appstore" or "app_store" or "testflight" or "playstore" or "play_store"
            || w.Contains("deploy", StringComparison.Ordinal) || w.Contains("release", StringComparison.Ordinal) || w.Contains("beta", StringComparison.Ordinal) || w.Contains("upload", StringComparison.Ordinal)
            || w.Contains("publish", StringComparison.Ordinal) || w.Contains("store", StringComparison.Ordinal) || w.Contains("distribut", StringComparison.Ordinal)
            || w.Contains("prod", StringComparison.Ordinal) || w.Contains("testflight", StringComparison.Ordinal) || w is "internal" or "alpha" or "promote";
    }

    /// <summary>
    /// Artifact storage or distribution: store uploads, <c>aws s3 cp|sync|mv</c>, <c>aws s3api put-object</c>, <c>gsutil cp|rsync</c>,
    /// <c>gcloud storage cp</c>, <c>az storage blob upload</c>, <c>gh release create|upload</c>, <c>firebase appdistribution:distribute</c>,
    /// <c>appcenter distribute</c>, <c>rclone copy|sync</c>, <c>mc cp</c>, <c>buildkite-agent artifact upload</c>, <c>curl -T</c>/<c>-F file=@…</c>, <c>scp</c>/<c>rsync</c> to a host.
    /// </summary>
    public static bool IsArtifactUpload(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (IsStoreUpload(c))
        {
            return true;
        }

        var p = c.Positionals("--profile", "--region", "--repo", "-R", "--account-name", "--container-name", "-c");
        string a = p.Count > 0 ? p[0].Value : "";
        string b = p.Count > 1 ? p[1].Value : "";
        return c.Name switch
        {
            "aws" => (a == "s3" && b is "cp" or "sync" or "mv") || (a == "s3api" && b == "put-object"),
            "gsutil" => a is "cp" or "rsync" or "mv" || c.Arguments.Any(x => x.Value is "cp" or "rsync"),
            "gcloud" => a == "storage" && b is "cp" or "rsync",
            "az" => a == "storage" && c.Arguments.Any(x => x.Value.StartsWith("upload", StringComparison.Ordinal)),
            "gh" => a == "release" && b is "create" or "upload",
            "firebase" => a.StartsWith("appdistribution:distribute", StringComparison.Ordinal),
            "appcenter" => a == "distribute",
            "rclone" => a is "copy" or "sync" or "copyto" or "move",
            "mc" => a is "cp" or "mirror",
            "buildkite-agent" => a == "artifact" && b == "upload",
            "curl" => c.Arguments.Any(x => x.Value is "-T" or "--upload-file" || ((x.Value.Contains("=@", StringComparison.Ordinal) || x.Value.StartsWith('@')) && c.Has("-F", "--form", "--data-binary"))),
            "scp" => p.Count > 1 && p[^1].Value.Contains(':', StringComparison.Ordinal),
            "rsync" => p.Count > 1 && p[^1].Value.Contains(':', StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// Version management: <c>--build-name</c>/<c>--build-number</c>, a version bump of pubspec/gradle/plist (sed, perl, agvtool,
    /// PlistBuddy, cider), <c>git tag</c>, <c>gh release create</c>, fastlane <c>increment_*</c>, <c>npm version</c>,
    /// bump2version/semantic-release/standard-version, <c>-PversionCode=</c>, <c>MARKETING_VERSION=</c>.
    /// </summary>
    public static bool IsVersioning(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Has("--build-name", "--build-number") || c.Arguments.Any(a => a.Value.StartsWith("-PversionCode", StringComparison.Ordinal) || a.Value.StartsWith("-PversionName", StringComparison.Ordinal)
            || a.Value.StartsWith("CURRENT_PROJECT_VERSION=", StringComparison.Ordinal) || a.Value.StartsWith("MARKETING_VERSION=", StringComparison.Ordinal)))
        {
            return true;
        }

        string sub = c.Sub();
        switch (c.Name)
        {
            case "git":
                return sub == "tag" && c.Positionals().Count > 1 || sub == "tag" && c.Arguments.Any(a => a.Value is "-a" or "-s" or "-m");
            case "gh":
                return sub == "release" && c.Arg(1) == "create";
            case "agvtool" or "cider" or "bump2version" or "bumpversion" or "bump-my-version" or "semantic-release" or "standard-version" or "release-it" or "changeset" or "cz":
                return true;
            case "npm" or "yarn" or "pnpm" or "poetry":
                return sub == "version";
            case "flutter" or "dart":
                return sub == "pub" && c.Arg(1) is "version" or "bump";
            case "fastlane":
                // A release lane usually bumps the build number itself (increment_build_number in the Fastfile).
                return c.Arguments.Any(a => a.Value.StartsWith("increment_", StringComparison.Ordinal) || a.Value.Contains("version", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("bump", StringComparison.OrdinalIgnoreCase))
                    || IsStoreUpload(c) && c.Positionals().Count > 0 && c.Positionals()[^1].Value is not ("supply" or "deliver" or "pilot" or "upload_to_play_store" or "upload_to_app_store" or "upload_to_testflight");
            case "plistbuddy":
                return c.Arguments.Any(a => a.Value.Contains("CFBundleVersion", StringComparison.Ordinal) || a.Value.Contains("CFBundleShortVersionString", StringComparison.Ordinal));
            case "sed" or "perl" or "awk" or "gsed" or "yq" or "jq":
                return c.Arguments.Any(a => IsVersionFile(a.Value)) && c.Arguments.Any(a => a.Value.Contains("version", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("CFBundle", StringComparison.Ordinal));
            default:
                return false;
        }
    }

    private static bool IsVersionFile(string path)
    {
        string name = CommandLine.BaseName(path);
        return name is "pubspec.yaml" or "build.gradle" or "build.gradle.kts" or "info.plist" or "gradle.properties" or "package.json" or "version" or "version.txt" or "project.pbxproj" or "version.properties"
            || name.EndsWith(".xcconfig", StringComparison.Ordinal) || name.EndsWith(".csproj", StringComparison.Ordinal);
    }

    /// <summary>True when the word names release notes: a changelog, <c>--release-notes</c>, <c>whatsnew</c>, <c>gh release create --notes</c>.</summary>
    public static bool MentionsReleaseNotes(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string w = word.ToLowerInvariant();
        return w.Contains("changelog", StringComparison.Ordinal) || w.Contains("release-notes", StringComparison.Ordinal) || w.Contains("release_notes", StringComparison.Ordinal)
            || w.Contains("releasenotes", StringComparison.Ordinal) || w.Contains("release notes", StringComparison.Ordinal) || w.Contains("whatsnew", StringComparison.Ordinal)
            || w is "--notes" or "--notes-file" or "--generate-notes" || w.StartsWith("--notes=", StringComparison.Ordinal);
    }
}
