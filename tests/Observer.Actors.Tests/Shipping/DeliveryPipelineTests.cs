using Observer.Actors.Shipping;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

public sealed class DeliveryPipelineTests
{
    private static PendingEvent Event(long seq, int signals, long acceptedAt = 0) =>
        new(seq, acceptedAt, SampleSignals.Many(signals).Select(StoredSignal.From).ToList());

    [Fact]
    public void PartialBatch_WaitsForBatchDelay()
    {
        var pipeline = new DeliveryPipeline(batchSize: 10, maxInFlight: 2, batchDelay: TimeSpan.FromMilliseconds(200));
        pipeline.Enqueue(Event(1, 3, acceptedAt: 1_000));

        Assert.Null(pipeline.TakeBatch(1_050, moreWaiting: false, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(150), wait);
        Assert.NotNull(pipeline.TakeBatch(1_200, moreWaiting: false, out _));
    }

    [Fact]
    public void FullBatch_GoesAtOnceAndNeverExceedsBatchSize()
    {
        var pipeline = new DeliveryPipeline(batchSize: 10, maxInFlight: 2, batchDelay: TimeSpan.FromSeconds(10));
        pipeline.Enqueue(Event(1, 6));
        pipeline.Enqueue(Event(2, 4));
        pipeline.Enqueue(Event(3, 5));

        var batch = pipeline.TakeBatch(0, moreWaiting: false, out _)!;

        Assert.Equal(10, batch.SignalCount);
        Assert.Equal((1, 2), (batch.FromSequenceNr, batch.ToSequenceNr));
        Assert.Equal(5, pipeline.QueuedSignals);
    }

    [Fact]
    public void InFlightLimit_HoldsFurtherBatches()
    {
        var pipeline = new DeliveryPipeline(batchSize: 1, maxInFlight: 2, batchDelay: TimeSpan.Zero);
        for (var seq = 1; seq <= 3; seq++)
        {
            pipeline.Enqueue(Event(seq, 1));
        }

        Assert.NotNull(pipeline.TakeBatch(0, false, out _));
        Assert.NotNull(pipeline.TakeBatch(0, false, out _));
        Assert.Null(pipeline.TakeBatch(0, false, out _));
        Assert.Equal(2, pipeline.InFlight);
    }

    [Fact]
    public void OutOfOrderSettle_WatermarkMovesOnlyOverContiguousPrefix()
    {
        var pipeline = new DeliveryPipeline(batchSize: 2, maxInFlight: 2, batchDelay: TimeSpan.Zero);
        pipeline.Enqueue(Event(1, 2));
        pipeline.Enqueue(Event(3, 2));
        var first = pipeline.TakeBatch(0, false, out _)!;
        var second = pipeline.TakeBatch(0, false, out _)!;

        Assert.Null(pipeline.Settle(second));
        var settlement = pipeline.Settle(first);

        Assert.Equal(new DeliveryPipeline.Settlement(3, 4, first.Bytes + second.Bytes), settlement);
        Assert.Equal(0, pipeline.InFlight);
    }

    [Fact]
    public void BatchId_StableForSameSignalsAndBodyIsJsonArray()
    {
        var pending = Event(1, 3);
        var a = new OutgoingBatch([pending]);
        var b = new OutgoingBatch([pending with { }]);

        Assert.Equal(a.BatchId, b.BatchId);
        using var document = System.Text.Json.JsonDocument.Parse(a.Body);
        Assert.Equal(pending.Signals.Select(s => s.Id), document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void Capacity_KeepsBurstsInMemoryButStaysBounded()
    {
        var pipeline = new DeliveryPipeline(batchSize: 500, maxInFlight: 2, batchDelay: TimeSpan.Zero);

        Assert.True(pipeline.HasRoom);
        Assert.Equal(10_000, pipeline.Capacity);
        Assert.Equal(80_000, new DeliveryPipeline(batchSize: 10_000, maxInFlight: 2, batchDelay: TimeSpan.Zero).Capacity);
    }
}
