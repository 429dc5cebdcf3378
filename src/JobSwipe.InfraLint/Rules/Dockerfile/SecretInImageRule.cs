using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Common;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1008: ENV or ARG with a secret-like name and a literal value. The value is never printed.</summary>
public sealed class SecretInImageRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SecretInImage];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                Check(ctx, instruction is OnbuildInstruction { Trigger: { } trigger } ? trigger : instruction);
            }
        });

    private static void Check(FileAnalysisContext<DockerfileModel> ctx, DockerInstruction instruction)
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
            if (string.IsNullOrWhiteSpace(value) || !SecretHeuristics.IsSecretLikeName(pair.Key) || SecretHeuristics.ContainsReference(pair.RawValue)
                || SecretHeuristics.IsPlaceholder(value) || IsFlagValue(value))
            {
                continue;
            }

            string kind = instruction.Kind == DockerInstructionKind.Arg ? "ARG" : "ENV";
            string? known = SecretHeuristics.DescribeKnownDefault(value);
            ctx.Report(Descriptors.SecretInImage, pair.KeySpan, kind, pair.Key, known is null ? "" : $" ({known})");
        }
    }

    // true/false/on/off/numbers configure a feature (DISABLE_TOKEN_AUTH=true), they are not secrets.
    private static bool IsFlagValue(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "none" or "null" or "0" or "1"
        || value.Trim().All(char.IsAsciiDigit);
}
