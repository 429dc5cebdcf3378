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
