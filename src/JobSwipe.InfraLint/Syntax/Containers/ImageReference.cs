namespace JobSwipe.InfraLint.Syntax.Containers;

/// <summary>
/// A container image reference, <c>[registry/]repository[:tag][@digest]</c>, as written in a Dockerfile FROM, a compose
/// <c>image:</c> or a fly.toml <c>[build] image</c>: the one place that splits image names.
/// </summary>
public sealed record ImageReference(string Raw, string? Registry, string Repository, string? Tag, string? Digest)
{
    private static readonly string[] DockerHubRegistries = ["docker.io", "index.docker.io", "registry-1.docker.io"];

    /// <summary>True for <c>FROM scratch</c>.</summary>
    public bool IsScratch => string.Equals(Raw, "scratch", StringComparison.OrdinalIgnoreCase);

    public bool HasTag => Tag is not null;

    public bool HasDigest => Digest is not null;

    /// <summary>True when the image comes from Docker Hub (no registry, or one of Docker Hub's own names).</summary>
    public bool IsDockerHub => Registry is null || DockerHubRegistries.Contains(Registry.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>
    /// The image's name in lower case without tag or digest, and for Docker Hub images without the registry and the
    /// <c>library/</c> namespace (<c>docker.io/library/postgres:16</c> gives <c>postgres</c>, <c>hashicorp/vault</c>
    /// stays, <c>ghcr.io/org/app</c> keeps its registry).
    /// </summary>
    public string Name
    {
        get
        {
            string repository = Repository.ToLowerInvariant();
            if (!IsDockerHub)
            {
                return Registry!.ToLowerInvariant() + "/" + repository;
            }

            return repository.StartsWith("library/", StringComparison.Ordinal) ? repository["library/".Length..] : repository;
        }
    }

    /// <summary>The last segment of the repository in lower case (<c>bitnami/postgresql</c> gives <c>postgresql</c>).</summary>
    public string ShortName => Repository[(Repository.LastIndexOf('/') + 1)..].ToLowerInvariant();

    /// <summary>A docker-library official image (Docker Hub, no namespace, no variable in the name).</summary>
    public bool IsOfficial => IsDockerHub && !Name.Contains('/', StringComparison.Ordinal) && !Raw.Contains('$', StringComparison.Ordinal);

    /// <summary>Splits a reference; returns null for an empty or blank string.</summary>
    public static ImageReference? Parse(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        string rest = reference.Trim();
        string? digest = null;
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        int slash = rest.LastIndexOf('/');
        int colon = rest.LastIndexOf(':');
        if (colon > slash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        string? registry = null;
        int firstSlash = rest.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0)
        {
            string first = rest[..firstSlash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(firstSlash + 1)..];
            }
        }

        return new ImageReference(reference, registry, rest, tag, digest);
    }

    public override string ToString() => Raw;
}
