using System.Collections;
using Microsoft.Build.Framework;

namespace JobSwipe.InfraLint.Tests.MSBuild;

/// <summary>
/// An <see cref="IBuildEngine"/> that records what a task logs, in order, so that tests can run the MSBuild tasks
/// without MSBuild. <see cref="OnMessage"/> runs for each message as it is logged (a test cancels a task there).
/// <see cref="GlobalProperties"/> are the project's global properties (<see cref="IBuildEngine6"/>); the other members
/// of the later interfaces are not used by the InfraLint tasks and throw.
/// </summary>
public sealed class FakeBuildEngine : IBuildEngine6
{
    public Dictionary<string, string> GlobalProperties { get; } = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public Action<BuildMessageEventArgs>? OnMessage { get; set; }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; set; } = "/consumer/Consumer.csproj";

    /// <summary>The messages' text at <paramref name="importance"/> or more important (High is the most).</summary>
    public IEnumerable<string> MessagesAtLeast(MessageImportance importance) =>
        Messages.Where(m => m.Importance <= importance).Select(m => m.Message ?? string.Empty);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("the InfraLint tasks build no project");

    public IReadOnlyDictionary<string, string> GetGlobalProperties() => new Dictionary<string, string>(GlobalProperties);

    public bool IsRunningMultipleNodes => false;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
        throw new NotSupportedException("the InfraLint tasks build no project");

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) =>
        throw new NotSupportedException("the InfraLint tasks build no project");

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        throw new NotSupportedException("the InfraLint tasks build no project");

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) =>
        throw new NotSupportedException("the InfraLint tasks register no task object");

    public object GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        throw new NotSupportedException("the InfraLint tasks register no task object");

    public object UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        throw new NotSupportedException("the InfraLint tasks register no task object");

    public void LogTelemetry(string eventName, IDictionary<string, string> properties)
    {
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        Messages.Add(e);
        OnMessage?.Invoke(e);
    }
}
