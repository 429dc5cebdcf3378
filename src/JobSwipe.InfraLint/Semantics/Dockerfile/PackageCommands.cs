using JobSwipe.InfraLint.Syntax.Shell;

namespace JobSwipe.InfraLint.Semantics.Dockerfile;

/// <summary>Reads package-manager commands found in RUN: which packages an install names, and removals.</summary>
internal static class PackageCommands
{
    private static readonly HashSet<string> InstallVerbs = new(StringComparer.Ordinal) { "install", "add", "groupinstall", "localinstall", "in" };

    // Options whose value is the next argument (so it is not a package).
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-t", "--target-release", "-o", "--option", "-c", "--config-file", "--virtual", "-X", "--repository", "--repo", "--enablerepo", "--disablerepo",
        "--setopt", "--installroot", "--releasever", "-x", "--exclude", "--root", "-p",
    };

    /// <summary>The manager (apt-get, apk, ...) and verb word when the command installs packages, else null.</summary>
    public static (string Manager, ShellWord Verb)? Install(RunCommand command)
    {
        string? name = command.Name;
        if (name is not ("apt-get" or "apt" or "aptitude" or "apk" or "yum" or "dnf" or "microdnf" or "zypper" or "tdnf"))
        {
            return null;
        }

        foreach (ShellWord argument in command.ArgumentWords)
        {
            string value = argument.Value;
            if (value.StartsWith('-'))
            {
                continue;
            }

            return InstallVerbs.Contains(value) ? (name, argument) : null;
        }

        return null;
    }

    /// <summary>The package words of an install command (options and their values skipped).</summary>
    public static IReadOnlyList<ShellWord> Packages(RunCommand command)
    {
        if (Install(command) is not { } install)
        {
            return [];
        }

        var packages = new List<ShellWord>();
        var args = command.ArgumentWords;
        int start = -1;
        for (int i = 0; i < args.Count; i++)
        {
            if (ReferenceEquals(args[i], install.Verb))
            {
                start = i + 1;
                break;
            }
        }

        for (int i = Math.Max(start, 0); i < args.Count; i++)
        {
            string value = args[i].Value;
            if (value.StartsWith('-'))
            {
                if (OptionsWithValue.Contains(value))
                {
                    i++;
                }

                continue;
            }

            packages.Add(args[i]);
        }

        return packages;
    }

    /// <summary>The package name without a version pin (<c>gcc=4:12</c>, <c>gcc~=12</c>, <c>gcc-12.2</c> stays).</summary>
    public static string BareName(string package)
    {
        int cut = package.IndexOfAny(['=', '<', '>', '~']);
        return (cut > 0 ? package[..cut] : package).ToLowerInvariant();
    }

    /// <summary>True when the command removes packages (apt-get purge/remove/autoremove, apk del, yum/dnf remove).</summary>
    public static bool IsRemoval(RunCommand command)
    {
        string? name = command.Name;
        if (name is not ("apt-get" or "apt" or "apk" or "yum" or "dnf" or "microdnf" or "zypper" or "apt-mark"))
        {
            return false;
        }

        string? verb = command.Arguments.FirstOrDefault(a => !a.StartsWith('-'));
        return verb is "purge" or "remove" or "autoremove" or "del" or "erase" or "rm" || name == "apt-mark" && verb == "auto";
    }
}
