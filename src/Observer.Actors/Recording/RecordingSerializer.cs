using Akka.Actor;
using Akka.Serialization;

namespace Observer.Actors.Recording;

/// <summary>Akka serializer of the recording events (id 7301, name <c>axom-recording</c>); the format is <see cref="RecordingJson"/>.</summary>
public sealed class RecordingSerializer : SerializerWithStringManifest
{
    public const int SerializerId = 7301;
    public const string Name = "axom-recording";

    public RecordingSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => RecordingJson.Manifest(o);

    public override byte[] ToBinary(object obj) => RecordingJson.ToBinary(obj);

    public override object FromBinary(byte[] bytes, string manifest) => RecordingJson.FromBinary(bytes, manifest);
}
