using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1012: CMD or ENTRYPOINT in shell form (unless it starts with exec, or the stage's SHELL is not sh-like).</summary>
public sealed class ShellFormCommandRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1012", "Shell-form CMD or ENTRYPOINT",
        "{0} in shell form runs under /bin/sh -c, which does not forward SIGTERM to the application; use the exec form {0} [\"executable\", \"arg\"] (or start the command with exec)", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "CMD or ENTRYPOINT written as plain text runs as `/bin/sh -c \"...\"`: the shell is PID 1 and does not pass signals on, so `docker stop` waits for the timeout and kills the application. A shell form that starts with `exec` is not reported.", fix: FixAvailability.Unsafe);

    // Words a shell runs itself (builtins, keywords): as the first word of an exec form they would name no program.
    private static readonly HashSet<string> ShellOnly = new(StringComparer.Ordinal)
    {
        ".", ":", "source", "cd", "export", "set", "unset", "alias", "eval", "exec", "trap", "ulimit", "umask", "wait", "read", "shift",
        "if", "then", "for", "while", "until", "case", "function", "select", "time", "!", "{", "}", "[[", "((", "local", "declare", "typeset",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    if (instruction is CommandInstruction { Kind: DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint, IsExecForm: false, ShellCommand: { } shell } command
                        && !shell.Text.TrimStart().StartsWith("exec ", StringComparison.Ordinal)
                        && !RunShell.UsesNonPosixShell(ctx.Model, command))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(command.KeywordSpan), command.Kind == DockerInstructionKind.Cmd ? "CMD" : "ENTRYPOINT")
                            .WithFix(ToExecForm(ctx.Model.Text, command, shell, ctx.File.RelativePath)));
                    }
                }
            }
        });

    /// <summary>
    /// The exec form of a shell-form command when the split is unambiguous: one simple command of literal words (no
    /// variable, substitution, glob, tilde, operator, redirection, assignment or comment), whose first word is a
    /// program, not a shell builtin. Always unsafe: the process becomes PID 1 and receives signals itself, and an exec
    /// ENTRYPOINT (or an ENTRYPOINT the base image sets, for a CMD) receives arguments a shell form never saw.
    /// </summary>
    private static Fix? ToExecForm(SourceText text, CommandInstruction command, ShellSource shell, string path)
    {
        var parsed = shell.Parse();
        if (parsed.Errors.Count > 0 || parsed.Model is not { } script || script.Comments.Count > 0 || script.Shebang is not null
            || script.Body.Items is not [{ Pipelines: [{ Commands: [SimpleCommand { Name: { } name } simple], IsNegated: false, IsTimed: false }], IsBackground: false }]
            || simple.Assignments.Count > 0 || simple.Redirections.Count > 0 || ShellOnly.Contains(name.Value))
        {
            return null;
        }

        var words = simple.Words;
        if (words.Any(w => !w.IsLiteral || w.Text.StartsWith('~') || DisplayText.NeedsEscaping(w.Value)))
        {
            return null;
        }

        string json = "[" + string.Join(", ", words.Select(w => System.Text.Json.JsonSerializer.Serialize(w.Value, JsonOptions))) + "]";
        string title = command.Kind == DockerInstructionKind.Cmd ? "rewrite CMD in exec form" : "rewrite ENTRYPOINT in exec form";
        return Fix.Create(title, FixApplicability.Unsafe, path, TextEdit.Replace(text, command.ArgumentsSpan, json));
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
