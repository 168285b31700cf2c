namespace Observer.Actors.Hosting;

/// <summary>Settings of the actor side, bound by the host from flags, environment and the configuration file.</summary>
public sealed class ObserverActorsOptions
{
    public const string ActorSystemName = "axom-observer";

    public string CustomerId { get; set; } = "test-customer";
    public string AgentId { get; set; } = "test-agent";
    public string ClusterHost { get; set; } = "127.0.0.1";

    /// <summary>0 = ephemeral.</summary>
    public int ClusterPort { get; set; }

    /// <summary>Seed node addresses (<c>akka.tcp://axom-observer@host:port</c>); empty = the node joins itself.</summary>
    public List<string> ClusterSeeds { get; } = new();

    public TimeSpan TaskIdleGap { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan TaskMaxDuration { get; set; } = TimeSpan.FromMinutes(30);
    public int HandoffQueueCapacity { get; set; } = 10_000;

    /// <summary>The YAML configuration file whose <c>task_rules:</c> key overrides the default task rules.</summary>
    public string? ConfigFilePath { get; set; }

    /// <summary>A session actor with no observation for this long stops (its connection may still be open).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An idle detector or correlator entity (no open task, no WebSocket) passivates after this long.</summary>
    public TimeSpan EntityPassivateAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a correlator checks for idle and over-long tasks.</summary>
    public TimeSpan TaskTickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws naming the first bad value.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(CustomerId), $"customer id must not be empty");
        Require(!string.IsNullOrWhiteSpace(AgentId), $"agent id must not be empty");
        Require(ClusterPort is >= 0 and <= 65535, $"--cluster-port {ClusterPort} is not a port (0–65535)");
        Require(TaskIdleGap > TimeSpan.Zero, $"--task-idle-gap {TaskIdleGap} must be positive");
        Require(TaskMaxDuration >= TaskIdleGap, $"--task-max-duration {TaskMaxDuration} must be at least the idle gap {TaskIdleGap}");
        Require(HandoffQueueCapacity >= 1, $"hand-off queue capacity {HandoffQueueCapacity} must be at least 1");
        foreach (var seed in ClusterSeeds)
        {
            Require(
                seed.StartsWith($"akka.tcp://{ActorSystemName}@", StringComparison.Ordinal),
                $"--cluster-seeds '{seed}' must look like akka.tcp://{ActorSystemName}@host:port");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
