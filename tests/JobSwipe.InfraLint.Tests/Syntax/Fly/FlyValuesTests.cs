using JobSwipe.InfraLint.Syntax.Fly;

namespace JobSwipe.InfraLint.Tests.Syntax.Fly;

public class FlyValuesTests
{
    [TestCase("0", 0)]
    [TestCase("300ms", 300)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1.5h", 5_400_000)]
    [TestCase("-2s", -2000)]
    public void Go_durations_parse(string text, double milliseconds) =>
        Assert.That(FlyValues.ParseDuration(text)!.Value.TotalMilliseconds, Is.EqualTo(milliseconds));

    // The short form ("30s", up to four digits and one unit) is read without the patterns: the same result as the
    // general path gives for the same value written as two parts.
    [TestCase("30s", "0m30s")]
    [TestCase("9999h", "9998h60m")]
    [TestCase("5ns", "0h5ns")]
    [TestCase("7us", "0s7us")]
    [TestCase("0010m", "0h10m")]
    [TestCase("12345s", "12344s1000ms")]
    public void A_short_duration_equals_the_same_duration_in_parts(string shortForm, string parts) =>
        Assert.That(FlyValues.ParseDuration(shortForm), Is.EqualTo(FlyValues.ParseDuration(parts)).And.Not.Null);

    [TestCase("10")]
    [TestCase("10 s")]
    [TestCase("10s ")]
    [TestCase("1s\n1s")]
    [TestCase("10sm")]
    [TestCase("1d")]
    [TestCase("")]
    public void Other_text_is_no_duration(string text) =>
        Assert.That(FlyValues.ParseDuration(text), Is.Null);

    [TestCase("512mb", 1, 512L << 20)]
    [TestCase("1GB", 1, 1L << 30)]
    [TestCase("256", 1 << 20, 256L << 20)]
    public void Sizes_parse_in_binary_units(string text, long unit, long bytes) =>
        Assert.That(FlyValues.ParseSize(text, unit), Is.EqualTo(bytes));

    [TestCase("10", 10L)]
    [TestCase("1000mb", 1L)]
    [TestCase("15Mb", 0L)]
    [TestCase("2.5gb", 2L)]
    [TestCase("lots", null)]
    public void Volume_sizes_are_whole_decimal_gigabytes(string text, long? gigabytes) =>
        Assert.That(FlyValues.VolumeGigabytes(text), Is.EqualTo(gigabytes));
}
