namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// A linter a team would pick instead of InfraLint for one kind of file. Each runs once over all the files of its kind,
/// passed as relative paths on one command line from the root (one process, as a CI step would run it).
/// </summary>
/// <param name="Name">The command.</param>
/// <param name="Install">How to install it on this machine's OS (docs/benchmarks.md).</param>
/// <param name="Covers">Which files it is given.</param>
/// <param name="Select">Picks those files from the generated repository's relative paths.</param>
/// <param name="Options">Options before the files.</param>
/// <param name="VersionArguments">Prints its version.</param>
public sealed record Peer(string Name, string Install, string Covers, Func<string, bool> Select, IReadOnlyList<string> Options, IReadOnlyList<string> VersionArguments)
{
    public static IReadOnlyList<Peer> All { get; } =
    [
        new("dockerfilelint", "npm install -g dockerfilelint", "every Dockerfile", p => Path.GetFileName(p) == "Dockerfile", [], ["--version"]),
        new("dclint", "npm install -g dclint", "every compose file", p => Path.GetFileName(p) is "compose.yml" or "docker-compose.yml", [], ["--version"]),
        new("shellcheck", "apt-get install -y shellcheck", "every shell script", p => p.EndsWith(".sh", StringComparison.Ordinal), [], ["--version"]),
        new("yamllint", "apt-get install -y yamllint", "every YAML file", p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal), ["-f", "parsable"], ["--version"]),
    ];

    public string? FindExecutable() => ChildProcess.FindOnPath(Name);

    /// <summary>The version line, e.g. "version: 0.9.0" from ShellCheck's banner.</summary>
    public string Version(string executable)
    {
        string? line = ChildProcess.FirstLine(executable, [.. VersionArguments]);
        if (Name == "shellcheck")
        {
            // "ShellCheck - shell script analysis tool" comes first; the version is on the next line.
            var start = new System.Diagnostics.ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = System.Diagnostics.Process.Start(start)!;
            line = process.StandardOutput.ReadToEnd().Split('\n').FirstOrDefault(l => l.StartsWith("version:", StringComparison.Ordinal))?["version:".Length..].Trim() ?? line;
            process.WaitForExit();
        }

        return line?.Replace(Name, string.Empty, StringComparison.OrdinalIgnoreCase).Trim() ?? "unknown";
    }
}
