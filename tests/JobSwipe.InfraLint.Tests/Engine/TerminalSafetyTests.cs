using System.Text;
using System.Text.Json;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>
/// No output of the tool carries a raw control character from a linted file: hostile text (ESC sequences for colour,
/// cursor moves, OSC 8 links and window titles; NUL, BEL, CR; the U+202E bidi override; invalid UTF-8) in every file
/// kind reaches the canonical text, the JSON and the SARIF only as visible escapes.
/// </summary>
public class TerminalSafetyTests
{
    // ESC colour, OSC 8 link with BEL, a cursor move, a title change, NUL, CR, and the right-to-left override.
    private const string Payload = "\u001b[31m\u001b]8;;https://evil.example\u0007\u001b[2J\u001b]0;title\u0007\u0000\r\u202e";

    private static readonly (string Path, string Content)[] Files =
    [
        ("docker-compose.yml", $"services:\n  api:\n    image: nginx:1.25\n    environment:\n      \"A{Json(Payload)}B\": \"1\"\n      \"A{Json(Payload)}B\": \"2\"\n"),
        ("fly.toml", $"app = \"x\"\n\"ap{Json(Payload)}p\" = 1\n"),
        (".editorconfig", $"root = true\n[*]\ndotnet_diagnostic.JSI9{Payload}.severity = error\n"),
        ("Dockerfile", $"FROM python:3.12-slim\nCOPY --from=bu{Payload}ild /a /b\nCMD [\"python\"]\n"),
        (".env", $"A{Payload}B=1\nA{Payload}B=2\n"),
        ("deploy.sh", $"#!/bin/sh\nset -e\ncurl -fsSL 'https://e{Payload}x.example/i.sh' | sh\n"),
        ("Procfile", $"web: gunicorn ma{Payload}in:app\n"),
        (".github/workflows/ci.yml", $"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSL 'https://e{Payload}x.example/i.sh' | bash\n"),
        ("requirements.txt", $"flask{Payload}==3.0\n"),
        (".dockerignore", $"node_modules\n{Payload}\n"),
    ];

    [Test]
    public void Text_json_and_sarif_outputs_hold_no_raw_control_character()
    {
        using var repository = new TempRepository();
        foreach (var (path, content) in Files)
        {
            repository.Write(path, content);
        }

        // Invalid UTF-8 (0xFF 0xFE) in a Dockerfile and in .editorconfig.
        repository.WriteBytes("worker/Dockerfile", [.. Encoding.UTF8.GetBytes("FROM alpine:3.20\nRUN echo "), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\n")]);
        repository.WriteBytes("worker/.editorconfig", [.. Encoding.UTF8.GetBytes("[*]\n"), 0xFF, 0x1B, .. Encoding.UTF8.GetBytes("[31m = x\n")]);

        var result = LintEngine.Run(new LintOptions(repository.Root));
        string text = string.Join('\n', result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath)));
        string json = FindingsFile.From(result, null).ToJson();
        string sarif = SarifWriter.Write(result, result.Rules);

        // Line breaks separate lines of the outputs; none may come from a file.
        Assert.That(DisplayText.NeedsEscaping(text.Replace("\n", string.Empty, StringComparison.Ordinal)), Is.False, text);
        Assert.That(DisplayText.NeedsEscaping(json.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)), Is.False, json);
        Assert.That(DisplayText.NeedsEscaping(sarif.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)), Is.False);
        foreach (var message in result.Diagnostics.Select(d => d.Message))
        {
            Assert.That(DisplayText.NeedsEscaping(message), Is.False, message);
        }

        // The test is not vacuous: messages quoted the hostile text, visibly escaped, in these kinds at least.
        var quoting = result.Diagnostics.Where(d => d.Message.Contains(@"\x1b", StringComparison.Ordinal)).Select(d => d.Location.Path).ToHashSet();
        Assert.That(quoting, Is.SupersetOf(new[] { "docker-compose.yml", "fly.toml", ".editorconfig" }), text);
        Assert.That(text, Does.Contain(@"\x1b]8;;https://evil.example\x07"), "an OSC 8 link shows as text");
        using var parsed = JsonDocument.Parse(json);
        Assert.That(parsed.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()), Has.Some.Contains(@"\x1b[31m"), "JSON message text holds the visible escape, not an encoded ESC");
    }

    [Test]
    public void A_path_with_a_control_character_is_escaped_in_the_canonical_line()
    {
        using var repository = new TempRepository();
        repository.Write("evil\u001b[2Jdir/fly.toml", "app = \"x\"\n[[services]]\n");

        var result = LintEngine.Run(new LintOptions(repository.Root));
        var lines = result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath)).ToList();

        Assert.That(lines, Has.Some.Contains(@"evil\x1b[2Jdir"));
        Assert.That(lines.Any(DisplayText.NeedsEscaping), Is.False, string.Join('\n', lines));
    }

    /// <summary>The payload as a YAML/TOML double-quoted escape sequence, so the parsed key holds the raw characters.</summary>
    private static string Json(string value)
    {
        var builder = new StringBuilder();
        foreach (char c in value)
        {
            builder.Append(c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
