using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1008: ENV or ARG with a secret-like name and a literal value in a stage whose settings reach the image: the final
/// stage and the stages it is built FROM (COPY --from copies files, not ENV or ARG). A global ARG counts when such a
/// stage re-declares it. Build placeholders are not secrets. The value is never printed.
/// </summary>
public sealed class SecretInImageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1008", "Secret baked into the image",
        "{0} '{1}' has a hard-coded value that is stored in the image{2}; pass it at run time (environment, secrets store) or at build time with RUN --mount=type=secret", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Error,
        "An ENV or ARG with a secret-like name (password, token, secret, API key...) has a literal value. ENV values are in every container's environment and in `docker inspect`; ARG defaults are in the image history. Anyone who can pull the image can read them. Values that are references (${VAR}) or flags (true/false) are not reported, and the value is never printed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            IReadOnlyList<DockerStage> reaching = ctx.Model.FinalLineage();
            var redeclared = new HashSet<string>(StringComparer.Ordinal);
            foreach (DockerStage stage in reaching)
            {
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    DockerInstruction effective = instruction is OnbuildInstruction { Trigger: { } trigger } ? trigger : instruction;
                    if (effective is ArgInstruction arg)
                    {
                        redeclared.UnionWith(arg.Declarations.Where(d => d.RawValue is null).Select(d => d.Key));
                    }

                    Check(ctx, effective);
                }
            }

            foreach (ArgInstruction global in ctx.Model.GlobalArgs)
            {
                Check(ctx, global, redeclared);
            }
        });

    private static void Check(FileAnalysisContext<DockerfileDocument> ctx, DockerInstruction instruction, IReadOnlySet<string>? only = null)
    {
        IReadOnlyList<DockerKeyValue> pairs = instruction switch
        {
            ArgInstruction arg => arg.Declarations,
            KeyValueInstruction { Kind: DockerInstructionKind.Env } env => env.Pairs,
            _ => [],
        };

        foreach (DockerKeyValue pair in pairs)
        {
            string? value = pair.Value;
            if (only?.Contains(pair.Key) == false || string.IsNullOrWhiteSpace(value) || !SecretHeuristics.IsSecretLikeName(pair.Key)
                || SecretHeuristics.ContainsReference(pair.RawValue) || SecretHeuristics.IsPlaceholder(value) || IsFlagValue(value) || SecretHeuristics.IsBuildPlaceholder(value)
                || SecretHeuristics.IsFilePath(value))
            {
                continue;
            }

            string kind = instruction.Kind == DockerInstructionKind.Arg ? "ARG" : "ENV";
            string? known = SecretHeuristics.DescribeKnownDefault(value);
            ctx.Report(Descriptor, pair.KeySpan, kind, pair.Key, known is null ? "" : $" ({known})");
        }
    }

    // true/false/on/off/numbers configure a feature (DISABLE_TOKEN_AUTH=true), they are not secrets.
    private static bool IsFlagValue(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "none" or "null" or "0" or "1"
        || value.Trim().All(char.IsAsciiDigit);

}
