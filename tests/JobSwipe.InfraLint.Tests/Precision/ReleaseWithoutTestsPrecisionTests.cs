using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI4006 and JSI4001 on deploys that only roll back, and on applying a secret.</summary>
public class ReleaseWithoutTestsPrecisionTests
{
    [Test]
    public void A_redeploy_in_an_error_trap_handler_is_a_rollback_not_a_release() =>
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("scripts/migrate.sh",
            "#!/bin/bash\nset -e\nPREVIOUS=$(fly releases --image -a web | head -1)\nrestore() {\n  fly deploy --image \"$PREVIOUS\" -a web\n}\ntrap restore ERR\nfly ssh console -a web -C 'python manage.py migrate'\n"));

    [Test]
    public void A_redeploy_in_a_rollback_function_is_a_rollback_not_a_release() =>
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("scripts/ops.sh",
            "#!/bin/bash\nset -e\nrollback_release() {\n  helm upgrade web ./chart --version \"$1\"\n}\ncase \"$1\" in\n  rollback) rollback_release \"$2\" ;;\nesac\n"));

    [Test]
    public void A_deploy_before_the_trap_still_needs_tests() =>
        RuleVerifier.Reports<ReleaseWithoutTestsRule>(("deploy.sh",
            "#!/bin/bash\nset -e\nrestore() {\n  fly deploy --image \"$PREVIOUS\"\n}\ntrap restore ERR\n[|fly deploy|] --remote-only\n"));

    [Test]
    public void Applying_a_secret_rendered_by_kubectl_create_dry_run_is_not_a_release()
    {
        const string script = "#!/bin/bash\nset -e\nkubectl create secret generic n8n-secrets --from-literal=KEY=\"$KEY\" --dry-run=client -o yaml | kubectl apply -f -\n";
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("charts/examples/create-secrets.sh", script));
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("charts/examples/create-secrets.sh", script));
    }

    [Test]
    public void Applying_manifests_is_still_a_release() =>
        RuleVerifier.Reports<ReleaseWithoutTestsRule>(("deploy.sh", "#!/bin/bash\nset -e\nkubectl create secret generic s --from-literal=A=b --dry-run=client -o yaml | kubectl apply -f -\n[|kubectl apply|] -f k8s/\n"));

    [Test]
    public void Applying_to_a_local_kind_cluster_the_script_creates_is_a_development_setup() =>
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("hosting/k8s/setup-kind.sh",
            "#!/bin/sh\nset -e\nkind create cluster --name dev\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nEOF\n"));
}
