namespace Observer.Actors.Cluster;

/// <summary>A message for an entity sharded by agent id (provider detector, task correlator).</summary>
public interface IWithAgentId
{
    string AgentId { get; }
}
