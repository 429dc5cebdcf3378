using JobSwipe.InfraLint.Diagnostics;
using Microsoft.Build.Utilities;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>JSI0006 from the tasks: InfraLint could not read or write a file of its own (cache, SARIF, baseline).</summary>
internal static class OwnFileFailure
{
    /// <param name="log">The task's logger.</param>
    /// <param name="path">The file, as the warning's location (no line).</param>
    /// <param name="action">What failed, completing "InfraLint could not …" (<c>write the SARIF file</c>).</param>
    /// <param name="error">The error's type or a short description.</param>
    /// <param name="consequence">What it means for this build.</param>
    public static void LogOwnFileFailure(this TaskLoggingHelper log, string path, string action, string error, string consequence)
    {
        var descriptor = EngineDescriptors.OwnFileFailed;
        log.LogWarning(null, descriptor.Id, null, descriptor.HelpLinkUri, path, 0, 0, 0, 0, "{0}", descriptor.FormatMessage(action, error, consequence));
    }
}
