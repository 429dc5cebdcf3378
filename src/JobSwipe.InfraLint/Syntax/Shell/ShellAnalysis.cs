namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>One walk of the tree computing the command contexts, functions, traps and assignments.</summary>
internal sealed class ShellAnalysis
{
    private readonly List<CommandContext> _commands = [];
    private readonly List<ShellCommand> _allCommands = [];
    private readonly List<ShellFunctionDefinition> _functions = [];
    private readonly List<ShellTrap> _traps = [];
    private readonly List<ShellVariableAssignment> _assignments = [];
    private SetOptions _options;

    private ShellAnalysis(SetOptions initial) => _options = initial;

    public IReadOnlyList<CommandContext> Commands => _commands;

    public IReadOnlyList<ShellCommand> AllCommands => _allCommands;

    public IReadOnlyList<ShellFunctionDefinition> FunctionList => _functions;

    public IReadOnlyDictionary<string, ShellFunctionDefinition> Functions { get; private set; } = new Dictionary<string, ShellFunctionDefinition>();

    public IReadOnlyList<ShellTrap> Traps => _traps;

    public IReadOnlyList<ShellVariableAssignment> Assignments => _assignments;

    public SetOptions FinalOptions { get; private set; }

    public static ShellAnalysis Run(ShellScript script, SetOptions initial)
    {
        var analysis = new ShellAnalysis(initial);
        analysis.WalkList(script.Body, default);
        analysis.FinalOptions = analysis._options;
        var byName = new Dictionary<string, ShellFunctionDefinition>(StringComparer.Ordinal);
        foreach (ShellFunctionDefinition function in analysis._functions)
        {
            byName[function.Name] = function;
        }

        analysis.Functions = byName;
        return analysis;
    }

    private readonly record struct Context(ShellFunctionDefinition? Function, bool InCondition, bool InSubstitution, bool InSubshell, ShellPipeline? Pipeline, int Index);

    private void WalkList(ShellCommandList list, Context context)
    {
        foreach (ShellAndOrList item in list.Items)
        {
            for (int i = 0; i < item.Pipelines.Count; i++)
            {
                ShellPipeline pipeline = item.Pipelines[i];
                bool condition = context.InCondition || i < item.Pipelines.Count - 1 || pipeline.IsNegated;
                WalkPipeline(pipeline, context with { InCondition = condition });
            }
        }
    }

    private void WalkPipeline(ShellPipeline pipeline, Context context)
    {
        bool several = pipeline.Commands.Count > 1;
        for (int i = 0; i < pipeline.Commands.Count; i++)
        {
            var inner = context with { Pipeline = pipeline, Index = i, InSubshell = context.InSubshell || several };
            if (several)
            {
                SetOptions saved = _options;
                WalkCommand(pipeline.Commands[i], inner);
                _options = saved;
            }
            else
            {
                WalkCommand(pipeline.Commands[i], inner);
            }
        }
    }

    private void WalkCommand(ShellCommand command, Context context)
    {
        _allCommands.Add(command);
        switch (command)
        {
            case SimpleCommand simple:
                WalkSimple(simple, context);
                return;
            case ShellSubshell subshell:
                {
                    SetOptions saved = _options;
                    WalkList(subshell.Body, context with { InSubshell = true });
                    _options = saved;
                    break;
                }

            case ShellBraceGroup group:
                WalkList(group.Body, context);
                break;
            case ShellIf shellIf:
                foreach (ShellIfClause clause in shellIf.Clauses)
                {
                    WalkList(clause.Condition, context with { InCondition = true });
                    WalkList(clause.Body, context);
                }

                if (shellIf.Else is not null)
                {
                    WalkList(shellIf.Else, context);
                }

                break;
            case ShellFor shellFor:
                if (shellFor.Items is not null)
                {
                    foreach (ShellWord word in shellFor.Items)
                    {
                        WalkWord(word, context);
                    }
                }

                WalkList(shellFor.Body, context);
                break;
            case ShellWhile loop:
                WalkList(loop.Condition, context with { InCondition = true });
                WalkList(loop.Body, context);
                break;
            case ShellCase shellCase:
                WalkWord(shellCase.Word, context);
                foreach (ShellCaseItem item in shellCase.Items)
                {
                    foreach (ShellWord pattern in item.Patterns)
                    {
                        WalkWord(pattern, context);
                    }

                    WalkList(item.Body, context);
                }

                break;
            case ShellFunctionDefinition function:
                _functions.Add(function);
                WalkCommand(function.Body, context with { Function = function, InCondition = false, Pipeline = null, Index = 0 });
                break;
            case ShellTestCommand test:
                foreach (ShellWord word in test.Words)
                {
                    WalkWord(word, context);
                }

                break;
        }

        foreach (ShellRedirection redirection in command.Redirections)
        {
            if (redirection.Target is not null)
            {
                WalkWord(redirection.Target, context);
            }
        }

        WalkHeredocs(command.Redirections, context);
    }

    private void WalkSimple(SimpleCommand command, Context context)
    {
        _commands.Add(new CommandContext(command, context.Function, context.InCondition, context.InSubstitution, context.InSubshell, context.Pipeline, context.Index, _options));
        CollectAssignments(command);
        string? name = command.NameValue;
        if (name == "set")
        {
            _options = _options.Apply(command.ArgumentValues);
        }
        else if (name == "trap")
        {
            CollectTrap(command);
        }

        // Only words with substitutions hold commands to walk; most commands have none.
        List<ShellWord>? words = null;
        IReadOnlyList<ShellAssignment> assignments = command.Assignments;
        for (int i = 0; i < assignments.Count; i++)
        {
            if (assignments[i].Value.HasSubstitutions)
            {
                (words ??= []).Add(assignments[i].Value);
            }
        }

        IReadOnlyList<ShellWord> commandWords = command.Words;
        for (int i = 0; i < commandWords.Count; i++)
        {
            if (commandWords[i].HasSubstitutions)
            {
                (words ??= []).Add(commandWords[i]);
            }
        }

        IReadOnlyList<ShellRedirection> redirections = command.Redirections;
        for (int i = 0; i < redirections.Count; i++)
        {
            if (redirections[i].Target is { HasSubstitutions: true } target)
            {
                (words ??= []).Add(target);
            }
        }

        if (words is not null)
        {
            words.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            foreach (ShellWord word in words)
            {
                WalkWord(word, context);
            }
        }

        WalkHeredocs(command.Redirections, context);
    }

    private void WalkHeredocs(IReadOnlyList<ShellRedirection> redirections, Context context)
    {
        foreach (ShellRedirection redirection in redirections)
        {
            if (redirection.Heredoc is { Parts.Count: > 0 } heredoc)
            {
                WalkSubstitutions(ShellWord.EnumerateSubstitutions(heredoc.Parts), context);
            }
        }
    }

    private void WalkWord(ShellWord word, Context context) => WalkSubstitutions(word.CommandSubstitutions, context);

    private void WalkSubstitutions(IEnumerable<ShellCommandSubstitutionPart> substitutions, Context context)
    {
        foreach (ShellCommandSubstitutionPart substitution in substitutions)
        {
            SetOptions saved = _options;
            WalkList(substitution.Body, context with { InSubstitution = true, InSubshell = true, Pipeline = null, Index = 0 });
            _options = saved;
        }
    }

    private void CollectTrap(SimpleCommand command)
    {
        var operands = command.Arguments.ToList();
        if (operands.Count > 0 && operands[0].Value == "--")
        {
            operands.RemoveAt(0);
        }

        if (operands.Count == 0 || operands[0].Value is "-l" or "-p")
        {
            _traps.Add(new ShellTrap(command, null, operands.Skip(1).ToList()));
            return;
        }

        if (operands.Count == 1)
        {
            _traps.Add(new ShellTrap(command, null, operands));
            return;
        }

        _traps.Add(new ShellTrap(command, operands[0], operands.GetRange(1, operands.Count - 1)));
    }

    private void CollectAssignments(SimpleCommand command)
    {
        ShellAssignmentKind prefixKind = command.Name is null ? ShellAssignmentKind.Plain : ShellAssignmentKind.CommandPrefix;
        foreach (ShellAssignment assignment in command.Assignments)
        {
            _assignments.Add(new ShellVariableAssignment(assignment.Name, assignment.NameSpan, assignment.Value, prefixKind, command, assignment.Span));
        }

        ShellAssignmentKind? kind = command.NameValue switch
        {
            "export" => ShellAssignmentKind.Export,
            "local" => ShellAssignmentKind.Local,
            "readonly" => ShellAssignmentKind.Readonly,
            "declare" or "typeset" => ShellAssignmentKind.Declare,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        bool options = true;
        foreach (ShellWord argument in command.Arguments)
        {
            string value = argument.Value;
            if (options && value == "--")
            {
                options = false;
                continue;
            }

            if (options && value.Length > 1 && (value[0] == '-' || value[0] == '+') && argument.Assignment is null)
            {
                if (value[0] == '-' && value.Contains('f', StringComparison.Ordinal))
                {
                    // export -f / declare -f name: functions, not variables.
                    return;
                }

                continue;
            }

            options = false;
            if (argument.Assignment is { } assignment)
            {
                _assignments.Add(new ShellVariableAssignment(assignment.Name, assignment.NameSpan, assignment.Value, kind.Value, command, assignment.Span));
            }
            else if (argument.IsLiteral && IsName(value))
            {
                _assignments.Add(new ShellVariableAssignment(value, argument.Span, null, kind.Value, command, argument.Span));
            }
        }
    }

    private static bool IsName(string value) =>
        value.Length > 0 && (char.IsAsciiLetter(value[0]) || value[0] == '_') && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
