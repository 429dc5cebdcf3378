using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Ci;

/// <summary>Parses GitHub Actions, GitLab CI and Azure Pipelines files into a common <see cref="CiPipeline"/>.</summary>
public static class CiWorkflowParser
{
    private static readonly HashSet<string> GitLabReserved = new(StringComparer.Ordinal)
    {
        "image", "services", "stages", "types", "before_script", "after_script", "variables", "cache", "include",
        "workflow", "default", "pages:deploy",
    };

    private static readonly string[] AzureScriptKeys = ["script", "bash", "pwsh", "powershell"];

    public static ParseResult<CiPipeline> Parse(SourceText text, CiKind kind)
    {
        var yaml = YamlParser.Parse(text);
        var root = yaml.Model!.Root as YamlMapping;
        CiPipeline pipeline;
        try
        {
            pipeline = kind switch
            {
                CiKind.GitHubActions => GitHub(yaml.Model!, root),
                CiKind.GitLabCi => GitLab(yaml.Model!, root),
                _ => Azure(yaml.Model!, root),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParseResult<CiPipeline>(new CiPipeline { Kind = kind, Yaml = yaml.Model! }, [.. yaml.Errors, new SyntaxError($"The pipeline could not be read: {ex.Message}", new TextSpan(0, 0))]);
        }

        return new ParseResult<CiPipeline>(pipeline, yaml.Errors);
    }

    private static CiPipeline GitHub(YamlStream yaml, YamlMapping? root)
    {
        var jobs = new List<CiJob>();
        if (root?["jobs"] is YamlMapping jobsMap)
        {
            foreach (var entry in Named(jobsMap))
            {
                var job = entry.Value as YamlMapping;
                var steps = new List<CiStep>();
                if (job?["steps"] is YamlSequence seq)
                {
                    foreach (var item in seq.Items)
                    {
                        if (item is not YamlMapping step)
                        {
                            continue;
                        }

                        steps.Add(new CiStep(step.GetScalar("name")?.Value, step, step.ReportSpan)
                        {
                            Uses = step.GetScalar("uses"),
                            RunScript = step.GetScalar("run"),
                            ScriptKey = step.GetScalar("run") is null ? null : "run",
                            Shell = step.GetScalar("shell"),
                            With = step["with"] as YamlMapping,
                            Env = step["env"] as YamlMapping,
                        });
                    }
                }
                else if (job?.GetScalar("uses") is { } reusable)
                {
                    steps.Add(new CiStep(null, job, job.ReportSpan) { Uses = reusable, With = job["with"] as YamlMapping });
                }

                jobs.Add(new CiJob(entry.KeyText!, entry.Key.ReportSpan, entry.Value, steps)
                {
                    RunsOn = job?["runs-on"],
                    Image = job?["container"],
                    Env = job?["env"] as YamlMapping,
                });
            }
        }

        return new CiPipeline
        {
            Kind = CiKind.GitHubActions,
            Yaml = yaml,
            Triggers = root?["on"] ?? root?["true"],
            Env = root?["env"] as YamlMapping,
            Jobs = jobs,
        };
    }

    private static CiPipeline GitLab(YamlStream yaml, YamlMapping? root)
    {
        var jobs = new List<CiJob>();
        if (root is not null)
        {
            foreach (var entry in Named(root))
            {
                string name = entry.KeyText!;
                if (GitLabReserved.Contains(name) || entry.Value is not YamlMapping job)
                {
                    continue;
                }

                bool hidden = name.StartsWith('.');
                if (!hidden && job["script"] is null && job["trigger"] is null && job["extends"] is null && job["stage"] is null)
                {
                    continue;
                }

                var steps = new List<CiStep>();
                foreach (var key in new[] { "before_script", "script", "after_script" })
                {
                    foreach (var line in ScriptLines(job[key]))
                    {
                        steps.Add(new CiStep(key, line, line.ReportSpan) { RunScript = line, ScriptKey = key });
                    }
                }

                jobs.Add(new CiJob(name, entry.Key.ReportSpan, job, steps)
                {
                    RunsOn = job["tags"],
                    Image = job["image"],
                    Stage = job.GetScalar("stage"),
                    Env = job["variables"] as YamlMapping,
                });
            }
        }

        return new CiPipeline { Kind = CiKind.GitLabCi, Yaml = yaml, Env = root?["variables"] as YamlMapping, Jobs = jobs };
    }

    private static IEnumerable<YamlScalar> ScriptLines(YamlNode? node)
    {
        // GitLab allows nested lists of script lines (from !reference or anchors); flatten iteratively.
        var pending = new Stack<YamlNode>();
        if (node is not null)
        {
            pending.Push(node);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlScalar { IsNull: false } s:
                    yield return s;
                    break;
                case YamlSequence seq:
                    for (int i = seq.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(seq.Items[i]);
                    }

                    break;
            }
        }
    }

    private static CiPipeline Azure(YamlStream yaml, YamlMapping? root)
    {
        var jobs = new List<CiJob>();
        if (root is not null)
        {
            if (root["steps"] is YamlSequence topSteps)
            {
                jobs.Add(new CiJob("", root.Find("steps")!.Key.ReportSpan, root, AzureSteps(topSteps)) { RunsOn = root["pool"] });
            }

            foreach (var job in Items(root["jobs"]))
            {
                AddAzureJob(jobs, job);
            }

            foreach (var stage in Items(root["stages"]))
            {
                if (stage is YamlMapping s)
                {
                    foreach (var job in Items(s["jobs"]))
                    {
                        AddAzureJob(jobs, job);
                    }
                }
            }
        }

        return new CiPipeline
        {
            Kind = CiKind.AzurePipelines,
            Yaml = yaml,
            Triggers = root?["trigger"] ?? root?["pr"],
            Env = root?["variables"] as YamlMapping,
            Jobs = jobs,
        };
    }

    private static void AddAzureJob(List<CiJob> jobs, YamlNode node)
    {
        if (node is not YamlMapping job)
        {
            return;
        }

        var nameEntry = job.Find("job") ?? job.Find("deployment") ?? job.Find("template");
        string name = (nameEntry?.Value as YamlScalar)?.Value ?? "";
        var nameSpan = nameEntry?.Value.ReportSpan ?? job.ReportSpan;
        YamlNode? steps = job["steps"];
        if (steps is null && job["strategy"] is YamlMapping strategy)
        {
            // deployment jobs: strategy.<runOnce|rolling|canary>.deploy.steps
            foreach (var s in strategy.ResolvedEntries)
            {
                if (s.Value is YamlMapping phase && phase["deploy"] is YamlMapping deploy && deploy["steps"] is { } ds)
                {
                    steps = ds;
                    break;
                }
            }
        }

        jobs.Add(new CiJob(name, nameSpan, job, steps is YamlSequence seq ? AzureSteps(seq) : [])
        {
            RunsOn = job["pool"],
            Image = job["container"],
            Env = job["variables"] as YamlMapping,
        });
    }

    private static List<CiStep> AzureSteps(YamlSequence seq)
    {
        var steps = new List<CiStep>();
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping step)
            {
                continue;
            }

            string? scriptKey = AzureScriptKeys.FirstOrDefault(k => step.GetScalar(k) is not null);
            steps.Add(new CiStep(step.GetScalar("displayName")?.Value ?? step.GetScalar("name")?.Value, step, step.ReportSpan)
            {
                Uses = step.GetScalar("task"),
                RunScript = scriptKey is null ? null : step.GetScalar(scriptKey),
                ScriptKey = scriptKey,
                With = step["inputs"] as YamlMapping,
                Env = step["env"] as YamlMapping,
            });
        }

        return steps;
    }

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequence s ? s.Items : [];

    private static IEnumerable<YamlMappingEntry> Named(YamlMapping map) =>
        map.ResolvedEntries.Where(e => e.KeyText is not null && !e.IsMergeKey);
}
