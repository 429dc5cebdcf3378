using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI4013: PowerShell runs ./script.ps1 in process, so the execute bit plays no part.</summary>
public class ScriptNotExecutablePrecisionTests
{
    [Test]
    public void A_powershell_script_needs_no_execute_bit_and_a_shell_script_does()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "the execute bit is read from the disk");
        using var repository = new TempRepository();
        repository.Write(".github/workflows/ci.yml", "on: push\njobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - run: ./tests/test_generate.ps1\n        shell: pwsh\n      - run: ./tests/test_generate.sh\n");
        repository.Write("tests/test_generate.ps1", "Write-Host 'ok'\n");
        repository.Write("tests/test_generate.sh", "#!/bin/sh\necho ok\n");
        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new ScriptNotExecutableRule()], MaxDegreeOfParallelism = 1 });
        Assert.That(result.Diagnostics.Where(d => d.Id == "JSI4013").Select(d => d.Message), Has.One.Items.And.All.Contains("tests/test_generate.sh"));
    }
}
