namespace JobSwipe.InfraLint.Configuration;

/// <summary>
/// Path spelling used for matching: <c>/</c> separators, no trailing <c>/</c>, an upper-case drive letter.
/// Comparisons on the result are ordinal (case-sensitive), as in Roslyn.
/// </summary>
internal static class PathNormalizer
{
    public static string Normalize(string path)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized.Length >= 2 && normalized[1] == ':' && char.IsAsciiLetterLower(normalized[0]))
        {
            normalized = char.ToUpperInvariant(normalized[0]) + normalized[1..];
        }

        return normalized;
    }

    /// <summary>A directory without its trailing <c>/</c>; the Unix root becomes the empty string and <c>C:/</c> becomes <c>C:</c>.</summary>
    public static string NormalizeDirectory(string directory)
    {
        string normalized = Normalize(directory);
        while (normalized.Length > 0 && normalized[^1] == '/')
        {
            normalized = normalized[..^1];
        }

        return normalized;
    }

    public static string Join(string directory, string fileName)
    {
        if (directory.Length == 0)
        {
            return fileName;
        }

        char last = directory[^1];
        return last is '/' or '\\' ? directory + fileName : directory + (directory.Contains('\\', StringComparison.Ordinal) && !directory.Contains('/', StringComparison.Ordinal) ? "\\" : "/") + fileName;
    }
}
