using System.Threading.Channels;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Sessions;

/// <summary>
/// The proxy's <see cref="IExchangeSink"/>: a bounded, non-blocking enqueue onto a channel that one pump drains
/// into the session supervisor. Nothing the proxy calls here waits or throws; when the queue is full the observation
/// is dropped, counted in <c>axom_observer_handoff_overflow_total</c>, and logged at most once per interval.
/// </summary>
public sealed class ActorExchangeSink : IExchangeSink, IAsyncDisposable
{
    private readonly Channel<SessionCommands.ISessionCommand> _queue;
    private readonly HandoffBudget _budget;
    private readonly ObserverMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _warningInterval;
    private readonly TaskCompletionSource<IActorRef> _supervisor = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _lastWarningTicks = long.MinValue;
    private int _disposed;

    public ActorExchangeSink(int capacity, HandoffBudget budget, ObserverMetrics metrics, ILogger<ActorExchangeSink>? logger = null, TimeProvider? time = null, TimeSpan? warningInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _queue = Channel.CreateBounded<SessionCommands.ISessionCommand>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of silently dropping
            SingleReader = true,
            SingleWriter = false,
        });
        _budget = budget;
        _metrics = metrics;
        _logger = logger ?? NullLogger<ActorExchangeSink>.Instance;
        _time = time ?? TimeProvider.System;
        _warningInterval = warningInterval ?? TimeSpan.FromSeconds(10);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Observations waiting in the queue.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>
    /// Waits until everything handed off so far has been through detection (queue empty, no exchange in flight), or
    /// the timeout passes. The host calls it after the proxy stopped and before the actor system stops, so the calls
    /// of the last in-flight exchanges still become signals. Returns false on timeout.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        while (Queued > 0 || _budget.InFlight > 0)
        {
            if (_time.GetTimestamp() > deadline || !_supervisor.Task.IsCompleted)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Connects the pump to the session supervisor once the actor system is up; until then the queue fills.</summary>
    public void Attach(IActorRef supervisor) => _supervisor.TrySetResult(supervisor);

    public void ConnectionOpened(ConnectionInfo connection) => Enqueue(new SessionCommands.Open(connection));

    public void ExchangeCompleted(ExchangeRecord exchange) => Enqueue(new SessionCommands.Exchange(exchange));

    public void WebSocketMessage(WebSocketMessageObserved message) => Enqueue(new SessionCommands.WebSocket(message));

    public void ConnectionClosed(ConnectionId connection, DateTimeOffset closedAt) => Enqueue(new SessionCommands.Close(connection, closedAt));

    public async ValueTask DisposeAsync()
    {
        // DI disposes the instance once per registration (as itself and as IExchangeSink): only the first counts.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: whatever is still queued is dropped with the process.
        }

        _stop.Dispose();
    }

    private void Enqueue(SessionCommands.ISessionCommand command)
    {
        if (_queue.Writer.TryWrite(command))
        {
            return;
        }

        _metrics.HandoffOverflow.Inc();
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarningTicks);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= _warningInterval)
            && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            SessionLog.HandoffOverflow(_logger, _metrics.HandoffOverflow.Value);
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            var supervisor = await _supervisor.Task.WaitAsync(_stop.Token).ConfigureAwait(false);
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (reader.TryPeek(out var command))
                {
                    // Only exchanges hold a slot: they are what a stalled detector would pile up.
                    if (command is SessionCommands.Exchange)
                    {
                        await _budget.WaitAsync(_stop.Token).ConfigureAwait(false);
                    }

                    reader.TryRead(out _);
                    supervisor.Tell(command, ActorRefs.NoSender);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            SessionLog.PumpFailed(_logger, ex);
        }
    }
}
