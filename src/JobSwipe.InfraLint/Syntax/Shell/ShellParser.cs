using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>
/// Parses POSIX sh and bash scripts (never executes them). Recursive descent over an on-demand tokenizer with an
/// explicit nesting limit; never throws. The first syntax error stops the parse and a partial model is returned.
/// </summary>
public static class ShellParser
{
    /// <summary>
    /// The maximum nesting depth. Every command (simple or compound), substitution, <c>${...}</c> expansion and array
    /// literal counts one level, so <c>$(cmd $(cmd ...))</c> uses two levels per substitution.
    /// </summary>
    public const int MaxDepth = 256;

    public static ParseResult<ShellScript> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, new TextSpan(0, text.Length));
    }

    /// <summary>
    /// Parses only <paramref name="range"/> of <paramref name="text"/> (a Dockerfile RUN command, a CI <c>run:</c> block);
    /// every span of the model points into <paramref name="text"/>.
    /// </summary>
    public static ParseResult<ShellScript> Parse(SourceText text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = Math.Clamp(range.Start, 0, text.Length);
        int end = Math.Clamp(range.End, start, text.Length);
        var parser = new ShellParserCore(text, start, end);
        ShellCommandList body;
        try
        {
            body = parser.ParseScript();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defensive: a parser bug must not break the build.
            parser.ReportInternal(ex);
            body = new ShellCommandList(TextSpan.FromBounds(start, end), []);
        }

        parser.Release();
        var script = new ShellScript(text, parser.Comments, body, ShellShebang.TryParse(text, start, end));
        return new ParseResult<ShellScript>(script, parser.Errors);
    }
}
