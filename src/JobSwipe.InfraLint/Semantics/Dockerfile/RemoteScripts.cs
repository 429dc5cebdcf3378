using JobSwipe.InfraLint.Syntax.Shell;

namespace JobSwipe.InfraLint.Semantics.Dockerfile;

/// <summary>
/// Remote scripts run without a check in a RUN: curl or wget piped into a shell or interpreter (<c>curl -fsSL url | sh</c>),
/// or <c>sh -c "$(curl url)"</c>. JSI1007 reports them; JSI1015 leaves their pipe to it (one problem, one finding: the fix,
/// downloading to a file and verifying it, removes the pipe).
/// </summary>
internal static class RemoteScripts
{
    private static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node" };

    /// <summary>Each interpreter of the RUN that runs a downloaded script, with the download it reads (null for a command substitution).</summary>
    public static IEnumerable<(RunCommand Receiver, RunCommand? Download)> Find(IReadOnlyList<RunCommand> commands)
    {
        foreach (RunCommand receiver in commands)
        {
            if (!IsInterpreter(receiver.Name) || !ReadsStdinOrSubstitution(receiver, out bool viaSubstitution))
            {
                continue;
            }

            RunCommand? download = viaSubstitution
                ? null
                : commands.FirstOrDefault(c => c.Context.Pipeline is not null && ReferenceEquals(c.Context.Pipeline, receiver.Context.Pipeline)
                    && c.Context.PipelineIndex < receiver.Context.PipelineIndex && IsDownload(c));
            if (viaSubstitution || download is not null)
            {
                yield return (receiver, download);
            }
        }
    }

    private static bool IsInterpreter(string? name) =>
        name is not null && (Interpreters.Contains(name) || name.StartsWith("python3.", StringComparison.Ordinal));

    private static bool IsDownload(RunCommand command) => command.Name is "curl" or "wget";

    // `| sh`, `| sh -s -- args`, `| python3 -`; or `sh -c "$(curl ...)"`.
    private static bool ReadsStdinOrSubstitution(RunCommand receiver, out bool viaSubstitution)
    {
        viaSubstitution = false;
        var args = receiver.ArgumentWords;
        for (int i = 0; i < args.Count; i++)
        {
            string value = args[i].Value;
            if (value.Length > 1 && value[0] == '-' && value[1] != '-' && value.Contains('c', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                viaSubstitution = args[i + 1].CommandSubstitutions.Any(s => ContainsDownload(s.Body));
                return viaSubstitution;
            }

            if (value is "-" or "/dev/stdin")
            {
                return receiver.Context.IsPiped;
            }

            if (value.StartsWith('-'))
            {
                if (value is "-s" or "--")
                {
                    return receiver.Context.IsPiped;
                }

                continue;
            }

            return false;
        }

        return receiver.Context.IsPiped;
    }

    private static bool ContainsDownload(ShellCommandList body) =>
        body.Items.SelectMany(i => i.Pipelines).SelectMany(p => p.Commands).OfType<SimpleCommand>()
            .Any(c => c.NameValue is { } n && n[(n.LastIndexOf('/') + 1)..] is "curl" or "wget");
}
