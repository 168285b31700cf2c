namespace Observer.Actors.Hosting;

/// <summary>
/// Whether this node's actor side can take traffic: true once the node is an Up cluster member (for <c>/readyz</c>),
/// false again when it leaves the cluster.
/// </summary>
public sealed class ActorSystemReadiness
{
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>Completes when the node first becomes Up.</summary>
    public Task WhenReady => _up.Task;

    internal void MarkUp()
    {
        _ready = true;
        _up.TrySetResult();
    }

    internal void MarkDown() => _ready = false;
}
