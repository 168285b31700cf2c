using Akka.Cluster.Sharding;

namespace Observer.Actors.Cluster;

/// <summary>Routes <see cref="IWithAgentId"/> messages to the entity of their agent; shards by the id's hash.</summary>
public sealed class AgentIdMessageExtractor : HashCodeMessageExtractor
{
    public const int DefaultMaxShards = 100;

    public AgentIdMessageExtractor(int maxNumberOfShards = DefaultMaxShards)
        : base(maxNumberOfShards)
    {
    }

    public override string? EntityId(object message) => (message as IWithAgentId)?.AgentId;
}
