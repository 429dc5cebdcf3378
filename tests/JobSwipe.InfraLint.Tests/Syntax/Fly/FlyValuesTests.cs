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

    [TestCase("10")]
    [TestCase("10 s")]
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
