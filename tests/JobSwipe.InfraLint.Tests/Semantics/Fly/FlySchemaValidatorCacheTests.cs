using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Tests.Semantics.Fly;

/// <summary>JSI3006, JSI3011 and JSI3012 share one schema walk per fly.toml model (the benchmark's profile found three).</summary>
public class FlySchemaValidatorCacheTests
{
    private const string Toml = "app = \"x\"\nkill_timeout = 30\nswap_size = 512\n\n[http_service]\n  internal_port = 8080\n  invented_key = true\n";

    [Test]
    public void The_issues_of_one_model_are_computed_once_and_shared()
    {
        var model = FlyConfigParser.Parse(new SourceText(Toml)).Model!;

        var first = FlySchemaValidator.Validate(model);
        var second = FlySchemaValidator.Validate(model);

        Assert.That(second, Is.SameAs(first));
        Assert.That(first.Select(i => i.Kind), Does.Contain(FlySchemaIssueKind.BareDuration).And.Contain(FlySchemaIssueKind.Ignored));
    }

    [Test]
    public void Another_model_of_the_same_text_gets_equal_issues_of_its_own()
    {
        var one = FlySchemaValidator.Validate(FlyConfigParser.Parse(new SourceText(Toml)).Model!);
        var other = FlySchemaValidator.Validate(FlyConfigParser.Parse(new SourceText(Toml)).Model!);

        Assert.That(other, Is.Not.SameAs(one));
        Assert.That(other, Is.EqualTo(one));
    }
}
