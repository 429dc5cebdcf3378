using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>Location and extension decide a file's kind before a name-based Dockerfile match.</summary>
public class FileKindPrecisionTests
{
    [TestCase(".github/workflows/dockerfile.yaml", FileKind.CiWorkflow)]
    [TestCase(".github/workflows/Dockerfile.yml", FileKind.CiWorkflow)]
    [TestCase("docker/Dockerfile.prod", FileKind.Dockerfile)]
    [TestCase("{{cookiecutter.project_slug}}/compose/production/django/Dockerfile", FileKind.Other)]
    [TestCase("{{cookiecutter.project_slug}}/docker-compose.production.yml", FileKind.Other)]
    public void Workflows_are_classified_before_dockerfiles_and_generator_input_is_not_classified(string path, FileKind kind) =>
        Assert.That(FileClassifier.Classify(path), Is.EqualTo(kind));

    // Sweep 5: a program that writes Dockerfiles is named like one in lower case; a capitalised variant stays a Dockerfile.
    [TestCase("lib/app/hubs/dockerfile.ex", FileKind.Other)]
    [TestCase("internal/build/dockerfile.go", FileKind.Other)]
    [TestCase("src/generators/dockerfile.ts", FileKind.Other)]
    [TestCase("images/Dockerfile.go", FileKind.Dockerfile)]
    [TestCase("dockerfile.prod", FileKind.Dockerfile)]
    public void A_lower_case_dockerfile_with_a_source_code_extension_is_source_code(string path, FileKind kind) =>
        Assert.That(FileClassifier.Classify(path), Is.EqualTo(kind));
}
