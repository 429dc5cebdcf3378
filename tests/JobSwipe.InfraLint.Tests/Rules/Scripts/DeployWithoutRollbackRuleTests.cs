using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class DeployWithoutRollbackRuleTests
{
    [Test]
    public void Fly_deploy_without_rollback_is_reported_with_the_fly_hint()
    {
        var d = RuleVerifier.Reports<DeployWithoutRollbackRule>(("deploy.sh", "#!/bin/bash\nset -e\n[|flyctl deploy|] --app web --remote-only\n"));
        Assert.That(d[0].Message, Does.Contain("fly deploy --image"));
    }

    [Test]
    public void Kubectl_apply_helm_upgrade_gcloud_and_git_push_heroku_are_deploys()
    {
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("k.sh", "[|kubectl apply|] -f k8s/\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("h.sh", "[|helm upgrade|] --install web ./chart\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("g.sh", "[|gcloud run deploy|] api --image gcr.io/x/api:1\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("p.sh", "[|git push heroku|] main\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("s.sh", "[|docker stack deploy|] -c stack.yml app\n"));
    }

    [Test]
    public void Explicit_and_automatic_rollbacks_are_accepted()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("k.sh", "kubectl apply -f k8s/\nkubectl rollout status deploy/web || kubectl rollout undo deploy/web\n"));
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("h.sh", "helm upgrade --install --atomic web ./chart\n"));
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("f.sh", "fly deploy --strategy bluegreen\n"));
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("f.sh", "fly deploy --strategy=canary\n"));
    }

    [Test]
    public void An_err_trap_calling_a_function_that_redeploys_the_previous_image_is_a_rollback()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("deploy.sh", """
            #!/usr/bin/env bash
            set -euo pipefail
            PREVIOUS="$(flyctl releases --app web --image --json | jq -r '.[0].ImageRef')"
            rollback() {
              flyctl deploy --app web --image "$PREVIOUS"
            }
            trap rollback ERR
            flyctl deploy --app web
            trap - ERR
            """));
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("deploy.sh", "trap 'fly deploy --image \"$PREV\"' ERR\nfly deploy\n"));
    }

    [Test]
    public void A_failure_branch_that_redeploys_is_a_rollback_but_an_else_on_an_environment_test_is_not()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("deploy.sh", "if ! fly deploy; then\n  fly deploy --image \"$PREV\"\nfi\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("deploy.sh", "if [ \"$ENV\" = prod ]; then\n  [|fly deploy|] -a prod\nelse\n  fly deploy -a staging --image x\nfi\n"));
    }

    [Test]
    public void A_deploy_in_a_function_counts_only_when_the_function_is_called()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("lib.sh", "deploy() {\n  fly deploy\n}\n"));
        RuleVerifier.Reports<DeployWithoutRollbackRule>(("run.sh", "deploy() {\n  [|fly deploy|]\n}\nmain() { deploy; }\nmain \"$@\"\n"));
    }

    [Test]
    public void A_fly_config_with_a_bluegreen_strategy_rolls_back_by_itself()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(
            ("deploy.sh", "fly deploy -c backend/fly.toml\n"),
            ("backend/fly.toml", "app = \"api\"\n[deploy]\n  strategy = \"bluegreen\"\n"));
    }

    [Test]
    public void Scripts_that_do_not_deploy_and_echoed_commands_are_quiet()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("build.sh", "docker build -t app .\necho 'run: fly deploy'\nfly status\nkubectl apply --dry-run=client -f k8s/\n"));
    }

    [Test]
    public void Kubectl_create_namespace_is_not_a_deploy()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("k.sh", "kubectl create namespace nginx\nkubectl rollout status deployment nginx -n nginx\n"));
    }
}
