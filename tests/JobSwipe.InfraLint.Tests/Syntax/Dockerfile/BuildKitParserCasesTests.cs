using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

/// <summary>
/// BuildKit's parser verdicts. One case per file of BuildKit's parser test data (frontend/dockerfile/parser/testfiles,
/// which must parse, and testfiles-negative, which must not), each our own text with the shape of that file. The
/// parser-level verdict is <see cref="DockerfileParser.ParseSyntax"/>; the files that BuildKit's parser accepts but its
/// instruction stage rejects (no FROM, HEALTHCHECK without a command) keep JSI0001, with BuildKit's reason.
/// </summary>
public class BuildKitParserCasesTests
{
    private static readonly (string Shape, string Dockerfile)[] Valid =
    [
        ("ADD-COPY-with-JSON", "FROM\tdebian:12\nLABEL\tmaintainer\tOps Team <ops@example.test>\n\nCOPY\t.\t/srv/app\nADD\t\t.\t/\nADD\t\tempty /\nCOPY\temptyfile /tmp\nADD\t\t[ \"inputrc\", \"/tmp\" ]\nCOPY\t[ \"profile\", \"/tmp\" ]\nCOPY\t[ \"a file\", \"/tmp\" ]\nADD\t\t[ \"a file\", \"/tmp/a file\" ]\n"),
        ("args", "ARG one two=2\nFROM debian\nARG three=\"3 4 5\" six\n"),
        ("brimstone-consuldock", "#escape=\\\nFROM example/base:1.0\n\nLABEL maintainer ops@example.test\n\n# run with -v /var/run/docker.sock:/var/run/docker.sock\n\nENV GOPATH /go\n\nENTRYPOINT [\"/usr/local/bin/registrar\"]\n\nRUN apt-get update \\\n\t&& apt-get install -y --no-install-recommends git golang \\\n\t&& go get -v example.test/registrar \\\n\t&& mv $GOPATH/bin/registrar /usr/local/bin/registrar\n"),
        ("brimstone-docker-consul", "FROM example/base:1.0\n\nCMD []\n\nENTRYPOINT [\"/usr/bin/agent\", \"run\", \"-server\", \"-data=/data\"]\n\nEXPOSE 7000 7001 7002\n\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends unzip curl \\\n\t&& apt-get clean \\\n\t&& rm -rf /var/lib/apt/lists\n"),
        ("continue-at-eof", "FROM debian:12\n\nRUN make all \\"),
        ("continueIndent", "FROM debian:12\n\nRUN echo one\\\n  two\\\n  three  \\\n  four\\\nfive\nRUN echo a  \\\n  b\nRUN echo c  \\  \nd\nRUN echo e \\\n \\\n f \\\n\\\n g\n"),
        ("cpuguy83-nagios", "FROM example/monitor\nENV MON_HOME /opt/monitor\nENV MON_USER monitor\n\nRUN sed -i 's/universe/universe multiverse/' /etc/apt/sources.list\nRUN ( egrep -i \"^${MON_USER}\" /etc/passwd || useradd -d $MON_HOME $MON_USER )\n\nADD http://downloads.example.test/monitor-4.0.tar.gz /tmp/monitor.tar.gz\nRUN cd /tmp && tar -zxvf monitor.tar.gz && cd monitor && ./configure --prefix=${MON_HOME} && make all && make install\n\nVOLUME /opt/monitor/var\n\nCMD [\"/usr/local/bin/start_monitor\"]\n"),
        ("docker", "FROM\tdebian:12\nRUN\tapt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -yq --no-install-recommends \\\n\tbuild-essential \\\n\tcurl \\\n\tgit \\\n\t--no-install-recommends\n\n# a comment between instructions\nENV\tPATH\t/usr/local/go/bin:$PATH\nENV\tGOPATH\t/go\nWORKDIR\t/go/src/example.test/tool\nENTRYPOINT\t[\"hack/dind\"]\nCOPY\t.\t/go/src/example.test/tool\n"),
        ("env", "FROM debian:12\nENV one value\nENV two \"quoted value\"\nENV three=plain\nENV four=\"a b\" five=c six='d e'\nENV seven=$one eight=\"$two\"\n# the next instruction ends the file with the escape character\nENV first=value \\\n    second=\"multi \\\n            line\" \\\n    third=last \\"),
        ("escape", "#escape = `\n\nFROM image\nLABEL maintainer ops@example.test\nENV GOPATH `\n\\go"),
        ("escape-after-comment", "# A comment first: what follows is not a directive any more.\n# escape = `\n\nFROM image\nLABEL maintainer ops@example.test\nENV GOPATH \\\n\\go"),
        ("escape-nonewline", "# escape = `\n# No blank line after the directive.\nFROM image\nLABEL maintainer ops@example.test\nENV GOPATH `\n\\go"),
        ("escape-with-syntax", "# syntax = docker/dockerfile:1\n# escape = `\n\nFROM `\n    image\nLABEL maintainer ops@example.test\nENV GOPATH `\n\\go"),
        ("escapes", "FROM debian:12\nLABEL maintainer Ops \\\\Team <ops@example.test>\\\"\n\nRUN apt-get \\update && \\\n  apt-get \\\"install curl -y\nADD \\conf\\\\\" /.conf\n\nRUN one \\\n\ntwo \\\n\nthree\n\nCMD [ \"\\/usr\\\\\\\"/bin/tool\", \"-f\" ]\n"),
        ("flags", "FROM scratch\nCOPY a /tmp/\nCOPY --owner=me a /tmp/\nCOPY --maybe=true a /tmp/\nCOPY --owner=me --maybe=true a /tmp/\nCOPY --maybe=true -- a /tmp/\nCOPY -- a /tmp/\nCMD --maybe [ \"x\", \"y\" ]\nCMD --maybe=true -- [ \"x\", \"y\" ]\nCMD --maybe -- [ ]\n"),
        ("influxdb", "FROM debian:12\n\nRUN apt-get update && apt-get install curl -y\nRUN curl -O https://downloads.example.test/store.deb\nRUN dpkg -i store.deb\nRUN rm -r /opt/store/shared\n\nVOLUME /opt/store/shared\n\nCMD /usr/bin/store --pidfile /var/run/store.pid -config /opt/store/shared/config.toml\n\nEXPOSE 8086\n"),
        ("kartar-entrypoint-oddities", "FROM debian:12\nLABEL maintainer Ops Team \"ops@example.test\"\nENV UPDATED_ON 2024-01-01\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends valkey-server\nEXPOSE 6379\nENTRYPOINT [ \"/usr/bin/valkey-server\" ]\n"),
        ("lk4d4-the-edge-case-generator", "FROM busybox:1.36\n\nLABEL maintainer ops <ops@example.test>\n\nONBUILD RUN [\"echo\", \"later\"]\nONBUILD RUN echo later\nONBUILD COPY . /\n\n\n# RUN in a comment \\\n# with a continuation \\\nRUN [\"ls\", \"-l\"]\nRUN [\"echo\", \"'42'\"]\nRUN echo \"42\"\nRUN echo 'a' && \\\n    echo \"b\" && \\\n    echo c\nRUN    sh -c 'echo x \\\n        > /tmp/x'\n\n# ENV \\\nENV ONE 1 TWO 2\nENV ONE \"1 TWO 2\"\n\n# CMD \\\nCMD [\"echo\", \"done\"]\nCMD echo done\n\n# VOLUME \\\nVOLUME [\"/data\"]\nVOLUME /data /cache\n\n# USER \\\nUSER app\n\n# EXPOSE \\\nEXPOSE 80 443\n"),
        ("mail", "FROM debian:12\n\nRUN apt-get update -qy && apt-get install -y mutt vim-nox curl tmux cron\nADD .muttrc /\nADD .tmux.conf /\nADD vim /.vim\nADD crontab /etc/crontab\nRUN chmod 644 /etc/crontab\nRUN mkdir /Mail\nRUN touch /var/log/cron.log\n\nCMD /bin/bash\n"),
        ("multiple-volumes", "FROM base\n\nVOLUME /srv/data /srv/logs /srv/cache /var/log/app /usr/share/app/extra\n"),
        ("mumble", "FROM debian:12\n\nRUN apt-get update && apt-get install -y libcap2-bin voice-server\n\nADD ./voice-server.ini /etc/voice-server.ini\n\nCMD /usr/sbin/voiced\n"),
        ("nginx", "FROM debian:12\nLABEL maintainer Ops <ops@example.test>\n\nRUN apt-get update && apt-get install -y nginx-light\nRUN rm -rf /etc/nginx\nADD etc /etc/nginx\nRUN chown -R root:root /etc/nginx\nRUN /usr/sbin/nginx -t\nRUN mkdir /www\n\nCMD [\"/usr/sbin/nginx\"]\n\nVOLUME /www\nEXPOSE 80\n"),
        ("tf2", "FROM debian:12\n\nEXPOSE 27015\nEXPOSE 27005\n\nRUN apt-get update && apt-get install -y curl unzip\nRUN mkdir -p /game\nRUN curl https://downloads.example.test/game.tar.gz | tar vxz -C /game\nADD ./script /game/script\nRUN /game/setup.sh +runscript /game/script\n\nCMD cd /game && ./run.sh -console -port 27015\n"),
        ("trailing-backslash", "FROM debian:12\n\nENV A path\nENV B another\\\\path\nENV C trailing\\\\backslash\\\\\nENV D not part of C\nENV E hello\\\n\\\nworld\nENV F hello\\\n \\\nworld\nENV G hello \\\n\\\nworld\n"),
        ("weechat", "FROM debian:12\n\nRUN apt-get update -qy && apt-get install -y tmux zsh irssi\n\nADD .irssi /.irssi\nADD .tmux.conf /\nRUN echo \"export TERM=screen-256color\" >/.zshenv\n\nCMD zsh -c irssi\n"),
        ("znc", "FROM debian:12\nLABEL maintainer Ops <ops@example.test>\n\nRUN apt-get update && apt-get install -y bouncer\nADD conf /.bouncer\n\nCMD [ \"/usr/bin/bouncer\", \"-f\", \"-r\" ]\n"),
        ("health", "FROM debian:12\nADD probe.sh main.sh /app/\nCMD /app/main.sh\nHEALTHCHECK\nHEALTHCHECK --interval=10s --timeout=2s --retries=5 \\\n  CMD /app/probe.sh --quiet\nHEALTHCHECK CMD\nHEALTHCHECK   CMD   x y\nHEALTHCHECK --timeout=2s CMD [\"probe\"]\nHEALTHCHECK CONNECT TCP 8080\nHEALTHCHECK --start-period=0s --start-interval=0s --interval=10s --timeout=0s --retries=0 CMD [\"probe\"]\n"),
        ("json", "CMD []\nCMD [\"\"]\nCMD [\"x\"]\nCMD [\"x\",\"y\"]\nCMD [ \"x\", \"y\" ]\nCMD [\t\"x\",\t\"y\"\t]\nCMD\t[\t\"x\",\t\"y\"\t]\t\nCMD [\"one two\", \"♦\", \"★\", \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\"]\n"),
        ("jeztah-invalid-json-json-inside-string", "CMD '[\"printf\", \"an array in a string is still a string\"]'\n"),
        ("jeztah-invalid-json-json-inside-string-double", "CMD \"[\\\"printf\\\", \\\"escaped quotes inside quotes\\\"]\"\n"),
        ("jeztah-invalid-json-single-quotes", "CMD ['printf','single quotes are not JSON']\n"),
        ("jeztah-invalid-json-unterminated-bracket", "CMD [\"printf\", \"the bracket never closes\"\n"),
        ("jeztah-invalid-json-unterminated-string", "CMD [\"printf\", \"the quote never closes]\n"),
    ];

    private static readonly (string Shape, string Dockerfile)[] Invalid =
    [
        ("empty_dockerfile", ""),
        ("env_no_value", "FROM alpine:3.20\n\nENV HOME\n"),
        ("only_comments", "# nothing\n# but comments here\n\n"),
        ("shykes-nested-json", "CMD [ \"printf\", [ \"an array in an array\" ] ]\n"),
    ];

    private static IEnumerable<TestCaseData> ValidCases() => Valid.Select(c => new TestCaseData(c.Dockerfile).SetArgDisplayNames(c.Shape));

    private static IEnumerable<TestCaseData> InvalidCases() => Invalid.Select(c => new TestCaseData(c.Dockerfile).SetArgDisplayNames(c.Shape));

    [TestCaseSource(nameof(ValidCases))]
    public void What_buildkits_parser_accepts_parses(string dockerfile) =>
        Assert.That(DockerfileParser.ParseSyntax(new SourceText(dockerfile)).Errors.Select(e => e.Message), Is.Empty);

    [TestCaseSource(nameof(InvalidCases))]
    public void What_buildkits_parser_rejects_does_not_parse(string dockerfile) =>
        Assert.That(DockerfileParser.ParseSyntax(new SourceText(dockerfile)).Errors, Is.Not.Empty);

    [Test]
    public void Every_buildkit_parser_test_file_has_a_case() =>
        Assert.That(Valid.Length + Invalid.Length, Is.EqualTo(37));

    [Test]
    public void A_last_line_ending_in_the_escape_character_is_valid_in_run_and_env()
    {
        using var repository = new TempRepository();
        repository.Write("run/Dockerfile", Valid.Single(c => c.Shape == "continue-at-eof").Dockerfile);
        repository.Write("env/Dockerfile", Valid.Single(c => c.Shape == "env").Dockerfile);
        repository.Write("backtick/Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir `");
        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [], MaxDegreeOfParallelism = 1 });
        Assert.That(result.Diagnostics.Where(d => d.Id == "JSI0001"), Is.Empty);
        var model = DockerfileParser.Parse(new SourceText(Valid.Single(c => c.Shape == "env").Dockerfile)).Model!;
        var last = (KeyValueInstruction)model.Stages[0].Instructions[^1];
        Assert.That(last.Pairs.Select(p => p.Key), Is.EqualTo(new[] { "first", "second", "third" }));
    }

    [Test]
    public void What_buildkits_instruction_stage_rejects_stays_jsi0001_with_its_reason()
    {
        // BuildKit's parser accepts these; instructions.Parse stops with "no build stage in current context" and
        // "HEALTHCHECK requires at least one argument". A build never gets past them, so they are still reported.
        Assert.That(DockerfileParser.Parse(new SourceText(Valid.Single(c => c.Shape == "json").Dockerfile)).Errors.Select(e => e.Message), Has.Some.Contains("no FROM instruction"));
        Assert.That(DockerfileParser.Parse(new SourceText(Valid.Single(c => c.Shape == "health").Dockerfile)).Errors.Select(e => e.Message), Has.Some.Contains("HEALTHCHECK requires at least one argument"));
        Assert.That(DockerfileParser.Parse(new SourceText(Valid.Single(c => c.Shape == "flags").Dockerfile)).Errors, Is.Empty);
    }
}
