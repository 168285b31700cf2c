namespace Observer.Actors.Recording;

/// <summary>Session recording settings (<c>--record-bodies</c>, <c>--recording-retention</c>, <c>--recording-max-size</c>).</summary>
public sealed class RecordingOptions
{
    /// <summary>Keep request/response bodies (up to the tap limit); false keeps metadata only.</summary>
    public bool RecordBodies { get; set; } = true;

    /// <summary>Sessions whose last activity is older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Beyond this many bytes of recorded events, the oldest sessions are deleted.</summary>
    public long MaxSizeBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How often retention runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Events a session recorder holds while the journal is behind; past it, events are dropped and counted.</summary>
    public int MaxUnpersistedEvents { get; set; } = 256;

    /// <summary>A session recorder with nothing to do for this long stops (it recovers if the session resumes).</summary>
    public TimeSpan RecorderIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (Retention <= TimeSpan.Zero)
        {
            throw new ArgumentException($"--recording-retention {Retention} must be positive");
        }

        if (MaxSizeBytes < 1024 * 1024)
        {
            throw new ArgumentException($"--recording-max-size {MaxSizeBytes} must be at least 1MiB");
        }

        if (RetentionInterval <= TimeSpan.Zero || MaxUnpersistedEvents < 1 || RecorderIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("recording intervals and bounds must be positive");
        }
    }
}
