using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// One finding. Rules create it with <c>Diagnostic.Create</c>; the engine then sets the effective severity
/// from the file's environment and the configuration. A message never contains a secret value, nor a raw control
/// character (see <see cref="DisplayText"/>).
/// </summary>
public sealed class Diagnostic
{
    private Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, Location location, IReadOnlyList<Location> additionalLocations, string? fingerprintText, Fix? fix = null)
    {
        Fix = fix;
        Descriptor = descriptor;
        Severity = severity;
        // Messages quote file text: control and bidi characters are escaped here, once, for every output.
        Message = DisplayText.Escape(message);
        Location = location;
        AdditionalLocations = additionalLocations;
        FingerprintText = fingerprintText;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    public Location Location { get; }

    /// <summary>Related places: the first definition of a duplicate key, the other Fly config, …</summary>
    public IReadOnlyList<Location> AdditionalLocations { get; }

    /// <summary>
    /// Text that identifies the finding independently of its line (for baselines); when null, the
    /// engine uses the text under the primary location. Never a secret value.
    /// </summary>
    public string? FingerprintText { get; }

    /// <summary>The fix the rule offers for this finding, or null (see <see cref="DiagnosticDescriptor.Fix"/>).</summary>
    public Fix? Fix { get; }

    /// <summary>
    /// The finding's baseline fingerprint (a hash of <see cref="FingerprintText"/> or of the text under the primary
    /// location), set by the engine once the run is finished; null on a diagnostic a rule just created.
    /// </summary>
    public string? Fingerprint { get; private init; }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        new(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(messageArgs), location, [], null);

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, params object?[] messageArgs) =>
        new(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(messageArgs), location, additionalLocations?.ToArray() ?? [], null);

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new(Descriptor, severity, Message, Location, AdditionalLocations, FingerprintText, Fix) { Fingerprint = Fingerprint };

    public Diagnostic WithFingerprintText(string? text) => new(Descriptor, Severity, Message, Location, AdditionalLocations, text, Fix);

    /// <summary>The same finding with a fix (null: none).</summary>
    public Diagnostic WithFix(Fix? fix) => new(Descriptor, Severity, Message, Location, AdditionalLocations, FingerprintText, fix) { Fingerprint = Fingerprint };

    internal Diagnostic WithFingerprint(string fingerprint) =>
        new(Descriptor, Severity, Message, Location, AdditionalLocations, FingerprintText, Fix) { Fingerprint = fingerprint };

    public override string ToString() => $"{Location}: {Severity.ToDisplayString()} {Id}: {Message}";
}
