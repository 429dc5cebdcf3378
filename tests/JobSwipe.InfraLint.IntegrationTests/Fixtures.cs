namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>Infrastructure files the consumers are made of, with the positions their findings must have.</summary>
public static class Fixtures
{
    /// <summary>
    /// A development compose file (no environment suffix) with one JSI2001 and one JSI2002, both warnings there:
    /// line 4 runs Vault in dev mode (the finding points at the <c>-dev</c> flag of <c>server -dev</c>: columns 21-24, so the exclusive end column is 25);
    /// line 9 repeats <c>VAULT_URL</c> of line 8 (the key at columns 7-15, end 16). The other services' settings
    /// (pinned tags, no dependencies) keep every other rule below error.
    /// </summary>
    public const string DevCompose = """
        services:
          vault:
            image: hashicorp/vault:1.15.6
            command: server -dev
          api:
            image: example/api:1.4.2
            environment:
              VAULT_URL: http://vault:8200
              VAULT_URL: http://vault:8201
        """;

    public const string Jsi2001Position = "(4,21,4,25)";

    public const string Jsi2002Position = "(9,7,9,16)";

    /// <summary>The line JSI2002's message names: where VAULT_URL was first defined.</summary>
    public const int Jsi2002FirstLine = 8;

    /// <summary>
    /// A production compose file where Vault runs in dev mode through VAULT_DEV_ROOT_TOKEN_ID (line 5, the variable
    /// at columns 7-29, end 30): JSI2001 is an error in production files. The value is a reference, not a literal,
    /// so no hard-coded credential finding joins it.
    /// </summary>
    public const string ProductionCompose = """
        services:
          vault:
            image: hashicorp/vault:1.15.6
            environment:
              VAULT_DEV_ROOT_TOKEN_ID: ${VAULT_DEV_ROOT_TOKEN_ID}
        """;

    public const string ProductionJsi2001Position = "(5,7,5,30)";

    /// <summary>
    /// A compose file that is not valid YAML: line 4 is indented less than its siblings, and YamlDotNet reports
    /// "did not find expected key" at line 4, column 4.
    /// </summary>
    public const string BrokenCompose = """
        services:
          web:
            image: nginx:1.27
           bad: indentation
        """;

    public const int BrokenLine = 4;

    public const int BrokenColumn = 4;
}
