using System.Globalization;
using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Syntax.Fly;

/// <summary>
/// fly.toml's value syntaxes as flyctl reads them: Go durations (<c>1m30s</c>), sizes (<c>512mb</c>) and volume sizes in
/// whole gigabytes.
/// </summary>
public static partial class FlyValues
{
    /// <summary>
    /// A volume size in whole gigabytes as flyctl reads it: a plain integer is gigabytes; otherwise a human size in decimal
    /// units ("15Mb" is 15,000,000 bytes, "1000mb" is 1GB) divided by 10^9, rounded down. Null when it does not parse.
    /// </summary>
    public static long? VolumeGigabytes(string text)
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
    public static TimeSpan? ParseDuration(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        // Most durations are a few digits and one unit ("30s", "500ms"): read without the patterns, the same arithmetic.
        // Up to four digits the ticks stay far below 2^53, so the patterns' path would give exactly this.
        int digits = 0;
        while (digits < text.Length && digits <= 4 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is > 0 and <= 4 && UnitTicks(text.AsSpan(digits)) is { } unit)
        {
            return TimeSpan.FromTicks((long)(double.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture) * unit));
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

    private static double? UnitTicks(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 0.01,
        "us" => 10,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        _ => null,
    };

    /// <summary>Parses a size such as <c>1gb</c>, <c>512MB</c>, <c>10</c> (then in <paramref name="unitBytes"/>); null when it is not one.</summary>
    public static long? ParseSize(string text, long unitBytes)
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
