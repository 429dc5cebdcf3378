using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2002: a key written twice in one mapping of a compose file (any mapping: services, environment, labels…),
/// and a variable listed twice in a list-form <c>environment</c>. Keys brought in by <c>&lt;&lt;:</c> merges are
/// overrides, not duplicates. Reports the second occurrence and names the first.
/// </summary>
public sealed class DuplicateKeyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2002", "Key defined twice",
        "{0} '{1}' is defined twice in this mapping (first on line {2}); only the last definition takes effect", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A key appears twice in one YAML mapping, or a variable twice in a list-form environment. YAML parsers keep one of the two silently, so one definition is lost; usually the one the author meant to change.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        var text = context.Model.Text;
        foreach (var document in context.Model.Yaml.Documents)
        {
            if (document.Root is null)
            {
                continue;
            }

            // Iterative walk with the key each node hangs under; alias nodes are not entered (their anchor was).
            var pending = new Stack<(YamlNode Node, string? ParentKey, string? GrandparentKey)>();
            pending.Push((document.Root, null, null));
            while (pending.Count > 0)
            {
                var (node, parentKey, grandparentKey) = pending.Pop();
                if (node.IsAlias)
                {
                    continue;
                }

                if (node is YamlMapping mapping)
                {
                    foreach (var (first, duplicate) in mapping.Duplicates)
                    {
                        int firstLine = text.GetPosition(first.Key.Span.Start).Line;
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            context.GetLocation(duplicate.Key.Span),
                            [context.GetLocation(first.Key.Span)],
                            Describe(parentKey, grandparentKey),
                            duplicate.KeyText,
                            firstLine).WithFix(DropFirst(context, mapping, first, duplicate)));
                    }

                    for (int i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        var entry = mapping.Entries[i];
                        pending.Push((entry.Value, entry.KeyText, parentKey));
                    }
                }
                else if (node is YamlSequence sequence)
                {
                    for (int i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push((sequence.Items[i], parentKey, grandparentKey));
                    }
                }
            }
        }

        foreach (var service in context.Model.Services)
        {
            var seen = new Dictionary<string, ComposeKeyValue>(StringComparer.Ordinal);
            foreach (var variable in service.Environment.Where(e => e.IsFromList))
            {
                if (seen.TryGetValue(variable.Key, out var first))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        context.GetLocation(variable.KeySpan),
                        [context.GetLocation(first.KeySpan)],
                        "environment variable",
                        variable.Key,
                        text.GetPosition(first.KeySpan.Start).Line).WithFix(DropFirstItem(context, first, variable)));
                }
                else
                {
                    seen[variable.Key] = variable;
                }
            }
        }
    }

    /// <summary>Deletes the earlier entry: safe when both values are the same text, unsafe otherwise (the later value then wins, as most YAML loaders already decide).</summary>
    private static Fix? DropFirst(FileAnalysisContext<ComposeDocument> context, YamlMapping mapping, YamlMappingEntry first, YamlMappingEntry duplicate)
    {
        var text = context.Model.Text;
        if (mapping.IsFlow || first.IsMerged || first.Key.IsAlias || first.Value.IsAlias || duplicate.Value.IsAlias
            || FixEdits.DeleteBlockLines(text, first.Key.Span.Start, first.Span.End, sequenceItem: false) is not { } edit)
        {
            return null;
        }

        bool same = first.Value is YamlScalar a && duplicate.Value is YamlScalar b ? a.Value == b.Value && a.Tag == b.Tag : SameText(text, first.Value, duplicate.Value);
        return Fix.Create($"remove the first '{first.KeyText}'", same ? FixApplicability.Safe : FixApplicability.Unsafe, context.File.RelativePath, edit);
    }

    /// <summary>The same for a variable listed twice in a list-form environment.</summary>
    private static Fix? DropFirstItem(FileAnalysisContext<ComposeDocument> context, ComposeKeyValue first, ComposeKeyValue duplicate)
    {
        if (first.Node is not YamlScalar { IsAlias: false } item || FixEdits.DeleteBlockLines(context.Model.Text, item.Span.Start, item.Span.End, sequenceItem: true) is not { } edit)
        {
            return null;
        }

        return Fix.Create($"remove the first '{first.Key}'", first.Value == duplicate.Value ? FixApplicability.Safe : FixApplicability.Unsafe, context.File.RelativePath, edit);
    }

    // Block values (mappings, sequences) are the same when their lines are, indentation aside.
    private static bool SameText(SourceText text, YamlNode a, YamlNode b)
    {
        static string Normalize(string s) => string.Join('\n', s.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()));
        return a.GetType() == b.GetType() && Normalize(text.GetText(a.Span)) == Normalize(text.GetText(b.Span));
    }

    private static string Describe(string? parentKey, string? grandparentKey) => parentKey switch
    {
        "environment" => "environment variable",
        "services" when grandparentKey is null => "service",
        "labels" => "label",
        "args" => "build argument",
        "volumes" or "networks" or "secrets" or "configs" when grandparentKey is null => parentKey.TrimEnd('s') + " declaration",
        _ => "key",
    };
}
