using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1016: cd to a fixed folder at the top level of a RUN, followed by other commands, or a RUN that is only a cd (use WORKDIR).</summary>
public sealed class CdInsteadOfWorkdirRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.CdInsteadOfWorkdir];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                var commands = RunShell.Of(instruction).Commands;
                if (commands is [{ Name: "cd", IsNested: false, Context: { Function: null, IsInSubshell: false }, ArgumentWords: [var only] } lone])
                {
                    // RUN cd /dir alone: it changes nothing at all, the directory change ends with the RUN.
                    ctx.Report(Descriptors.CdInsteadOfWorkdir, lone.NameSpan, only.Value);
                    continue;
                }

                for (int i = 0; i < commands.Count - 1; i++)
                {
                    RunCommand command = commands[i];
                    if (command.Name != "cd" || command.IsNested || command.Context.IsInSubshell || command.Context.IsInCommandSubstitution || command.Context.Function is not null
                        || command.ArgumentWords is not [var target] || !target.IsLiteral || target.Value is "-" or "/" || IsTemporary(target.Value)
                        || RemovedLater(commands, i, target.Value))
                    {
                        continue;
                    }

                    ctx.Report(Descriptors.CdInsteadOfWorkdir, command.NameSpan, target.Value);
                }
            }
        });

    // cd /usr/src/python && ./configure && make ... && rm -rf /usr/src/python: a scratch build folder, not a working directory.
    private static bool RemovedLater(IReadOnlyList<RunCommand> commands, int index, string target)
    {
        string t = target.TrimEnd('/');
        return commands.Skip(index + 1).Any(c => c.Name == "rm" && c.Arguments.Any(a =>
        {
            string r = a.TrimEnd('/');
            return r == t || r.StartsWith(t + "/", StringComparison.Ordinal) || t.StartsWith(r + "/", StringComparison.Ordinal);
        }));
    }

    // cd /tmp, cd /tmp/build: scratch work that is deleted in the same RUN, not a working directory.
    private static bool IsTemporary(string path) => path.StartsWith("/tmp", StringComparison.Ordinal) || path.StartsWith("/var/tmp", StringComparison.Ordinal) || path == "..";
}
