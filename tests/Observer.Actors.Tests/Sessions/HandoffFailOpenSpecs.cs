using Microsoft.Extensions.DependencyInjection;
using Observer.Actors.Detection;
using Observer.Actors.Hosting;
using Observer.Actors.Sessions;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Sessions;

public sealed class HandoffFailOpenSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    private const int Capacity = 8;
    private const int Offered = 100;
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private PoisonableDetector? _detector;

    protected override ObserverActorsOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.HandoffQueueCapacity = Capacity;
        return options;
    }

    protected override ICallDetector CreateDetector() => _detector = new PoisonableDetector(base.CreateDetector());

    [Fact]
    public async Task DetectorStalled_EnqueueNeverBlocksAndOverflowCountsDrops()
    {
        var detector = _detector!;
        var sink = Host.Services.GetRequiredService<ActorExchangeSink>();
        var budget = Host.Services.GetRequiredService<HandoffBudget>();
        detector.Close();
        try
        {
            var connection = ConnectionId.New();
            var thread = new ChatThread("You are a helpful assistant.").User("Hello!");
            void Offer(int from, int to)
            {
                for (var i = from; i < to; i++)
                {
                    // Each call returns at once: a blocking enqueue would hang this loop, the detector never answers.
                    Sink.ExchangeCompleted(ExchangeFactory.Chat(connection.Value, At.AddSeconds(i), thread, ChatReply.Say("Hi.")));
                }
            }

            // The first budget's worth fits the queue whenever the pump runs; once the pump has moved it all into
            // flight (queue empty), it waits for a slot the stalled detector never frees. Offering everything in one
            // loop would race the pump's thread: on a loaded machine the loop can fill the queue before the pump
            // takes anything, and more is dropped.
            Offer(0, Capacity);
            await Eventually(() =>
            {
                Assert.Equal(0, sink.Queued);
                Assert.Equal(Capacity, budget.InFlight);
            });
            Offer(Capacity, Offered);

            // Steady state: one exchange blocked in the detector, the budget's slots in flight, the queue full.
            await Eventually(() =>
            {
                Assert.Equal(1, detector.Blocked);
                Assert.Equal(Capacity, budget.InFlight);
                Assert.Equal(Capacity, sink.Queued);
            });
            Assert.Equal(Offered - (2 * Capacity), Metrics.HandoffOverflow.Value);
            Assert.Empty(Shipped.Calls);
        }
        finally
        {
            detector.Open();
        }

        // Released, the actors deliver exactly what was accepted; the budget drains.
        await Eventually(() => Assert.Equal(2 * Capacity, Shipped.Calls.Count));
        await Eventually(() => Assert.Equal(0, budget.InFlight));
        Assert.Equal(Offered - (2 * Capacity), Metrics.HandoffOverflow.Value);
    }
}
