using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Fixes;

public class DockerfileFixTests
{
    [Test]
    public void JSI1006_removes_the_apt_lists_at_the_end_of_the_same_RUN() =>
        FixVerifier.Verifies<AptInstallWithoutCleanupRule>(
            "Dockerfile",
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n");

    [Test]
    public void JSI1006_adds_no_install_recommends_only_as_an_unsafe_fix()
    {
        const string before = "FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl\n";
        FixVerifier.Verifies<AptInstallWithoutCleanupRule>(
            "Dockerfile",
            before,
            "FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
            remaining: 1);
        FixVerifier.Verifies<AptInstallWithoutCleanupRule>(
            "Dockerfile",
            before,
            "FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n",
            unsafeFixes: true);
    }

    [Test]
    public void JSI1006_offers_no_list_removal_when_a_later_RUN_installs_without_updating() =>
        FixVerifier.LeavesAlone<AptInstallWithoutCleanupRule>("Dockerfile", "FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n");

    [Test]
    public void JSI1006_ends_a_heredoc_script_with_the_list_removal() =>
        FixVerifier.Verifies<AptInstallWithoutCleanupRule>(
            "Dockerfile",
            "FROM debian:12-slim\r\nRUN <<EOF\r\napt-get update\r\napt-get install -y --no-install-recommends git\r\nEOF\r\n",
            "FROM debian:12-slim\r\nRUN <<EOF\r\napt-get update\r\napt-get install -y --no-install-recommends git\r\nrm -rf /var/lib/apt/lists/*\r\nEOF\r\n");

    [Test]
    public void JSI1006_offers_no_list_removal_after_a_trailing_shell_comment() =>
        FixVerifier.LeavesAlone<AptInstallWithoutCleanupRule>("Dockerfile", "FROM debian:12-slim\nRUN apt-get update # refresh\n");

    [Test]
    public void JSI1014_adds_no_cache_dir_after_install() =>
        FixVerifier.Verifies<PipInstallKeepsCacheRule>(
            "Dockerfile",
            "FROM python:3.12-slim\nRUN pip install -r requirements.txt \\\n && python -m pip install gunicorn\n",
            "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt \\\n && python -m pip install --no-cache-dir gunicorn\n");

    [Test]
    public void JSI1014_leaves_a_pip_install_inside_a_double_quoted_sh_c_alone() =>
        FixVerifier.LeavesAlone<PipInstallKeepsCacheRule>("Dockerfile", "FROM python:3.12-slim\nRUN sh -c \"pip install flask\"\n");

    [Test]
    public void JSI1011_deletes_the_CMD_a_later_one_replaces_with_its_continuation_lines() =>
        FixVerifier.Verifies<RepeatedCmdOrEntrypointRule>(
            "Dockerfile",
            "FROM node:20-slim\nCMD [\"node\", \\\n     \"old.js\"]\nENV A=1\nCMD [\"node\", \"server.js\"]\n",
            "FROM node:20-slim\nENV A=1\nCMD [\"node\", \"server.js\"]\n");

    [Test]
    public void One_finding_one_fix_JSI1011_deletes_every_replaced_CMD_and_JSI1014_fixes_every_install_of_the_stage()
    {
        FixVerifier.Verifies<RepeatedCmdOrEntrypointRule>(
            "Dockerfile",
            "FROM node:20-slim\nCMD [\"node\", \"a.js\"]\nCMD [\"node\", \"b.js\"]\nCMD [\"node\", \"server.js\"]\n",
            "FROM node:20-slim\nCMD [\"node\", \"server.js\"]\n");
        FixVerifier.Verifies<PipInstallKeepsCacheRule>(
            "Dockerfile",
            "FROM python:3.12-slim\nRUN pip install flask\nRUN pip install gunicorn\n",
            "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN pip install --no-cache-dir gunicorn\n");
    }

    [Test]
    public void JSI1012_rewrites_an_unambiguous_shell_form_in_exec_form_as_an_unsafe_fix()
    {
        const string before = "FROM node:20-slim\nCMD node server.js --port \"8080\"\n";
        FixVerifier.LeavesAlone<ShellFormCommandRule>("Dockerfile", before, unsafeFixes: false);
        FixVerifier.Verifies<ShellFormCommandRule>("Dockerfile", before, "FROM node:20-slim\nCMD [\"node\", \"server.js\", \"--port\", \"8080\"]\n", unsafeFixes: true);
        FixVerifier.Verifies<ShellFormCommandRule>(
            "Dockerfile", "FROM python:3.12-slim\nENTRYPOINT gunicorn 'app:create_app()' -b 0.0.0.0:8000\n", "FROM python:3.12-slim\nENTRYPOINT [\"gunicorn\", \"app:create_app()\", \"-b\", \"0.0.0.0:8000\"]\n", unsafeFixes: true);
    }

    [TestCase("CMD node $APP_FILE")]
    [TestCase("CMD npm run migrate && npm start")]
    [TestCase("CMD node server.js > /var/log/app.log")]
    [TestCase("CMD cd /app; node server.js")]
    [TestCase("CMD ./run.sh *.conf")]
    [TestCase("CMD NODE_ENV=production node server.js")]
    public void JSI1012_offers_no_fix_when_the_split_is_not_unambiguous(string command) =>
        FixVerifier.LeavesAlone<ShellFormCommandRule>("Dockerfile", $"FROM node:20-slim\n{command}\n");

    [Test]
    public void JSI1013_replaces_ADD_with_COPY_keeping_flags_and_case()
    {
        FixVerifier.Verifies<AddInsteadOfCopyRule>("Dockerfile", "FROM alpine:3.20\nADD --chown=app:app app/ /srv/app/\n", "FROM alpine:3.20\nCOPY --chown=app:app app/ /srv/app/\n");
        FixVerifier.Verifies<AddInsteadOfCopyRule>("Dockerfile", "from alpine:3.20\nadd config.json /etc/app/\n", "from alpine:3.20\ncopy config.json /etc/app/\n");
    }

    [Test]
    public void JSI1017_anchors_a_relative_WORKDIR_of_a_scratch_image_at_the_root()
    {
        FixVerifier.Verifies<RelativeWorkdirRule>("Dockerfile", "FROM scratch\nWORKDIR app\nWORKDIR data\n", "FROM scratch\nWORKDIR /app\nWORKDIR data\n");
        FixVerifier.Verifies<RelativeWorkdirRule>("Dockerfile", "FROM scratch\nWORKDIR \"./app\"\n", "FROM scratch\nWORKDIR \"/app\"\n");
    }

    [Test]
    public void JSI1017_invents_no_base_directory_for_an_image_it_does_not_know() =>
        FixVerifier.LeavesAlone<RelativeWorkdirRule>("Dockerfile", "FROM node:20-slim\nWORKDIR app\n");

    [Test]
    public void JSI1018_turns_MAINTAINER_into_an_OCI_authors_label()
    {
        FixVerifier.Verifies<DeprecatedMaintainerRule>(
            "Dockerfile", "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n", "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n");
        FixVerifier.Verifies<DeprecatedMaintainerRule>(
            "Dockerfile", "FROM alpine:3.20\nMAINTAINER \"Ops $TEAM\" \\ ops\n", "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"\\\"Ops \\$TEAM\\\" \\\\ ops\"\n");
    }

    [Test]
    public void JSI1015_inserts_one_pipefail_SHELL_per_stage_as_an_unsafe_fix()
    {
        const string before = "FROM debian:12-slim\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n  RUN wget -qO- https://example.com/b.tgz | tar xz\n";
        FixVerifier.LeavesAlone<PipeWithoutPipefailRule>("Dockerfile", before, unsafeFixes: false);
        var result = FixVerifier.Verifies<PipeWithoutPipefailRule>(
            "Dockerfile",
            before,
            "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n  RUN wget -qO- https://example.com/b.tgz | tar xz\n",
            unsafeFixes: true);
        Assert.That((result.Applied, result.Passes), Is.EqualTo((1, 1)), "the second finding offered the same edit: applied once, and nothing was left for a second pass");
    }

    [Test]
    public void JSI1015_offers_no_fix_when_the_stage_already_sets_a_SHELL() =>
        FixVerifier.LeavesAlone<PipeWithoutPipefailRule>("Dockerfile", "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n");

    [TestCase("FROM alpine:3.20\nRUN wget -qO- https://example.com/a.tgz | tar xz\n")]
    [TestCase("FROM python:3.12-alpine\nRUN wget -qO- https://example.com/a.tgz | tar xz\n")]
    [TestCase("FROM example/base:1\nRUN apk add --no-cache curl\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n")]
    public void JSI1015_offers_no_bash_SHELL_to_an_image_known_to_lack_bash(string dockerfile) =>
        FixVerifier.LeavesAlone<PipeWithoutPipefailRule>("Dockerfile", dockerfile);

    [Test]
    public void JSI1015_puts_one_SHELL_in_the_base_stage_for_the_stages_built_on_it() =>
        FixVerifier.Verifies<PipeWithoutPipefailRule>(
            "Dockerfile",
            "FROM debian:12-slim AS base\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n\nFROM base AS app\nRUN wget -qO- https://example.com/b.tgz | tar xz\n",
            "FROM debian:12-slim AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n\nFROM base AS app\nRUN wget -qO- https://example.com/b.tgz | tar xz\n",
            unsafeFixes: true);

    [Test]
    public void JSI1015_puts_the_SHELL_above_the_comments_that_introduce_the_RUN() =>
        FixVerifier.Verifies<PipeWithoutPipefailRule>(
            "Dockerfile",
            "FROM debian:12-slim\n\n# fetch the tools\n# (pinned)\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n",
            "FROM debian:12-slim\n\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n# fetch the tools\n# (pinned)\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n",
            unsafeFixes: true);
}
