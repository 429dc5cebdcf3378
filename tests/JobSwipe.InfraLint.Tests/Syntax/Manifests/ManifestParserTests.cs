using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Manifests;

public class ManifestParserTests
{
    private const string Requirements = """
        # production deps
        Django>=4.2,<5  # web framework
        requests[security, socks] == 2.31.0 ; python_version >= "3.8"
        Flask_SQLAlchemy
        zope.interface~=6.0
        -r base.txt
        --requirement=more.txt
        -c constraints.txt
        -e git+https://github.com/org/proj.git@main#egg=my_proj
        --index-url https://pypi.example.org/simple
        https://example.org/pkgs/thing-1.0.tar.gz
        ./local/package
        pkg @ https://example.org/pkg.zip
        uvicorn==0.30 \
            --hash=sha256:abc
        ???
        Django==4.2

        """;

    [Test]
    public void Requirements_names_spans_and_includes()
    {
        var text = new SourceText(Requirements);
        ParseResult<RequirementsManifest> result = RequirementsParser.Parse(text);
        Assert.That(result.Succeeded, Is.True);
        RequirementsManifest m = result.Model!;
        Assert.That(m.Kind, Is.EqualTo(ManifestKind.Requirements));
        Assert.That(m.Dependencies.Select(d => d.Name), Is.EqualTo(new[] { "django", "requests", "flask-sqlalchemy", "zope-interface", "my-proj", "pkg", "uvicorn", "django" }));
        Dependency requests = m.Find("Requests")!;
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(requests.Span), Is.EqualTo("requests"));
            Assert.That(requests.Extras, Is.EqualTo(new[] { "security", "socks" }));
            Assert.That(requests.VersionSpec, Is.EqualTo("== 2.31.0"));
            Assert.That(text.GetSpan(m.Find("django")!.Span), Is.EqualTo(LinePositionSpan.FromLine(2, 1, 7)));
            Assert.That(m.Find("django")!.VersionSpec, Is.EqualTo(">=4.2,<5"));
            Assert.That(text.GetText(m.Find("my-proj")!.Span), Is.EqualTo("my_proj"));
            Assert.That(m.Find("Flask-SQLAlchemy")!.RawName, Is.EqualTo("Flask_SQLAlchemy"));
        });
        Assert.That(m.Includes.Select(i => (i.IsConstraint, i.Path)), Is.EqualTo(new[] { (false, "base.txt"), (false, "more.txt"), (true, "constraints.txt") }));
        Assert.That(text.GetText(m.Includes[0].PathSpan), Is.EqualTo("base.txt"));
        Assert.That(m.Options.Select(o => o.Text), Has.Some.StartsWith("--index-url").And.Some.EqualTo("./local/package").And.Some.StartsWith("https://example.org/pkgs"));
        Assert.That(m.InvalidLines.Single().Text, Is.EqualTo("???"));
        Assert.That(m.Comments.Select(c => c.Text), Is.EqualTo(new[] { "production deps", "web framework" }));
    }

    [Test]
    public void Requirements_dev_flag()
    {
        RequirementsManifest m = RequirementsParser.Parse(new SourceText("pytest\n"), isDev: true).Model!;
        Assert.That(m.Dependencies.Single().IsDev, Is.True);
    }

    private const string Pyproject = """
        [project]
        name = "demo"
        dependencies = [
            "fastapi>=0.110",
            "Pydantic_Settings",
            "uvicorn[standard]; sys_platform != 'win32'",
        ]

        [project.optional-dependencies]
        postgres = ["psycopg[binary]>=3"]
        test = ["coverage"]

        [dependency-groups]
        test = ["pytest>=8"]

        [tool.poetry.dependencies]
        python = "^3.12"
        httpx = "^0.27"
        sqlalchemy = { version = "^2.0", extras = ["asyncio"] }

        [tool.poetry.group.dev.dependencies]
        ruff = "*"

        [tool.poetry.dev-dependencies]
        black = "24.1"

        [tool.uv]
        dev-dependencies = ["mypy"]

        """;

    [Test]
    public void Pyproject_all_dependency_tables()
    {
        var text = new SourceText(Pyproject);
        ParseResult<PyprojectManifest> result = PyprojectParser.Parse(text);
        Assert.That(result.Errors, Is.Empty);
        PyprojectManifest m = result.Model!;
        Assert.That(m.Dependencies.Select(d => (d.Name, d.IsDev)), Is.EqualTo(new[]
        {
            ("fastapi", false), ("pydantic-settings", false), ("uvicorn", false), ("psycopg", false), ("coverage", true), ("pytest", true),
            ("httpx", false), ("sqlalchemy", false), ("black", true), ("ruff", true), ("mypy", true),
        }));
        Assert.That(text.GetText(m.Find("fastapi")!.Span), Is.EqualTo("fastapi"));
        Assert.That(text.GetSpan(m.Find("fastapi")!.Span).Start, Is.EqualTo(new LinePosition(4, 6)));
        Assert.That(m.Find("psycopg")!.IsOptional, Is.True);
        Assert.That(m.Find("psycopg")!.Group, Is.EqualTo("postgres"));
        Assert.That(m.Find("sqlalchemy")!.VersionSpec, Is.EqualTo("^2.0"));
        Assert.That(text.GetText(m.Find("httpx")!.Span), Is.EqualTo("httpx"));
        Assert.That(m.Find("python"), Is.Null);
        Assert.That(m.Find("ruff")!.Group, Is.EqualTo("dev"));
    }

    [Test]
    public void Pipfile_packages()
    {
        var text = new SourceText("[[source]]\nurl = \"https://pypi.org/simple\"\n\n[packages]\nDjango = \"*\"\n\"django-environ\" = {version = \">=0.11\"}\n\n[dev-packages]\npytest = \"*\"\n");
        PipfileManifest m = PipfileParser.Parse(text).Model!;
        Assert.That(m.Dependencies.Select(d => (d.Name, d.IsDev)), Is.EqualTo(new[] { ("django", false), ("django-environ", false), ("pytest", true) }));
        Assert.That(text.GetText(m.Find("django-environ")!.Span), Is.EqualTo("\"django-environ\""));
        Assert.That(m.Find("django-environ")!.VersionSpec, Is.EqualTo(">=0.11"));
    }

    private const string PackageJson = """
        {
          "name": "jobswipe-web",
          "main": "dist/server.js",
          "type": "module",
          "scripts": {
            "start": "node dist/server.js",
            "build": "tsc -p . && echo \"done\""
          },
          "dependencies": { "express": "^4.19.2", "@prisma/client": "5.0.0", "café": "1" },
          "devDependencies": { "TypeScript": "^5" },
          "engines": { "node": ">=20", "nested": [1, {"a": [2]}] }
        }
        """;

    [Test]
    public void Package_json_dependencies_scripts_and_main()
    {
        var text = new SourceText(PackageJson);
        ParseResult<PackageJsonManifest> result = PackageJsonParser.Parse(text);
        Assert.That(result.Errors, Is.Empty);
        PackageJsonManifest m = result.Model!;
        Assert.That(m.Dependencies.Select(d => (d.Name, d.IsDev)), Is.EqualTo(new[] { ("express", false), ("@prisma/client", false), ("café", false), ("typescript", true) }));
        Assert.That(text.GetText(m.Find("@prisma/client")!.Span), Is.EqualTo("@prisma/client"));
        Assert.That(text.GetText(m.Find("typescript")!.Span), Is.EqualTo("TypeScript"));
        Assert.That(m.Find("express")!.VersionSpec, Is.EqualTo("^4.19.2"));
        Assert.That(m.Main!.Value, Is.EqualTo("dist/server.js"));
        Assert.That(text.GetText(m.Main.Span), Is.EqualTo("dist/server.js"));
        Assert.That(m.Type!.Value, Is.EqualTo("module"));
        PackageScript build = m.GetScript("build")!;
        Assert.That(build.Command, Is.EqualTo("tsc -p . && echo \"done\""));
        Assert.That(text.GetText(build.CommandSpan), Is.EqualTo("tsc -p . && echo \\\"done\\\""));
        Assert.That(text.GetSpan(build.NameSpan).Start, Is.EqualTo(new LinePosition(7, 6)));
        // After a non-ASCII name, offsets are still UTF-16 exact.
        Assert.That(text.GetText(m.Find("typescript")!.Span), Is.EqualTo("TypeScript"));
    }

    [TestCase("{\n  \"name\": \"x\",\n  \"main\": oops\n}\n", 3, 11)]
    [TestCase("{ \"a\": 1, }", 1, 11)]
    [TestCase("{ \"a\": 1 } extra", 1, 12)]
    [TestCase("{ \"dependencies\": { \"x\": \"1\" ", 1, 30)]
    public void Package_json_errors_are_located(string content, int line, int column)
    {
        var text = new SourceText(content);
        ParseResult<PackageJsonManifest> result = PackageJsonParser.Parse(text);
        SyntaxError error = result.Errors.Single();
        Assert.That(error.Message, Does.StartWith("Invalid JSON"));
        Assert.That(text.GetSpan(error.Span).Start, Is.EqualTo(new LinePosition(line, column)));
    }

    [TestCase("")]
    [TestCase("[1, 2]")]
    [TestCase("\"str\"")]
    public void Package_json_not_an_object(string content) =>
        Assert.That(PackageJsonParser.Parse(new SourceText(content)).Errors, Is.Not.Empty);

    [Test]
    public void Package_json_deep_nesting_is_an_error()
    {
        string content = "{\"a\":" + new string('[', 20000) + new string(']', 20000) + "}";
        SyntaxError error = PackageJsonParser.Parse(new SourceText(content)).Errors.Single();
        Assert.That(error.Message, Does.Contain("deeper"));
    }

    [Test]
    public void Fuzzed_manifests_never_throw()
    {
        TimeSpan elapsed = MiscFuzz.Run([Requirements, Pyproject, PackageJson], s =>
        {
            var text = new SourceText(s);
            Assert.That(RequirementsParser.Parse(text).Model, Is.Not.Null);
            _ = PyprojectParser.Parse(text);
            _ = PipfileParser.Parse(text);
            ParseResult<PackageJsonManifest> json = PackageJsonParser.Parse(text);
            Assert.That(json.Errors.All(e => e.Span.End <= s.Length), Is.True);
        }, seed: 31337, divisor: 4);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
