using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI5004: shell and process variables are never required; a supervisor program's environment provides.</summary>
public class RequiredVariablePrecisionTests
{
    [Test]
    public void Shell_and_process_variables_are_never_required() =>
        RuleVerifier.ReportsNothing<RequiredVariableNotProvidedRule>(("entrypoint.sh",
            "#!/bin/bash\nREQUIRED_VARS=(\n  HOSTNAME PWD HOME LANG SHLVL PATH _ PPID\n)\n"));

    [Test]
    public void Variables_set_by_a_supervisor_program_are_provided() =>
        RuleVerifier.ReportsNothing<RequiredVariableNotProvidedRule>(
            ("entrypoint.sh", "#!/bin/bash\ncat >/etc/supervisor/conf.d/setup.conf <<EOF\n[program:setup]\ncommand=/usr/local/sbin/setup\nenvironment=EXTERNAL_HOST=\"$SETTING_EXTERNAL_HOST\",ADMIN_EMAIL=\"$SETTING_ADMIN\"\nEOF\n"),
            ("setup.sh", "#!/bin/bash\n: \"${EXTERNAL_HOST:?missing EXTERNAL_HOST}\"\n: \"${ADMIN_EMAIL:?missing ADMIN_EMAIL}\"\n"));

    [Test]
    public void An_application_variable_nothing_provides_is_still_reported() =>
        RuleVerifier.Reports<RequiredVariableNotProvidedRule>(("setup.sh", "#!/bin/bash\n: \"${[|EXTERNAL_HOST|]:?missing}\"\n: \"${SHLVL:?}\"\n"));
}
