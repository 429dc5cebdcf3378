using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class AnalyzerConfigOptionsTests
{
    private static readonly IReadOnlySet<string> KnownIds = new HashSet<string> { "JSI2001", "JSI2003", "JSI4001", "JSI5001" };

    private static EditorConfigSet Set(params (string Directory, string Text)[] files) =>
        new(files.Select(f => EditorConfigDocument.Parse(f.Text, f.Directory)));

    private static DiagnosticSeverity? Severity(EditorConfigSet set, string path, string id, string? category = null, bool enabled = true) =>
        set.GetAnalyzerConfigOptions(path).TryGetSeverity(id, category, enabled, out DiagnosticSeverity severity, out _) ? severity : null;

    [Test]
    public void Reads_rule_severity_with_Roslyn_words()
    {
        EditorConfigSet set = Set(("/r", "[*]\ndotnet_diagnostic.JSI2001.severity = error\ndotnet_diagnostic.JSI2003.severity = suggestion\n" +
            "dotnet_diagnostic.JSI4001.severity = silent\ndotnet_diagnostic.JSI5001.severity = none\ndotnet_diagnostic.JSI9999.severity = refactoring\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Severity(set, "/r/a", "JSI2001"), Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(Severity(set, "/r/a", "JSI2003"), Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(Severity(set, "/r/a", "JSI4001"), Is.EqualTo(DiagnosticSeverity.Hidden));
            Assert.That(Severity(set, "/r/a", "JSI5001"), Is.EqualTo(DiagnosticSeverity.Suppressed));
            Assert.That(Severity(set, "/r/a", "JSI9999"), Is.EqualTo(DiagnosticSeverity.Hidden));
            Assert.That(Severity(set, "/r/a", "JSI3001"), Is.Null);
        });
    }

    [Test]
    public void Rule_ids_compare_case_insensitively()
    {
        EditorConfigSet set = Set(("/r", "[*]\ndotnet_diagnostic.jsi2001.severity = ERROR\n"));
        Assert.That(Severity(set, "/r/a", "JSI2001"), Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Precedence_is_rule_then_category_then_all_whatever_the_file()
    {
        EditorConfigSet set = Set(
            ("/r", "[*]\ndotnet_diagnostic.JSI2001.severity = none\n"),
            ("/r/svc", "[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Compose.severity = suggestion\n"));
        AnalyzerConfigOptions options = set.GetAnalyzerConfigOptions("/r/svc/docker-compose.yml");
        Assert.Multiple(() =>
        {
            Assert.That(options.GetSeverityConfiguration("JSI2001", "Compose"), Is.EqualTo(new SeverityConfiguration(DiagnosticSeverity.Suppressed, SeverityConfigurationLevel.Rule, options.Options.Entries[0])));
            Assert.That(options.GetSeverityConfiguration("JSI2003", "compose")!.Level, Is.EqualTo(SeverityConfigurationLevel.Category));
            Assert.That(options.GetSeverityConfiguration("JSI2003", "compose")!.Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(options.GetSeverityConfiguration("JSI4001", "Shell")!.Level, Is.EqualTo(SeverityConfigurationLevel.All));
            Assert.That(options.GetSeverityConfiguration("JSI4001", "Shell")!.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(options.GetSeverityConfiguration("JSI4001")!.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        });
    }

    [Test]
    public void Bulk_settings_do_not_apply_to_rules_disabled_by_default()
    {
        EditorConfigSet set = Set(("/r", "[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.JSI2003.severity = warning\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Severity(set, "/r/a", "JSI2001", enabled: false), Is.Null);
            Assert.That(Severity(set, "/r/a", "JSI2003", enabled: false), Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Default_keeps_the_rule_default_and_blocks_the_less_specific_levels()
    {
        EditorConfigSet set = Set(("/r", "[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.JSI2001.severity = default\n"));
        AnalyzerConfigOptions options = set.GetAnalyzerConfigOptions("/r/a");
        Assert.Multiple(() =>
        {
            Assert.That(options.TryGetSeverity("JSI2001", out _, out _), Is.False);
            Assert.That(options.GetSeverityConfiguration("JSI2001")!.Severity, Is.Null);
            Assert.That(options.GetSeverityConfiguration("JSI2001")!.Level, Is.EqualTo(SeverityConfigurationLevel.Rule));
            Assert.That(Severity(set, "/r/a", "JSI2003"), Is.EqualTo(DiagnosticSeverity.Error));
        });
    }

    [Test]
    public void Invalid_rule_level_word_is_skipped_but_an_invalid_bulk_value_hides_the_earlier_one_as_in_Roslyn()
    {
        EditorConfigSet set = Set(
            ("/r", "[*]\ndotnet_diagnostic.JSI2001.severity = error\ndotnet_analyzer_diagnostic.severity = warning\n"),
            ("/r/s", "[*]\ndotnet_diagnostic.JSI2001.severity = fatal\ndotnet_analyzer_diagnostic.severity = loud\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Severity(set, "/r/s/a", "JSI2001"), Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(Severity(set, "/r/s/a", "JSI2003"), Is.Null);
            Assert.That(Severity(set, "/r/a", "JSI2003"), Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Nearest_rule_setting_wins_and_the_source_points_at_it()
    {
        EditorConfigSet set = Set(
            ("/r", "root = true\n[*]\ndotnet_diagnostic.JSI2001.severity = warning\n"),
            ("/r/deploy", "[*.yml]\ndotnet_diagnostic.JSI2001.severity = error\n"));
        AnalyzerConfigOptions options = set.GetAnalyzerConfigOptions("/r/deploy/docker-compose.yml");
        Assert.That(options.TryGetSeverity("JSI2001", out DiagnosticSeverity severity, out EditorConfigEntry? source), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(source!.FilePath, Is.EqualTo("/r/deploy/.editorconfig"));
            Assert.That(source.File.Text.GetSpan(source.Property.ValueSpan), Is.EqualTo(LinePositionSpan.FromLine(2, 38, 43)));
            Assert.That(Severity(set, "/r/deploy/fly.toml", "JSI2001"), Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Environment_per_glob()
    {
        EditorConfigSet set = Set(("/r",
            "root = true\n[*]\ninfralint_environment = development\n" +
            "[{docker-compose.prod.yml,fly.production.toml}]\ninfralint_environment = production\n" +
            "[deploy/**]\ninfralint_environment = Production\n" +
            "[deploy/scratch/*]\ninfralint_environment = staging\n" +
            "[deploy/tmp/*]\ninfralint_environment = UNSET\n"));

        FileEnvironment Environment(string path) =>
            set.GetAnalyzerConfigOptions(path).TryGetEnvironment(out FileEnvironment environment) ? environment : FileEnvironment.Unspecified;

        Assert.Multiple(() =>
        {
            Assert.That(Environment("/r/docker-compose.yml"), Is.EqualTo(FileEnvironment.Development));
            Assert.That(Environment("/r/docker-compose.prod.yml"), Is.EqualTo(FileEnvironment.Production));
            Assert.That(Environment("/r/svc/fly.production.toml"), Is.EqualTo(FileEnvironment.Production));
            Assert.That(Environment("/r/deploy/a/run.sh"), Is.EqualTo(FileEnvironment.Production));
            Assert.That(Environment("/r/deploy/scratch/run.sh"), Is.EqualTo(FileEnvironment.Production), "an invalid value is skipped");
            Assert.That(Environment("/other/docker-compose.prod.yml"), Is.EqualTo(FileEnvironment.Unspecified));
            Assert.That(Environment("/r/deploy/tmp/run.sh"), Is.EqualTo(FileEnvironment.Unspecified), "unset removes the earlier settings");
            Assert.That(set.Validate(KnownIds).Select(p => p.Message), Has.Exactly(1).Contains("'staging'"));
            Assert.That(set.Validate(KnownIds), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Validation_reports_unknown_ids_bad_words_and_preamble_settings_with_positions()
    {
        EditorConfigSet set = Set(("/r",
            "dotnet_diagnostic.JSI2001.severity = error\n" +
            "[*]\n" +
            "dotnet_diagnostic.JSI2999.severity = error\n" +
            "dotnet_diagnostic.JSI2003.severity = fatal\n" +
            "dotnet_diagnostic.CA1822.severity = whatever\n" +
            "dotnet_analyzer_diagnostic.category-Secrets.severity = loud\n" +
            "infralint_environment = staging\n" +
            "infralint_environment =\n" +
            "dotnet_diagnostic.jsi4001.severity = Warning\n" +
            "[{bad\n"));
        IReadOnlyList<ConfigurationProblem> problems = set.Validate(KnownIds);
        var actual = problems.Select(p => (p.LineSpan.ToString(), set.Files[0].Text.GetText(p.Span))).ToList();
        Assert.That(actual, Is.EqualTo(new[]
        {
            ("(1,1)-(1,35)", "dotnet_diagnostic.JSI2001.severity"),
            ("(3,19)-(3,26)", "JSI2999"),
            ("(4,38)-(4,43)", "fatal"),
            ("(6,56)-(6,60)", "loud"),
            ("(7,25)-(7,32)", "staging"),
            ("(8,1)-(8,24)", "infralint_environment ="),
            ("(10,1)-(10,6)", "[{bad"),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(problems[0].Message, Does.Contain("before the first [section]"));
            Assert.That(problems[1].Message, Does.Contain("'JSI2999' is not a JobSwipe.InfraLint rule ID"));
            Assert.That(problems[2].Message, Does.Contain("'fatal' is not a valid severity"));
            Assert.That(problems[4].Message, Does.Contain("'production' or 'development'"));
            Assert.That(problems.All(p => p.Path == "/r/.editorconfig"), Is.True);
        });
    }

    [Test]
    public void Validation_of_a_clean_file_is_empty()
    {
        EditorConfigDocument file = EditorConfigDocument.Parse(EditorConfigDocumentTests.Sample, "/r");
        var set = new EditorConfigSet([file]);
        Assert.That(set.Validate(new HashSet<string> { "JSI2001", "JSI4001" }), Is.Empty);
    }
}
