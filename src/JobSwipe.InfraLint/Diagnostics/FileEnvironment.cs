namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>Which environment a file configures (rules.md, "Environments").</summary>
public enum FileEnvironment
{
    /// <summary>Nothing in the path says; treated as development.</summary>
    Unspecified = 0,
    Development = 1,
    Production = 2,
}
