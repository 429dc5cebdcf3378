using System.Runtime.CompilerServices;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// A command that runs when the script runs, with its wrappers removed and where it runs in the script's flow. <c>Order</c>:
/// its own offset at the top level, the offset of the function's first call otherwise. <c>InFailureBranch</c>: right of
/// <c>||</c>, in the <c>else</c> of an <c>if</c> that tests a command, or in the body of <c>if ! command</c> (or in a function
/// called from there).
/// </summary>
public sealed record ScriptCommand(CommandContext Context, CommandLine Line, int Order, bool InFailureBranch)
{
    public SimpleCommand Command => Context.Command;
}

/// <summary>
/// What a deploy script does, read from the parsed <see cref="ShellScript"/>: the commands that run (top-level commands, the
/// bodies of functions only when they are called, transitively, also from a <c>trap</c>), their order, the commands of
/// <c>trap … ERR/EXIT</c> handlers and those in failure branches. Computed once per script and shared by the rules.
/// </summary>
public sealed class ScriptFacts
{
    private static readonly ConditionalWeakTable<ShellScript, ScriptFacts> Cache = new();

    private ScriptFacts(ShellScript script)
    {
        Script = script;
        var failure = FailurePositions(script.Body);
        var all = script.EnumerateCommands();
        var functions = script.Functions;
        bool dynamicDispatch = all.Any(c => c.Function is null && c.Command.Name is { HasExpansion: true } name && name.Parts.Count == 1 && name.Parts[0] is ShellVariablePart);
        var functionOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var functionFailure = new HashSet<string>(StringComparer.Ordinal);
        if (dynamicDispatch)
        {
            foreach (var f in script.FunctionDefinitions)
            {
                functionOrder[f.Name] = script.Text.Content.Length;
            }
        }

        // Trap handlers: parse the action text; functions they call run at the trap's place (for order) and count as failure handlers.
        var trapCommands = new List<(CommandLine Line, IReadOnlyList<string> Signals)>();
        var trapFunctions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (ShellTrap trap in script.Traps)
        {
            if (trap.IsReset || trap.Action is null)
            {
                continue;
            }

            var parsed = ShellParser.Parse(new SourceText(trap.Action.Value));
            if (parsed.Model is null)
            {
                continue;
            }

            foreach (CommandContext inner in parsed.Model.EnumerateCommands())
            {
                if (CommandLine.From(inner.Command) is not { } line)
                {
                    continue;
                }

                trapCommands.Add((line, trap.SignalNames));
                if (functions.ContainsKey(inner.Command.NameValue ?? ""))
                {
                    trapFunctions[inner.Command.NameValue!] = trap.SignalNames;
                    int at = trap.Command.Span.Start;
                    functionOrder[inner.Command.NameValue!] = functionOrder.TryGetValue(inner.Command.NameValue!, out int o) ? Math.Min(o, at) : at;
                }
            }
        }

        // Trap handlers and rollback functions run only to recover: what they deploy is a rollback, not a release.
        foreach (string name in trapFunctions.Keys.Concat(functions.Keys.Where(IsRecoveryFunction)))
        {
            functionFailure.Add(name);
        }

        // Propagate calls to a fixed point (bounded by the number of functions).
        for (int round = 0; round <= functions.Count; round++)
        {
            bool changed = false;
            foreach (CommandContext ctx in all)
            {
                if (!TryOrder(ctx, functionOrder, out int order) || ctx.Command.NameValue is not { } name || !functions.ContainsKey(name) || ctx.Function?.Name == name)
                {
                    continue;
                }

                if (!functionOrder.TryGetValue(name, out int existing) || order < existing)
                {
                    functionOrder[name] = order;
                    changed = true;
                }

                if ((failure.Contains(ctx.Command) || (ctx.Function is not null && functionFailure.Contains(ctx.Function.Name))) && functionFailure.Add(name))
                {
                    changed = true;
                }

                if (ctx.Function is not null && trapFunctions.TryGetValue(ctx.Function.Name, out var signals) && trapFunctions.TryAdd(name, signals))
                {
                    changed = true;
                    functionFailure.Add(name);
                }
            }

            if (!changed)
            {
                break;
            }
        }

        var commands = new List<ScriptCommand>();
        foreach (CommandContext ctx in all)
        {
            if (!TryOrder(ctx, functionOrder, out int order) || CommandLine.From(ctx.Command) is not { } line)
            {
                continue;
            }

            bool inFailure = failure.Contains(ctx.Command) || (ctx.Function is not null && functionFailure.Contains(ctx.Function.Name));
            commands.Add(new ScriptCommand(ctx, line, order, inFailure));
            if (ctx.Function is not null && trapFunctions.TryGetValue(ctx.Function.Name, out var signals))
            {
                trapCommands.Add((line, signals));
            }
        }

        commands.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Command.Span.Start.CompareTo(b.Command.Span.Start));
        Commands = commands;
        TrapHandlerCommands = trapCommands;
    }

    public ShellScript Script { get; }

    /// <summary>The commands that run, in flow order (see <see cref="ScriptCommand.Order"/>).</summary>
    public IReadOnlyList<ScriptCommand> Commands { get; }

    /// <summary>The commands trap handlers run (parsed from the action, plus the bodies of the functions it calls), with the trap's conditions.</summary>
    public IReadOnlyList<(CommandLine Line, IReadOnlyList<string> Signals)> TrapHandlerCommands { get; }

    public static ScriptFacts For(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Cache.GetValue(script, s => new ScriptFacts(s));
    }

    /// <summary>
    /// The deploy commands that run, in order: not in failure branches, trap handlers or rollback functions, and not
    /// <c>kubectl apply</c> of a secret or config map (<c>kubectl create secret … --dry-run=client -o yaml | kubectl apply -f -</c>).
    /// </summary>
    public IEnumerable<(ScriptCommand Command, DeployPlatform Platform)> Deploys =>
        Commands.Where(c => !c.InFailureBranch && !AppliesConfiguration(c) && !CreatesLocalCluster).Select(c => (c, DeployCommands.Deploy(c.Line))).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!.Value));

    /// <summary>The mobile release builds that run, in order.</summary>
    public IEnumerable<ScriptCommand> ReleaseBuilds => Commands.Where(c => DeployCommands.MobileReleaseBuild(c.Line) > 0);

    /// <summary>
    /// The literal value of a word: its text when literal, or for <c>$VAR</c>/<c>${VAR}</c> alone the value of the last
    /// literal assignment of VAR before <paramref name="before"/> (null when none, or when the value has expansions).
    /// </summary>
    public string? Resolve(ShellWord? word, int before)
    {
        if (word is null)
        {
            return null;
        }

        if (word.IsLiteral)
        {
            return word.Value;
        }

        if (word.Parts.Count == 1 && word.Parts[0] is ShellVariablePart { Nested.Count: 0 } v && (!v.IsBraced || v.Text == "${" + v.Name + "}"))
        {
            ShellVariableAssignment? last = null;
            foreach (ShellVariableAssignment a in Script.Assignments)
            {
                if (a.Name == v.Name && a.Span.Start < before)
                {
                    last = a;
                }
            }

            return last?.Value is { IsLiteral: true } value ? value.Value : null;
        }

        return null;
    }

    /// <summary>The script creates a local cluster (kind, minikube, k3d): what it applies there is a development setup, not a release.</summary>
    public bool CreatesLocalCluster => _createsLocalCluster ??= Commands.Any(c =>
        c.Line.Name == "kind" && c.Line.Sub() == "create" || c.Line.Name == "minikube" && c.Line.Sub() == "start" || c.Line.Name == "k3d" && c.Line.Sub() == "cluster" && c.Line.Arguments.Any(a => a.Value == "create"));

    private bool? _createsLocalCluster;

    private static bool IsRecoveryFunction(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Contains("rollback", StringComparison.Ordinal) || lower.Contains("roll_back", StringComparison.Ordinal) || lower.Contains("revert", StringComparison.Ordinal)
            || lower.Contains("undo", StringComparison.Ordinal) || lower is "on_error" or "on_failure" or "onerror" or "handle_error" or "error_handler" or "on_err";
    }

    // kubectl apply fed by `kubectl create secret|configmap … --dry-run`, or of a secret manifest: configuration, not a release.
    private static bool AppliesConfiguration(ScriptCommand c)
    {
        if (c.Line.Name is not ("kubectl" or "oc"))
        {
            return false;
        }

        if (c.Line.OptionWord("-f", "--filename") is { } file && file.Value.Contains("secret", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return c.Context.Pipeline is { } pipeline && pipeline.Commands.Take(c.Context.PipelineIndex).OfType<SimpleCommand>()
            .Select(CommandLine.From).Any(l => l is { Name: "kubectl" or "oc" } && l.Sub("-n", "--namespace", "--context") == "create"
                && l.Positionals("-n", "--namespace", "--context") is { Count: > 1 } p && p[1].Value is "secret" or "configmap" or "cm");
    }

    private static bool TryOrder(CommandContext ctx, Dictionary<string, int> functionOrder, out int order)
    {
        if (ctx.Function is null)
        {
            order = ctx.Command.Span.Start;
            return true;
        }

        return functionOrder.TryGetValue(ctx.Function.Name, out order);
    }

    private static HashSet<SimpleCommand> FailurePositions(ShellCommandList body)
    {
        var set = new HashSet<SimpleCommand>(ReferenceEqualityComparer.Instance);
        WalkList(body, false, set);
        return set;
    }

    private static void WalkList(ShellCommandList list, bool failure, HashSet<SimpleCommand> set)
    {
        foreach (ShellAndOrList item in list.Items)
        {
            bool f = failure;
            for (int i = 0; i < item.Pipelines.Count; i++)
            {
                if (i > 0 && item.Operators[i - 1] == ShellAndOrOperator.Or)
                {
                    f = true;
                }

                foreach (ShellCommand command in item.Pipelines[i].Commands)
                {
                    WalkCommand(command, f, set);
                }
            }
        }
    }

    private static bool TestsACommand(ShellCommandList condition) =>
        condition.Items.SelectMany(i => i.Pipelines).SelectMany(p => p.Commands).Any(c => c is SimpleCommand { NameValue: { } n } && n is not ("[" or "test" or "true" or "false" or ":"));

    private static void WalkCommand(ShellCommand command, bool failure, HashSet<SimpleCommand> set)
    {
        switch (command)
        {
            case SimpleCommand simple:
                if (failure)
                {
                    set.Add(simple);
                }

                break;
            case ShellSubshell s:
                WalkList(s.Body, failure, set);
                break;
            case ShellBraceGroup g:
                WalkList(g.Body, failure, set);
                break;
            case ShellIf shellIf:
                foreach (ShellIfClause clause in shellIf.Clauses)
                {
                    WalkList(clause.Condition, failure, set);
                    bool negated = clause.Condition.Items.Count > 0 && clause.Condition.Items[^1].Pipelines is { Count: > 0 } p && p[^1].IsNegated;
                    WalkList(clause.Body, failure || (negated && TestsACommand(clause.Condition)), set);
                }

                if (shellIf.Else is not null)
                {
                    WalkList(shellIf.Else, failure || shellIf.Clauses.All(c => TestsACommand(c.Condition)), set);
                }

                break;
            case ShellFor loop:
                WalkList(loop.Body, failure, set);
                break;
            case ShellWhile loop:
                WalkList(loop.Condition, failure, set);
                WalkList(loop.Body, failure, set);
                break;
            case ShellCase shellCase:
                foreach (ShellCaseItem item in shellCase.Items)
                {
                    WalkList(item.Body, failure, set);
                }

                break;
            case ShellFunctionDefinition function:
                WalkCommand(function.Body, false, set);
                break;
        }
    }
}
