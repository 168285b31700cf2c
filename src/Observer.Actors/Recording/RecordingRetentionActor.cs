using Akka.Actor;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Recording;

/// <summary>Runs <see cref="RecordingRetention"/> on a timer, one pass at a time, off the actor's thread.</summary>
public sealed class RecordingRetentionActor : ReceiveActor, IWithTimers
{
    private readonly RecordingRetention _retention;
    private readonly RecordingDependencies _deps;
    private readonly TimeProvider _time;
    private bool _running;

    public RecordingRetentionActor(RecordingRetention retention, RecordingDependencies deps, TimeProvider time)
    {
        _retention = retention;
        _deps = deps;
        _time = time;
        Receive<Tick>(_ => Run());
        Receive<RecordingRetention.Result>(result =>
        {
            _running = false;
            Report(_deps.Metrics, result);
        });
        Receive<Status.Failure>(failure =>
        {
            _running = false;
            RecordingLog.RetentionFailed(_deps.Logger, failure.Cause);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Run a pass now (also the timer's message).</summary>
    public sealed class Tick
    {
        public static readonly Tick Instance = new();

        private Tick()
        {
        }
    }

    protected override void PreStart() => Timers.StartPeriodicTimer("retention", Tick.Instance, _deps.Options.RetentionInterval);

    private void Run()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        _retention.EnforceAsync(_time.GetUtcNow(), CancellationToken.None).PipeTo(Self);
    }

    private void Report(ObserverMetrics metrics, RecordingRetention.Result result)
    {
        if (result.DeletedByAge > 0)
        {
            metrics.RecordingSessionsDeleted.WithLabels("age").Inc(result.DeletedByAge);
            RecordingLog.Deleted(_deps.Logger, result.DeletedByAge, "age");
        }

        if (result.DeletedBySize > 0)
        {
            metrics.RecordingSessionsDeleted.WithLabels("size").Inc(result.DeletedBySize);
            RecordingLog.Deleted(_deps.Logger, result.DeletedBySize, "size");
        }
    }
}
