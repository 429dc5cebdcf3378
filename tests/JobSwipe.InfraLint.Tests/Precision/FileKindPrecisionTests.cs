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
}
