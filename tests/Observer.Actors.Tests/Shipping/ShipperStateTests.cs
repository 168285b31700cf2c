using Observer.Actors.Shipping;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

public sealed class ShipperStateTests
{
    private static ShipperEvents.SignalsAccepted Accepted(int count) =>
        new(0, SampleSignals.Many(count).Select(StoredSignal.From).ToList());

    [Fact]
    public void AcceptedThenConfirmed_CountsPendingAndBytes()
    {
        var accepted = Accepted(3);
        var state = ShipperState.Empty.Apply(accepted);
        Assert.Equal(3, state.PendingSignals);
        Assert.Equal(accepted.Bytes, state.BacklogBytes);

        state = state.Apply(new ShipperEvents.DeliveryConfirmed(1, 3, accepted.Bytes));

        Assert.Equal(new ShipperState(1, 0, 0), state);
    }

    [Fact]
    public void OlderConfirmation_NeverMovesWatermarkBack()
    {
        var state = new ShipperState(10, 5, 500).Apply(new ShipperEvents.DeliveryConfirmed(4, 1, 100));

        Assert.Equal(10, state.ConfirmedUpTo);
    }

    [Fact]
    public void WouldExceed_TrueOnlyPastTheBound()
    {
        var state = new ShipperState(0, 1, 900);

        Assert.False(state.WouldExceed(100, 1000));
        Assert.True(state.WouldExceed(101, 1000));
    }

    [Fact]
    public void Snapshot_RestoresSameState()
    {
        var state = new ShipperState(7, 3, 300);

        Assert.Equal(state, ShipperState.From(state.ToSnapshot()));
    }
}
