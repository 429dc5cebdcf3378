using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI4008 follows where a value comes from and where the output goes, not only the variable's name.</summary>
public class SecretPrintedPrecisionTests
{
    [Test]
    public void A_counter_named_pass_is_not_a_password() =>
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("scripts/99-img-check.sh",
            "#!/bin/bash\nPASS=0\nWARN=0\ncheck() {\n  ((PASS++))\n}\ncheck\necho -en \"${PASS} checks passed\\n\"\n"));

    [Test]
    public void A_variable_holding_a_key_name_cut_from_another_name_is_not_a_secret() =>
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("entrypoint.sh",
            "#!/bin/bash\nfor key in \"${!SECRETS_@}\"; do\n  SECRET_KEY=\"${key#SECRETS_}\"\n  SECRET_KEY=\"${SECRET_KEY%_FILE}\"\n  echo \"Setting $SECRET_KEY from environment variable $key\"\ndone\n" +
            "for path in /run/secrets/app__*; do\n  secrets_filename=\"$(basename \"$path\")\"\n  SECRET_NAME=\"${secrets_filename#app__}\"\n  echo \"Setting $SECRET_NAME\"\ndone\n"));

    [Test]
    public void The_value_read_through_the_name_is_still_a_secret() =>
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("entrypoint.sh",
            "#!/bin/bash\nfor key in \"${!SECRETS_@}\"; do\n  SECRET_VALUE=\"${!key}\"\n  echo \"value: [|$SECRET_VALUE|]\"\ndone\n"));

    [Test]
    public void Echo_inside_a_group_redirected_to_a_file_writes_the_file_not_the_log() =>
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("install.sh",
            "#!/bin/bash\nSECRET_KEY=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 64)\n{\n  echo \"PAPERLESS_URL=$URL\"\n  if true; then\n    echo \"PAPERLESS_SECRET_KEY='$SECRET_KEY'\"\n  fi\n} > docker-compose.env\n"));

    [Test]
    public void Echo_of_the_same_secret_to_the_terminal_is_still_reported() =>
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("install.sh",
            "#!/bin/bash\nSECRET_KEY=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 64)\necho \"key: [|$SECRET_KEY|]\"\n"));

    [Test]
    public void A_loop_over_variable_names_prints_names() =>
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("check.sh",
            "#!/bin/bash\nfor secret_key in AI_API_KEY AI_HEADERS_JSON; do\n  echo \"Expected secretKey ${secret_key}\"\ndone\n"));

    [Test]
    public void Build_time_fallbacks_are_placeholders_not_secrets() =>
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("scripts/docker/read-secrets.sh",
            "#!/bin/sh\nDEFAULT_DATABASE_URL=\"postgresql://test:test@localhost:5432/app\"\nDEFAULT_ENCRYPTION_KEY=\"0123456789abcdef0123456789abcdef\"\nDEFAULT_HUB_API_KEY=\"build-time-placeholder\"\n"));

    [Test]
    public void A_real_looking_literal_is_still_reported() =>
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("deploy.sh", "#!/bin/sh\nHUB_API_KEY=[|\"k8Qz2LxW9vTn4RbY\"|]\n"));

    [Test]
    public void An_operator_tool_printing_a_password_it_generates_is_info_and_the_same_script_run_by_ci_a_warning()
    {
        string script = "#!/bin/bash\nPASSWORD=\"$(openssl rand -base64 30 | tr -d '=+/' | cut -c1-24)\"\ncreate_account \"$PASSWORD\"\necho \"Password : [|${PASSWORD}|]\"\necho \"Save this password, it will not be displayed again.\"\n";
        var tool = RuleVerifier.Reports<SecretPrintedByScriptRule>(("admin/account.sh", script));
        Assert.That(tool.Single().Severity, Is.EqualTo(JobSwipe.InfraLint.Diagnostics.DiagnosticSeverity.Info));
        var inCi = RuleVerifier.Reports<SecretPrintedByScriptRule>(("admin/account.sh", script), (".github/workflows/seed.yml", "on: push\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash admin/account.sh\n"));
        Assert.That(inCi.Single().Severity, Is.EqualTo(JobSwipe.InfraLint.Diagnostics.DiagnosticSeverity.Warning));
    }

    [Test]
    public void An_operator_tool_printing_a_secret_it_did_not_generate_is_still_a_warning() =>
        Assert.That(RuleVerifier.Reports<SecretPrintedByScriptRule>(("admin/account.sh", "#!/bin/bash\nPASSWORD=\"$PDS_ADMIN_PASSWORD\"\necho \"Password : [|${PASSWORD}|]\"\n")).Single().Severity,
            Is.EqualTo(JobSwipe.InfraLint.Diagnostics.DiagnosticSeverity.Warning));
}
