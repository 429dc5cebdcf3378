using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Fixes;

public class ScriptFixTests
{
    [Test]
    public void JSI4014_converts_CRLF_to_LF_and_keeps_a_lone_CR() =>
        FixVerifier.Verifies<CrlfInExecutedFileRule>("deploy.sh", "#!/bin/sh\r\nprintf 'a\rb'\r\necho done", "#!/bin/sh\nprintf 'a\rb'\necho done");

    [Test]
    public void JSI4003_adds_strict_mode_after_the_shebang_as_an_unsafe_fix()
    {
        FixVerifier.LeavesAlone<DeployScriptWithoutErrexitRule>("deploy.sh", "#!/bin/bash\nnpm run build\nfly deploy\n", unsafeFixes: false);
        FixVerifier.Verifies<DeployScriptWithoutErrexitRule>("deploy.sh", "#!/bin/bash\n# deploy\nfly deploy\n", "#!/bin/bash\nset -euo pipefail\n# deploy\nfly deploy\n", unsafeFixes: true);
        FixVerifier.Verifies<DeployScriptWithoutErrexitRule>("deploy.sh", "#!/bin/sh\r\nfly deploy\r\n", "#!/bin/sh\r\nset -eu\r\nfly deploy\r\n", unsafeFixes: true);
        FixVerifier.Verifies<DeployScriptWithoutErrexitRule>("deploy.sh", "fly deploy\n", "set -eu\nfly deploy\n", unsafeFixes: true);
    }

    [Test]
    public void JSI4003_offers_no_fix_when_the_script_turns_errexit_off_itself() =>
        FixVerifier.LeavesAlone<DeployScriptWithoutErrexitRule>("deploy.sh", "#!/bin/bash\nset +e\nfly deploy\n");

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void JSI4013_sets_the_execute_bit_on_disk()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("file modes on disk are a Unix matter");
        }

        using var repo = new TempRepository();
        repo.Write("Dockerfile", "FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n");
        string script = repo.Write("entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = FixVerifier.Run(repo.Root, [new ScriptNotExecutableRule()]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Before.Diagnostics.Select(d => d.Id), Does.Contain("JSI4013"));
            Assert.That(result.Changes.Select(c => (c.RelativePath, c.MakesExecutable, c.ContentChanged)), Is.EqualTo(new[] { ("entrypoint.sh", true, false) }));
            Assert.That(File.GetUnixFileMode(script) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute), Is.EqualTo(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
            Assert.That(result.After.Diagnostics, Is.Empty);
            Assert.That(FixVerifier.Run(repo.Root, [new ScriptNotExecutableRule()]).Changes, Is.Empty);
        });
    }
}
