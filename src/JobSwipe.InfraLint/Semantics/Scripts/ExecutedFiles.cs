using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>A file of the repository that something runs directly (as a program, not through <c>bash file</c>).</summary>
/// <remarks><c>InContainer</c> is true when a Dockerfile runs it inside a (Linux) image; <c>ModeFixed</c> when the Dockerfile sets its mode itself (<c>chmod</c>, <c>COPY --chmod</c>).</remarks>
public sealed record ExecutedFile(WorkspaceFile Target, WorkspaceFile By, SourceText Text, TextSpan Span, string How, bool InContainer, bool ModeFixed);

/// <summary>
/// Finds the files that are run directly: <c>./deploy.sh</c> or <c>scripts/x.sh</c> as a command of a script (resolved from
/// the folders the script runs in), a CI step's <c>run:</c> script doing the same (from the repository root), and a
/// Dockerfile <c>RUN</c>/<c>ENTRYPOINT</c>/<c>CMD</c> running a file COPYed from the build context (container paths mapped back
/// through the COPY instructions). One pass per run (a shared fact: JSI4013 and JSI4014 both ask).
/// </summary>
public static class ExecutedFiles
{
    public static IReadOnlyList<ExecutedFile> Collect(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("files run directly", Compute);
    }

    private static IReadOnlyList<ExecutedFile> Compute(Repository repository)
    {
        var result = new List<ExecutedFile>();
        foreach (WorkspaceFile file in repository.GetFiles(FileKind.ShellScript))
        {
            if (repository.GetModel<ShellScript>(file) is not { } script)
            {
                continue;
            }

            var facts = ScriptFacts.For(script);
            foreach (ScriptCommand command in facts.Commands)
            {
                ShellWord program = command.Command.Program!;
                if (MayResolve(program) && Resolve(program, FlyTargets.WorkingDirectories(file, facts, command), file.Directory, repository) is { } target)
                {
                    result.Add(new ExecutedFile(target, file, script.Text, program.Span, "runs it as " + program.Value, false, false));
                }
            }
        }

        foreach (WorkspaceFile file in repository.GetFiles(FileKind.CiWorkflow))
        {
            if (repository.GetModel<CiPipeline>(file) is not { } pipeline)
            {
                continue;
            }

            foreach (CiStep step in pipeline.AllSteps)
            {
                if (step.RunScript is not { } run || step.ParseRunScript() is not { } script)
                {
                    continue;
                }

                foreach (CommandContext c in script.EnumerateCommands())
                {
                    if (c.Command.Program is { } name && MayResolve(name) && Resolve(name, [""], "", repository) is { } target)
                    {
                        result.Add(new ExecutedFile(target, file, pipeline.Text, run.MapValueSpanToSource(name.Span.Start, name.Span.Length), "a CI step runs it as " + script.Restore(name.Value), false, false));
                    }
                }
            }
        }

        foreach (WorkspaceFile file in repository.GetFiles(FileKind.Dockerfile))
        {
            if (repository.GetModel<DockerfileDocument>(file) is not { } dockerfile)
            {
                continue;
            }

            foreach (DockerStage stage in dockerfile.Stages)
            {
                string workdir = "/";
                var copies = new List<(string Destination, string Source, bool DestinationIsDirectory, bool Chmod)>();
                var chmodded = new HashSet<string>(StringComparer.Ordinal);
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    if (instruction.Kind == DockerInstructionKind.Workdir && instruction.Arguments.Count > 0)
                    {
                        string w = instruction.Arguments[0].Text.Trim('"');
                        workdir = w.StartsWith('/') ? w.TrimEnd('/') : workdir.TrimEnd('/') + "/" + w.TrimEnd('/');
                    }
                    else if (instruction is CopyInstruction { From: null } copy && copy.Destination is { } destination)
                    {
                        string dest = destination.Text.Trim('"');
                        string destAbs = dest.StartsWith('/') ? dest : workdir.TrimEnd('/') + "/" + (dest is "." or "./" ? "" : dest);
                        bool chmod = copy.GetFlag("chmod") is not null;
                        foreach (DockerToken source in copy.SourcePaths)
                        {
                            copies.Add((destAbs.TrimEnd('/'), source.Text.Trim('"'), dest.EndsWith('/') || dest is "." or "./" || copy.SourcePaths.Count > 1, chmod));
                        }
                    }
                    else if (instruction is CommandInstruction command)
                    {
                        foreach (var (word, span) in ProgramWords(command))
                        {
                            if (command.Kind == DockerInstructionKind.Run && word == "chmod")
                            {
                                foreach (var (arg, _) in AllWords(command))
                                {
                                    chmodded.Add(Absolute(arg, workdir));
                                }

                                continue;
                            }

                            if (!(word.StartsWith('/') || word.StartsWith("./", StringComparison.Ordinal)) || word.Contains('$', StringComparison.Ordinal))
                            {
                                continue;
                            }

                            string path = Absolute(word, workdir);
                            if (MapToContext(path, copies, file.Directory, repository) is { } mapped && repository.GetFile(mapped.Path) is { } target)
                            {
                                result.Add(new ExecutedFile(target, file, dockerfile.Text, span, $"{command.Keyword.ToUpperInvariant()} runs it as {word}", true, mapped.Chmod || chmodded.Contains(path)));
                            }
                        }
                    }
                }
            }
        }

        return result;
    }

    private static string Absolute(string word, string workdir) => word.StartsWith('/') ? word : workdir.TrimEnd('/') + "/" + (word.StartsWith("./", StringComparison.Ordinal) ? word[2..] : word);

    private static (string Path, bool Chmod)? MapToContext(string containerPath, List<(string Destination, string Source, bool DestinationIsDirectory, bool Chmod)> copies, string context, Repository repository)
    {
        for (int i = copies.Count - 1; i >= 0; i--)
        {
            var (dest, source, destIsDir, chmod) = copies[i];
            if (Repository.Combine(context, source) is not { } src)
            {
                continue;
            }

            bool sourceIsFile = repository.FileExists(src);
            if (sourceIsFile)
            {
                string name = src[(src.LastIndexOf('/') + 1)..];
                if ((!destIsDir && dest == containerPath) || (destIsDir && dest + "/" + name == containerPath))
                {
                    return (src, chmod);
                }
            }
            else if (containerPath.StartsWith(dest + "/", StringComparison.Ordinal) && Repository.Combine(src, containerPath[(dest.Length + 1)..]) is { } inside)
            {
                return (inside, chmod);
            }
        }

        return null;
    }

    // The program of each command of a RUN/CMD/ENTRYPOINT (exec form: the first token).
    private static IEnumerable<(string Word, TextSpan Span)> ProgramWords(CommandInstruction instruction)
    {
        if (instruction.IsExecForm)
        {
            if (instruction.ExecArguments.Count > 0)
            {
                yield return (instruction.ExecArguments[0].Text.Trim('"'), instruction.ExecArguments[0].Span);
            }

            yield break;
        }

        if (instruction.ShellCommand is { } shell && shell.Parse().Model is { } script)
        {
            foreach (CommandContext c in script.EnumerateCommands())
            {
                if (CommandLine.From(c.Command) is { } line)
                {
                    yield return (line.NameWord.Value, shell.MapToSource(line.NameWord.Span));
                }
            }
        }
    }

    private static IEnumerable<(string Word, TextSpan Span)> AllWords(CommandInstruction instruction)
    {
        if (instruction.ShellCommand is { } shell && shell.Parse().Model is { } script)
        {
            foreach (CommandContext c in script.EnumerateCommands())
            {
                if (c.Command.ProgramValue == "chmod")
                {
                    foreach (ShellWord w in c.Command.ProgramArguments)
                    {
                        yield return (w.Value, w.Span);
                    }
                }
            }
        }
    }

    // Whether Resolve can find anything for this program word: a path relative to the script's folder (the check
    // comes before the folders a command runs in are worked out, which most commands never need).
    private static bool MayResolve(ShellWord name) => IsDirnamePath(name.Value) || IsRelativePath(name);

    private static bool IsDirnamePath(string value) =>
        value.StartsWith("$(dirname", StringComparison.Ordinal) && (value.Contains("$0", StringComparison.Ordinal) || value.Contains("BASH_SOURCE", StringComparison.Ordinal));

    private static bool IsRelativePath(ShellWord name) =>
        name.IsLiteral && name.Value.Contains('/', StringComparison.Ordinal) && !name.Value.StartsWith('/') && !name.Value.StartsWith("~", StringComparison.Ordinal);

    private static WorkspaceFile? Resolve(ShellWord name, IReadOnlyList<string> directories, string scriptDir, Repository repository)
    {
        string value = name.Value;
        if (IsDirnamePath(value))
        {
            int close = value.IndexOf(')', StringComparison.Ordinal);
            return close >= 0 && Repository.Combine(scriptDir, value[(close + 1)..].TrimStart('/')) is { } p ? repository.GetFile(p) : null;
        }

        if (!IsRelativePath(name))
        {
            return null;
        }

        foreach (string dir in directories)
        {
            if (Repository.Combine(dir, value) is { } path && repository.GetFile(path) is { } file)
            {
                return file;
            }
        }

        return null;
    }
}
