using System.Diagnostics;

namespace Observer.Proxy.Connect;

/// <summary>
/// Cancels a token when no activity was reported for the idle timeout. Activity is a timestamp write, so the
/// copy loops pay nothing per read; a timer checks a few times per timeout period.
/// </summary>
internal sealed class IdleWatchdog : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly long _idleTicks;
    private readonly Timer _timer;
    private long _lastActivity = Stopwatch.GetTimestamp();

    public IdleWatchdog(TimeSpan idleTimeout, CancellationToken linked)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(linked);
        _idleTicks = (long)(idleTimeout.TotalSeconds * Stopwatch.Frequency);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, idleTimeout.Ticks / 4));
        _timer = new Timer(static s => ((IdleWatchdog)s!).Check(), this, period, period);
    }

    public CancellationToken Token => _cts.Token;

    public bool TimedOut { get; private set; }

    public void Touch() => Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());

    public void Cancel() => _cts.Cancel();

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }

    private void Check()
    {
        if (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastActivity) > _idleTicks && !_cts.IsCancellationRequested)
        {
            TimedOut = true;
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Raced with Dispose; the tunnel is already over.
            }
        }
    }
}
