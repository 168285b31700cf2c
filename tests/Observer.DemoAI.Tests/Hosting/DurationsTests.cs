using Observer.DemoAI.Hosting;

namespace Observer.DemoAI.Tests.Hosting;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("0", 0)]
    public void Text_ParsesToMilliseconds(string text, double expectedMs)
    {
        Assert.Equal(expectedMs, Durations.Parse(text, "--interval").TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("")]
    public void Nonsense_IsRefusedNamingTheOption(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Durations.Parse(text, "--interval"));

        Assert.Contains("--interval", error.Message, StringComparison.Ordinal);
    }
}
