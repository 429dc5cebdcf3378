using JobSwipe.InfraLint.Syntax.Dockerfile;

namespace JobSwipe.InfraLint.Semantics.Dockerfile;

/// <summary>Stage relations shared by the Dockerfile rules: which stages a stage inherits from, and what they set.</summary>
internal static class DockerfileFacts
{
    /// <summary>The stage, then the earlier stage it is based on (<c>FROM build AS test</c>), and so on.</summary>
    public static IEnumerable<DockerStage> Lineage(DockerfileModel model, DockerStage stage)
    {
        var seen = new HashSet<int>();
        DockerStage? current = stage;
        while (current is not null && seen.Add(current.Index))
        {
            yield return current;
            current = current.From.BaseStageIndex is int b && b >= 0 && b < model.Stages.Count && b != current.Index ? model.Stages[b] : null;
        }
    }

    /// <summary>The instructions in effect for a stage, newest first: its own, then those of the stages it is based on.</summary>
    public static IEnumerable<DockerInstruction> InheritedNewestFirst(DockerfileModel model, DockerStage stage)
    {
        foreach (DockerStage s in Lineage(model, stage))
        {
            for (int i = s.Instructions.Count - 1; i >= 0; i--)
            {
                yield return s.Instructions[i];
            }
        }
    }

    /// <summary>The stage the image is finally built from, and the stages it inherits from.</summary>
    public static IReadOnlyList<DockerStage> FinalLineage(DockerfileModel model) =>
        model.FinalStage is { } final ? [.. Lineage(model, final)] : [];

    /// <summary>The stage's root image (the first stage of its lineage): that FROM names an external image.</summary>
    public static FromInstruction RootFrom(DockerfileModel model, DockerStage stage) => Lineage(model, stage).Last().From;
}
