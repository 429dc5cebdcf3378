using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>One baselined finding: rule, file and fingerprint of the offending text, with how many identical ones there were.</summary>
public sealed record BaselineEntry(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("count")] int Count);

/// <summary>
/// Accepted findings (<c>infralint.baseline.json</c>). Findings match by rule ID, file path and fingerprint (a hash of the
/// offending text, normalised for whitespace), never by line, so a finding whose line moved stays suppressed while a
/// new one, even of the same rule in the same file, is still reported. When a file has several identical findings,
/// the baseline keeps their count and suppresses that many.
/// </summary>
public sealed class Baseline
{
    /// <summary>The default file name, under the linted root.</summary>
    public const string DefaultFileName = "infralint.baseline.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        Entries = [.. entries
            .GroupBy(e => (e.RuleId, e.Path, e.Fingerprint))
            .Select(g => new BaselineEntry(g.Key.RuleId, g.Key.Path, g.Key.Fingerprint, g.Sum(e => Math.Max(0, e.Count))))
            .Where(e => e.Count > 0)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)];
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>
    /// The baseline file of a root: <paramref name="file"/> when given (absolute, or relative to the current folder), else
    /// <see cref="DefaultFileName"/> under <paramref name="root"/>; always a full path.
    /// </summary>
    public static string PathFor(string root, string? file) => Path.GetFullPath(file ?? Path.Combine(root, DefaultFileName));

    /// <summary>
    /// Today's findings as a baseline: lints with <paramref name="options"/> but without any baseline (what <c>infralint
    /// baseline</c> and <c>InfraLintUpdateBaseline</c> write), with how many findings it holds (identical ones counted once
    /// per occurrence).
    /// </summary>
    public static (Baseline Baseline, int Findings) Capture(LintOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = LintEngine.Run(options with { BaselineFile = null }, cancellationToken: cancellationToken);
        return (FromDiagnostics(result.Diagnostics), result.Diagnostics.Count);
    }

    /// <summary>A baseline holding every finding of <paramref name="diagnostics"/> (fingerprinted by the engine).</summary>
    public static Baseline FromDiagnostics(IEnumerable<Diagnostic> diagnostics) =>
        new(diagnostics.Select(d => new BaselineEntry(d.Id, d.Location.Path, d.Fingerprint ?? string.Empty, 1)));

    /// <summary>The findings not covered by the baseline, in their original order; <paramref name="suppressed"/> counts the others.</summary>
    public IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, out int suppressed)
    {
        var remaining = Entries.ToDictionary(e => (e.RuleId, e.Path, e.Fingerprint), e => e.Count);
        var result = new List<Diagnostic>(diagnostics.Count);
        suppressed = 0;
        foreach (var diagnostic in diagnostics)
        {
            var key = (diagnostic.Id, diagnostic.Location.Path, diagnostic.Fingerprint ?? string.Empty);
            if (remaining.TryGetValue(key, out int count) && count > 0)
            {
                remaining[key] = count - 1;
                suppressed++;
                continue;
            }

            result.Add(diagnostic);
        }

        return result;
    }

    public string ToJson() => JsonSerializer.Serialize(new BaselineDocument(1, "JobSwipe.InfraLint", Entries), Options) + "\n";

    /// <summary>Writes the baseline (temporary file, then move).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a baseline file; <paramref name="error"/> says in plain words why it could not be used.</summary>
    public static Baseline? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            using var stream = File.OpenRead(path);
            var document = JsonSerializer.Deserialize<BaselineDocument>(stream, Options);
            if (document is null || document.Findings is null)
            {
                error = "the baseline file has no \"findings\" array";
                return null;
            }

            if (document.Findings.Any(e => e is null || string.IsNullOrEmpty(e.RuleId) || e.Path is null || string.IsNullOrEmpty(e.Fingerprint)))
            {
                error = "a baseline entry lacks its ruleId, path or fingerprint";
                return null;
            }

            return new Baseline(document.Findings);
        }
        catch (JsonException ex)
        {
            error = ex.LineNumber is { } line ? $"the baseline file is not valid JSON (line {line + 1})" : "the baseline file is not valid JSON";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = $"the baseline file cannot be read ({ex.GetType().Name})";
        }

        return null;
    }

    /// <summary>
    /// The stable fingerprint of a finding: SHA-256 over the rule ID, the path and the offending text with every run of
    /// whitespace collapsed to one space (so re-indenting or moving a line keeps it); the first 128 bits in hex.
    /// </summary>
    public static string ComputeFingerprint(string ruleId, string path, string text)
    {
        ruleId ??= string.Empty;
        path ??= string.Empty;
        text ??= string.Empty;

        // "rule\npath\ntext" with the text trimmed and each run of white space one space, hashed from pooled buffers
        // (one fingerprint per finding: nothing but the result is allocated).
        char[] chars = ArrayPool<char>.Shared.Rent(ruleId.Length + path.Length + text.Length + 2);
        byte[]? bytes = null;
        try
        {
            int length = 0;
            ruleId.CopyTo(chars.AsSpan(length));
            length += ruleId.Length;
            chars[length++] = '\n';
            path.CopyTo(chars.AsSpan(length));
            length += path.Length;
            chars[length++] = '\n';
            bool space = false;
            foreach (char c in text.AsSpan().Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    chars[length++] = ' ';
                    space = false;
                }

                chars[length++] = c;
            }

            ReadOnlySpan<char> input = chars.AsSpan(0, length);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            int count = Encoding.UTF8.GetBytes(input, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    private sealed record BaselineDocument(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("tool")] string? Tool,
        [property: JsonPropertyName("findings")] IReadOnlyList<BaselineEntry>? Findings);
}
