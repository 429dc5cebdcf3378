using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>A model, or the syntax errors that kept one from being built.</summary>
public sealed record ParsedModel(ISyntaxModel? Model, IReadOnlyList<SyntaxError> Errors);

/// <summary>Which parser reads which kind of file. The engine registers every built-in parser here.</summary>
public static class ParserRegistry
{
    private static readonly Dictionary<FileKind, Func<SourceText, WorkspaceFile, ParsedModel>> Parsers = new()
    {
    };

    public static bool CanParse(FileKind kind) => Parsers.ContainsKey(kind);

    /// <summary>Parses a file's text. Parsers never throw; should one do so, the exception becomes a syntax error here.</summary>
    public static ParsedModel Parse(SourceText text, WorkspaceFile file)
    {
        if (!Parsers.TryGetValue(file.Kind, out var parse))
        {
            return new ParsedModel(null, []);
        }

        try
        {
            return parse(text, file);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParsedModel(null, [new SyntaxError($"the parser failed unexpectedly ({ex.GetType().Name}); please report this file's shape", new TextSpan(0, 0))]);
        }
    }

    private static Func<SourceText, WorkspaceFile, ParsedModel> From<T>(Func<SourceText, ParseResult<T>> parser)
        where T : class, ISyntaxModel =>
        (text, _) =>
        {
            var result = parser(text);
            return new ParsedModel(result.Model, result.Errors);
        };
}
