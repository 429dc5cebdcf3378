using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1001: a single-stage Dockerfile whose stage installs compilers or development headers and keeps them
/// (a RUN that removes packages again, the docker-library build-deps pattern, is not reported).
/// </summary>
public sealed class SingleStageBuildWithToolchainRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1001", "Build toolchain in a single-stage image",
        "the only stage installs the build toolchain {0}, so it ships in the final image; build in a separate stage and copy only the results into a slim runtime stage", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "A single-stage Dockerfile installs compilers or development headers (gcc, g++, build-essential, make, *-dev / *-devel packages, node-gyp). They stay in the image that runs in production: larger, slower to pull, and more attack surface. A multi-stage build compiles in a builder stage and copies only the artefacts into the runtime stage.");

    private static readonly HashSet<string> Toolchain = new(StringComparer.Ordinal)
    {
        "gcc", "g++", "gcc-c++", "clang", "make", "cmake", "build-essential", "build-base", "autoconf", "automake", "libtool", "gfortran", "rustc", "cargo", "golang", "golang-go", "node-gyp",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            if (ctx.Model.Stages is not [var stage])
            {
                return;
            }

            var found = new List<(string Name, TextSpan Span)>();
            foreach (DockerInstruction instruction in stage.Instructions)
            {
                var commands = RunShell.Of(instruction).Commands;
                if (commands.Any(PackageCommands.IsRemoval))
                {
                    continue;
                }

                foreach (RunCommand command in commands)
                {
                    foreach (var package in PackageCommands.Packages(command))
                    {
                        string name = PackageCommands.BareName(package.Value);
                        if (package.IsLiteral && IsToolchain(name))
                        {
                            found.Add((name, command.ToSource(package)));
                        }
                    }

                    if (command.Name is "npm" or "yarn" or "pnpm" && command.Arguments.Contains("node-gyp"))
                    {
                        found.Add(("node-gyp", command.NameSpan));
                    }
                }
            }

            if (found.Count == 0)
            {
                return;
            }

            string names = string.Join(", ", found.Select(f => f.Name).Distinct().Take(5)) + (found.Select(f => f.Name).Distinct().Count() > 5 ? ", ..." : "");
            ctx.ReportDiagnostic(Diagnostic.Create(
                Descriptor,
                ctx.GetLocation(stage.From.KeywordSpan),
                found.Select(f => ctx.GetLocation(f.Span)),
                names));
        });

    private static bool IsToolchain(string name) =>
        Toolchain.Contains(name) || name.StartsWith("gcc-", StringComparison.Ordinal) && char.IsAsciiDigit(name.Length > 4 ? name[4] : 'x')
        || name.EndsWith("-dev", StringComparison.Ordinal) || name.EndsWith("-devel", StringComparison.Ordinal);
}
