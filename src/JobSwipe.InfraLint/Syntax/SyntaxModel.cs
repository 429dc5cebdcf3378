using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax;

/// <summary>A comment in a parsed file. <see cref="Text"/> is the comment body without its marker (<c>#</c>), trimmed.</summary>
public sealed record SyntaxComment(TextSpan Span, string Text);

/// <summary>A syntax error: a plain-words message and where it is.</summary>
public sealed record SyntaxError(string Message, TextSpan Span);

/// <summary>
/// Every parsed model carries its source text (for positions) and its comments (for suppressions).
/// Models are immutable once built, so rules can read them concurrently.
/// </summary>
public interface ISyntaxModel
{
    SourceText Text { get; }

    IReadOnlyList<SyntaxComment> Comments { get; }
}

/// <summary>
/// The outcome of parsing one file: the model (possibly partial) and the syntax errors. When there are
/// errors the engine reports JSI0001 and runs no other rule on the file.
/// </summary>
public sealed class ParseResult<T>
    where T : class, ISyntaxModel
{
    public ParseResult(T? model, IReadOnlyList<SyntaxError>? errors = null)
    {
        Model = model;
        Errors = errors ?? [];
    }

    public T? Model { get; }

    public IReadOnlyList<SyntaxError> Errors { get; }

    public bool Succeeded => Model is not null && Errors.Count == 0;

    public static ParseResult<T> Success(T model) => new(model);

    public static ParseResult<T> Failure(SyntaxError error, T? partial = null) => new(partial, [error]);
}
