using Observer.Providers.Tokens;

namespace Observer.Providers.Tests.Tokens;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("gpt-4.1", "o200k_base")]
    [InlineData("gpt-5-nano", "o200k_base")]
    [InlineData("o3-mini", "o200k_base")]
    [InlineData("gpt-4-0613", "cl100k_base")]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    [InlineData("claude-sonnet-4", "cl100k_base")]
    [InlineData(null, "cl100k_base")]
    public void EncodingFollowsTheModelGeneration(string? model, string encoding) =>
        Assert.Equal(encoding, TokenEstimator.EncodingFor(model));

    [Fact]
    public void Count_MatchesTheTokenizer()
    {
        Assert.Equal(5, TokenEstimator.Count("This is a test.", "gpt-4o"));
        Assert.Equal(0, TokenEstimator.Count("", "gpt-4o"));
        Assert.Equal(0, TokenEstimator.Count(null, "gpt-4o"));
    }

    [Fact]
    public void HugeText_IsExtrapolatedFromASample()
    {
        var text = string.Concat(Enumerable.Repeat("hello world ", 100_000));

        var estimate = TokenEstimator.Count(text, "gpt-4o");

        Assert.InRange(estimate, 190_000, 210_000);
    }
}
