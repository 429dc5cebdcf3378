using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>Location and extension decide a file's kind before a name-based Dockerfile match.</summary>
public class FileKindPrecisionTests
{
    [TestCase(".github/workflows/dockerfile.yaml", FileKind.CiWorkflow)]
    [TestCase(".github/workflows/Dockerfile.yml", FileKind.CiWorkflow)]
    [TestCase("docker/Dockerfile.prod", FileKind.Dockerfile)]
    public void Workflows_are_classified_before_dockerfiles(string path, FileKind kind) =>
        Assert.That(FileClassifier.Classify(path), Is.EqualTo(kind));
}
