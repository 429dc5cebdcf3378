using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>The baseline: matched by rule, path and a fingerprint of the offending text, with counts; never by line.</summary>
public sealed class BaselineTests
{
    private TempRepository _repository = null!;

    [SetUp]
    public void CreateRepository() => _repository = new TempRepository();

    [TearDown]
    public void DeleteRepository() => _repository.Dispose();

    [Test]
    public void Baselined_findings_stay_suppressed_when_their_lines_move_and_new_ones_are_reported()
    {
        _repository.Write(".env", "A=FLAG_ONE\nB=WARN\n");
        WriteBaseline();

        _repository.Write(".env", "# a new first line\n\n  B=WARN\nA=FLAG_ONE\nC=FLAG_TWO\n");
        var result = Lint();

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start.Line)), Is.EqualTo(new[] { ("TEST0001", 5) }));
        Assert.That(result.BaselineSuppressed, Is.EqualTo(2));
        Assert.That(result.HasErrors, Is.True);
    }

    [Test]
    public void The_offending_text_is_matched_with_whitespace_normalised()
    {
        Assert.That(Baseline.ComputeFingerprint("X1", "a", "run  this\t now"), Is.EqualTo(Baseline.ComputeFingerprint("X1", "a", " run this\n now ")));
        Assert.That(Baseline.ComputeFingerprint("X1", "a", "run this"), Is.Not.EqualTo(Baseline.ComputeFingerprint("X1", "b", "run this")));
        Assert.That(Baseline.ComputeFingerprint("X1", "a", "run this"), Is.Not.EqualTo(Baseline.ComputeFingerprint("X2", "a", "run this")));
        Assert.That(Baseline.ComputeFingerprint("X1", "a", "run this"), Is.Not.EqualTo(Baseline.ComputeFingerprint("X1", "a", "runthis")));
    }

    [TestCase("run  this\t now", "run this now")]
    [TestCase(" caf\u00e9 \u2603\n\U0001D11E ", "caf\u00e9 \u2603 \U0001D11E")]
    [TestCase("a\ud800b", "a\ud800b")]
    [TestCase("", "")]
    public void The_fingerprint_is_the_first_half_of_the_SHA_256_of_rule_path_and_normalised_text(string text, string normalised)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"JSI1001\nsrc/Dockerfile\n{normalised}"));
        Assert.That(Baseline.ComputeFingerprint("JSI1001", "src/Dockerfile", text), Is.EqualTo(Convert.ToHexStringLower(hash, 0, 16)));
    }

    [Test]
    public void Identical_findings_are_counted_and_one_more_is_reported()
    {
        _repository.Write(".env", "A=FLAG\nB=FLAG\n");
        WriteBaseline();
        Assert.That(Baseline.TryRead(BaselinePath, out _)!.Entries.Single().Count, Is.EqualTo(2));

        _repository.Write(".env", "A=FLAG\nB=FLAG\nC=FLAG\n");
        var result = Lint();

        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(result.BaselineSuppressed, Is.EqualTo(2));
    }

    [Test]
    public void The_same_text_in_another_file_is_a_new_finding()
    {
        _repository.Write(".env", "A=FLAG\n");
        WriteBaseline();
        _repository.Write(".env.local", "A=FLAG\n");

        Assert.That(Lint().Diagnostics.Select(d => d.Location.Path), Is.EqualTo(new[] { ".env.local" }));
    }

    [Test]
    public void Inline_suppressions_apply_before_the_baseline_so_suppressed_findings_are_not_baselined()
    {
        _repository.Write(".env", "# infralint-disable-next-line TEST0001\nA=FLAG\n");
        WriteBaseline();

        Assert.That(Baseline.TryRead(BaselinePath, out _)!.Entries, Is.Empty);
    }

    [Test]
    public void No_baseline_file_means_every_finding_is_reported()
    {
        _repository.Write(".env", "A=FLAG\n");

        var result = Lint();

        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(result.BaselineSuppressed, Is.Zero);
    }

    [TestCase("{ not json", "not valid JSON")]
    [TestCase("{\"version\": 1}", "no \"findings\" array")]
    [TestCase("{\"findings\": [{\"ruleId\": \"TEST0001\"}]}", "lacks its ruleId, path or fingerprint")]
    [TestCase("[]", "not valid JSON")]
    public void A_malformed_baseline_is_JSI0002_at_the_baseline_file_and_suppresses_nothing(string content, string reason)
    {
        _repository.Write(".env", "A=FLAG\n");
        _repository.Write(Baseline.DefaultFileName, content);

        var result = Lint();

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Path)), Is.EquivalentTo(new[] { ("JSI0002", Baseline.DefaultFileName), ("TEST0001", ".env") }));
        Assert.That(result.Diagnostics.Single(d => d.Id == "JSI0002").Message, Does.Contain(reason));
    }

    [Test]
    public void A_rules_fingerprint_text_is_used_instead_of_the_text_under_the_location()
    {
        var diagnostic = JobSwipe.InfraLint.Diagnostics.Diagnostic.Create(FlagAnalyzer.Flag, new JobSwipe.InfraLint.Diagnostics.Location("a", default), "x").WithFingerprintText("KEY");
        Assert.That(diagnostic.FingerprintText, Is.EqualTo("KEY"));

        _repository.Write(".env.example", "API_TOKEN=one\n");
        var first = LintEngine.Run(new LintOptions(_repository.Root) { Analyzers = [new KeyFingerprintAnalyzer()] });
        _repository.Write(".env.example", "API_TOKEN=two\n");
        var second = LintEngine.Run(new LintOptions(_repository.Root) { Analyzers = [new KeyFingerprintAnalyzer()] });

        Assert.That(second.Diagnostics.Single().Fingerprint, Is.EqualTo(first.Diagnostics.Single().Fingerprint));
    }

    [Test]
    public void The_file_round_trips_sorted_and_merged()
    {
        var baseline = new Baseline([new("B1", "z", "f2", 1), new("A1", "a", "f1", 1), new("A1", "a", "f1", 2)]);
        baseline.Write(BaselinePath);

        var read = Baseline.TryRead(BaselinePath, out string? error);

        Assert.That(error, Is.Null);
        Assert.That(read!.Entries, Is.EqualTo(new BaselineEntry[] { new("A1", "a", "f1", 3), new("B1", "z", "f2", 1) }));
        Assert.That(File.ReadAllText(BaselinePath), Does.Contain("\"ruleId\": \"A1\"").And.Not.Contain("line"));
    }

    private string BaselinePath => Path.Combine(_repository.Root, Baseline.DefaultFileName);

    private LintResult Lint() => LintEngine.Run(new LintOptions(_repository.Root) { Analyzers = [new FlagAnalyzer()], BaselineFile = Baseline.DefaultFileName });

    private void WriteBaseline()
    {
        var result = LintEngine.Run(new LintOptions(_repository.Root) { Analyzers = [new FlagAnalyzer()] });
        Baseline.FromDiagnostics(result.Diagnostics).Write(BaselinePath);
    }

    /// <summary>Reports each key of an example env file, fingerprinted by the key alone (the value is a secret).</summary>
    private sealed class KeyFingerprintAnalyzer : JobSwipe.InfraLint.Analysis.InfraAnalyzer
    {
        public override IReadOnlyList<JobSwipe.InfraLint.Diagnostics.DiagnosticDescriptor> SupportedDiagnostics { get; } = [FlagAnalyzer.Flag];

        public override void Initialize(JobSwipe.InfraLint.Analysis.AnalysisContext context) =>
            context.RegisterFileAction<JobSwipe.InfraLint.Syntax.DotEnv.DotEnvDocument>(JobSwipe.InfraLint.Workspace.FileKind.DotEnv, c =>
            {
                foreach (var entry in c.Model.Entries)
                {
                    c.ReportDiagnostic(JobSwipe.InfraLint.Diagnostics.Diagnostic.Create(FlagAnalyzer.Flag, c.GetLocation(entry.Span), entry.Key).WithFingerprintText(entry.Key));
                }
            });
    }
}
