using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class SecretPrintedByScriptRuleTests
{
    [Test]
    public void Echo_and_printf_of_a_secret_like_variable_are_reported()
    {
        var d = RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "echo \"token: [|$API_TOKEN|]\"\nprintf '%s\\n' [|${DB_PASSWORD}|]\n"));
        Assert.That(d[0].Message, Does.Contain("API_TOKEN"));
    }

    [Test]
    public void Piping_to_a_command_writing_to_a_file_lengths_masks_and_non_secrets_are_quiet()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", """
            echo "$REGISTRY_PASSWORD" | docker login -u me --password-stdin registry.example.com
            echo "SECRET_KEY=$SECRET_KEY" >> "$GITHUB_ENV"
            echo "token has ${#API_TOKEN} characters"
            echo "::add-mask::$API_TOKEN"
            echo "${DB_PASSWORD:+set}"
            echo "$APP_NAME $TOKEN_URL in $PWD"
            while read -r key value; do echo "error: $key is invalid"; done < .env
            x="$(echo "$API_TOKEN" | base64)"
            """));
    }

    [Test]
    public void A_secret_expanded_while_xtrace_is_on_is_reported()
    {
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "set -x\ncurl -H \"Authorization: Bearer [|$API_TOKEN|]\" https://x\nset +x\ncurl -H \"Authorization: Bearer $API_TOKEN\" https://x\n"));
    }

    [Test]
    public void A_literal_secret_is_reported_without_its_value()
    {
        var d = RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "export DB_PASSWORD=[|\"s3cr3t-Value-99\"|]\nDATABASE_URL=[|postgres://app:hunter22@db/app|]\n"));
        Assert.That(d.Select(x => x.Message), Has.None.Contains("s3cr3t-Value-99").And.None.Contains("hunter22"));
    }

    [Test]
    public void References_placeholders_paths_and_empty_values_are_not_literal_secrets()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", "DB_PASSWORD=\"${DB_PASSWORD:-}\"\nAPI_TOKEN=\"<your-token>\"\nSECRET_KEY=\nPRIVATE_KEY=/run/secrets/key\nTOKEN=$(cat token.txt)\nSECRET_NAME=DB_PASSWORD\n"));
    }
}

public sealed class ScriptRunsRemoteCodeRuleTests
{
    [Test]
    public void Curl_or_wget_piped_into_a_shell_is_reported()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("a.sh", "[|curl -fsSL https://fly.io/install.sh | sh|]\n[|wget -qO- https://get.docker.com | sudo bash|] -s -- --mirror x\n"));
    }

    [Test]
    public void Process_and_command_substitutions_run_by_a_shell_are_reported()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("a.sh", "[|bash <(curl -s https://x/install.sh)|]\n[|sh -c \"$(curl -fsSL https://x/i.sh)\"|]\n[|eval \"$(wget -qO- https://x)\"|]\n"));
    }

    // Issue 14 in both hosts of this rule: wrapper words seen through (bug b), the step's ${{ }} quoted as written (bug a).
    [Test]
    public void Script_host_sees_through_wrappers_and_quotes_the_command_as_written()
    {
        var found = RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("install.sh", "#!/bin/sh\n[|timeout 60 curl -fsSL https://${INSTALL_HOST}/x.sh | nice sudo -E bash|]\nsudo -u app [|sh -c \"$(sudo curl -fsSL https://x/i.sh)\"|]\n"));
        Assert.That(found[0].Message, Does.StartWith("'timeout 60 curl -fsSL https://${INSTALL_HOST}/x.sh | nice sudo -E bash'"));
    }

    [Test]
    public void Ci_run_step_host_quotes_expressions_as_written_and_sees_through_wrappers()
    {
        var found = RuleVerifier.Reports<ScriptRunsRemoteCodeRule>((".github/workflows/ci.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: [|curl -fsSL https://${{ secrets.INSTALL_HOST }}/install.sh | bash|]\n      - run: |\n          [|env TOKEN=${{ secrets.T }} curl -s https://${{ vars.HOST }}/x | sudo -E bash|] -s\n"));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].Message, Does.StartWith("'curl -fsSL https://${{ secrets.INSTALL_HOST }}/install.sh | bash'"));
            Assert.That(found[1].Message, Does.StartWith("'env TOKEN=${{ secrets.T }} curl -s https://${{ vars.HOST }}/x | sudo -E bash'"));
            Assert.That(found.Select(d => d.Message), Has.None.Contains("$H0").And.None.Contains("XXX"));
        });
    }

    [Test]
    public void Downloads_to_a_file_and_local_pipes_are_quiet()
    {
        RuleVerifier.ReportsNothing<ScriptRunsRemoteCodeRule>(("a.sh", "curl -fsSLo install.sh https://x/install.sh\nsha256sum -c install.sh.sha256\nsh install.sh\ncat local.sh | bash\ncurl -s https://x | jq .\nVERSION=\"$(curl -s https://x/version)\"\n"));
    }
}

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

public sealed class HostKeyCheckingDisabledRuleTests
{
    [Test]
    public void Disabled_host_key_checking_is_reported_on_commands_assignments_and_heredocs()
    {
        RuleVerifier.Reports<HostKeyCheckingDisabledRule>(("d.sh", """
            ssh -o [|StrictHostKeyChecking=no|] deploy@host 'systemctl restart app'
            scp [|-oUserKnownHostsFile=/dev/null|] app.tar deploy@host:/srv
            rsync -az -e [|"ssh -o StrictHostKeyChecking=no"|] dist/ deploy@host:/srv
            export GIT_SSH_COMMAND=[|"ssh -o StrictHostKeyChecking=no"|]
            cat >> ~/.ssh/config [|<<|]EOF
            Host *
              StrictHostKeyChecking no
            EOF
            """));
    }

    [Test]
    public void Pinned_and_accept_new_host_keys_are_quiet()
    {
        RuleVerifier.ReportsNothing<HostKeyCheckingDisabledRule>(("d.sh", "ssh-keyscan -H host >> ~/.ssh/known_hosts\nssh -o StrictHostKeyChecking=yes deploy@host true\nssh -o StrictHostKeyChecking=accept-new deploy@host true\n"));
    }
}

public sealed class CredentialOnCommandLineRuleTests
{
    [Test]
    public void Password_options_are_reported_for_literals_and_variables()
    {
        var d = RuleVerifier.Reports<CredentialOnCommandLineRule>(("d.sh", """
            docker login -u me [|-p "$REGISTRY_PASSWORD"|] ghcr.io
            sshpass [|-p hunter2hunter2|] ssh deploy@host
            mysql -u root [|-pS3cretPass|] app
            curl [|-u admin:hunter2hunter2|] https://x/api
            pg_tool [|--password "$PGPASS"|]
            cli [|--token abcdef123456789|]
            """));
        Assert.That(d.Select(x => x.Message), Has.None.Contains("hunter2hunter2").And.None.Contains("S3cretPass").And.None.Contains("abcdef123456789"));
    }

    [Test]
    public void Stdin_files_prompts_and_variable_tokens_are_quiet()
    {
        RuleVerifier.ReportsNothing<CredentialOnCommandLineRule>(("d.sh", """
            echo "$REGISTRY_PASSWORD" | docker login -u me --password-stdin ghcr.io
            mysql -u root -p app
            curl -u admin https://x/api
            curl --netrc-file ~/.netrc https://x
            cli --token "$API_TOKEN"
            sshpass -e ssh deploy@host
            """));
    }
}

public sealed class CiRunScriptTests
{
    private const string Workflow = """
        on: push
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: install
                run: [|curl -fsSL https://fly.io/install.sh | sh|]
              - name: login
                run: |
                  echo "deploying"
                  docker login -u ci {|JSI4016:-p ${{ secrets.REGISTRY_PASSWORD }}|} ghcr.io
              - run: echo "${{ secrets.TOKEN }}" | docker login --password-stdin ghcr.io
        """;

    [Test]
    public void Run_steps_are_checked_and_findings_point_into_the_workflow()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>((".github/workflows/deploy.yml", Workflow.Replace("{|JSI4016:", "", StringComparison.Ordinal).Replace("}}|}", "}}", StringComparison.Ordinal)));
        RuleVerifier.Reports<CredentialOnCommandLineRule>((".github/workflows/deploy.yml", Workflow.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal)));
    }

    [Test]
    public void Expressions_are_values_from_elsewhere_not_literal_secrets()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>((".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          API_TOKEN='${{ secrets.API_TOKEN }}'\n          ssh-keyscan host >> ~/.ssh/known_hosts\n"));
        RuleVerifier.ReportsNothing<HostKeyCheckingDisabledRule>((".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh -o StrictHostKeyChecking=yes host true\n"));
    }
}

public sealed class SecretRealWorldRegressionTests
{
    [Test]
    public void A_variable_holding_the_path_of_a_credentials_file_is_not_a_secret()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", "RELAY_CREDENTIALS_JSON=relay/credentials.json\necho \"$RELAY_CREDENTIALS_JSON already exists\"\nSIGNING_KEY=certs/release.pem\n"));
    }
}
