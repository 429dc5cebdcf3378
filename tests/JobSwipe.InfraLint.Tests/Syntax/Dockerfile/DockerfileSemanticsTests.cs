using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class DockerfileSemanticsTests
{
    // ------------------------------------------------------------------ variables

    [Test]
    public void From_resolves_global_arg_defaults()
    {
        var model = ParseOk("ARG BASE=python:3.12-slim\nFROM ${BASE}\n");
        FromInstruction from = model.Stages[0].From;
        Assert.Multiple(() =>
        {
            Assert.That(from.Image!.Text, Is.EqualTo("${BASE}"));
            Assert.That(from.ResolvedImage!.Value, Is.EqualTo("python:3.12-slim"));
            Assert.That(from.ResolvedImage.IsResolved, Is.True);
            Assert.That(from.ImageReference!.Repository, Is.EqualTo("python"));
            Assert.That(from.ImageReference.Tag, Is.EqualTo("3.12-slim"));
        });
    }

    [Test]
    public void From_with_composed_arguments_and_digest()
    {
        var model = ParseOk("ARG REGISTRY=ghcr.io\nARG IMAGE=$REGISTRY/acme/app\nARG DIGEST=sha256:0123\nFROM $IMAGE@${DIGEST} AS app\n");
        ImageReference image = model.Stages[0].From.ImageReference!;
        Assert.Multiple(() =>
        {
            Assert.That(model.Stages[0].From.ResolvedImage!.Value, Is.EqualTo("ghcr.io/acme/app@sha256:0123"));
            Assert.That(image.Registry, Is.EqualTo("ghcr.io"));
            Assert.That(image.Repository, Is.EqualTo("acme/app"));
            Assert.That(image.Digest, Is.EqualTo("sha256:0123"));
            Assert.That(image.Tag, Is.Null);
        });
    }

    [Test]
    public void Unresolved_variables_stay_marked()
    {
        var model = ParseOk("ARG VERSION\nFROM node:${VERSION}\nFROM ${UNKNOWN:-alpine}:3.19\n");
        ExpandedValue first = model.Stages[0].From.ResolvedImage!;
        ExpandedValue second = model.Stages[1].From.ResolvedImage!;
        Assert.Multiple(() =>
        {
            Assert.That(first.IsResolved, Is.False);
            Assert.That(first.Value, Is.EqualTo("node:${VERSION}"));
            Assert.That(first.UnresolvedVariables, Is.EqualTo(new[] { "VERSION" }));
            Assert.That(second.IsResolved, Is.False);
            Assert.That(second.Value, Is.EqualTo("alpine:3.19"));
        });
    }

    [TestCase("${V:-d}", "x", "x")]
    [TestCase("${E:-d}", "x", "d")]
    [TestCase("${E-d}", "x", "")]
    [TestCase("${V:+alt}", "x", "alt")]
    [TestCase("${E:+alt}", "x", "")]
    [TestCase("${V+alt}", "x", "alt")]
    [TestCase("pre-${V}-$V.post", "x", "pre-x-x.post")]
    [TestCase("\\$V", "x", "$V")]
    [TestCase("'$V'", "x", "$V")]
    [TestCase("\"$V\"", "x", "x")]
    [TestCase("${E:-${V}}", "x", "x")]
    [TestCase("$", "x", "$")]
    public void Expansion_operators(string word, string value, string expected)
    {
        var model = ParseOk($"ARG V={value}\nARG E=\nFROM a\nARG V\nARG E\nENV OUT={word}\n");
        var env = model.Stages[0].Instructions.OfType<KeyValueInstruction>().Single();
        ExpandedValue resolved = env.Pairs[0].Resolved!;
        Assert.Multiple(() =>
        {
            Assert.That(resolved.Value, Is.EqualTo(expected));
            Assert.That(resolved.IsResolved, Is.True);
        });
    }

    [Test]
    public void Unsupported_operators_are_unresolved()
    {
        var model = ParseOk("ARG V=abc\nFROM ${V#a}\n");
        Assert.That(model.Stages[0].From.ResolvedImage!.IsResolved, Is.False);
    }

    [Test]
    public void Stage_scope_starts_empty_and_inherits_global_defaults_by_redeclaring()
    {
        var model = ParseOk("ARG TAG=1.0\nFROM a\nENV X=$TAG\nARG TAG\nENV Y=$TAG Z=${Y}\nENV W=$Y\nFROM b\nENV Q=$Y\n");
        var envs = model.Stages.SelectMany(s => s.Instructions).OfType<KeyValueInstruction>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(envs[0].Pairs[0].Resolved!.IsResolved, Is.False);
            Assert.That(envs[1].Pairs[0].Resolved!.Value, Is.EqualTo("1.0"));
            // One ENV sees only the variables set before it, as BuildKit.
            Assert.That(envs[1].Pairs[1].Resolved!.IsResolved, Is.False);
            Assert.That(envs[2].Pairs[0].Resolved!.Value, Is.EqualTo("1.0"));
            Assert.That(envs[3].Pairs[0].Resolved!.IsResolved, Is.False);
            Assert.That(envs[2].Variables["TAG"], Is.EqualTo("1.0"));
            Assert.That(envs[2].Expand("v${TAG}").Value, Is.EqualTo("v1.0"));
        });
    }

    [Test]
    public void Copy_from_can_be_expanded_with_instruction_variables()
    {
        var model = ParseOk("FROM a AS build\nFROM b\nARG SRC=build\nCOPY --from=$SRC /x /y\n");
        var copy = model.Stages[1].Instructions.OfType<CopyInstruction>().Single();
        Assert.That(copy.Expand(copy.From!.Value!).Value, Is.EqualTo("build"));
    }

    // ------------------------------------------------------------------ image references

    [TestCase("ubuntu", null, "ubuntu", null, null)]
    [TestCase("ubuntu:22.04", null, "ubuntu", "22.04", null)]
    [TestCase("library/ubuntu:22.04", null, "library/ubuntu", "22.04", null)]
    [TestCase("localhost:5000/app:dev", "localhost:5000", "app", "dev", null)]
    [TestCase("localhost/app", "localhost", "app", null, null)]
    [TestCase("gcr.io/distroless/static@sha256:abc", "gcr.io", "distroless/static", null, "sha256:abc")]
    [TestCase("nginx:1.25@sha256:abc", null, "nginx", "1.25", "sha256:abc")]
    public void Image_references_are_split(string raw, string? registry, string repository, string? tag, string? digest)
    {
        ImageReference image = ImageReference.Parse(raw)!;
        Assert.That((image.Registry, image.Repository, image.Tag, image.Digest), Is.EqualTo((registry, repository, tag, digest)));
    }

    [Test]
    public void Scratch_is_recognised()
    {
        var model = ParseOk("FROM scratch\nCOPY app /\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Stages[0].From.ImageReference!.IsScratch, Is.True);
            Assert.That(ImageReference.Parse("  "), Is.Null);
        });
    }

    // ------------------------------------------------------------------ errors

    [TestCase("", "no instructions")]
    [TestCase("# Hello\n# These are just comments\n\n", "no instructions")]
    [TestCase("FROM busybox\n\nENV PATH\n", "has no value")]
    [TestCase("FROM a\nENV A=1 B\n", "has no '='")]
    [TestCase("FROM a\nENV =1\n", "can not be blank")]
    [TestCase("FROM a\nARG =1\n", "can not be blank")]
    [TestCase("FROM a\nFOO bar\n", "Unknown instruction: FOO")]
    [TestCase("RUN echo\nFROM a\n", "before the first FROM")]
    [TestCase("FROM\n", "FROM requires either one or three")]
    [TestCase("FROM a b\n", "FROM requires either one or three")]
    [TestCase("FROM a AS 1st\n", "not a valid stage name")]
    [TestCase("FROM a AS my$stage\n", "not a valid stage name")]
    [TestCase("FROM a\nCOPY onlyone\n", "only one was")]
    [TestCase("FROM a\nADD\n", "none was")]
    [TestCase("FROM a\nEXPOSE\n", "EXPOSE requires at least one argument")]
    [TestCase("FROM a\nUSER\n", "USER requires exactly one argument")]
    [TestCase("FROM a\nWORKDIR\n", "WORKDIR requires exactly one argument")]
    [TestCase("FROM a\nVOLUME\n", "VOLUME requires at least one argument")]
    [TestCase("FROM a\nVOLUME [\"\"]\n", "must not be empty")]
    [TestCase("FROM a\nARG\n", "ARG requires at least one argument")]
    [TestCase("FROM a\nLABEL\n", "LABEL requires at least one argument")]
    [TestCase("FROM a\nONBUILD\n", "ONBUILD requires at least one argument")]
    [TestCase("FROM a\nONBUILD ONBUILD RUN x\n", "Chaining ONBUILD")]
    [TestCase("FROM a\nONBUILD FROM b\n", "not allowed as an ONBUILD trigger")]
    [TestCase("FROM a\nSHELL []\n", "SHELL requires at least one argument")]
    public void Invalid_dockerfiles_are_rejected(string content, string message)
    {
        var errors = Errors(content);
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains(message));
    }

    [Test]
    public void Error_spans_point_at_the_culprit()
    {
        const string content = "FROM a\n  foo bar\nFROM b AS 9x\n";
        var text = new SourceText(content);
        var errors = Errors(content);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(2));
            Assert.That(text.GetText(errors[0].Span), Is.EqualTo("foo"));
            Assert.That(text.GetPosition(errors[0].Span.Start), Is.EqualTo(new LinePosition(2, 3)));
            Assert.That(text.GetText(errors[1].Span), Is.EqualTo("9x"));
        });
    }

    [Test]
    public void Instruction_before_from_is_reported_at_its_keyword()
    {
        const string content = "ARG A=1\nENV B=2\nFROM a\n";
        var error = Errors(content).Single();
        Assert.That(new SourceText(content).GetText(error.Span), Is.EqualTo("ENV"));
    }

    [Test]
    public void Unknown_flags_are_kept_for_rules_and_known_flags_are_listed()
    {
        var model = ParseOk("FROM a\nMAINTAINER --boo joe@example.com\nADD --unpack=true x.tar /x\n");
        DockerInstruction maintainer = model.Stages[0].Instructions[0];
        DockerInstruction add = model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(maintainer.Flags.Single().Name, Is.EqualTo("boo"));
            Assert.That(BuildKitFlags.IsKnown(maintainer.Kind, "boo"), Is.False);
            Assert.That(BuildKitFlags.IsKnown(add.Kind, "unpack"), Is.True);
            Assert.That(BuildKitFlags.For(DockerInstructionKind.Run), Does.Contain("mount"));
        });
    }

    [Test]
    public void Duplicate_stage_names_parse_and_are_left_to_a_rule()
    {
        // BuildKit rejects them when it builds; JSI1010 reports them, so the parser keeps both stages.
        var model = ParseOk("FROM a AS x\nFROM b AS X\nFROM x\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Stages.Select(s => s.Name), Is.EqualTo(new[] { "x", "x", null }));
            Assert.That(model.Stages[2].From.BaseStageIndex, Is.EqualTo(1));
        });
    }

    [Test]
    public void Lineage_walks_from_a_stage_to_the_image_it_starts_from()
    {
        // The one walk of stage lineage: the Dockerfile rules, the entrypoint resolver and the compose healthcheck rule use it.
        var model = ParseOk("FROM python:3.12 AS base\nWORKDIR /app\nFROM base AS build\nUSER app\nFROM alpine AS other\nFROM build\nCMD [\"run\"]\n");
        DockerStage final = model.FinalStage!;
        Assert.Multiple(() =>
        {
            Assert.That(model.Lineage(final).Select(s => s.Index), Is.EqualTo(new[] { 3, 1, 0 }));
            Assert.That(model.FinalLineage().Select(s => s.Index), Is.EqualTo(new[] { 3, 1, 0 }));
            Assert.That(model.RootFrom(final).Image!.Text, Is.EqualTo("python:3.12"));
            Assert.That(model.InheritedNewestFirst(final).Select(i => i.Kind), Is.EqualTo(new[] { DockerInstructionKind.Cmd, DockerInstructionKind.User, DockerInstructionKind.Workdir }));
            Assert.That(model.InheritedInOrder(final).Select(i => i.Kind), Is.EqualTo(new[] { DockerInstructionKind.Workdir, DockerInstructionKind.User, DockerInstructionKind.Cmd }));
            Assert.That(model.Lineage(model.Stages[2]).Select(s => s.Index), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public void Lineage_asked_again_gives_the_same_stages_and_the_final_lineage_is_the_final_stage_s()
    {
        // The lineage is worked out once per stage and kept with the model: asking again, or in another order, must agree.
        var model = ParseOk("FROM python:3.12 AS base\nFROM base AS build\nFROM alpine AS other\nFROM build\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Lineage(model.Stages[1]).Select(s => s.Index), Is.EqualTo(new[] { 1, 0 }));
            Assert.That(model.FinalLineage().Select(s => s.Index), Is.EqualTo(new[] { 3, 1, 0 }));
            Assert.That(model.Lineage(model.Stages[3]).Select(s => s.Index), Is.EqualTo(new[] { 3, 1, 0 }));
            Assert.That(model.Lineage(model.Stages[1]).Select(s => s.Index), Is.EqualTo(new[] { 1, 0 }));
            Assert.That(model.RootFrom(model.Stages[2]).Image!.Text, Is.EqualTo("alpine"));
            Assert.That(model.RootFrom(model.Stages[3]).Image!.Text, Is.EqualTo("python:3.12"));
        });
    }

    [Test]
    public void A_repeated_flag_is_the_last_one_and_source_paths_leave_out_heredoc_markers()
    {
        var model = ParseOk("FROM a\nCOPY --chmod=644 --from=x --chmod=755 app.sh /app/\nCOPY <<EOF a.txt /dst/\nhello\nEOF\n");
        var copies = model.Instructions.OfType<CopyInstruction>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(copies[0].GetFlag("chmod")!.Value, Is.EqualTo("755"));
            Assert.That(copies[0].GetFlag("link"), Is.Null);
            Assert.That(copies[0].SourcePaths.Select(t => t.Text), Is.EqualTo(new[] { "app.sh" }));
            Assert.That(copies[1].Sources.Select(t => t.Text), Is.EqualTo(new[] { "<<EOF", "a.txt" }));
            Assert.That(copies[1].SourcePaths.Select(t => t.Text), Is.EqualTo(new[] { "a.txt" }));
            Assert.That(copies[1].SourcePaths.Select(t => t.Text), Is.EqualTo(new[] { "a.txt" }));
        });
    }

    [Test]
    public void Accepted_oddities_match_buildkit()
    {
        // Empty RUN/CMD/ENTRYPOINT, unknown flags and lower-case keywords are accepted by BuildKit's parser.
        var model = ParseOk("FROM a\nCMD\nENTRYPOINT []\nCOPY --user=me --doit=true foo /tmp/\nCMD --doit [ \"a\", \"b\" ]\nhealthcheck cmd true\n");
        var cmd = (CommandInstruction)model.Stages[0].Instructions[3];
        Assert.Multiple(() =>
        {
            Assert.That(cmd.Flags.Single().Name, Is.EqualTo("doit"));
            Assert.That(cmd.ExecArguments.Select(a => a.Text), Is.EqualTo(new[] { "a", "b" }));
        });
    }
}
