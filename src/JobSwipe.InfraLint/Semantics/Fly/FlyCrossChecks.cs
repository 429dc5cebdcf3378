using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Semantics.Fly.FlyDescriptions;

namespace JobSwipe.InfraLint.Semantics.Fly;

/// <summary>
/// The checks of fly.toml that span several keys or sections, after the schema walk: process groups named by sections,
/// services without processes, [[vm]] memory, check intervals, mounts per group and volume auto-extension, restart
/// policies, [[files]] and [[statics]] completeness, and commands flyctl must split into words.
/// </summary>
internal static class FlyCrossChecks
{
    public static void Check(FlyConfig config, List<FlySchemaIssue> issues)
    {
        void Invalid(TextSpan span, string subject, string detail) => issues.Add(new(FlySchemaIssueKind.Invalid, span, subject, detail));

        // Process groups: every processes = [...] must name a group of [processes] ("app" when there is none).
        var groups = config.Processes.Select(p => p.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        bool hasGroups = groups.Count > 0;
        if (!hasGroups)
        {
            groups.Add("app");
        }

        string defined = hasGroups ? $"[processes] defines {Quote([.. groups.Order(StringComparer.Ordinal)])}" : "there is no [processes] section, so the only group is \"app\"";
        var sections = new List<(string Name, FlySection Section)>();
        if (config.HttpService is { } http)
        {
            sections.Add(("[http_service]", http));
        }

        sections.AddRange(config.Services.Select(s => ("[[services]]", (FlySection)s)));
        var services = sections.ToList();
        sections.AddRange(config.Restart.Select(r => ("[[restart]]", (FlySection)r)));

        // flyctl's validation rejects an unknown group in a service or a restart policy; the other sections it hands to
        // each group by name (Flatten), so a section naming no defined group silently reaches no machine.
        int rejected = sections.Count;
        sections.AddRange(config.Mounts.Select(m => ("[[mounts]]", (FlySection)m)));
        sections.AddRange(config.Vm.Select(v => ("[[vm]]", (FlySection)v)));
        sections.AddRange(config.Files.Select(f => ("[[files]]", f)));
        sections.AddRange(config.Metrics.Select(m => ("[[metrics]]", (FlySection)m)));
        sections.AddRange(config.Checks.Select(c => ($"[checks.{c.Name}]", (FlySection)c)));
        for (int i = 0; i < sections.Count; i++)
        {
            var (name, section) = sections[i];
            if (section.Processes?.Value is TomlArrayValue list)
            {
                foreach (TomlStringValue group in list.Strings.Where(g => !groups.Contains(g.Value)))
                {
                    string close = NameSuggestions.Closest(group.Value, groups, allowContained: true) is { } c ? $"; did you mean '{c}'?" : string.Empty;
                    string detail = $"{name} names process group '{group.Value}', but {defined}{close}";
                    if (i < rejected)
                    {
                        Invalid(group.Span, "processes", detail);
                    }
                    else
                    {
                        issues.Add(new(FlySchemaIssueKind.Ignored, group.Span, $"processes = [\"{group.Value}\"]", $"{detail}; no machine gets this section for that group"));
                    }
                }
            }
        }

        if (hasGroups)
        {
            foreach (var (name, section) in services.Where(s => s.Section.Processes is null && s.Section.Table.Keys.Count > 0))
            {
                Invalid(section.Span, "processes", $"{name} sets no processes while [processes] defines {groups.Count} group(s): add processes = [\"{groups.Order(StringComparer.Ordinal).First()}\"] (or the groups it serves)");
            }
        }

        foreach (FlyVm vm in config.Vm)
        {
            if (vm.Memory is { } memory && vm.MemoryMb is { } memoryMb)
            {
                issues.Add(new(FlySchemaIssueKind.Invalid, memoryMb.Key.Span, "memory_mb", $"[[vm]] sets both memory ({memory.Value.AsString() ?? Describe(memory.Value)}) and memory_mb ({Describe(memoryMb.Value)}): flyctl silently uses memory_mb, so the machine does not get the memory the file seems to ask for; keep one") { SilentlyResolved = true });
            }

            bool zero = vm.Memory?.Value switch
            {
                TomlStringValue mem => FlyValues.ParseSize(mem.Value, 1) is 0,
                TomlIntegerValue number => number.Value == 0,
                _ => false,
            };
            if (zero)
            {
                Invalid(vm.Memory!.Value.Span, "memory", "[[vm]] memory must not be zero");
            }
        }

        foreach (FlyCheck check in config.Checks)
        {
            string where = $"[checks.{check.Name}]";
            if (check.Type is null && check.Table.Keys.Count > 0)
            {
                Invalid(check.Span, "type", $"{where} has no type: set type = \"http\" or \"tcp\"");
            }

            if (check.Interval?.Value is { } interval && CheckDuration(interval) is { } i && i < TimeSpan.FromSeconds(2))
            {
                Invalid(interval.Span, "interval", $"{where} interval is {DescribeDuration(interval)}; the minimum is 2s");
            }

            if (check.Timeout?.Value is { } timeout && CheckDuration(timeout) is { } t && t > TimeSpan.FromSeconds(60))
            {
                Invalid(timeout.Span, "timeout", $"{where} timeout is {DescribeDuration(timeout)}; the maximum is 60s");
            }
        }

        CheckMounts(config, groups, hasGroups, Invalid);

        foreach (FlyRestart restart in config.Restart)
        {
            if (restart.Policy?.Value is TomlStringValue policy && policy.Value != "no" && !FlySchema.RestartPolicies.Contains(policy.Value, StringComparer.Ordinal))
            {
                Invalid(policy.Span, "policy", $"[[restart]] policy is \"{policy.Value}\", which is not one of {Quote(FlySchema.RestartPolicies)}");
            }
        }

        foreach (FlySection file in config.Files)
        {
            int sources = new[] { "local_path", "secret_name", "raw_value" }.Count(k => file.Entry(k) is not null);
            if (file.Entry("guest_path") is null)
            {
                Invalid(file.Span, "guest_path", "[[files]] has no guest_path: set the path inside the machine");
            }

            if (sources != 1)
            {
                Invalid(file.Span, "files", $"[[files]] must set exactly one of local_path, secret_name and raw_value (it sets {sources})");
            }
        }

        foreach (FlyStatic statics in config.Statics)
        {
            if (statics.GuestPath is null || statics.UrlPrefix is null)
            {
                Invalid(statics.Span, "statics", "[[statics]] needs both guest_path and url_prefix");
            }
        }

        foreach (var (subject, entry) in new[] { ("release_command", config.Deploy?.ReleaseCommand), ("console_command", config.ConsoleCommand) }
            .Concat(config.Processes.Select(p => ($"processes.{p.Name}", p.Command))))
        {
            if (entry?.Value is TomlStringValue command && !ShellWords.CanSplit(command.Value))
            {
                Invalid(command.Span, subject, $"'{subject}' cannot be split into words (an unclosed quote or a trailing backslash); flyctl rejects it");
            }
        }
    }

    private static void CheckMounts(FlyConfig config, HashSet<string> groups, bool hasGroups, Action<TextSpan, string, string> invalid)
    {
        var mountsPerGroup = new Dictionary<string, FlyMount>(StringComparer.Ordinal);
        foreach (FlyMount mount in config.Mounts)
        {
            string name = mount.Source?.Value.AsString() is { Length: > 0 } s ? $"mount '{s}'" : "[[mounts]]";
            if (mount.Source is null || mount.Destination is null)
            {
                invalid(mount.Span, "mounts", $"{name} needs both source (the volume name) and destination (the path)");
            }

            if (mount.Destination?.Value is TomlStringValue { Value: "/" } root)
            {
                invalid(root.Span, "destination", $"{name} cannot be mounted at /: choose a folder such as /data");
            }

            if (mount.InitialSize?.Value is TomlStringValue initial && FlyValues.VolumeGigabytes(initial.Value) is < 1)
            {
                invalid(initial.Span, "initial_size", $"{name} has initial_size \"{initial.Value}\", smaller than the 1GB minimum");
            }
            else if (mount.InitialSize?.Value is TomlIntegerValue { Value: < 1 } zero)
            {
                invalid(zero.Span, "initial_size", $"{name} has initial_size {zero.Value}, smaller than the 1GB minimum");
            }

            CheckAutoExtend(mount, name, invalid);

            // flyctl hands a mount without processes to the default group only ("app" when defined, else the first name).
            IEnumerable<string> targets = mount.Processes?.Value is TomlArrayValue list ? list.Strings.Select(g => g.Value) : [DefaultGroup(groups)];
            foreach (string group in targets.Where(groups.Contains))
            {
                if (!mountsPerGroup.TryAdd(group, mount))
                {
                    string who = hasGroups ? $"process group '{group}'" : "the app";
                    invalid(mount.Span, "mounts", $"{who} has more than one [[mounts]]: a machine mounts one volume; give each mount its own processes");
                    break;
                }
            }
        }
    }

    // A duration as flyctl's fly.Duration reads it: a Go duration string, or a bare integer of milliseconds.
    private static TimeSpan? CheckDuration(TomlValueNode value) => value switch
    {
        TomlStringValue s => FlyValues.ParseDuration(s.Value),
        TomlIntegerValue n => TimeSpan.FromMilliseconds(n.Value),
        _ => null,
    };

    /// <summary>flyctl's default process group: "app" when it is defined (or nothing is), else the first name in ordinal order.</summary>
    private static string DefaultGroup(HashSet<string> groups) => groups.Contains("app") ? "app" : groups.Order(StringComparer.Ordinal).First();

    /// <summary>flyctl's rules, where 0 (Go's zero value) means unset: once any is set, threshold 50–99, increment 1–100GB, limit unset or 1–500GB.</summary>
    private static void CheckAutoExtend(FlyMount mount, string name, Action<TextSpan, string, string> invalid)
    {
        long threshold = mount.AutoExtendSizeThreshold?.Value.AsInteger() ?? 0;
        long increment = SizeInGb(mount.AutoExtendSizeIncrement);
        long limit = SizeInGb(mount.AutoExtendSizeLimit);
        if (threshold == 0 && increment == 0 && limit == 0)
        {
            return;
        }

        if (threshold is < 50 or > 99)
        {
            invalid(mount.AutoExtendSizeThreshold?.Value.Span ?? mount.Span, "auto_extend_size_threshold", $"{name} auto_extend_size_threshold must be between 50 and 99 when volume auto-extension is set");
        }

        if (increment is < 1 or > 100)
        {
            invalid(mount.AutoExtendSizeIncrement?.Value.Span ?? mount.Span, "auto_extend_size_increment", $"{name} auto_extend_size_increment must be between 1GB and 100GB when volume auto-extension is set");
        }

        if (limit != 0 && limit is < 1 or > 500)
        {
            invalid(mount.AutoExtendSizeLimit!.Value.Span, "auto_extend_size_limit", $"{name} auto_extend_size_limit must be between 1GB and 500GB");
        }
    }

    private static long SizeInGb(TomlKeyValueNode? entry) => entry?.Value switch
    {
        TomlStringValue { Value.Length: > 0 } s => FlyValues.VolumeGigabytes(s.Value) ?? 0,
        TomlIntegerValue i => i.Value,
        _ => 0,
    };
}
