namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>How JSI5003 decides that two variable names denote one setting.</summary>
public static class VariableNames
{
    /// <summary>Words that name where a service is: a URL and an address are the same setting.</summary>
    public static readonly string[] AddressWords = ["URL", "URI", "ADDR", "ADDRESS", "ENDPOINT"];

    /// <summary>
    /// The canonical form of a variable name, or null when it is too short to compare (one word): upper case, '-' and '.'
    /// as '_', URL/URI/ADDR/ADDRESS/ENDPOINT as one word (with a BASE before it dropped), DB as DATABASE, PASS/PWD/PASSWD
    /// as PASSWORD. <c>VAULT_URL</c> and <c>VAULT_ADDR</c>, <c>OLLAMA_BASE_URL</c> and <c>OLLAMA_URL</c>, <c>DATABASE_URL</c>
    /// and <c>DB_URL</c> share a form. HOST is deliberately not an address word: <c>OLLAMA_HOST</c> is a bind address and
    /// <c>DB_HOST</c> commonly sits next to <c>DATABASE_URL</c> as a different setting.
    /// </summary>
    public static string? Canonical(string name)
    {
        var tokens = name.ToUpperInvariant().Replace('-', '_').Replace('.', '_').Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t switch
            {
                _ when AddressWords.Contains(t) => "@ADDR",
                "DB" => "DATABASE",
                "PASS" or "PWD" or "PASSWD" => "PASSWORD",
                _ => t,
            })
            .ToList();
        for (int i = tokens.Count - 2; i >= 0; i--)
        {
            if (tokens[i] == "BASE" && tokens[i + 1] == "@ADDR" && i > 0)
            {
                tokens.RemoveAt(i);
            }
        }

        return tokens.Count < 2 ? null : string.Join('_', tokens);
    }
}
