using System.Buffers;
using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>
/// The one placeholder vocabulary of the project: values that a human must replace before they mean anything. Every
/// rule that judges a value (JSI1008, JSI2003, JSI3009, JSI4008, JSI5001, …) asks <see cref="IsPlaceholder"/>; to teach
/// all of them a new placeholder, add it to one of the three lists below.
/// </summary>
public static partial class SecretHeuristics
{
    /// <summary>Whole values (case-insensitive, quotes and surrounding spaces ignored) that are placeholders.</summary>
    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "fixme", "none", "null", "nil", "undefined", "~", "dummy", "fake", "placeholder", "nokey", "no-key", "no_key",
        "unused", "notused", "not-used", "not_used", "not-a-secret", "not_a_secret", "notasecret", "not-secret", "not_secret",
        "changeme", "change-me", "change_me", "changethis", "change-this", "change_this", "changeit",
        "replaceme", "replace-me", "replace_me", "fillmein", "fill-me-in", "fill_me_in", "fillme", "example", "sample",
        "redacted", "hidden", "masked", "secret-here", "key-here", "token-here", "password-here",
    };

    /// <summary>Beginnings (case-insensitive) that make a value a placeholder: <c>your-api-key</c>, <c>replace-me-with-a-random-string</c>.</summary>
    private static readonly string[] PlaceholderPrefixes =
    [
        "your-", "your_", "yourkey", "yoursecret", "yourtoken", "yourpassword", "yourapikey", "insert-", "insert_", "insert your", "enter-your", "enter_your", "enter your",
        "put-your", "put_your", "put your", "add-your", "add_your", "replace-", "replace_", "replaceme", "replace with", "replace this", "changeme", "change-me", "change_me",
        "change-this", "change_this", "dummy-", "dummy_", "fake-", "fake_", "placeholder", "example-", "example_", "sample-", "sample_", "my-secret", "my_secret",
        "mysecret", "mypassword", "my-password", "my_password", "some-secret", "some_secret", "somesecret", "super-secret", "super_secret", "supersecret",
        "not-a-real", "not_a_real", "notareal", "redacted", "not_being_used", "not-being-used", "not_used", "not-used", "unused", "disabled",
        "test-", "test_", "testing-", "testing_",
    ];

    /// <summary>Parts (case-insensitive unless noted) that make a value a placeholder wherever they appear.</summary>
    private static readonly string[] PlaceholderMarkers =
    [
        "changeme", "change-me", "change_me", "replace-me", "replace_me", "replaceme", "replace-with", "replace_with", "placeholder", "example",
        "your-api-key", "your_api_key", "yourapikey", "-here", "_here", "<your", "not-a-real", "not_a_real", "[redacted]", "<redacted>",
        "build-time", "build_time", "buildtime", "fake-", "-fake", "fake_", "_fake", "not-real", "not_real", "for-e2e", "for_e2e",
    ];

    // The markers searched in one pass (Aho-Corasick), as each marker's Contains(OrdinalIgnoreCase) would find them.
    private static readonly SearchValues<string> PlaceholderMarkerSearch = SearchValues.Create(PlaceholderMarkers, StringComparison.OrdinalIgnoreCase);

    private static readonly char[] Quotes = ['"', '\'', '`'];

    /// <summary>
    /// True for an obvious placeholder that a human must replace: a word of the vocabulary (<c>changeme</c>,
    /// <c>REPLACE_ME</c>, <c>TODO</c>), a value that begins or contains one (<c>replace-me-with-a-random-string</c>,
    /// <c>your-api-key</c>, <c>sk-example-…</c>), a filler (<c>xxxx</c>, <c>****</c>, <c>...</c>), a marked field
    /// (<c>&lt;your-key&gt;</c>, <c>[token]</c>, <c>{YOUR_PASSWORD}</c>), a secret's name in capitals where its value goes
    /// (<c>STRONG_DB_PASSWORD</c>) or a template expression (<c>${VAR}</c>,
    /// <c>{{ secret }}</c>, <c>%(name)s</c>, <c>$(VAR)</c>, <c>#{Var}</c>).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string v = value.Trim().Trim(Quotes).Trim();
        if (v.Length == 0)
        {
            return false;
        }

        if (PlaceholderValues.Contains(v) || PlaceholderShape().IsMatch(v) || TemplateExpression().IsMatch(v))
        {
            return true;
        }

        foreach (string prefix in PlaceholderPrefixes)
        {
            if (v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (v.AsSpan().ContainsAny(PlaceholderMarkerSearch))
        {
            return true;
        }

        // A secret's name written where its value goes, for a human to replace: STRONG_DB_PASSWORD, YOUR_SECRET_KEY.
        if (ConstantCase().IsMatch(v) && IsSecretLikeName(v))
        {
            return true;
        }

        // Fillers inside a value: AKIAXXXXXXXXXXXXXXXX, sk_live_xxxxxxxx, 0000000000000000 (case-sensitive: random text has "xXxX").
        return v.Contains("xxxx", StringComparison.Ordinal) || v.Contains("XXXX", StringComparison.Ordinal) || v.Contains("****", StringComparison.Ordinal)
            || v.Contains("...", StringComparison.Ordinal) || v.Contains('…') || v.Contains("00000000", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConstantCase();

    // <your-key>, [token], {YOUR_PASSWORD}, x{3,}, *{3,}, ..., all one repeated character.
    [GeneratedRegex(@"^(?:<[^<>]*>|\[[^\[\]]*\]|\{[A-Za-z_][A-Za-z0-9_ .-]*\}|[xX*.#_-]{3,}|(.)\1+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderShape();

    // Template and macro expressions anywhere in the value: ${VAR}, {{ x }}, %(name)s, $(VAR), #{Var}, <%= x %>, @VAR@, a <placeholder> inside text.
    [GeneratedRegex(@"\$\{[^}]*\}|\{\{.*?\}\}|\{%.*?%\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]|\$\([A-Za-z_][A-Za-z0-9_.]*\)|#\{[^}]+\}|<%=?.*?%>|@[A-Z][A-Z0-9_]+@|<[A-Za-z][A-Za-z0-9 _.-]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateExpression();
}
