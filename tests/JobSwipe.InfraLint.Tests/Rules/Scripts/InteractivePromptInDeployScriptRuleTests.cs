using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class InteractivePromptInDeployScriptRuleTests
{
    [Test]
    public void Read_prompts_and_select_in_a_deploy_script_are_reported()
    {
        RuleVerifier.Reports<InteractivePromptInDeployScriptRule>(("d.sh", "[|read -r -p \"Deploy to production? \" answer|]\n[|select|] env in staging prod; do break; done\nfly deploy\n"));
    }

    [Test]
    public void Reads_from_files_with_timeouts_or_in_scripts_that_do_not_deploy_are_quiet()
    {
        RuleVerifier.ReportsNothing<InteractivePromptInDeployScriptRule>(("d.sh", "while IFS='=' read -r key value; do echo \"$key\"; done < .env\nread -r -t 10 -p 'Continue? ' ok || true\nprintf 'x' | read -r y\nfly deploy\n"));
        RuleVerifier.ReportsNothing<InteractivePromptInDeployScriptRule>(("tool.sh", "read -r -p 'Name? ' name\necho \"$name\"\n"));
    }
}
