using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Compose;

/// <summary>Parses a compose file into a lenient <see cref="ComposeDocument"/>. Only YAML errors are syntax errors.</summary>
public static class ComposeParser
{
    public static ParseResult<ComposeDocument> Parse(SourceText text)
    {
        var yaml = YamlParser.Parse(text);
        ComposeDocument file;
        try
        {
            file = Build(yaml.Model!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defensive: the model is lenient, but never let a surprise escape the parser.
            return new ParseResult<ComposeDocument>(new ComposeDocument { Yaml = yaml.Model! }, [.. yaml.Errors, new SyntaxError($"The compose file could not be read: {ex.Message}", new TextSpan(0, 0))]);
        }

        return new ParseResult<ComposeDocument>(file, yaml.Errors);
    }

    private static ComposeDocument Build(YamlStream yaml)
    {
        if (yaml.Root is not YamlMapping root)
        {
            return new ComposeDocument { Yaml = yaml };
        }

        var servicesEntry = root.Find("services");
        var services = new List<ComposeService>();
        if (servicesEntry?.Value is YamlMapping servicesMap)
        {
            foreach (var entry in servicesMap.ResolvedEntries)
            {
                if (entry.KeyText is { } name && !entry.IsMergeKey)
                {
                    services.Add(BuildService(name, entry));
                }
            }
        }

        var include = new List<ComposeText>();
        foreach (var item in Items(root["include"]))
        {
            var path = item is YamlMapping m ? m["path"] : item;
            if (path is YamlSequence paths)
            {
                path = paths.Items.FirstOrDefault();
            }

            if (ComposeText.From(path) is { } t)
            {
                include.Add(t);
            }
        }

        return new ComposeDocument
        {
            Yaml = yaml,
            Version = root.GetScalar("version"),
            Name = root.GetScalar("name"),
            ServicesEntry = servicesEntry,
            Services = services,
            Volumes = Declarations(root["volumes"]),
            Networks = Declarations(root["networks"]),
            Secrets = Declarations(root["secrets"]),
            Configs = Declarations(root["configs"]),
            Extensions = [.. root.ResolvedEntries.Where(e => e.KeyText?.StartsWith("x-", StringComparison.Ordinal) == true)],
            Include = include,
        };
    }

    private static IReadOnlyList<ComposeDeclaration> Declarations(YamlNode? node) =>
        node is YamlMapping m
            ? [.. m.ResolvedEntries.Where(e => e.KeyText is not null && !e.IsMergeKey).Select(e => new ComposeDeclaration(e.KeyText!, e.Key.ReportSpan, e.Value))]
            : [];

    private static IEnumerable<YamlNode> Items(YamlNode? node) =>
        node switch
        {
            YamlSequence s => s.Items,
            YamlScalar { IsNull: false } scalar => [scalar],
            _ => [],
        };

    private static ComposeService BuildService(string name, YamlMappingEntry entry)
    {
        var m = entry.Value as YamlMapping;
        if (m is null)
        {
            return new ComposeService { Name = name, NameNode = entry.Key, Node = entry.Value };
        }

        var health = m["healthcheck"] as YamlMapping;
        var deploy = m["deploy"] as YamlMapping;
        return new ComposeService
        {
            Name = name,
            NameNode = entry.Key,
            Node = entry.Value,
            Image = m.GetScalar("image"),
            Build = BuildBuild(m["build"]),
            Command = CommandOf(m["command"]),
            Entrypoint = CommandOf(m["entrypoint"]),
            Environment = KeyValues(m["environment"]),
            EnvFile = EnvFiles(m["env_file"]),
            Ports = Collect(m["ports"], Port),
            Expose = Texts(m["expose"]),
            Volumes = Collect(m["volumes"], Volume),
            DependsOn = Dependencies(m["depends_on"]),
            Healthcheck = health is null ? null : new ComposeHealthcheck(
                health,
                CommandOf(health["test"]),
                ComposeText.From(health["interval"]),
                ComposeText.From(health["timeout"]),
                ComposeText.From(health["retries"]),
                ComposeText.From(health["start_period"]),
                (health["disable"] as YamlScalar)?.AsBoolean() == true),
            Deploy = deploy,
            Resources = Resources(deploy),
            MemLimit = m.GetScalar("mem_limit"),
            Networks = References(m["networks"]),
            Secrets = References(m["secrets"]),
            Configs = References(m["configs"]),
            Profiles = Texts(m["profiles"]),
            Extends = m["extends"] switch
            {
                YamlScalar s when !s.IsNull => new ComposeExtends(s, ComposeText.From(s), null),
                YamlMapping e => new ComposeExtends(e, ComposeText.From(e["service"]), ComposeText.From(e["file"])),
                _ => null,
            },
            Links = Texts(m["links"]),
            NetworkMode = m.GetScalar("network_mode"),
            VolumesFrom = Texts(m["volumes_from"]),
            ContainerName = m.GetScalar("container_name"),
            Privileged = m.GetScalar("privileged"),
            CapAdd = Texts(m["cap_add"]),
            CapDrop = Texts(m["cap_drop"]),
            Labels = KeyValues(m["labels"]),
            Restart = m.GetScalar("restart"),
            User = m.GetScalar("user"),
        };
    }

    private static IReadOnlyList<ComposeText> Texts(YamlNode? node) => Collect(node, ComposeText.From);

    /// <summary>
    /// What <paramref name="read"/> makes of each item of <see cref="Items"/> (the non-null results, in order),
    /// without LINQ's iterators: a compose model is built for every service of every file.
    /// </summary>
    private static IReadOnlyList<T> Collect<T>(YamlNode? node, Func<YamlNode, T?> read)
        where T : class
    {
        switch (node)
        {
            case YamlSequence sequence:
                List<T>? result = null;
                foreach (var item in sequence.Items)
                {
                    if (read(item) is { } value)
                    {
                        (result ??= new List<T>(sequence.Items.Count)).Add(value);
                    }
                }

                return (IReadOnlyList<T>?)result ?? [];
            case YamlScalar { IsNull: false } scalar:
                return read(scalar) is { } single ? [single] : [];
            default:
                return [];
        }
    }

    private static ComposeBuild? BuildBuild(YamlNode? node) => node switch
    {
        YamlScalar s when !s.IsNull => new ComposeBuild(s, ComposeText.From(s), null, null, []),
        YamlMapping b => new ComposeBuild(b, ComposeText.From(b["context"]), ComposeText.From(b["dockerfile"]), ComposeText.From(b["target"]), KeyValues(b["args"])),
        _ => null,
    };

    private static ComposeResources? Resources(YamlMapping? deploy)
    {
        if (deploy?["resources"] is not YamlMapping r)
        {
            return null;
        }

        var limits = r["limits"] as YamlMapping;
        var reservations = r["reservations"] as YamlMapping;
        return new ComposeResources(r, ComposeText.From(limits?["memory"]), ComposeText.From(limits?["cpus"]), ComposeText.From(reservations?["memory"]), ComposeText.From(reservations?["cpus"]));
    }

    internal static ComposeCommand? CommandOf(YamlNode? node)
    {
        switch (node)
        {
            case YamlScalar s when !s.IsNull:
                var words = ShellWords.SplitWords(s.Value);
                var arguments = new string[words.Count];
                for (int i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = words[i].Value;
                }

                return new ComposeCommand(s, true, arguments) { Words = words };
            case YamlSequence seq:
                var items = new List<YamlScalar>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar scalar)
                    {
                        items.Add(scalar);
                    }
                }

                var values = new string[items.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = items[i].Value;
                }

                return new ComposeCommand(seq, false, values) { Items = items };
            default:
                return null;
        }
    }

    private static IReadOnlyList<ComposeKeyValue> KeyValues(YamlNode? node)
    {
        List<ComposeKeyValue>? result = null;
        if (node is YamlMapping map)
        {
            foreach (var e in map.ResolvedEntries)
            {
                if (e.KeyText is not { } key || e.IsMergeKey)
                {
                    continue;
                }

                var value = e.Value as YamlScalar;
                string? text = value is null || value.IsNull ? null : value.Value;
                TextSpan? valueSpan = value is { IsNull: true, IsAlias: false } && value.Span.IsEmpty ? null : e.Value.ReportSpan;
                (result ??= []).Add(new ComposeKeyValue(key, text, e.Key.ReportSpan, valueSpan, false, e.Value) { ValueNode = value });
            }
        }
        else if (node is YamlSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is not YamlScalar s || s.IsNull)
                {
                    continue;
                }

                int eq = s.Value.IndexOf('=');
                if (eq < 0)
                {
                    (result ??= []).Add(new ComposeKeyValue(s.Value, null, s.ReportSpan, null, true, s));
                }
                else
                {
                    var key = ComposeText.Part(s, 0, eq);
                    var value = ComposeText.Part(s, eq + 1, s.Value.Length - eq - 1);
                    (result ??= []).Add(new ComposeKeyValue(key.Value, value.Value, key.Span, value.Span, true, s));
                }
            }
        }

        return (IReadOnlyList<ComposeKeyValue>?)result ?? [];
    }

    private static IReadOnlyList<ComposeEnvFile> EnvFiles(YamlNode? node)
    {
        List<ComposeEnvFile>? result = null;
        foreach (var item in Items(node))
        {
            if (item is YamlScalar s && ComposeText.From(s) is { } path)
            {
                (result ??= []).Add(new ComposeEnvFile(path, true, s));
            }
            else if (item is YamlMapping m && ComposeText.From(m["path"]) is { } longPath)
            {
                bool required = (m["required"] as YamlScalar)?.AsBoolean() ?? true;
                (result ??= []).Add(new ComposeEnvFile(longPath, required, m));
            }
        }

        return (IReadOnlyList<ComposeEnvFile>?)result ?? [];
    }

    internal static ComposePort? Port(YamlNode node)
    {
        if (node is YamlMapping m)
        {
            return new ComposePort(m, true, ComposeText.From(m["host_ip"]), ComposeText.From(m["published"]), ComposeText.From(m["target"]), ComposeText.From(m["protocol"]), ComposeText.From(m["mode"]));
        }

        if (node is not YamlScalar s || s.IsNull)
        {
            return null;
        }

        string v = s.Value;
        int end = v.Length;
        ComposeText? protocol = null;
        int slash = v.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = ComposeText.Part(s, slash + 1, v.Length - slash - 1);
            end = slash;
        }

        // Split on ':' outside IPv6 brackets.
        var cuts = new List<int>();
        int bracket = 0;
        for (int i = 0; i < end; i++)
        {
            if (v[i] == '[')
            {
                bracket++;
            }
            else if (v[i] == ']')
            {
                bracket--;
            }
            else if (v[i] == ':' && bracket == 0)
            {
                cuts.Add(i);
            }
        }

        ComposeText? hostIp = null, hostPort = null, container;
        if (cuts.Count == 0)
        {
            container = ComposeText.Part(s, 0, end);
        }
        else
        {
            int last = cuts[^1];
            container = ComposeText.Part(s, last + 1, end - last - 1);
            if (cuts.Count == 1)
            {
                hostPort = ComposeText.Part(s, 0, last);
            }
            else
            {
                int prev = cuts[^2];
                hostPort = ComposeText.Part(s, prev + 1, last - prev - 1);
                hostIp = ComposeText.Part(s, 0, prev);
            }
        }

        if (hostPort is { Value.Length: 0 })
        {
            hostPort = null;
        }

        return new ComposePort(s, false, hostIp, hostPort, container, protocol, null);
    }

    internal static ComposeVolumeMount? Volume(YamlNode node)
    {
        if (node is YamlMapping m)
        {
            var type = ComposeText.From(m["type"]);
            var source = ComposeText.From(m["source"]);
            var kind = type?.Value switch
            {
                "bind" => ComposeVolumeKind.Bind,
                "volume" => source is null ? ComposeVolumeKind.Anonymous : ComposeVolumeKind.Named,
                "tmpfs" => ComposeVolumeKind.Tmpfs,
                null => Classify(source?.Value),
                _ => ComposeVolumeKind.Other,
            };
            bool readOnly = (m["read_only"] as YamlScalar)?.AsBoolean() == true;
            return new ComposeVolumeMount(m, true, kind, type, source, ComposeText.From(m["target"]), null, readOnly);
        }

        if (node is not YamlScalar s || s.IsNull)
        {
            return null;
        }

        string v = s.Value;
        var cuts = new List<int>();
        // A Windows drive letter ("C:\data") is part of the source, not a separator.
        int from = v.Length >= 3 && char.IsAsciiLetter(v[0]) && v[1] == ':' && v[2] is '\\' or '/' ? 2 : 0;
        for (int i = from; i < v.Length; i++)
        {
            if (v[i] == ':')
            {
                cuts.Add(i);
            }
        }

        if (cuts.Count == 0)
        {
            return new ComposeVolumeMount(s, false, ComposeVolumeKind.Anonymous, null, null, ComposeText.Part(s, 0, v.Length), null, false);
        }

        var source2 = ComposeText.Part(s, 0, cuts[0]);
        int targetEnd = cuts.Count > 1 ? cuts[1] : v.Length;
        var target = ComposeText.Part(s, cuts[0] + 1, targetEnd - cuts[0] - 1);
        var mode = cuts.Count > 1 ? ComposeText.Part(s, cuts[1] + 1, v.Length - cuts[1] - 1) : null;
        bool ro = mode?.Value.Split(',').Contains("ro") == true;
        return new ComposeVolumeMount(s, false, Classify(source2.Value), null, source2, target, mode, ro);
    }

    private static ComposeVolumeKind Classify(string? source) =>
        string.IsNullOrEmpty(source) ? ComposeVolumeKind.Anonymous
        : source[0] is '.' or '/' or '~' or '\\' || source.StartsWith('$') || (source.Length >= 2 && char.IsAsciiLetter(source[0]) && source[1] == ':')
            ? ComposeVolumeKind.Bind
            : ComposeVolumeKind.Named;

    private static IReadOnlyList<ComposeDependency> Dependencies(YamlNode? node)
    {
        List<ComposeDependency>? result = null;
        if (node is YamlMapping map)
        {
            foreach (var e in map.ResolvedEntries)
            {
                if (e.KeyText is null || e.IsMergeKey)
                {
                    continue;
                }

                var d = e.Value as YamlMapping;
                (result ??= []).Add(new ComposeDependency(
                    new ComposeText(e.KeyText, e.Key.ReportSpan),
                    ComposeText.From(d?["condition"]),
                    (d?["restart"] as YamlScalar)?.AsBoolean(),
                    (d?["required"] as YamlScalar)?.AsBoolean(),
                    e.Value));
            }
        }
        else
        {
            foreach (var item in Items(node))
            {
                if (ComposeText.From(item) is { } t)
                {
                    (result ??= []).Add(new ComposeDependency(t, null, null, null, item));
                }
            }
        }

        return (IReadOnlyList<ComposeDependency>?)result ?? [];
    }

    private static IReadOnlyList<ComposeReference> References(YamlNode? node)
    {
        List<ComposeReference>? result = null;
        if (node is YamlMapping map)
        {
            foreach (var e in map.ResolvedEntries)
            {
                if (e.KeyText is not null && !e.IsMergeKey)
                {
                    (result ??= []).Add(new ComposeReference(new ComposeText(e.KeyText, e.Key.ReportSpan), null, e.Value));
                }
            }
        }
        else
        {
            foreach (var item in Items(node))
            {
                if (item is YamlMapping m && ComposeText.From(m["source"]) is { } source)
                {
                    (result ??= []).Add(new ComposeReference(source, ComposeText.From(m["target"]), m));
                }
                else if (ComposeText.From(item) is { } t)
                {
                    (result ??= []).Add(new ComposeReference(t, null, item));
                }
            }
        }

        return (IReadOnlyList<ComposeReference>?)result ?? [];
    }
}
