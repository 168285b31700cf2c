using Microsoft.Extensions.DependencyInjection;
using Observer.Actors.Hosting;
using Observer.Actors.Sessions;
using Observer.Actors.Tasks;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Hosting;

public sealed class ObserverActorsOptionsTests
{
    [Fact]
    public void Defaults_AreValidOneNodeClusterWithDocumentedTaskSettings()
    {
        var options = new ObserverActorsOptions();
        options.Validate();
        Assert.Empty(options.ClusterSeeds);
        Assert.Equal(0, options.ClusterPort);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TaskIdleGap);
        Assert.Equal(TimeSpan.FromMinutes(30), options.TaskMaxDuration);
        Assert.Equal(10_000, options.HandoffQueueCapacity);
    }

    [Theory]
    [InlineData("akka.tcp://other-system@127.0.0.1:4053", "--cluster-seeds")]
    [InlineData("127.0.0.1:4053", "--cluster-seeds")]
    public void BadSeed_ValidationNamesTheFlagAndValue(string seed, string flag)
    {
        var options = new ObserverActorsOptions();
        options.ClusterSeeds.Add(seed);
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
        Assert.Contains(seed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxDurationBelowIdleGap_ValidationNamesBoth()
    {
        var options = new ObserverActorsOptions { TaskIdleGap = TimeSpan.FromMinutes(5), TaskMaxDuration = TimeSpan.FromMinutes(1) };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("--task-max-duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_RegisterOneSinkAsIExchangeSinkAndTaskSettingsFromOptions()
    {
        var options = new ObserverActorsOptions { TaskIdleGap = TimeSpan.FromSeconds(45), TaskMaxDuration = TimeSpan.FromMinutes(10) };
        await using var provider = new ServiceCollection().AddObserverActorServices(options).BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ActorExchangeSink>(), provider.GetRequiredService<IExchangeSink>());
        var settings = provider.GetRequiredService<TaskCorrelationSettings>();
        Assert.Equal(TimeSpan.FromSeconds(45), settings.IdleGap);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.MaxDuration);
        Assert.False(provider.GetRequiredService<ActorSystemReadiness>().IsReady);
    }
}
