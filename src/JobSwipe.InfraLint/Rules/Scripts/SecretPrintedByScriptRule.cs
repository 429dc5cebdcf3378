using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4008: a secret echoed/printed, traced under <c>set -x</c>, or a literal secret in a script. Never prints the value.</summary>
public sealed partial class SecretPrintedByScriptRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4008", "Secret printed or hard-coded in a script",
        "{0}; {1}", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script prints a secret (echo/printf of a secret-like variable), traces it (a command expands a secret-like variable while set -x is on), or holds a literal secret. CI logs keep what scripts print.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An operator's tool (a script no CI file names) that prints a credential it generates itself hands it to the
        // person at the terminal ("save this password"): info. CI step scripts and scripts CI runs keep the warning.
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, ctx => Analyze(ScriptSink.For(ctx), IsOperatorTool(ctx) ? ScriptSink.For(ctx, lowered: true) : null));
        context.RegisterFileAction<CiPipeline>(FileKind.CiWorkflow, ctx =>
        {
            foreach (ScriptSink sink in ScriptSink.For(ctx))
            {
                Analyze(sink, null);
            }
        });
    }

    private static bool IsOperatorTool(FileAnalysisContext<ShellScript> ctx)
    {
        string name = ctx.File.Name.ToLowerInvariant();
        return !RepositoryEvidence.For(ctx.Repository).CiTexts.Any(t => t.Lower.Contains(name, StringComparison.Ordinal));
    }

    // openssl rand, pwgen, uuidgen, /dev/urandom, Python's secrets: a value the script makes up on the spot.
    private static bool IsGenerated(ShellScript script, string name) =>
        script.Assignments.Any(a => a.Name == name && a.Value is { } v && v.Parts.Any(p => p is ShellCommandSubstitutionPart sub
            && System.Text.RegularExpressions.Regex.IsMatch(sub.Text, @"openssl\s+rand|\bpwgen\b|\buuidgen\b|/dev/u?random|secrets\.token|\bmkpasswd\b|\bapg\b")));

    private static void Analyze(ScriptSink ctx, ScriptSink? operatorTool)
    {
        var toFile = new List<JobSwipe.InfraLint.Text.TextSpan>();
        CollectFileGroups(ctx.Model.Body, toFile);
        foreach (CommandContext c in ctx.Model.EnumerateCommands())
        {
            SimpleCommand command = c.Command;
            CommandLine? line = CommandLine.From(command);
            if (line is not null && line.Name is "echo" or "printf" && !c.IsInCommandSubstitution && !(c.IsPiped && c.PipelineIndex < c.Pipeline!.Commands.Count - 1) && !WritesToFile(command)
                && !toFile.Any(g => g.Start <= command.Span.Start && command.Span.End <= g.End)
                && !line.Arguments.Any(a => a.Value.Contains("::add-mask::", StringComparison.Ordinal)))
            {
                if (FirstSecret(line.Arguments, ctx.Model) is { } printed && !HoldsAPath(ctx.Model, printed.Name))
                {
                    (operatorTool is not null && IsGenerated(ctx.Model, printed.Name) ? operatorTool : ctx).Report(Descriptor, printed.Span, $"'{line.Name}' prints the secret-like variable {printed.Name}", "CI logs keep it: print that it is set (${#" + printed.Name + "} characters), not its value");
                    continue;
                }
            }

            if (line is not null && line.Name == "printenv" && FirstSecretName(line.Arguments) is { } env)
            {
                ctx.Report(Descriptor, env.Span, $"'printenv' prints the secret-like variable {env.Value}", "remove it or print only whether it is set");
                continue;
            }

            if (c.Options.XTrace && command.NameValue is not "set" && FirstSecret(command.Assignments.Select(a => a.Value).Concat(command.Words), ctx.Model) is { } traced)
            {
                ctx.Report(Descriptor, traced.Span, $"set -x is on while this command expands the secret-like variable {traced.Name}, so the trace prints its value", "turn tracing off around it ('set +x') or drop 'set -x'");
            }
        }

        foreach (ShellVariableAssignment assignment in ctx.Model.Assignments)
        {
            if (assignment.Value is not { } value || !value.IsLiteral)
            {
                continue;
            }

            string v = value.Value;
            if (SecretHeuristics.IsBuildPlaceholder(v))
            {
                continue;
            }

            if (IsSecretVariable(assignment.Name) && LooksLikeLiteralSecret(v))
            {
                string known = SecretHeuristics.DescribeKnownDefault(v) is { } d ? $" ({d})" : "";
                ctx.Report(Descriptor, value.Span, $"{assignment.Name} is assigned a literal secret{known}", "read it from the environment, a CI secret or a secret manager instead of committing it");
            }
            else if (SecretHeuristics.FindUrlPassword(v) is not null)
            {
                ctx.Report(Descriptor, value.Span, $"{assignment.Name} holds a URL with an inline password", "take the password from the environment or a secret manager");
            }
        }
    }

    // In shell, PWD/OLDPWD are directories, and a bare `key` is usually the key of a key/value loop, not a key.
    private static bool IsSecretVariable(string name) =>
        name is not ("PWD" or "OLDPWD" or "pwd") && !name.Equals("key", StringComparison.OrdinalIgnoreCase) && !name.Equals("pass", StringComparison.Ordinal) && SecretHeuristics.IsSecretLikeName(name);

    // relay/credentials.json, certs/key.pem: a variable that holds where a secret lives, not the secret; so does a bare
    // name of a key or certificate file (identity_server_dev.key, tls.crt), whatever folder the script works in.
    private static bool IsFilePath(string v) => RelativeFilePath().IsMatch(v) && FileExtension().IsMatch(v) || KeyFileName().IsMatch(v);

    private static bool LooksLikeLiteralSecret(string v) => !IsFilePath(v) &&
        v.Length >= 6 && !v.Any(char.IsWhiteSpace) && !v.Contains('$', StringComparison.Ordinal) && !SecretHeuristics.IsPlaceholder(v) && !v.StartsWith('/') && !v.StartsWith("./", StringComparison.Ordinal) && !v.StartsWith("~/", StringComparison.Ordinal)
        && !v.StartsWith("arn:", StringComparison.Ordinal) && !v.StartsWith("projects/", StringComparison.Ordinal) && !v.Contains("://", StringComparison.Ordinal)
        && !(v.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_' || char.IsAsciiDigit(ch)) && v.Contains('_', StringComparison.Ordinal));

    private static bool HoldsAPath(ShellScript script, string name) =>
        script.Assignments.Any(a => a.Name == name && a.Value is { IsLiteral: true } v && (IsFilePath(v.Value) || v.Value.StartsWith('/') || v.Value.StartsWith("./", StringComparison.Ordinal)));

    private static bool WritesToFile(SimpleCommand command) =>
        command.Redirections.Any(r => r.Operator is ">" or ">>" or ">|" && r.FileDescriptor is null or 1 && r.Target is { } t && !t.Value.StartsWith("/dev/std", StringComparison.Ordinal) && t.Value != "/dev/tty");

    private static (string Name, JobSwipe.InfraLint.Text.TextSpan Span)? FirstSecret(IEnumerable<ShellWord> words, ShellScript script)
    {
        foreach (ShellWord word in words)
        {
            foreach (ShellWordPart part in word.Parts)
            {
                if (part is ShellVariablePart v && IsSecretVariable(v.Name) && !HidesValue(v) && !HoldsNoSecret(script, v.Name))
                {
                    return (v.Name, v.Span);
                }
            }
        }

        return null;
    }

    // Where the value comes from: when every assignment of the variable in the script gives it something that is not a
    // secret (a number or counter, a colour label, another variable's name with a prefix stripped, a file's base name),
    // it names or counts things (PASS=0 … ((PASS++)); SECRET_KEY="${key#SECRETS_}").
    private static bool HoldsNoSecret(ShellScript script, string name) => HoldsNoSecret(script, name, [name]) || LoopsOverNames(script.Body, name);

    // for secret_key in API_KEY DB_PASSWORD; do …: the loop variable holds variable names, not their values.
    private static bool LoopsOverNames(ShellCommandList list, string name) =>
        list.Items.SelectMany(i => i.Pipelines).SelectMany(p => p.Commands).Any(c =>
            c is ShellFor { Items: { Count: > 0 } items } loop && loop.Variable == name && items.All(w => w.IsLiteral && UpperCaseName().IsMatch(w.Value))
            || Children(c).Any(inner => LoopsOverNames(inner, name)));

    private static bool HoldsNoSecret(ShellScript script, string name, HashSet<string> visiting)
    {
        var values = script.Assignments.Where(a => a.Name == name && a.Value is not null).Select(a => a.Value!).ToList();
        return values.Count > 0 && values.All(v => v.Parts.Count > 0 && v.Parts.All(p => IsNonSecretPart(script, p, visiting)));
    }

    private static bool IsNonSecretPart(ShellScript script, ShellWordPart part, HashSet<string> visiting) => part switch
    {
        ShellLiteralPart literal => literal.Text.All(char.IsAsciiDigit) || literal.Text.Contains("\\e[", StringComparison.Ordinal) || literal.Text.Contains("\\033[", StringComparison.Ordinal) || literal.Text.Contains('\u001b', StringComparison.Ordinal)
            || literal.Text.Contains('_', StringComparison.Ordinal) && literal.Text.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_'),

        // ${name#PREFIX_}, ${name%_FILE}: a name cut from another name (itself, a loop variable, a file's base name).
        ShellVariablePart v => v.IsBraced && !v.Text.StartsWith("${!", StringComparison.Ordinal) && v.Text.Length > v.Name.Length + 3 && v.Text[2 + v.Name.Length] is '#' or '%'
            && (visiting.Contains(v.Name) || !IsSecretVariable(v.Name) || visiting.Count < 8 && visiting.Add(v.Name) && HoldsNoSecret(script, v.Name, visiting)),
        ShellCommandSubstitutionPart sub => sub.Text.TrimStart('$', '(', '`', ' ').Split(' ')[0] is "basename" or "dirname" or "tput",
        ShellArithmeticPart => true,
        _ => false,
    };

    // { echo …; } > file, ( … ) > file, while … done > file: the output of the commands inside goes to the file.
    private static void CollectFileGroups(ShellCommandList list, List<JobSwipe.InfraLint.Text.TextSpan> spans)
    {
        // Loops rather than SelectMany: this runs for every list of every script. A simple command is neither a group
        // nor has lists inside.
        foreach (var item in list.Items)
        {
            foreach (var pipeline in item.Pipelines)
            {
                foreach (ShellCommand command in pipeline.Commands)
                {
                    if (command is SimpleCommand)
                    {
                        continue;
                    }

                    if (command.Redirections.Any(r => r.Operator is ">" or ">>" or ">|" && r.FileDescriptor is null or 1 && r.Target is { } t && !t.Value.StartsWith("/dev/std", StringComparison.Ordinal) && t.Value != "/dev/tty"))
                    {
                        spans.Add(command.Span);
                    }

                    foreach (ShellCommandList inner in Children(command))
                    {
                        CollectFileGroups(inner, spans);
                    }
                }
            }
        }
    }

    private static IEnumerable<ShellCommandList> Children(ShellCommand command) => command switch
    {
        ShellSubshell s => [s.Body],
        ShellBraceGroup g => [g.Body],
        ShellIf i => [.. i.Clauses.SelectMany(c => new[] { c.Condition, c.Body }), .. i.Else is null ? [] : new[] { i.Else }],
        ShellFor f => [f.Body],
        ShellWhile w => [w.Condition, w.Body],
        ShellCase c => [.. c.Items.Select(i => i.Body)],
        ShellFunctionDefinition f => Children(f.Body),
        _ => [],
    };

    private static ShellWord? FirstSecretName(IEnumerable<ShellWord> words) => words.FirstOrDefault(w => w.IsLiteral && !w.Value.StartsWith('-') && IsSecretVariable(w.Value));

    // ${#X} (length), ${X:+set}, ${X+set}, ${X:?msg} with a message only on failure print no value.
    private static bool HidesValue(ShellVariablePart v) =>
        v.Text.StartsWith("${#", StringComparison.Ordinal) || v.Text.Contains(":+", StringComparison.Ordinal) || (v.IsBraced && v.Text.Length > v.Name.Length + 3 && v.Text[2 + v.Name.Length] == '+');

    [GeneratedRegex(@"^[\w.-]+(/[\w.-]+)+$")]
    private static partial Regex RelativeFilePath();

    [GeneratedRegex(@"\.[A-Za-z]{2,5}$")]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"^[\w.-]+\.(?:key|pem|crt|cer|cert|csr|der|pfx|p12|jks|keystore|pub|ppk)$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyFileName();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex UpperCaseName();
}
