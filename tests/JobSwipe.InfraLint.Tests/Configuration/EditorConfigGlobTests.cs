using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class EditorConfigGlobTests
{
    private static EditorConfigGlob Glob(string pattern)
    {
        Assert.That(EditorConfigGlob.TryCreate(pattern, out EditorConfigGlob? glob, out string? error), Is.True, error);
        return glob!;
    }

    private static void AssertMatches(string pattern, string[] matching, string[] notMatching)
    {
        EditorConfigGlob glob = Glob(pattern);
        Assert.Multiple(() =>
        {
            foreach (string path in matching)
            {
                Assert.That(glob.IsMatch(path), Is.True, $"[{pattern}] should match {path} ({glob.RegexPattern})");
            }

            foreach (string path in notMatching)
            {
                Assert.That(glob.IsMatch(path), Is.False, $"[{pattern}] should not match {path} ({glob.RegexPattern})");
            }
        });
    }

    [Test]
    public void Plain_name_matches_that_file_name_in_any_directory() =>
        AssertMatches("Dockerfile", ["/Dockerfile", "/api/Dockerfile", "/a/b/c/Dockerfile"], ["/Dockerfile.dev", "/xDockerfile", "/dockerfile", "/Dockerfile/x"]);

    [Test]
    public void Star_does_not_cross_directories_but_the_implicit_prefix_does() =>
        AssertMatches("*.yml", ["/compose.yml", "/deploy/prod.yml", "/.yml"], ["/compose.yaml", "/compose.yml.bak"]);

    [Test]
    public void Star_inside_a_path_glob_stays_in_one_directory() =>
        AssertMatches("deploy/*.toml", ["/deploy/fly.toml"], ["/deploy/prod/fly.toml", "/other/deploy/fly.toml", "/fly.toml"]);

    [Test]
    public void Double_star_crosses_directories() =>
        AssertMatches("deploy/**.toml", ["/deploy/fly.toml", "/deploy/prod/eu/fly.toml"], ["/fly.toml", "/src/deploy/fly.toml"]);

    [Test]
    public void Double_star_slash_needs_at_least_one_directory_as_in_Roslyn() =>
        AssertMatches("**/*.sh", ["/scripts/a.sh", "/a/b/c.sh"], ["/a.sh"]);

    [Test]
    public void Double_star_alone_matches_everything() =>
        AssertMatches("**", ["/a", "/a/b/c"], []);

    [Test]
    public void Leading_slash_anchors_to_the_editorconfig_directory() =>
        AssertMatches("/docker-compose.yml", ["/docker-compose.yml"], ["/sub/docker-compose.yml"]);

    [Test]
    public void Slash_inside_makes_the_glob_relative() =>
        AssertMatches("infra/docker-compose.prod.yml", ["/infra/docker-compose.prod.yml"], ["/x/infra/docker-compose.prod.yml"]);

    [Test]
    public void Question_mark_is_one_character_including_slash_like_Roslyn() =>
        AssertMatches("ab?d", ["/abcd", "/ab?d", "/x/ab-d", "/ab/d"], ["/abd", "/abccd"]);

    [Test]
    public void Character_class() =>
        AssertMatches("*.[ct]sv", ["/a.csv", "/a.tsv"], ["/a.xsv", "/a.ctsv"]);

    [Test]
    public void Negated_character_class() =>
        AssertMatches("file[!0-9].txt", ["/filea.txt", "/file-.txt"], ["/file1.txt", "/file.txt"]);

    [Test]
    public void Character_class_range_and_members() =>
        AssertMatches("[a-cx]z", ["/az", "/bz", "/cz", "/xz"], ["/dz", "/yz", "/Az"]);

    [Test]
    public void Caret_in_a_class_is_a_member_not_a_negation() =>
        AssertMatches("[^a]b", ["/^b", "/ab"], ["/cb"]);

    [Test]
    public void Dash_at_either_end_of_a_class_is_literal()
    {
        AssertMatches("[-a]b", ["/-b", "/ab"], ["/bb"]);
        AssertMatches("[a-]b", ["/-b", "/ab"], ["/bb"]);
    }

    [Test]
    public void Bracket_specials_inside_a_class()
    {
        AssertMatches("[[a]b", ["/[b", "/ab"], ["/b", "/[ab"]);
        AssertMatches("[ab]]c", ["/a]c", "/b]c"], ["/ac"]);
        AssertMatches(@"[\]]x", ["/]x"], ["/\\x"]);
        AssertMatches(@"[\d]x", ["/dx"], ["/1x"]);
    }

    [Test]
    public void Braces_choose_between_alternatives() =>
        AssertMatches("*.{yml,yaml}", ["/a.yml", "/b/a.yaml"], ["/a.ym", "/a.json", "/a.yml,yaml"]);

    [Test]
    public void Braces_nest() =>
        AssertMatches("{docker-compose{.prod,.staging},fly}.{yml,toml}", ["/docker-compose.prod.yml", "/docker-compose.staging.toml", "/fly.toml", "/x/fly.yml"], ["/docker-compose.yml", "/fly.json"]);

    [Test]
    public void Empty_alternatives_are_allowed() =>
        AssertMatches("Dockerfile{,.*}", ["/Dockerfile", "/Dockerfile.prod"], ["/Dockerfilex"]);

    [Test]
    public void Single_alternative_and_empty_braces()
    {
        AssertMatches("{*.sh}", ["/a.sh", "/x/a.sh"], ["/a.bash"]);
        AssertMatches("a{}b", ["/ab"], ["/a{}b"]);
    }

    [Test]
    public void Slash_in_one_alternative_anchors_the_whole_glob_as_in_Roslyn() =>
        AssertMatches("{*.env,config/app.env}", ["/a.env", "/config/app.env"], ["/sub/a.env", "/x/config/app.env"]);

    [Test]
    public void Number_range() =>
        AssertMatches("app{1..12}.env", ["/app1.env", "/app12.env", "/app007.env"], ["/app0.env", "/app13.env", "/app-1.env", "/app.env", "/appx.env"]);

    [Test]
    public void Number_range_reversed_and_negative()
    {
        AssertMatches("n{10..-10}", ["/n-10", "/n0", "/n-0", "/n10", "/n-5"], ["/n11", "/n-11", "/n--1"]);
        AssertMatches("a{-3..-1}b{0..2}", ["/a-2b1", "/a-3b0"], ["/a0b0", "/a-2b3"]);
    }

    [Test]
    public void Incomplete_number_range_is_a_literal_choice()
    {
        AssertMatches("{0..}", ["/0.."], ["/0"]);
        AssertMatches("{1..x}", ["/1..x"], ["/1"]);
    }

    [Test]
    public void Backslash_escapes_specials() =>
        AssertMatches(@"\*\?\{a\,b\}\[c\]\\", ["/*?{a,b}[c]\\"], ["/x?{a,b}[c]\\", "/*x{a,b}[c]\\"]);

    [Test]
    public void Regex_metacharacters_are_literal() =>
        AssertMatches("a.b+c(d)|e$^", ["/a.b+c(d)|e$^"], ["/axb+c(d)|e$^", "/abbc(d)|e$^"]);

    [Test]
    public void Matching_is_case_sensitive() =>
        AssertMatches("*.YML", ["/A.YML"], ["/a.yml"]);

    [TestCase("{a,b", "never closed")]
    [TestCase("a}", "'}'")]
    [TestCase("a,b", "outside braces")]
    [TestCase("[abc", "never closed")]
    [TestCase("[", "never closed")]
    [TestCase(@"[\", "lone")]
    [TestCase(@"abc\", "lone")]
    [TestCase("[]", "empty")]
    [TestCase("[!]x", "empty")]
    [TestCase("{0..99999999999}", "32-bit")]
    [TestCase("[z-a]", "not a valid glob")]
    [TestCase("", "empty")]
    public void Invalid_globs_are_rejected_with_a_reason(string pattern, string reason)
    {
        Assert.That(EditorConfigGlob.TryCreate(pattern, out EditorConfigGlob? glob, out string? error), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(glob, Is.Null);
            Assert.That(error, Does.Contain(reason));
        });
    }

    [Test]
    public void Deep_brace_nesting_is_rejected_not_overflowed()
    {
        string pattern = new string('{', 20_000) + "a" + new string('}', 20_000);
        Assert.That(EditorConfigGlob.TryCreate(pattern, out _, out string? error), Is.False);
        Assert.That(error, Does.Contain("longer than"));

        pattern = new string('{', 100) + "a" + new string('}', 100);
        Assert.That(EditorConfigGlob.TryCreate(pattern, out _, out error), Is.False);
        Assert.That(error, Does.Contain("nested"));
    }

    [Test]
    public void Globs_in_the_style_of_large_dotnet_repositories()
    {
        AssertMatches("*.{cmd, bat}", ["/build.cmd", "/x/y. bat"], ["/build.bat"]);
        AssertMatches("src/{Api,Worker}/**/*.{yml,toml}", ["/src/Api/deploy/fly.toml", "/src/Worker/a/b/compose.yml"], ["/src/Api/fly.toml", "/src/Web/deploy/fly.toml", "/x/src/Api/deploy/fly.toml"]);
        AssertMatches("**/{test,samples}/**.sh", ["/a/test/run.sh", "/a/samples/x/y.sh"], ["/test/run.sh", "/a/tests/run.sh"]);
        AssertMatches("obj/**.cs", ["/obj/a.cs", "/obj/Debug/a.cs"], ["/src/obj/a.cs"]);
    }

    [Test]
    public void Matching_many_paths_is_cheap_even_for_star_heavy_globs()
    {
        EditorConfigGlob glob = Glob("**a*a*a*a*a*a*a*a*a*b");
        string path = "/" + new string('a', 2000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200; i++)
        {
            Assert.That(glob.IsMatch(path), Is.False);
        }

        EditorConfigGlob simple = Glob("*.{yml,yaml,toml}");
        for (int i = 0; i < 10_000; i++)
        {
            simple.IsMatch("/services/api/deploy/docker-compose." + (i % 2 == 0 ? "yml" : "json"));
        }

        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(3));
    }
}
