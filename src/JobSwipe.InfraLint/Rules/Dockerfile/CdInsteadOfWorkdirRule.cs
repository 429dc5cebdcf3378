using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1016: cd to a fixed folder at the top level of a RUN, followed by other commands, or a RUN that is only a cd (use
/// WORKDIR). One finding per stage and folder: one WORKDIR replaces every such cd.
/// </summary>
public sealed class CdInsteadOfWorkdirRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1016", "cd used instead of WORKDIR",
        "cd {0} changes the directory for the rest of this RUN only; use WORKDIR {0} for the instructions that follow", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "A RUN starts with `cd dir && ...` to set the working directory for its commands. WORKDIR does that for every later instruction and is visible in the image. `cd` inside a subshell or a command group is not reported.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            // One finding per stage and folder: one WORKDIR replaces every `cd` to it in the stage.
            var byFolder = new Dictionary<(int Stage, string Folder), List<TextSpan>>();
            void Add(int stage, string folder, TextSpan span)
            {
                if (!byFolder.TryGetValue((stage, folder), out var spans))
                {
                    byFolder[(stage, folder)] = spans = [];
                }

                spans.Add(span);
            }

            foreach (DockerStage stage in ctx.Model.Stages)
            foreach (DockerInstruction instruction in stage.Instructions)
            {
                var commands = RunShell.Of(instruction).Commands;
                if (commands is [{ Name: "cd", IsNested: false, Context: { Function: null, IsInSubshell: false }, ArgumentWords: [var only] } lone])
                {
                    // RUN cd /dir alone: it changes nothing at all, the directory change ends with the RUN.
                    Add(stage.Index, only.Value, lone.NameSpan);
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

                    Add(stage.Index, target.Value, command.NameSpan);
                }
            }

            foreach (var ((_, folder), spans) in byFolder)
            {
                ctx.Report(Descriptor, spans, folder);
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
