using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>
/// What a file or the repository is for, as far as its paths and documents tell: a development, test or sample stack
/// (never deployed as it is), a template or tutorial repository (copied, then completed). Rules use it to lower findings
/// that are accurate but of little value there (docs/precision.md).
/// </summary>
public static class DeploymentContext
{

    private static readonly HashSet<string> SampleFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "development", "test", "tests", "testing", "e2e", "integration-tests", "fixtures", "cypress", "playwright", "spec", "example", "examples", "sample", "samples", "demo", "demos",
        ".devcontainer", "devcontainer", "docs", "tutorial", "tutorials", "playground", "local", "ci",
    };

    private static readonly HashSet<string> SampleNameParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "development", "local", "test", "tests", "testing", "e2e", "ci", "example", "examples", "sample", "demo", "devcontainer", "quickstart",
    };

    /// <summary>
    /// True for a file that is plainly a development, test, CI or sample stack by its name or folder
    /// (<c>docker-compose.dev.yml</c>, <c>tests/compose.yaml</c>, <c>examples/…</c>) or is test data, and never for a production file.
    /// </summary>
    public static bool IsSampleOrDevelopmentStack(WorkspaceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Environment == FileEnvironment.Production)
        {
            return false;
        }

        if (file.Environment == FileEnvironment.TestData)
        {
            return true;
        }

        string[] segments = file.RelativePath.Split('/');
        return segments[..^1].Any(s => SampleFolders.Contains(s.TrimStart('.')) || IsTestSetupFolder(s)) || file.Name.Split('.', '-', '_').Any(SampleNameParts.Contains);
    }

    /// <summary>
    /// True for a folder of setups that tests or developers run locally: <c>test-environments/</c>, <c>test_stacks/</c>,
    /// <c>TestSuite/</c>.
    /// </summary>
    public static bool IsTestSetupFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.StartsWith("test-", StringComparison.OrdinalIgnoreCase) || folder.StartsWith("test_", StringComparison.OrdinalIgnoreCase)
            || folder.Equals("testsuite", StringComparison.OrdinalIgnoreCase) || folder.Equals("test-suite", StringComparison.OrdinalIgnoreCase);
    }

    // Backing services other than datastores that development stacks run next to them.
    private static readonly string[] BackingServiceImages = ["rabbitmq", "memcached", "mailhog", "mailpit", "localstack", "azurite", "nats", "zookeeper", "kafka", "adminer", "pgadmin4", "mssql/server", "smtp4dev"];

    /// <summary>
    /// True for a compose file that runs only datastores and backing services from public images and builds nothing:
    /// the databases of an application that developers start on their own machine (<c>backend/docker-compose.database.yml</c>).
    /// </summary>
    public static bool RunsOnlyBackingServices(ComposeDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Services.Count > 0 && model.Services.All(s => s.Build is null && s.Image?.Value is { } image
            && ImageReference.Parse(image) is { } reference
            && (BackupEvidence.DatastoreImages.Contains(reference.ShortName) || BackingServiceImages.Any(b => reference.Name.EndsWith(b, StringComparison.Ordinal))));
    }

    /// <summary>
    /// True for a compose file that a package.json script starts (<c>"db:up": "docker compose -f docker-compose.dev.yml up"</c>,
    /// <c>"docker": "… -f docker/docker-compose.yml up"</c>): npm scripts are developers' tooling, so such a stack is the
    /// local development stack. Scripts whose name says prod, deploy or release do not count.
    /// </summary>
    public static bool IsStartedByPackageScripts(Repository repository, WorkspaceFile compose)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(compose);
        return repository.Facts.Get("compose files started by package.json scripts", CollectScriptStacks).Contains(compose.RelativePath);
    }


    private static HashSet<string> CollectScriptStacks(Repository repository)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (WorkspaceFile manifest in repository.Files.Where(f => f.Name == "package.json" && !RepositoryEvidence.IsVendored(f)))
        {
            string? text = repository.GetText(manifest)?.Content;
            if (text is null || !text.Contains("compose", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(text, @"""(?<key>[^""\r\n]+)""\s*:\s*""(?<value>[^""\r\n]*compose[^""\r\n]*)""", System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexLimits.MatchTimeout))
            {
                string key = script.Groups["key"].Value.ToLowerInvariant();
                if (key.Contains("prod", StringComparison.Ordinal) || key.Contains("deploy", StringComparison.Ordinal) || key.Contains("release", StringComparison.Ordinal))
                {
                    continue;
                }

                string value = script.Groups["value"].Value;
                string folder = manifest.Directory;
                if (System.Text.RegularExpressions.Regex.Match(value, @"^\s*cd\s+(?<dir>[^\s&;]+)\s*&&") is { Success: true } cd)
                {
                    folder = Repository.Combine(folder, cd.Groups["dir"].Value) ?? folder;
                }

                foreach (System.Text.RegularExpressions.Match file in System.Text.RegularExpressions.Regex.Matches(value, @"(?:^|\s)(?:-f|--file)[\s=]+(?<path>[^\s""]+)"))
                {
                    if (Repository.Combine(folder, file.Groups["path"].Value) is { } path)
                    {
                        paths.Add(path);
                    }
                }
            }
        }

        return paths;
    }

    /// <summary>
    /// True for a template, starter or tutorial repository: a cookiecutter/copier template, or a root README that
    /// introduces the repository as a template, starter, boilerplate, example or tutorial in its first lines.
    /// </summary>
    public static bool IsTemplateRepository(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("repository is a template", Detect);
    }

    /// <summary>The repository-gap finding (JSI7002–JSI7005) as it is, or at info in a template or tutorial repository.</summary>
    public static Diagnostic ForRepositoryKind(Diagnostic diagnostic, Repository repository)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return IsTemplateRepository(repository) ? diagnostic.Lowered() : diagnostic;
    }

    /// <summary>
    /// True when the repository deploys something itself: a Fly config, or a CI workflow, script or Makefile that runs a
    /// deploy (fly deploy, kubectl apply, helm upgrade, docker stack deploy, gcloud/aws/az/heroku deploys, terraform
    /// apply, ansible-playbook, compose over ssh). A repository of self-hosted software that only publishes images and
    /// compose files for its users does not: running and watching those services is the operator's job.
    /// </summary>
    public static bool DeploysItself(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("repository deploys", DetectDeploys);
    }


    /// <summary>
    /// True when a CI workflow, script or Makefile of the repository runs <c>fly deploy</c> (or <c>flyctl deploy</c>, or
    /// flyctl's GitHub action): a Fly config is then deployed from here, not only a reference that <c>fly launch</c> or
    /// <c>fly pg create</c> fills in. Computed once per run.
    /// </summary>
    public static bool RunsFlyDeploy(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("repository runs fly deploy", static r =>
        {
            var evidence = RepositoryEvidence.For(r);
            return evidence.CiTexts.Concat(evidence.ScriptTexts).Any(t => t.Lower.Contains("fly deploy", StringComparison.Ordinal)
                || t.Lower.Contains("flyctl deploy", StringComparison.Ordinal) || t.Lower.Contains("superfly/flyctl-actions", StringComparison.Ordinal));
        });
    }

    private static bool DetectDeploys(Repository repository)
    {
        var evidence = RepositoryEvidence.For(repository);
        return evidence.FlyConfigs.Count > 0 || evidence.CiTexts.Concat(evidence.ScriptTexts).Any(t => RunsDeploy(t.Lower));
    }

    /// <summary>
    /// True when a workflow, script or Makefile (its lower-cased text) runs a deploy: fly deploy, kubectl apply, helm
    /// upgrade, docker stack deploy, gcloud/aws/az/heroku deploys, terraform apply, ansible-playbook, compose over ssh, …
    /// </summary>
    public static bool RunsDeploy(string lowerText)
    {
        ArgumentNullException.ThrowIfNull(lowerText);
        return System.Text.RegularExpressions.Regex.IsMatch(lowerText,
            @"\b(flyctl deploy|fly deploy|superfly/flyctl-actions|kubectl (apply|set image|rollout restart)|helm (upgrade|install)|docker stack deploy|gcloud (run|app|functions) deploy|aws ecs update-service|ecs-deploy|az (webapp|containerapp)|azure/webapps-deploy|heroku (container:release|deploy)|git push heroku|railway up|terraform apply|ansible-playbook|appleboy/ssh-action|ssh [^\n]*docker[ -]compose|dokku|kamal deploy|cap [\w-]+ deploy|vercel deploy|netlify deploy|wrangler deploy|serverless deploy|sam deploy|cdk deploy|pulumi up)\b",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
    }

    private static bool Detect(Repository repository)
    {
        if (repository.Files.Any(f => f.RelativePath is "cookiecutter.json" or "copier.yml" or "copier.yaml" || f.RelativePath.Contains("{{cookiecutter", StringComparison.Ordinal)))
        {
            return true;
        }

        var readme = repository.Files.FirstOrDefault(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase));
        if (readme is null || repository.GetText(readme)?.Content is not { } text)
        {
            return false;
        }

        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('<') && !l.StartsWith("[!", StringComparison.Ordinal) && !l.StartsWith("![", StringComparison.Ordinal)).Take(4).ToList();
        string title = lines.FirstOrDefault(l => l.StartsWith('#'))?.ToLowerInvariant() ?? string.Empty;
        string head = string.Join('\n', lines).ToLowerInvariant();
        return System.Text.RegularExpressions.Regex.IsMatch(title, @"\b(template|starter|boilerplate|demo|examples?|samples?|tutorial|hello[- ]?\w*)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexLimits.MatchTimeout)
            || System.Text.RegularExpressions.Regex.IsMatch(head, @"\b(is an? (\w+ )?(template|starter|boilerplate|scaffold)|(template|starter|boilerplate|starter kit) (for|to|with)|tutorial|(example|sample|demo|demonstration) (app|application|project|site)|example (of|for) (how|deploying|running|using)|launch kit|curated list of|(compose|docker) samples|a starting point|hello world|reference (app|application|architecture)|sample( [\w.]+){0,3} (app|application))\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
    }
}
