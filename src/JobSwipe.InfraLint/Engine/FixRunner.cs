using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>What <see cref="FixRunner.Run"/> does: which fixes it applies, whether it writes, how many passes it may take.</summary>
public sealed record FixOptions
{
    /// <summary>Also apply fixes that may change behaviour (<c>--unsafe-fixes</c>).</summary>
    public bool IncludeUnsafe { get; init; }

    /// <summary>False: compute the changes and lint them, but write nothing (<c>--diff</c>).</summary>
    public bool Write { get; init; } = true;

    /// <summary>When set, only fixes of these files (paths relative to the root) are applied: <c>infralint fix FILE</c>.</summary>
    public IReadOnlySet<string>? Paths { get; init; }

    /// <summary>The most lint-and-fix passes before the runner stops (fixes that overlap wait for the next pass).</summary>
    public int MaxPasses { get; init; } = 10;
}

/// <summary>One file the fixes change: its bytes before and after, and whether it becomes executable.</summary>
public sealed record FileChange(string RelativePath, string FullPath, byte[] Original, byte[] Fixed, bool MakesExecutable, IReadOnlyList<string> RuleIds)
{
    public bool ContentChanged => !Original.AsSpan().SequenceEqual(Fixed);
}

/// <summary>The outcome of a fix run.</summary>
/// <param name="Before">The findings before any fix.</param>
/// <param name="After">The findings after: a fresh lint of the written files, or (when nothing was written) of the pending contents.</param>
/// <param name="Changes">The files changed (or that would change), in path order.</param>
/// <param name="Applied">How many fixes were applied (or would be).</param>
/// <param name="Passes">How many passes applied fixes (each followed by a lint of the result).</param>
/// <param name="Converged">False when the last pass still had fixes to apply (the pass limit was reached).</param>
/// <param name="Written">True when the changes were written to disk.</param>
/// <param name="Errors">Why nothing was written (a read-only file, a file changed during the run, a write that failed); empty on success.</param>
/// <param name="Notes">Files whose fixes were skipped, and why (not valid UTF-8, unreadable).</param>
public sealed record FixResult(
    LintResult Before,
    LintResult After,
    IReadOnlyList<FileChange> Changes,
    int Applied,
    int Passes,
    bool Converged,
    bool Written,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Notes)
{
    /// <summary>Findings left after the run whose fix is unsafe and was not applied (offer <c>--unsafe-fixes</c>).</summary>
    public int UnsafeFixesAvailable => After.Diagnostics.Count(d => d.Fix is { IsSafe: false });

    /// <summary>Findings left after the run that still offer a fix a later run could apply (an unsafe one, or one blocked by an overlap).</summary>
    public int FixesRemaining => After.Diagnostics.Count(d => d.Fix is not null);
}

/// <summary>
/// Lints, applies the findings' fixes in passes until none is left (fixes whose edits overlap wait for the next pass,
/// which lints the pending contents again), then writes every changed file through a temporary file and a rename,
/// and lints once more. Everything the fixes do not touch stays byte for byte: the BOM, the line breaks, the
/// indentation, the comments, the final newline. Nothing is written when any file is read-only or changed on disk
/// during the run; a mode fix sets the execute bit on disk and in the git index (<see cref="GitIndexWriter"/>).
/// </summary>
public static class FixRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FixResult Run(LintOptions options, FixOptions? fixOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        fixOptions ??= new FixOptions();
        var before = LintEngine.Run(options, cancellationToken: cancellationToken);
        string root = before.RootFullPath;
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        var notes = new List<string>();
        var overlay = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var current = before;
        int applied = 0, passes = 0;
        bool converged = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fixes = current.Diagnostics
                .Where(d => d.Fix is { } fix && (fix.IsSafe || fixOptions.IncludeUnsafe) && (fixOptions.Paths is null || fixOptions.Paths.Contains(fix.Path)))
                .Select(d => (d.Id, Fix: d.Fix!))
                .ToList();
            if (fixes.Count == 0 || passes >= fixOptions.MaxPasses)
            {
                converged = fixes.Count == 0;
                break;
            }

            int appliedThisPass = 0;
            foreach (var group in fixes.GroupBy(f => f.Fix.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var state = GetState(states, root, group.Key, notes);
                if (state is null)
                {
                    continue;
                }

                var accepted = new List<TextEdit>();
                foreach (var (id, fix) in group.OrderBy(f => f.Fix.Edits.Count == 0 ? -1 : f.Fix.Edits[0].Span.Start))
                {
                    if (fix.MakesExecutable)
                    {
                        if (!state.MakesExecutable)
                        {
                            state.MakesExecutable = true;
                            state.RuleIds.Add(id);
                            appliedThisPass++;
                        }

                        continue;
                    }

                    if (state.Text is null || fix.Edits.Any(e => e.Span.End > state.Text.Length || accepted.Any(a => a.Overlaps(e))))
                    {
                        continue;
                    }

                    accepted.AddRange(fix.Edits);
                    state.RuleIds.Add(id);
                    appliedThisPass++;
                }

                if (accepted.Count > 0)
                {
                    state.Text = Fix.Apply(state.Text!, accepted);
                    overlay[group.Key] = state.Encode();
                }
            }

            if (appliedThisPass == 0)
            {
                // Fixes are left, but none applies (their files were skipped): nothing more to do.
                converged = true;
                break;
            }

            applied += appliedThisPass;
            passes++;

            current = LintEngine.Run(options with { Overlay = overlay }, cancellationToken: cancellationToken);
        }

        var changes = states.Values
            .Where(s => s.Original is not null && (s.MakesExecutable || !s.Original.AsSpan().SequenceEqual(s.Encode())))
            .OrderBy(s => s.RelativePath, StringComparer.Ordinal)
            .Select(s => new FileChange(s.RelativePath, s.FullPath, s.Original!, s.Encode(), s.MakesExecutable, [.. s.RuleIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        if (!fixOptions.Write || changes.Count == 0)
        {
            return new FixResult(before, current, changes, applied, passes, converged, Written: false, [], notes);
        }

        var errors = Check(changes);
        if (errors.Count == 0)
        {
            errors = Write(root, changes);
        }

        var after = LintEngine.Run(options, cancellationToken: cancellationToken);
        return new FixResult(before, after, changes, applied, passes, converged, Written: errors.Count == 0, errors, notes);
    }

    /// <summary>Refuses the whole run when a file is read-only or no longer what was linted, before anything is written.</summary>
    private static List<string> Check(IReadOnlyList<FileChange> changes)
    {
        var errors = new List<string>();
        foreach (FileChange change in changes)
        {
            try
            {
                var info = new FileInfo(change.FullPath);
                if (!info.Exists)
                {
                    errors.Add($"{change.RelativePath}: the file was deleted during the run; nothing was written");
                    continue;
                }

                if (change.ContentChanged && IsReadOnly(info))
                {
                    errors.Add($"{change.RelativePath}: the file is read-only; nothing was written");
                    continue;
                }

                if (!File.ReadAllBytes(change.FullPath).AsSpan().SequenceEqual(change.Original))
                {
                    errors.Add($"{change.RelativePath}: the file changed on disk during the run; nothing was written (run the fix again)");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{change.RelativePath}: the file cannot be read ({ex.Message}); nothing was written");
            }
        }

        return errors;
    }

    private static List<string> Write(string root, IReadOnlyList<FileChange> changes)
    {
        var errors = new List<string>();
        foreach (FileChange change in changes.Where(c => c.ContentChanged))
        {
            try
            {
                AtomicFile.ReplaceAllBytes(change.FullPath, change.Fixed);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{change.RelativePath}: the file could not be written ({ex.Message}); it was left as it was");
            }
        }

        var executable = changes.Where(c => c.MakesExecutable).ToList();
        if (executable.Count > 0)
        {
            if (GitIndexWriter.TrySetExecutable(root, [.. executable.Select(c => c.RelativePath)], out string? problem) is false)
            {
                errors.Add(problem ?? "the git index could not be updated");
            }

            if (!OperatingSystem.IsWindows())
            {
                foreach (FileChange change in executable)
                {
                    try
                    {
                        SetExecutableOnDisk(change.FullPath);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        errors.Add($"{change.RelativePath}: the execute bit could not be set ({ex.Message})");
                    }
                }
            }
        }

        return errors;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void SetExecutableOnDisk(string fullPath)
    {
        // As git checks out a 100755 file: execute wherever read is allowed.
        var mode = File.GetUnixFileMode(fullPath);
        if ((mode & UnixFileMode.UserRead) != 0)
        {
            mode |= UnixFileMode.UserExecute;
        }

        if ((mode & UnixFileMode.GroupRead) != 0)
        {
            mode |= UnixFileMode.GroupExecute;
        }

        if ((mode & UnixFileMode.OtherRead) != 0)
        {
            mode |= UnixFileMode.OtherExecute;
        }

        File.SetUnixFileMode(fullPath, mode);
    }

    private static bool IsReadOnly(FileInfo info)
    {
        if (info.IsReadOnly)
        {
            return true;
        }

        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(info.FullName) & UnixFileMode.UserWrite) == 0;
    }

    private static FileState? GetState(Dictionary<string, FileState> states, string root, string relativePath, List<string> notes)
    {
        if (states.TryGetValue(relativePath, out var existing))
        {
            return existing.Original is null ? null : existing;
        }

        string fullPath = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        var state = new FileState(relativePath, fullPath);
        states[relativePath] = state;
        try
        {
            // Write through a symbolic link to the file it names, so the link stays a link.
            if (new FileInfo(fullPath).LinkTarget is not null && File.ResolveLinkTarget(fullPath, returnFinalTarget: true) is { } target)
            {
                state.FullPath = target.FullName;
            }

            byte[] bytes = File.ReadAllBytes(state.FullPath);
            bool bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            string text = Utf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            state.Original = bytes;
            state.Bom = bom;
            state.Text = text;
            if (!state.Encode().AsSpan().SequenceEqual(bytes))
            {
                notes.Add($"{relativePath}: its bytes do not survive decoding and encoding as UTF-8; its fixes were skipped");
                state.Original = null;
                return null;
            }
        }
        catch (DecoderFallbackException)
        {
            notes.Add($"{relativePath}: not valid UTF-8; its fixes were skipped (fixing it would replace the invalid bytes)");
            state.Original = null;
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            notes.Add($"{relativePath}: cannot be read ({ex.Message}); its fixes were skipped");
            state.Original = null;
            return null;
        }

        return state;
    }

    private sealed class FileState(string relativePath, string fullPath)
    {
        public string RelativePath { get; } = relativePath;

        public string FullPath { get; set; } = fullPath;

        public byte[]? Original { get; set; }

        public bool Bom { get; set; }

        public string? Text { get; set; }

        public bool MakesExecutable { get; set; }

        public List<string> RuleIds { get; } = [];

        public byte[] Encode()
        {
            if (Text is null)
            {
                return Original ?? [];
            }

            byte[] body = Utf8.GetBytes(Text);
            return Bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
        }
    }
}
