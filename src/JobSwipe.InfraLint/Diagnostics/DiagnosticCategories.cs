namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>The categories of the built-in descriptors: the engine's own and one per file family of the rules.</summary>
public static class DiagnosticCategories
{
    public const string Engine = "Engine";
    public const string Dockerfile = "Dockerfile";
    public const string Compose = "Compose";
    public const string Fly = "Fly";
    public const string Scripts = "Scripts";
    public const string Secrets = "Secrets";
    public const string Entrypoints = "Entrypoints";
    public const string Repository = "Repository";
}
