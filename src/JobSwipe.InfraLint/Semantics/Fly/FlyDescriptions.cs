using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;

namespace JobSwipe.InfraLint.Semantics.Fly;

/// <summary>How the fly.toml checks word what a key expects and what a value is, in their messages.</summary>
internal static class FlyDescriptions
{
    internal static string Describe(FlyKey key) => key.Type switch
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

    internal static string Describe(TomlValueNode value) => value switch
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

    internal static string Range(FlyKey key) => (key.Min, key.Max) switch
    {
        ({ } min, { } max) => $"{min}–{max}",
        ({ } min, null) => $"the minimum {min}",
        (null, { } max) => $"the maximum {max}",
        _ => "its range",
    };

    internal static string Quote(IReadOnlyList<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    internal static string Truncate(string value) => value.Length <= 40 ? value : value[..37] + "...";

    internal static string DescribeDuration(TomlValueNode value) => value is TomlStringValue s ? s.Value : $"{Describe(value)} (milliseconds)";
}
