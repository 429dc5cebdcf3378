using System.Globalization;
using System.Runtime.CompilerServices;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Semantics.Fly.FlyDescriptions;

namespace JobSwipe.InfraLint.Semantics.Fly;

/// <summary>
/// Walks a fly.toml against <see cref="FlySchema"/> once and lists every problem (flyctl stops at the first).
/// Linear in the size of the document.
/// </summary>
internal static class FlySchemaValidator
{
    // JSI3006, JSI3011 and JSI3012 each ask for the issues of the same file: the walk is done once per model.
    private static readonly ConditionalWeakTable<FlyConfig, IReadOnlyList<FlySchemaIssue>> Cache = new();

    /// <summary>The file's problems, computed once per (immutable) model and shared by the rules that ask.</summary>
    public static IReadOnlyList<FlySchemaIssue> Validate(FlyConfig config) => Cache.GetValue(config, Compute);

    private static IReadOnlyList<FlySchemaIssue> Compute(FlyConfig config)
    {
        var issues = new List<FlySchemaIssue>();
        WalkSection(config.Root, FlySchema.Root, string.Empty, issues);
        FlyCrossChecks.Check(config, issues);
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
                    : NameSuggestions.Closest(name, spec.Keys.Values.Where(k => k.Shape != FlyShape.Legacy).Select(k => k.Name), allowContained: true) is { } close
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
                    case TomlStringValue d when d.Value.Length == 0 || FlyValues.ParseDuration(d.Value) is not null:
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

                if (value is not TomlStringValue size || FlyValues.ParseSize(size.Value, 1) is null)
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

    private static TextSpan NameSpan(TomlTableNode table, string name, TomlNode node) => node switch
    {
        TomlTableNode t => t.HeaderKey is { } header ? header.Segments[^1].Span : t.NameSpan,
        TomlTableArrayNode a when a.Elements.Count > 0 && a.Elements[0].HeaderKey is { } header => header.Segments[^1].Span,
        _ => table.GetEntry(name) is { } entry ? entry.Key.Segments[^1].Span : node.Span,
    };

    private static bool IsArrayOfTables(TomlValueNode value) => value is TomlArrayValue a && a.Items.Count > 0 && a.Items.All(i => i is TomlInlineTableValue);
}
