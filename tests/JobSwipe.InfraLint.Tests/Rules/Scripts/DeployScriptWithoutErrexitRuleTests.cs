using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class DeployScriptWithoutErrexitRuleTests
{
    [Test]
    public void A_deploy_without_errexit_is_reported()
    {
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("deploy.sh", "#!/bin/bash\nnpm run build\n[|fly deploy|]\n"));
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("m.sh", "#!/bin/bash\ncd mobile\n[|flutter build apk|] --release\n"));
    }

    [Test]
    public void Set_e_in_any_spelling_or_on_the_shebang_is_accepted()
    {
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("a.sh", "#!/bin/bash\nset -euo pipefail\nfly deploy\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("b.sh", "#!/bin/bash\nset -o errexit\nfly deploy\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("c.sh", "#!/bin/bash -e\nfly deploy\n"));
    }

    [Test]
    public void Set_e_after_the_deploy_is_too_late_and_scripts_without_deploys_are_quiet()
    {
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("a.sh", "[|kubectl apply|] -f x.yml\nset -e\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("b.sh", "#!/bin/bash\ndocker compose up -d\n"));
    }
}
