using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Decides a file's kind from its name and folder, and its environment from its path
/// (rules.md, "Environments"). Pure functions over relative, forward-slash paths.
/// </summary>
public static class FileClassifier
{
    public static FileKind Classify(string relativePath)
    {
        string name = GetName(relativePath);
        string lower = name.ToLowerInvariant();
        string dir = GetDirectory(relativePath).ToLowerInvariant();
        bool yaml = lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal);

        // Files under a Jinja/cookiecutter folder ({{cookiecutter.project_slug}}/…) are a generator's input, like Dockerfile.j2.
        if (relativePath.Contains("{{", StringComparison.Ordinal) || relativePath.Contains("{%", StringComparison.Ordinal))
        {
            return FileKind.Other;
        }

        // Location and extension first: .github/workflows/dockerfile.yaml is a workflow, whatever its name says.
        if (yaml && IsWorkflowFolder(dir))
        {
            return FileKind.CiWorkflow;
        }

        if (lower is "dockerfile" or "containerfile"
            || lower.StartsWith("dockerfile.", StringComparison.Ordinal) && !lower.EndsWith(".dockerignore", StringComparison.Ordinal)
            || lower.StartsWith("containerfile.", StringComparison.Ordinal)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal))
        {
            // Dockerfile.template, Dockerfile.j2 and the like are generators' input, not files Docker reads; a lower-case
            // dockerfile.ex, dockerfile.go and the like is source code about Dockerfiles (Dockerfile.go stays a variant).
            return IsTemplate(lower) || name.StartsWith("dockerfile.", StringComparison.Ordinal) && IsSourceCode(lower) ? FileKind.Other : FileKind.Dockerfile;
        }

        if (lower == ".dockerignore" || lower.EndsWith(".dockerignore", StringComparison.Ordinal))
        {
            return FileKind.DockerIgnore;
        }

        if (yaml && (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal)))
        {
            return FileKind.Compose;
        }

        if (IsCiWorkflow(dir, lower, yaml))
        {
            return FileKind.CiWorkflow;
        }

        if (lower.EndsWith(".toml", StringComparison.Ordinal)
            && (lower == "fly.toml" || lower.StartsWith("fly.", StringComparison.Ordinal) || lower.EndsWith("-fly.toml", StringComparison.Ordinal)
                || lower.EndsWith("_fly.toml", StringComparison.Ordinal) || lower.EndsWith(".fly.toml", StringComparison.Ordinal)))
        {
            return FileKind.FlyConfig;
        }

        if (lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal))
        {
            return FileKind.ShellScript;
        }

        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || lower.EndsWith(".env", StringComparison.Ordinal))
        {
            return FileKind.DotEnv;
        }

        if (lower == "procfile" || lower.StartsWith("procfile.", StringComparison.Ordinal))
        {
            return FileKind.Procfile;
        }

        if (lower is "pyproject.toml" or "pipfile" or "package.json"
            || lower.StartsWith("requirements", StringComparison.Ordinal) && lower.EndsWith(".txt", StringComparison.Ordinal))
        {
            return FileKind.DependencyManifest;
        }

        if (lower == ".editorconfig")
        {
            return FileKind.EditorConfig;
        }

        return FileKind.Other;
    }

    /// <summary>True when the first line of an extensionless file is a sh/bash/dash/ash shebang.</summary>
    public static bool IsShellShebang(ReadOnlySpan<char> firstLine)
    {
        if (!firstLine.StartsWith("#!"))
        {
            return false;
        }

        var rest = firstLine[2..].Trim();
        int space = rest.IndexOfAny(' ', '\t');
        var interpreter = space < 0 ? rest : rest[..space];
        var argument = space < 0 ? [] : rest[(space + 1)..].TrimStart();
        if (interpreter.EndsWith("/env"))
        {
            int next = argument.IndexOfAny(' ', '\t');
            interpreter = next < 0 ? argument : argument[..next];
        }

        int slash = interpreter.LastIndexOf('/');
        var program = slash < 0 ? interpreter : interpreter[(slash + 1)..];
        return program is "sh" or "bash" or "dash" or "ash" or "ksh";
    }

    public static FileEnvironment ClassifyEnvironment(string relativePath, FileKind kind)
    {
        string lower = relativePath.ToLowerInvariant();
        string name = GetName(lower);
        string[] segments = lower.Split('/');
        if (IsTestData(segments))
        {
            return FileEnvironment.TestData;
        }

        foreach (string folder in segments.AsSpan(0, segments.Length - 1))
        {
            if (folder is "prod" or "production")
            {
                return FileEnvironment.Production;
            }

            if (folder is "dev" or "development")
            {
                return FileEnvironment.Development;
            }
        }

        string[] parts = name.Split('.', '-', '_');
        if (parts.Any(p => p is "prod" or "production") || name is ".env.production" or ".env.prod")
        {
            return FileEnvironment.Production;
        }

        if (parts.Any(p => p is "dev" or "development" or "override" or "local" or "example" or "sample" or "test"))
        {
            return FileEnvironment.Development;
        }

        if (kind == FileKind.FlyConfig)
        {
            // A Fly config always describes a deployed app (staging included).
            return FileEnvironment.Production;
        }

        if (kind == FileKind.Compose)
        {
            // docker-compose.yml / compose.yaml with no environment suffix is the development stack.
            return FileEnvironment.Development;
        }

        return FileEnvironment.Unspecified;
    }

    // Folders that hold only test data, by the conventions of Go (testdata/, which its tools skip), Jest (__snapshots__,
    // __fixtures__), Rails and pytest (fixtures/), golden-file tests (golden/) and parsers' suites (testfiles/,
    // testfiles-negative/). Not test/ or tests/ alone: a Dockerfile there may be the image CI builds and runs.
    private static readonly HashSet<string> TestDataFolders = new(StringComparer.Ordinal)
    {
        "testdata", "test-data", "test_data", "testfiles", "test-files", "test_files", "fixtures", "__fixtures__", "test-fixtures", "test_fixtures",
        "golden", "goldens", "__snapshots__",
    };

    // Below a test folder, folders that hold what a test compares against: a generator's expected outputs
    // (test/results/<case>/Dockerfile), recorded snapshots.
    private static readonly HashSet<string> ExpectedOutputFolders = new(StringComparer.Ordinal)
    {
        "results", "expected", "expected-output", "expected_output", "expected-outputs", "expected_outputs", "expectations", "snapshots", "outputs",
    };

    private static readonly HashSet<string> TestFolders = new(StringComparer.Ordinal) { "test", "tests", "spec", "specs", "__tests__" };

    /// <summary>
    /// True for a file under a folder that holds only test data (<c>testdata/</c>, <c>fixtures/</c>, <c>testfiles-negative/</c>,
    /// <c>golden/</c>), or under the expected outputs of a test folder (<c>test/results/</c>, <c>tests/snapshots/</c>).
    /// </summary>
    /// <param name="lowerSegments">The lower-cased path split on '/', the file name last.</param>
    private static bool IsTestData(string[] lowerSegments)
    {
        bool inTests = false;
        foreach (string folder in lowerSegments.AsSpan(0, lowerSegments.Length - 1))
        {
            if (TestDataFolders.Contains(folder) || folder.StartsWith("testfiles-", StringComparison.Ordinal) || folder.StartsWith("testfiles_", StringComparison.Ordinal)
                || inTests && ExpectedOutputFolders.Contains(folder))
            {
                return true;
            }

            inTests |= TestFolders.Contains(folder);
        }

        return false;
    }

    private static bool IsWorkflowFolder(string dir) => dir == ".github/workflows" || dir.EndsWith("/.github/workflows", StringComparison.Ordinal);

    private static bool IsCiWorkflow(string dir, string lowerName, bool yaml)
    {
        if (yaml && IsWorkflowFolder(dir))
        {
            return true;
        }

        if (yaml && (dir == ".circleci" || dir == ".buildkite"))
        {
            return true;
        }

        return lowerName is ".gitlab-ci.yml" or ".gitlab-ci.yaml" or "bitbucket-pipelines.yml" or "jenkinsfile"
            || yaml && lowerName.StartsWith("azure-pipelines", StringComparison.Ordinal);
    }

    private static bool IsTemplate(string lowerName) =>
        lowerName.EndsWith(".template", StringComparison.Ordinal) || lowerName.EndsWith(".tmpl", StringComparison.Ordinal)
        || lowerName.EndsWith(".tpl", StringComparison.Ordinal) || lowerName.EndsWith(".j2", StringComparison.Ordinal)
        || lowerName.EndsWith(".jinja", StringComparison.Ordinal) || lowerName.EndsWith(".jinja2", StringComparison.Ordinal)
        || lowerName.EndsWith(".erb", StringComparison.Ordinal) || lowerName.EndsWith(".mustache", StringComparison.Ordinal);

    // Programming languages' extensions: a file named dockerfile.<one of these> in lower case is a program (Livebook's
    // lib/livebook/hubs/dockerfile.ex generates Dockerfiles), not a Dockerfile with a variant suffix (Dockerfile.prod).
    private static readonly string[] SourceCodeExtensions =
    [
        ".cs", ".fs", ".vb", ".java", ".kt", ".scala", ".groovy", ".go", ".rs", ".c", ".h", ".cpp", ".swift", ".dart", ".js", ".mjs", ".cjs", ".jsx",
        ".ts", ".mts", ".cts", ".tsx", ".py", ".rb", ".php", ".pl", ".lua", ".ex", ".exs", ".erl", ".clj", ".hs", ".ml", ".jl", ".nix", ".zig",
    ];

    private static bool IsSourceCode(string lowerName) => SourceCodeExtensions.Any(e => lowerName.EndsWith(e, StringComparison.Ordinal));

    private static string GetName(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        return slash < 0 ? relativePath : relativePath[(slash + 1)..];
    }

    private static string GetDirectory(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath[..slash];
    }
}
