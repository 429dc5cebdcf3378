namespace JobSwipe.InfraLint.Text;

/// <summary>
/// The one match timeout of the engine's regular expressions that carry one (those built from a user's globs, ignore
/// patterns or validation patterns, and those run over whole files). It guards against catastrophic backtracking on
/// hostile input, nothing else: a timeout is wall time, and a CI runner at a load of 20 can leave a thread waiting for
/// a second or more, so a short limit would make findings depend on the machine's load. Ten seconds is never reached by
/// a match that is not pathological.
/// </summary>
public static class RegexLimits
{
    /// <summary>The limit in milliseconds, for <c>[GeneratedRegex(…, matchTimeoutMilliseconds: …)]</c>.</summary>
    public const int MatchTimeoutMilliseconds = 10_000;

    /// <summary>The limit, for <c>new Regex(…)</c> and the static <c>Regex</c> methods.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);
}
