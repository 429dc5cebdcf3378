using JobSwipe.InfraLint.Syntax.Containers;

namespace JobSwipe.InfraLint.Tests.Syntax.Containers;

public class ImageReferenceTests
{
    // The name every rule compares: Docker Hub's registry spellings and library/ dropped, other registries kept.
    // index.docker.io/ and registry-1.docker.io/ were kept by two of the former copies (compose evidence, JSI2001's Vault check).
    [TestCase("postgres:16", "postgres")]
    [TestCase("Postgres", "postgres")]
    [TestCase("library/postgres:16-alpine", "postgres")]
    [TestCase("docker.io/library/postgres", "postgres")]
    [TestCase("index.docker.io/library/postgres:16", "postgres")]
    [TestCase("registry-1.docker.io/hashicorp/vault:1.15", "hashicorp/vault")]
    [TestCase("hashicorp/vault@sha256:abc", "hashicorp/vault")]
    [TestCase("ghcr.io/org/app:1.2", "ghcr.io/org/app")]
    [TestCase("localhost:5000/app:dev", "localhost:5000/app")]
    [TestCase("ghcr.io/library/app", "ghcr.io/library/app")]
    public void Name_is_the_comparable_image_name(string raw, string name) =>
        Assert.That(ImageReference.Parse(raw)!.Name, Is.EqualTo(name));

    [TestCase("postgres:16", "postgres")]
    [TestCase("bitnami/PostgreSQL:16@sha256:abc", "postgresql")]
    [TestCase("localhost:5000/redis", "redis")]
    public void Short_name_is_the_last_segment(string raw, string shortName) =>
        Assert.That(ImageReference.Parse(raw)!.ShortName, Is.EqualTo(shortName));

    [TestCase("redis:7", true)]
    [TestCase("docker.io/library/redis", true)]
    [TestCase("index.docker.io/redis", true)]
    [TestCase("bitnami/redis", false)]
    [TestCase("ghcr.io/redis", false)]
    [TestCase("${REGISTRY:-docker.io}/redis", false)]
    [TestCase("$IMAGE", false)]
    public void Official_images_are_docker_library_ones(string raw, bool official) =>
        Assert.That(ImageReference.Parse(raw)!.IsOfficial, Is.EqualTo(official));

    [Test]
    public void Blank_is_no_reference() =>
        Assert.That(ImageReference.Parse(" "), Is.Null);
}
