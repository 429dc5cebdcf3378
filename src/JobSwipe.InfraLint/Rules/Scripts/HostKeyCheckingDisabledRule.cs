using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4015: <c>StrictHostKeyChecking=no</c> or <c>UserKnownHostsFile=/dev/null</c> in a command, an assignment (GIT_SSH_COMMAND) or a heredoc.</summary>
public sealed partial class HostKeyCheckingDisabledRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4015", "Host key checking switched off",
        "{0} switches off SSH host key checking: anyone on the network path can impersonate the server; pin its key with ssh-keyscan into known_hosts (or a secret) instead", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script runs ssh, scp, sftp or rsync -e with StrictHostKeyChecking=no or UserKnownHostsFile=/dev/null (on the command line, in GIT_SSH_COMMAND, or written into an ssh config), so the deploy channel accepts any host key.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, ctx => Analyze(ScriptSink.For(ctx)));
        context.RegisterFileAction<CiPipeline>(FileKind.CiWorkflow, ctx =>
        {
            foreach (ScriptSink sink in ScriptSink.For(ctx))
            {
                Analyze(sink);
            }
        });
    }

    private static void Analyze(ScriptSink ctx)
    {
        foreach (CommandContext c in ctx.Model.EnumerateCommands())
        {
            SimpleCommand command = c.Command;
            if (MayNameAnOption(command))
            {
                var words = command.Assignments.Select(a => a.Value).Concat(command.Words.Select(w => w.Assignment is { } a && Disabled().IsMatch(a.Value.Value) ? a.Value : w)).ToList();
                for (int i = 0; i < words.Count; i++)
                {
                    ShellWord word = words[i];
                    string value = word.Value;
                    // `-o StrictHostKeyChecking no` is rare; the option is one word in practice (also -oStrictHostKeyChecking=no).
                    Match m = Disabled().Match(value);
                    if (!m.Success && i + 1 < words.Count && (value.Equals("StrictHostKeyChecking", StringComparison.OrdinalIgnoreCase) || value.Equals("-oStrictHostKeyChecking", StringComparison.OrdinalIgnoreCase)) && words[i + 1].Value.Equals("no", StringComparison.OrdinalIgnoreCase))
                    {
                        Report(ctx, TextSpan.FromBounds(word.Span.Start, words[i + 1].Span.Start + words[i + 1].Span.Length), "StrictHostKeyChecking no");
                        continue;
                    }

                    if (m.Success)
                    {
                        Report(ctx, word.Span, m.Groups["what"].Value + "=" + m.Groups["value"].Value);
                    }
                }
            }

            foreach (ShellRedirection r in command.Redirections)
            {
                if (r.Heredoc is { } heredoc && Disabled().Match(heredoc.Body) is { Success: true } hm)
                {
                    Report(ctx, heredoc.OperatorSpan, hm.Groups["what"].Value + " " + hm.Groups["value"].Value);
                }
            }
        }
    }

    /// <summary>
    /// False when no word of the command can hold either option: every finding on the command line needs "Chec"
    /// (StrictHostKeyChecking) or "nown" (UserKnownHostsFile) in some case, letters that no other character matches
    /// under the pattern's case-insensitivity. Most commands are skipped without a list or a pattern.
    /// </summary>
    private static bool MayNameAnOption(SimpleCommand command)
    {
        static bool Names(string value) => value.Contains("chec", StringComparison.OrdinalIgnoreCase) || value.Contains("nown", StringComparison.OrdinalIgnoreCase);
        foreach (var assignment in command.Assignments)
        {
            if (Names(assignment.Value.Value))
            {
                return true;
            }
        }

        foreach (ShellWord word in command.Words)
        {
            if (Names(word.Value) || word.Assignment is { } assignment && Names(assignment.Value.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(ScriptSink ctx, TextSpan span, string what) =>
        ctx.Report(Descriptor, span, what);

    [GeneratedRegex(@"(?<what>StrictHostKeyChecking)\s*[= ]\s*[""']?(?<value>no|off|false)\b|(?<what>UserKnownHostsFile)\s*[= ]\s*[""']?(?<value>/dev/null)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disabled();
}
