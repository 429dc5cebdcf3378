using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1014: pip install without --no-cache-dir in a stage that ends up in the final image.</summary>
public sealed partial class PipInstallKeepsCacheRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1014", "pip install keeps its cache",
        "pip install without --no-cache-dir keeps the download cache in the layer; add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use RUN --mount=type=cache,target=/root/.cache/pip", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "pip install keeps downloaded wheels in ~/.cache/pip, inside the image layer. Not reported when --no-cache-dir is given, PIP_NO_CACHE_DIR is set (ENV or in the RUN), or a cache mount holds the pip cache.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.FinalLineage())
            {
                bool envSet = ctx.Model.Lineage(stage).Skip(1).Any(s => s.Instructions.OfType<KeyValueInstruction>()
                    .Any(e => e.Kind == DockerInstructionKind.Env && e.Pairs.Any(p => p.Key == "PIP_NO_CACHE_DIR" && DisablesCache(p.Value))));
                if (envSet)
                {
                    continue;
                }

                // One finding per stage: one ENV PIP_NO_CACHE_DIR=1 fixes every pip install in it.
                var spans = new List<(TextSpan Verb, bool Nested)>();
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    DockerInstruction run = instruction is OnbuildInstruction { Trigger: { } trigger } ? trigger : instruction;
                    RunShell shell = RunShell.Of(run);
                    if (shell.Commands.Count == 0 || HasCacheMount(run) || run.Variables.TryGetValue("PIP_NO_CACHE_DIR", out string? v) && DisablesCache(v)
                        || shell.Script?.Assignments.Any(a => a.Name == "PIP_NO_CACHE_DIR" && DisablesCache(a.Value?.Value)) == true)
                    {
                        continue;
                    }

                    foreach (RunCommand command in shell.Commands)
                    {
                        if (PipInstallVerb(command) is { } verb && !command.Command.HasFlag("no-cache-dir")
                            && !command.WrapperWords.Any(w => w.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal) && DisablesCache(w.Value["PIP_NO_CACHE_DIR=".Length..])))
                        {
                            spans.Add((command.ToSource(verb), command.IsNested));
                        }
                    }
                }

                if (spans.Count > 0)
                {
                    // The fix adds --no-cache-dir to every install of the finding (none when one is nested in a substitution).
                    var fix = spans.Any(s => s.Nested) ? null : Fix.Create("add --no-cache-dir", FixApplicability.Safe, ctx.File.RelativePath, spans.Select(s => TextEdit.Insert(ctx.Model.Text, s.Verb.End, " --no-cache-dir")));
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(spans[0].Verb), [.. spans.Skip(1).Select(s => ctx.GetLocation(s.Verb))]).WithFix(fix));
                }
            }
        });

    /// <summary>
    /// True when a RUN mounts a cache or tmpfs on pip's cache folder (or a folder above it): the downloads then never reach
    /// the layer. pip's cache folder is PIP_CACHE_DIR when set, else $XDG_CACHE_HOME/pip, else ~/.cache/pip.
    /// </summary>
    public static bool HasCacheMount(DockerInstruction run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cacheDirs = new List<string> { "/root/.cache/pip" };
        if (run.Variables.TryGetValue("PIP_CACHE_DIR", out string? pipCache) && !string.IsNullOrEmpty(pipCache))
        {
            cacheDirs.Add(pipCache.TrimEnd('/'));
        }

        if (run.Variables.TryGetValue("XDG_CACHE_HOME", out string? xdg) && !string.IsNullOrEmpty(xdg))
        {
            cacheDirs.Add(xdg.TrimEnd('/') + "/pip");
        }

        foreach (DockerFlag flag in run.Flags.Where(f => f.Name == "mount"))
        {
            string type = flag.GetOption("type") ?? "bind";
            string? target = (flag.GetOption("target") ?? flag.GetOption("dst") ?? flag.GetOption("destination"))?.TrimEnd('/');
            if (!type.Equals("cache", StringComparison.OrdinalIgnoreCase) && !type.Equals("tmpfs", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(target))
            {
                continue;
            }

            if (target.EndsWith("/.cache/pip", StringComparison.Ordinal) || target.EndsWith("/.cache", StringComparison.Ordinal)
                || cacheDirs.Any(d => d == target || d.StartsWith(target + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // pip reads PIP_NO_CACHE_DIR as a boolean and turns the cache off for any boolean it accepts: true-like values, and,
    // for backward compatibility, false-like ones too (0, off, no, false). See docs/rules/JSI1014.md.
    private static bool DisablesCache(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "y" or "yes" or "t" or "true" or "on" or "0" or "n" or "no" or "f" or "false" or "off";

    // pip, pip2, pip3, pip3.12; python -m pip, python3.12 -m pip.
    private static bool IsPip(string name) => PipName().IsMatch(name);

    [GeneratedRegex(@"^pip[23]?(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PipName();

    private static ShellWord? PipInstallVerb(RunCommand command)
    {
        string? name = command.Name;
        var args = command.ArgumentWords;
        int i;
        if (name is not null && IsPip(name))
        {
            i = 0;
        }
        else if (name is not null && name.StartsWith("python", StringComparison.Ordinal))
        {
            int m = -1;
            for (int k = 0; k + 1 < args.Count; k++)
            {
                if (args[k].Value == "-m" && IsPip(args[k + 1].Value))
                {
                    m = k;
                    break;
                }
            }

            if (m < 0)
            {
                return null;
            }

            i = m + 2;
        }
        else
        {
            return null;
        }

        for (; i < args.Count; i++)
        {
            if (args[i].Value.StartsWith('-'))
            {
                continue;
            }

            return args[i].Value == "install" ? args[i] : null;
        }

        return null;
    }
}
