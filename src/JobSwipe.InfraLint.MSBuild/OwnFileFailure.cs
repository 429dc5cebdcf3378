using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using Microsoft.Build.Utilities;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>JSI0006 from the tasks: InfraLint could not read or write a file of its own (cache, SARIF, baseline).</summary>
internal static class OwnFileFailure
{
    /// <param name="log">The task's logger.</param>
    /// <param name="problem">The file (the warning's location, no line), what failed, the error and what it means for this build.</param>
    public static void LogOwnFileFailure(this TaskLoggingHelper log, OwnFileProblem problem)
    {
        var descriptor = EngineDescriptors.OwnFileFailed;
        log.LogWarning(null, descriptor.Id, null, descriptor.HelpLinkUri, problem.Path, 0, 0, 0, 0, "{0}", descriptor.FormatMessage(problem.Action, problem.Error, problem.Consequence));
    }
}
