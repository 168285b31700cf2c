namespace Observer.Actors.Serialization;

/// <summary>
/// A message that may cross nodes (entities are sharded across the cluster): bound to
/// <see cref="ObserverMessageSerializer"/>, never to Akka's Newtonsoft default.
/// </summary>
public interface IClusterMessage;
