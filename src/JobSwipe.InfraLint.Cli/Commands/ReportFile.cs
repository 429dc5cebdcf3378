using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// Writes a file the tool produces (a report, a baseline) through a temporary file and a rename, and turns a failure into
/// one plain sentence: <c>infralint: cannot write the report to 'x': permission denied</c>, never an exception name.
/// </summary>
internal static partial class ReportFile
{
    public static bool TryWrite(string path, string content, string what, TextWriter error)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error.WriteLine($"infralint: cannot write {what} to '{path}': that is not a valid file path");
            return false;
        }

        if (Directory.Exists(full))
        {
            error.WriteLine($"infralint: cannot write {what} to '{path}': it is a folder");
            return false;
        }

        try
        {
            AtomicFile.WriteAllText(full, content);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"infralint: cannot write {what} to '{path}': {Reason(ex)}");
            return false;
        }
    }

    private static string Reason(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied (the file or its folder is read-only, or not yours)",
        PathTooLongException => "the path is too long",
        DirectoryNotFoundException => "its folder cannot be created",
        IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "the disk is full",
        // The message may name the temporary file beside the target: name the target instead.
        _ => TemporarySuffix().Replace(InfraLintCli.OneLine(exception.Message), string.Empty).TrimEnd('.'),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\.[0-9a-f]{32}\.tmp")]
    private static partial System.Text.RegularExpressions.Regex TemporarySuffix();
}
