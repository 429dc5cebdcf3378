using JobSwipe.InfraLint.Reporting;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// Findings that exercise what report formats must escape: a path with a comma, a colon and a percent sign, a message
/// with CR, LF, '%', ':' and ',', XML's special characters and a control character, the same text flagged twice in one
/// file, an info finding, a finding about a whole file (no line) and one about the repository as a whole (no path).
/// </summary>
internal static class ReportSamples
{
    public const string Root = "/repo";

    public const string OddPath = "deploy/a,b:c%d.sh";

    public static readonly IReadOnlyList<FindingRecord> Findings =
    [
        new("JSI2001", "error", "docker-compose.yml", 12, 7, 12, 19, "service 'vault' runs <Vault> in development mode & more", "https://example.invalid/JSI2001", "f2001"),
        new("JSI2002", "warning", "docker-compose.yml", 20, 5, 20, 9, "key 'PORT' is defined twice", "https://example.invalid/JSI2002", "f2002"),
        new("JSI2002", "warning", "docker-compose.yml", 24, 5, 24, 9, "key 'PORT' is defined twice", "https://example.invalid/JSI2002", "f2002"),
        new("JSI4003", "warning", OddPath, 1, 1, 2, 3, "line one\r\nline two: 100% sure, really\u0001", "https://example.invalid/JSI4003", "f4003"),
        new("JSI1003", "info", "Dockerfile", 1, 1, 1, 20, "no HEALTHCHECK", "https://example.invalid/JSI1003", "f1003"),
        new("JSI7001", "warning", "", 0, 0, 0, 0, "no CI/CD pipeline", "https://example.invalid/JSI7001", "f7001"),
        new("JSI7006", "info", "backend/Dockerfile.worker", 0, 0, 0, 0, "used by nothing", "https://example.invalid/JSI7006", "f7006"),
    ];
}
