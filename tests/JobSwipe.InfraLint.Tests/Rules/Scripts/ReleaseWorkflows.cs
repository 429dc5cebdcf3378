namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

/// <summary>
/// GitHub workflows shared by the tests of the release-evidence rules (JSI4004, JSI4005, JSI4006, JSI4007): one that
/// builds a release and shows no other step, and one that shows every step those rules look for.
/// </summary>
internal static class ReleaseWorkflows
{
    /// <summary>A push to main that builds an Android release bundle and nothing else; the markup marks the build.</summary>
    public const string BuildOnly = "on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: [|./gradlew bundleRelease|]\n";

    /// <summary><see cref="BuildOnly"/> without markup.</summary>
    public static string BuildOnlyText => BuildOnly.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal);

    /// <summary>A tag-triggered release whose build job needs a test job, keeps the bundle as an artifact and uploads it to the store.</summary>
    public const string Complete = "on:\n  push:\n    tags: ['v*']\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n  build:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew bundleRelease\n      - uses: actions/upload-artifact@v4\n        with:\n          path: app/build/outputs/bundle\n      - uses: r0adkll/upload-google-play@v1\n        with:\n          packageName: x\n";
}
