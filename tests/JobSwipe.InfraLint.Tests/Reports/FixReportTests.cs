using System.Text.Json;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>Fixable findings carry their fix in SARIF (fixes/artifactChanges/replacements) and in the JSON report (fix).</summary>
public class FixReportTests
{
    [Test]
    public void Sarif_results_carry_the_fix_as_artifact_changes_with_replacements()
    {
        using var repository = new TempRepository();
        repository.Write("Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\nCMD python app.py\n");

        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new PipInstallKeepsCacheRule(), new ShellFormCommandRule()] });
        using var document = JsonDocument.Parse(SarifWriter.Write(result, result.Rules));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("ruleId").GetString()!);

        var pip = results["JSI1014"].GetProperty("fixes")[0];
        Assert.Multiple(() =>
        {
            Assert.That(pip.GetProperty("description").GetProperty("text").GetString(), Is.EqualTo("add --no-cache-dir"));
            var change = pip.GetProperty("artifactChanges")[0];
            Assert.That(change.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("Dockerfile"));
            Assert.That(change.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            var replacement = change.GetProperty("replacements")[0];
            var region = replacement.GetProperty("deletedRegion");
            Assert.That((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()), Is.EqualTo((2, 16, 2, 16)), "an insertion point after 'install'");
            Assert.That(replacement.GetProperty("insertedContent").GetProperty("text").GetString(), Is.EqualTo(" --no-cache-dir"));
            Assert.That(pip.GetProperty("properties").GetProperty("applicability").GetString(), Is.EqualTo("safe"));
            Assert.That(results["JSI1012"].GetProperty("fixes")[0].GetProperty("properties").GetProperty("applicability").GetString(), Is.EqualTo("unsafe"));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_mode_fix_has_no_SARIF_form_and_shows_as_makesExecutable_in_the_JSON_report()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
        }

        using var repository = new TempRepository();
        repository.Write("Dockerfile", "FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n");
        File.SetUnixFileMode(repository.Write("entrypoint.sh", "#!/bin/sh\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new ScriptNotExecutableRule()] });
        using var sarif = JsonDocument.Parse(SarifWriter.Write(result, result.Rules));
        using var json = JsonDocument.Parse(JsonReportWriter.Write(result));

        var fix = json.RootElement.GetProperty("findings")[0].GetProperty("fix");
        Assert.Multiple(() =>
        {
            Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].TryGetProperty("fixes", out _), Is.False);
            Assert.That(fix.GetProperty("path").GetString(), Is.EqualTo("entrypoint.sh"));
            Assert.That(fix.GetProperty("makesExecutable").GetBoolean(), Is.True);
            Assert.That(fix.GetProperty("edits").GetArrayLength(), Is.Zero);
            Assert.That(fix.GetProperty("applicability").GetString(), Is.EqualTo("safe"));
        });
    }
}
