using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Fixes;

public class ComposeAndEnvFixTests
{
    [Test]
    public void JSI2013_removes_the_version_line_and_its_comment()
    {
        FixVerifier.Verifies<ObsoleteVersionKeyRule>(
            "docker-compose.yml",
            "version: \"3.8\"  # compose file format\nservices:\n  web:\n    image: nginx:1.27\n",
            "services:\n  web:\n    image: nginx:1.27\n");
        FixVerifier.Verifies<ObsoleteVersionKeyRule>(
            "compose.yaml",
            "# stack\nservices:\n  web:\n    image: nginx:1.27\nversion: '3'",
            "# stack\nservices:\n  web:\n    image: nginx:1.27");
    }

    [Test]
    public void JSI2002_drops_the_earlier_duplicate_when_both_values_are_equal() =>
        FixVerifier.Verifies<DuplicateKeyRule>(
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx:1.27\n    environment:\n      LOG_LEVEL: info\n      PORT: \"80\"\n      LOG_LEVEL: \"info\"\n",
            "services:\n  web:\n    image: nginx:1.27\n    environment:\n      PORT: \"80\"\n      LOG_LEVEL: \"info\"\n");

    [Test]
    public void JSI2002_drops_the_earlier_of_different_values_only_as_an_unsafe_fix()
    {
        const string before = "services:\n  web:\n    image: nginx:1.27\n    environment:\n      LOG_LEVEL: info\n      LOG_LEVEL: debug\n";
        FixVerifier.LeavesAlone<DuplicateKeyRule>("docker-compose.yml", before, unsafeFixes: false);
        FixVerifier.Verifies<DuplicateKeyRule>("docker-compose.yml", before, "services:\n  web:\n    image: nginx:1.27\n    environment:\n      LOG_LEVEL: debug\n", unsafeFixes: true);
    }

    [Test]
    public void JSI2002_drops_a_whole_earlier_block_and_a_key_written_three_times_in_passes() =>
        FixVerifier.Verifies<DuplicateKeyRule>(
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx:1.26\n    ports:\n      - \"80:80\"\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n    labels:\n      a: \"1\"\n      a: \"1\"\n      a: \"1\"\n",
            "services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n    labels:\n      a: \"1\"\n",
            unsafeFixes: true);

    [Test]
    public void JSI2002_drops_an_earlier_list_form_variable() =>
        FixVerifier.Verifies<DuplicateKeyRule>(
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx:1.27\n    environment:\n      - PORT=80\n      - MODE=web\n      - PORT=80\n",
            "services:\n  web:\n    image: nginx:1.27\n    environment:\n      - MODE=web\n      - PORT=80\n");

    [Test]
    public void JSI2002_leaves_flow_mappings_alone() =>
        FixVerifier.LeavesAlone<DuplicateKeyRule>("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n    labels: {a: \"1\", a: \"1\"}\n");

    [Test]
    public void JSI5006_drops_the_earlier_equal_assignment_keeping_comments_and_the_missing_final_newline()
    {
        FixVerifier.Verifies<DuplicateEnvKeyRule>(".env", "# app\nPORT=8000\nMODE=web # the role\nPORT=8000", "# app\nMODE=web # the role\nPORT=8000");
        FixVerifier.Verifies<DuplicateEnvKeyRule>(".env", "PORT=8000\r\nMODE=web\r\nPORT=\"8000\"\r\n", "MODE=web\r\nPORT=\"8000\"\r\n");
    }

    [Test]
    public void JSI5006_drops_the_earlier_of_different_values_only_as_an_unsafe_fix()
    {
        FixVerifier.LeavesAlone<DuplicateEnvKeyRule>(".env", "PORT=8000\nPORT=9000\n", unsafeFixes: false);
        FixVerifier.Verifies<DuplicateEnvKeyRule>(".env", "PORT=8000\nPORT=9000\n", "PORT=9000\n", unsafeFixes: true);
    }
}
