using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Fly;

/// <summary>Which rule a schema problem belongs to.</summary>
internal enum FlySchemaIssueKind
{
    /// <summary>flyctl rejects it (unmarshalling or validation fails): JSI3006.</summary>
    Invalid,

    /// <summary>flyctl silently ignores it (unknown, invented or legacy key): JSI3011.</summary>
    Ignored,

    /// <summary>A duration written as a bare number: JSI3012.</summary>
    BareDuration,
}

/// <summary>One problem: where, and the message's argument (for JSI3011, the key and the advice).</summary>
internal sealed record FlySchemaIssue(FlySchemaIssueKind Kind, TextSpan Span, string Subject, string Detail)
{
    /// <summary>The JSI3006 message: the detail, and whether flyctl rejects the file (a conflict it resolves silently is not a rejection).</summary>
    public string InvalidMessage => SilentlyResolved ? Detail : Detail + "; flyctl rejects this fly.toml";

    public bool SilentlyResolved { get; init; }
}

/// <summary>
/// Walks a fly.toml against <see cref="FlySchema"/> once and lists every problem (flyctl stops at the first).
/// Linear in the size of the document.
/// </summary>
internal static partial class FlySchemaValidator
{
    // JSI3006, JSI3011 and JSI3012 each ask for the issues of the same file: the walk is done once per model.
    private static readonly ConditionalWeakTable<FlyConfig, IReadOnlyList<FlySchemaIssue>> Cache = new();

    /// <summary>The file's problems, computed once per (immutable) model and shared by the rules that ask.</summary>
    public static IReadOnlyList<FlySchemaIssue> Validate(FlyConfig config) => Cache.GetValue(config, Compute);

    private static IReadOnlyList<FlySchemaIssue> Compute(FlyConfig config)
    {
        var issues = new List<FlySchemaIssue>();
        WalkSection(config.Root, FlySchema.Root, string.Empty, issues);
        CheckSemantics(config, issues);
        return issues;
    }

    private static void WalkSection(TomlTableNode table, FlySectionSpec spec, string prefix, List<FlySchemaIssue> issues)
    {
        foreach (string name in table.Keys)
        {
            TomlNode? node = table.Get(name);
            if (node is null)
            {
                continue;
            }

            string path = prefix.Length == 0 ? name : prefix + "." + name;
            TextSpan nameSpan = NameSpan(table, name, node);
            if (!spec.Keys.TryGetValue(name, out FlyKey? key))
            {
                string advice = spec.KnownInventions.TryGetValue(name, out string? invented)
                    ? invented
                    : NameSuggestions.Closest(name, spec.Keys.Values.Where(k => k.Shape != FlyShape.Legacy).Select(k => k.Name)) is { } close
                        ? $"did you mean '{close}'?"
                        : $"{spec.DisplayName} has no such key";
                issues.Add(new(FlySchemaIssueKind.Ignored, nameSpan, path, advice));
                continue;
            }

            CheckKey(table, key, node, nameSpan, path, issues);
        }
    }

    private static void CheckKey(TomlTableNode parent, FlyKey key, TomlNode node, TextSpan nameSpan, string path, List<FlySchemaIssue> issues)
    {
        switch (key.Shape)
        {
            case FlyShape.Legacy:
                issues.Add(new(FlySchemaIssueKind.Ignored, nameSpan, path, $"it is left from Fly's older platform and no longer read; {key.Replacement}"));
                return;

            case FlyShape.Value:
                if (node is not TomlValueNode value || value is TomlInlineTableValue || IsArrayOfTables(value))
                {
                    // [[services]] concurrency = 20 is the opposite case; here a table where a value belongs.
                    issues.Add(new(FlySchemaIssueKind.Invalid, nameSpan, path, $"'{path}' must be {Describe(key)}, not a table"));
                    return;
                }

                CheckValue(key, value, path, issues);
                return;

            case FlyShape.Table:
                if (path == "services.concurrency" && node is TomlStringValue)
                {
                    return; // legacy "soft,hard" string, converted by flyctl
                }

                if (node is TomlTableArrayNode || (node is TomlArrayValue arrayValue && arrayValue.Items.Count > 0 && IsArrayOfTables(arrayValue)))
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, nameSpan, path, $"'{path}' is a single table: write [{path}], not [[{path}]]"));
                    return;
                }

                if (node.AsTable() is not { } single)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, node.Span, path, $"'{path}' must be a table ([{path}]), not {DescribeNode(node)}"));
                    return;
                }

                WalkSection(single, key.Section!, path, issues);
                return;

            case FlyShape.TableArray:
            case FlyShape.TableOrArray:
                if (node is TomlValueNode scalar && scalar is not TomlInlineTableValue && scalar is not TomlArrayValue)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, scalar.Span, path, $"'{path}' must be an array of tables ([[{path}]]), not {DescribeNode(node)}"));
                    return;
                }

                if (node is TomlArrayValue items && items.Items.Any(i => i is not TomlInlineTableValue))
                {
                    if (key.Section is not null && items.Items.Count > 0)
                    {
                        issues.Add(new(FlySchemaIssueKind.Invalid, items.Span, path, $"'{path}' must be an array of tables ([[{path}]]), not an array of values"));
                    }

                    return;
                }

                if (key.Shape == FlyShape.TableArray && node is TomlTableNode)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, nameSpan, path, $"'{path}' is an array of tables: write [[{path}]], not [{path}]"));
                    return;
                }

                if (key.Section is { } section)
                {
                    foreach (TomlTableNode element in node.AsTables())
                    {
                        WalkSection(element, section, path, issues);
                    }
                }

                return;

            case FlyShape.NamedTables:
                if (node is TomlTableArrayNode legacy)
                {
                    foreach (TomlTableNode element in legacy.Elements)
                    {
                        WalkSection(element, key.Section!, path, issues);
                    }

                    return;
                }

                if (node.AsTable() is not { } named)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, node.Span, path, $"'{path}' must be a table of named checks ([{path}.NAME]), not {DescribeNode(node)}"));
                    return;
                }

                foreach (string checkName in named.Keys)
                {
                    TomlNode? check = named.Get(checkName);
                    if (check?.AsTable() is { } checkTable)
                    {
                        WalkSection(checkTable, key.Section!, $"{path}.{checkName}", issues);
                    }
                    else if (check is not null)
                    {
                        issues.Add(new(FlySchemaIssueKind.Invalid, NameSpan(named, checkName, check), $"{path}.{checkName}", $"'{path}.{checkName}' must be a check table ([{path}.{checkName}] with type, port…), not a value; did you mean [{path}.NAME]?"));
                    }
                }

                return;

            case FlyShape.Map:
                CheckMap(key, node, nameSpan, path, issues);
                return;

            case FlyShape.OpenTable:
                if (node.AsTable() is null)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, node.Span, path, $"'{path}' must be a table, not {DescribeNode(node)}"));
                }

                return;
        }

        _ = parent;
    }

    private static void CheckMap(FlyKey key, TomlNode node, TextSpan nameSpan, string path, List<FlySchemaIssue> issues)
    {
        bool isProcesses = path == "processes";
        if (node is TomlArrayValue array && array.Items.Count == 0)
        {
            if (isProcesses)
            {
                issues.Add(new(FlySchemaIssueKind.Ignored, nameSpan, path, "'processes = []' is what Fly's older platform wrote for \"no process groups\"; delete it, or define groups in [processes]"));
            }

            return;
        }

        IEnumerable<TomlTableNode> tables;
        if (node is TomlTableArrayNode arrayOfTables && path is "env" or "processes")
        {
            tables = arrayOfTables.Elements; // legacy [[env]] / [[processes]] (name, command): flyctl converts them
            if (isProcesses)
            {
                return;
            }
        }
        else if (node.AsTable() is { } table)
        {
            tables = [table];
        }
        else
        {
            issues.Add(new(FlySchemaIssueKind.Invalid, node.Span, path, $"'{path}' must be a table of names and values ([{path}]), not {DescribeNode(node)}"));
            return;
        }

        foreach (TomlTableNode table in tables)
        {
            foreach (TomlTableNode sub in table.Tables.Concat(table.TableArrays.SelectMany(a => a.Elements)))
            {
                issues.Add(new(FlySchemaIssueKind.Invalid, sub.NameSpan, $"{path}.{sub.Name}", $"'{path}.{sub.Name}' must be a value, not a table ([{path}] maps names to strings)"));
            }

            if (isProcesses)
            {
                foreach (TomlKeyValueNode entry in table.Entries)
                {
                    if (entry.Value is not TomlStringValue)
                    {
                        issues.Add(new(FlySchemaIssueKind.Invalid, entry.Value.Span, $"processes.{entry.Name}", $"process group '{entry.Name}' must be a command string, not {DescribeNode(entry.Value)}"));
                    }
                }
            }
            else if (path == "build.args")
            {
                // map[string]string with no conversion (unlike [env]): a number or boolean fails to unmarshal.
                foreach (TomlKeyValueNode entry in table.Entries.Where(e => e.Value is not TomlStringValue))
                {
                    string hint = entry.Value is TomlIntegerValue or TomlFloatValue or TomlBooleanValue ? $" (quote it: \"{entry.Value.AsNumber()?.ToString(CultureInfo.InvariantCulture) ?? (entry.Value.AsBoolean() == true ? "true" : "false")}\")" : string.Empty;
                    issues.Add(new(FlySchemaIssueKind.Invalid, entry.Value.Span, $"build.args.{entry.Name}", $"build argument '{entry.Name}' must be a string, not {DescribeNode(entry.Value)}{hint}"));
                }
            }
        }

        _ = key;
    }

    private static void CheckValue(FlyKey key, TomlValueNode value, string path, List<FlySchemaIssue> issues)
    {
        void Invalid(string detail) => issues.Add(new(FlySchemaIssueKind.Invalid, value.Span, path, detail));

        switch (key.Type)
        {
            case FlyType.String:
                if (value is not TomlStringValue s)
                {
                    Invalid($"'{path}' must be a string, not {Describe(value)}");
                }
                else if (key.Allowed is { } allowed && !allowed.Contains(s.Value, StringComparer.Ordinal))
                {
                    string close = NameSuggestions.Closest(s.Value, allowed) is { } c ? $" (did you mean \"{c}\"?)" : string.Empty;
                    Invalid($"'{path}' is \"{s.Value}\", which is not one of {Quote(allowed)}{close}");
                }

                return;

            case FlyType.Integer:
            case FlyType.IntegerOrNumericString:
                long? number = value switch
                {
                    TomlIntegerValue i => i.Value,
                    TomlFloatValue f when f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 1e15 => (long)f.Value,
                    TomlStringValue str when key.Type == FlyType.IntegerOrNumericString && long.TryParse(str.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) => parsed,
                    _ => null,
                };
                if (number is null)
                {
                    Invalid($"'{path}' must be an integer, not {Describe(value)}");
                }
                else if ((key.Min is { } min && number < min) || (key.Max is { } max && number > max))
                {
                    Invalid($"'{path}' is {number}, outside {Range(key)}");
                }

                return;

            case FlyType.Number:
                if (value.AsNumber() is null)
                {
                    Invalid($"'{path}' must be a number, not {Describe(value)}");
                }

                return;

            case FlyType.Boolean:
                if (value is not TomlBooleanValue)
                {
                    Invalid($"'{path}' must be true or false, not {Describe(value)}");
                }

                return;

            case FlyType.AutoStop:
                if (value is TomlBooleanValue)
                {
                    return;
                }

                if (value is not TomlStringValue autoStop || !FlySchema.AutoStopValues.Contains(autoStop.Value, StringComparer.Ordinal))
                {
                    Invalid($"'{path}' must be \"off\", \"stop\" or \"suspend\" (or the legacy true/false), not {Describe(value)}");
                }

                return;

            case FlyType.Duration:
                switch (value)
                {
                    case TomlIntegerValue or TomlFloatValue:
                        issues.Add(new(FlySchemaIssueKind.BareDuration, value.Span, path, key.BareNumber switch
                        {
                            FlyBareDuration.Seconds => "flyctl reads a bare number here as seconds",
                            FlyBareDuration.Milliseconds => "flyctl reads a bare number here as milliseconds",
                            _ => "flyctl does not convert a bare number here (it is taken as nanoseconds)",
                        }));
                        return;
                    case TomlStringValue d when d.Value.Length == 0 || ParseDuration(d.Value) is not null:
                        return;
                    default:
                        Invalid($"'{path}' must be a duration with a unit (\"10s\", \"1m30s\"), not {Describe(value)}");
                        return;
                }

            case FlyType.Size:
                if (value is TomlIntegerValue)
                {
                    return;
                }

                if (value is not TomlStringValue size || ParseSize(size.Value, 1) is null)
                {
                    Invalid($"'{path}' must be a size with a unit (\"1gb\", \"512mb\") or an integer, not {Describe(value)}");
                }

                return;

            case FlyType.StringList:
                if (value is not TomlArrayValue list)
                {
                    string hint = value is TomlStringValue one ? $" (write [\"{Truncate(one.Value)}\"])" : string.Empty;
                    Invalid($"'{path}' must be an array of strings{hint}, not {Describe(value)}");
                }
                else if (list.Items.FirstOrDefault(i => i is not TomlStringValue) is { } bad)
                {
                    issues.Add(new(FlySchemaIssueKind.Invalid, bad.Span, path, $"'{path}' must hold only strings, not {DescribeNode(bad)}"));
                }

                return;

            case FlyType.StringOrList:
                if (value is not TomlStringValue && (value is not TomlArrayValue l || l.Items.Any(i => i is not TomlStringValue)))
                {
                    Invalid($"'{path}' must be a string or an array of strings, not {Describe(value)}");
                }

                return;
        }
    }

    private static void CheckSemantics(FlyConfig config, List<FlySchemaIssue> issues)
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
                    string close = NameSuggestions.Closest(group.Value, groups) is { } c ? $"; did you mean '{c}'?" : string.Empty;
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
                TomlStringValue mem => ParseSize(mem.Value, 1) is 0,
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
            if (entry?.Value is TomlStringValue command && !CanShellSplit(command.Value))
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

            if (mount.InitialSize?.Value is TomlStringValue initial && VolumeGigabytes(initial.Value) is < 1)
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
        TomlStringValue s => ParseDuration(s.Value),
        TomlIntegerValue n => TimeSpan.FromMilliseconds(n.Value),
        _ => null,
    };

    private static string DescribeDuration(TomlValueNode value) => value is TomlStringValue s ? s.Value : $"{Describe(value)} (milliseconds)";

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
        TomlStringValue { Value.Length: > 0 } s => VolumeGigabytes(s.Value) ?? 0,
        TomlIntegerValue i => i.Value,
        _ => 0,
    };

    /// <summary>
    /// A volume size in whole gigabytes as flyctl reads it: a plain integer is gigabytes; otherwise a human size in decimal
    /// units ("15Mb" is 15,000,000 bytes, "1000mb" is 1GB) divided by 10^9, rounded down. Null when it does not parse.
    /// </summary>
    internal static long? VolumeGigabytes(string text)
    {
        string trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long whole))
        {
            return whole;
        }

        Match match = DecimalSizePattern().Match(trimmed);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n))
        {
            return null;
        }

        double multiplier = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" => 1e3,
            "m" => 1e6,
            "g" => 1e9,
            "t" => 1e12,
            "p" => 1e15,
            _ => 1,
        };
        return (long)Math.Floor(n * multiplier / 1e9);
    }

    /// <summary>Parses a Go duration (<c>1h2m3.5s</c>, <c>300ms</c>, <c>0</c>); null when it is not one.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        Match match = GoDuration().Match(text);
        if (!match.Success)
        {
            return null;
        }

        double ticks = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            Match p = DurationPart().Match(part.Value);
            double n = double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += n * p.Groups[2].Value switch
            {
                "ns" => 0.01,
                "us" or "µs" or "μs" => 10,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
        }

        return TimeSpan.FromTicks((long)Math.Min(ticks, TimeSpan.MaxValue.Ticks)) * (text.StartsWith('-') ? -1 : 1);
    }

    /// <summary>Parses a size such as <c>1gb</c>, <c>512MB</c>, <c>10</c> (then in <paramref name="unitBytes"/>); null when it is not one.</summary>
    internal static long? ParseSize(string text, long unitBytes)
    {
        Match match = SizePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n))
        {
            return null;
        }

        string unit = match.Groups[2].Value.ToLowerInvariant();
        long multiplier = unit.Length == 0 ? unitBytes : unit[0] switch
        {
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            _ => 1,
        };
        return (long)Math.Min(n * multiplier, long.MaxValue);
    }

    /// <summary>Whether a command splits into words like shlex (quotes closed, no trailing escape).</summary>
    internal static bool CanShellSplit(string command)
    {
        char quote = '\0';
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '\\')
            {
                if (i == command.Length - 1)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
        }

        return quote == '\0';
    }

    private static TextSpan NameSpan(TomlTableNode table, string name, TomlNode node) => node switch
    {
        TomlTableNode t => t.HeaderKey is { } header ? header.Segments[^1].Span : t.NameSpan,
        TomlTableArrayNode a when a.Elements.Count > 0 && a.Elements[0].HeaderKey is { } header => header.Segments[^1].Span,
        _ => table.GetEntry(name) is { } entry ? entry.Key.Segments[^1].Span : node.Span,
    };

    private static bool IsArrayOfTables(TomlValueNode value) => value is TomlArrayValue a && a.Items.Count > 0 && a.Items.All(i => i is TomlInlineTableValue);

    private static string Describe(FlyKey key) => key.Type switch
    {
        FlyType.String => "a string",
        FlyType.Integer or FlyType.IntegerOrNumericString => "an integer",
        FlyType.Number => "a number",
        FlyType.Boolean => "true or false",
        FlyType.Duration => "a duration (\"10s\")",
        FlyType.Size => "a size (\"1gb\")",
        FlyType.StringList => "an array of strings",
        FlyType.StringOrList => "a string or an array of strings",
        FlyType.AutoStop => "\"off\", \"stop\" or \"suspend\"",
        _ => "a value",
    };

    private static string Describe(TomlValueNode value) => value switch
    {
        TomlStringValue s => $"the string \"{Truncate(s.Value)}\"",
        TomlIntegerValue i => i.Text,
        _ => DescribeNode(value),
    };

    internal static string DescribeNode(TomlNode node) => node switch
    {
        TomlStringValue => "a string",
        TomlIntegerValue i => $"the integer {i.Text}",
        TomlFloatValue f => $"the number {f.Text}",
        TomlBooleanValue b => b.Value ? "true" : "false",
        TomlDateTimeValue => "a date",
        TomlArrayValue => "an array",
        TomlInlineTableValue or TomlTableNode => "a table",
        TomlTableArrayNode => "an array of tables",
        _ => "a value",
    };

    private static string Range(FlyKey key) => (key.Min, key.Max) switch
    {
        ({ } min, { } max) => $"{min}–{max}",
        ({ } min, null) => $"the minimum {min}",
        (null, { } max) => $"the maximum {max}",
        _ => "its range",
    };

    private static string Quote(IReadOnlyList<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..37] + "...";

    [GeneratedRegex(@"^[-+]?(?<part>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(ns|us|µs|μs|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*((?:[kmgt](?:i?b)?)|b)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    // docker/go-units FromHumanSize: a number, an optional decimal unit letter, an optional i and b.
    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?) ?([kmgtp])?i?b?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DecimalSizePattern();
}
