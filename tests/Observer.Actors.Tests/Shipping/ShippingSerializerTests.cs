using Akka.Actor;
using Observer.Actors.Shipping;
using Observer.Contracts.Signals;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>Every persisted shipping type survives the serializer unchanged, under a stable manifest.</summary>
public sealed class ShippingSerializerTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serializer-test");
    private readonly ShippingSerializer _serializer;

    public ShippingSerializerTests() => _serializer = new ShippingSerializer((ExtendedActorSystem)_system);

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Fact]
    public void SignalsAccepted_RoundTripsSignalsByteForByte()
    {
        Signal[] signals = [SampleSignals.AiCall(), SampleSignals.Task(), SampleSignals.AiCall() with { Error = new SignalError("upstream_timeout", "t\"o\\") }];
        var accepted = new ShipperEvents.SignalsAccepted(1_767_323_045_678, signals.Select(StoredSignal.From).ToList());

        var back = (ShipperEvents.SignalsAccepted)RoundTrip(accepted, ShippingSerializer.SignalsAcceptedManifest);

        Assert.Equal(accepted.AcceptedAtUnixMs, back.AcceptedAtUnixMs);
        Assert.Equal(signals.Select(s => s.Id), back.Signals.Select(s => s.Id));
        for (var i = 0; i < signals.Length; i++)
        {
            Assert.Equal(SignalJson.Serialize(signals[i]), System.Text.Encoding.UTF8.GetString(back.Signals[i].Json.Span));
            Assert.Equal(SignalJson.Serialize(signals[i]), SignalJson.Serialize(SignalJson.Deserialize(back.Signals[i].Json.Span)));
        }

        Assert.Equal(accepted.Bytes, back.Bytes);
    }

    [Fact]
    public void DeliveryConfirmedAndSnapshot_RoundTrip()
    {
        var confirmed = new ShipperEvents.DeliveryConfirmed(42, 500, 123_456);
        var snapshot = new ShipperEvents.ShipperSnapshot(40, 7, 8_000);

        Assert.Equal(confirmed, RoundTrip(confirmed, ShippingSerializer.DeliveryConfirmedManifest));
        Assert.Equal(snapshot, RoundTrip(snapshot, ShippingSerializer.SnapshotManifest));
    }

    [Fact]
    public async Task ActorSystemWithShipper_BindsShippingTypesToSerializer7101()
    {
        var setup = Akka.Actor.Setup.ActorSystemSetup.Create(
            Akka.Serialization.SerializationSetup.Create(system =>
                [Akka.Serialization.SerializerDetails.Create("axom-shipping", new ShippingSerializer(system), [.. ShippingSerializer.BoundTypes])]));
        var system = ActorSystem.Create("binding-test", setup);

        foreach (var type in ShippingSerializer.BoundTypes)
        {
            Assert.Equal(ShippingSerializer.SerializerId, system.Serialization.FindSerializerForType(type).Identifier);
        }

        await system.Terminate();
    }

    [Fact]
    public void UnknownManifest_Throws() =>
        Assert.ThrowsAny<Exception>(() => _serializer.FromBinary("{}"u8.ToArray(), "axom.shipping.unknown.v9"));

    private object RoundTrip(object value, string expectedManifest)
    {
        Assert.Equal(expectedManifest, _serializer.Manifest(value));
        return _serializer.FromBinary(_serializer.ToBinary(value), expectedManifest);
    }
}
