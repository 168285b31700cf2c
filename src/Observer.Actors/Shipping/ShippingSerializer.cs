using System.Buffers;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace Observer.Actors.Shipping;

/// <summary>
/// Serializer of the shipper's persisted types (id 7101; helper "actors" owns 7100): System.Text.Json with stable
/// string manifests. A <see cref="ShipperEvents.SignalsAccepted"/> embeds each signal's wire JSON verbatim, so a
/// paged-back signal is byte-for-byte what was accepted.
/// </summary>
public sealed class ShippingSerializer : SerializerWithStringManifest
{
    public const int SerializerId = 7101;
    public const string SignalsAcceptedManifest = "axom.shipping.signals-accepted.v1";
    public const string DeliveryConfirmedManifest = "axom.shipping.delivery-confirmed.v1";
    public const string SnapshotManifest = "axom.shipping.snapshot.v1";

    public static readonly Type[] BoundTypes =
        [typeof(ShipperEvents.SignalsAccepted), typeof(ShipperEvents.DeliveryConfirmed), typeof(ShipperEvents.ShipperSnapshot)];

    public ShippingSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => o switch
    {
        ShipperEvents.SignalsAccepted => SignalsAcceptedManifest,
        ShipperEvents.DeliveryConfirmed => DeliveryConfirmedManifest,
        ShipperEvents.ShipperSnapshot => SnapshotManifest,
        _ => throw new ArgumentException($"{o.GetType()} is not a shipping type", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        if (obj is ShipperEvents.SignalsAccepted accepted)
        {
            return WriteAccepted(accepted);
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (obj)
            {
                case ShipperEvents.DeliveryConfirmed confirmed:
                    writer.WriteNumber("up_to", confirmed.UpToSequenceNr);
                    writer.WriteNumber("signals", confirmed.Signals);
                    writer.WriteNumber("bytes", confirmed.Bytes);
                    break;
                case ShipperEvents.ShipperSnapshot snapshot:
                    writer.WriteNumber("confirmed_up_to", snapshot.ConfirmedUpTo);
                    writer.WriteNumber("pending", snapshot.PendingSignals);
                    writer.WriteNumber("bytes", snapshot.BacklogBytes);
                    break;
                default:
                    throw new ArgumentException($"{obj.GetType()} is not a shipping type", nameof(obj));
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        switch (manifest)
        {
            case SignalsAcceptedManifest:
                return ReadAccepted(bytes);
            case DeliveryConfirmedManifest:
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                return new ShipperEvents.DeliveryConfirmed(
                    root.GetProperty("up_to").GetInt64(), root.GetProperty("signals").GetInt64(), root.GetProperty("bytes").GetInt64());
            }

            case SnapshotManifest:
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                return new ShipperEvents.ShipperSnapshot(
                    root.GetProperty("confirmed_up_to").GetInt64(), root.GetProperty("pending").GetInt64(), root.GetProperty("bytes").GetInt64());
            }

            default:
                throw new SerializationException($"unknown shipping manifest '{manifest}'");
        }
    }

    // {"accepted_at":N,"ids":[...],"signals":[<stored JSON>,...]}: the signals are copied verbatim, not re-encoded.
    private static byte[] WriteAccepted(ShipperEvents.SignalsAccepted accepted)
    {
        var head = new ArrayBufferWriter<byte>(64 + (accepted.Signals.Count * 40));
        using (var writer = new Utf8JsonWriter(head))
        {
            writer.WriteStartObject();
            writer.WriteNumber("accepted_at", accepted.AcceptedAtUnixMs);
            writer.WriteStartArray("ids");
            foreach (var signal in accepted.Signals)
            {
                writer.WriteStringValue(signal.Id);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("signals");
            writer.WriteNullValue();
            writer.WriteEndObject();
        }

        // Replace the placeholder `null}` by the array of stored signals and the closing brace.
        var prefix = head.WrittenSpan[..^"null}".Length];
        var body = OutgoingBatch.BuildBody(accepted.Signals);
        var result = new byte[prefix.Length + body.Length + 1];
        prefix.CopyTo(result);
        body.CopyTo(result.AsSpan(prefix.Length));
        result[^1] = (byte)'}';
        return result;
    }

    // Walks the event once: ids as strings, each signal as the raw slice of its JSON object.
    private static ShipperEvents.SignalsAccepted ReadAccepted(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        long acceptedAt = 0;
        var ids = new List<string>();
        var jsons = new List<ReadOnlyMemory<byte>>();
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            Expect(reader.Read());
            switch (name)
            {
                case "accepted_at":
                    acceptedAt = reader.GetInt64();
                    break;
                case "ids":
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        ids.Add(reader.GetString()!);
                    }

                    break;
                case "signals":
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        var end = (int)reader.BytesConsumed;
                        jsons.Add(bytes.AsMemory(start, end - start));
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(ids.Count == jsons.Count);
        var signals = new StoredSignal[ids.Count];
        for (var i = 0; i < signals.Length; i++)
        {
            signals[i] = new StoredSignal(ids[i], jsons[i]);
        }

        return new ShipperEvents.SignalsAccepted(acceptedAt, signals);
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new SerializationException("malformed shipping event");
        }
    }
}
