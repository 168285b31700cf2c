namespace Observer.Actors.Recording;

/// <summary>
/// Enforces recording retention on the journal database: deletes sessions idle for longer than the retention age,
/// then the oldest sessions while recorded bytes exceed the size bound, and hands the freed pages back to the file
/// system (SQLite incremental vacuum and WAL truncation) so the database file shrinks.
/// </summary>
public sealed class RecordingRetention
{
    private const int RepairBatch = 500;

    private readonly SessionStore _store;
    private readonly RecordingOptions _options;

    public RecordingRetention(SessionStore store, RecordingOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <summary>What one pass deleted.</summary>
    public sealed record Result(int DeletedByAge, int DeletedBySize, long BytesRemaining);

    public async Task<Result> EnforceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Sessions recorded just before a crash may lack their index row: rebuild it so age and order are known.
        await _store.RepairIndexAsync(RepairBatch, cancellationToken).ConfigureAwait(false);
        var byAge = 0;
        foreach (var id in await _store.IdleSinceAsync(now - _options.Retention, cancellationToken).ConfigureAwait(false))
        {
            await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            byAge++;
        }

        var sizes = await _store.SizesAsync(cancellationToken).ConfigureAwait(false);
        var total = sizes.Sum(s => s.Bytes);
        var bySize = 0;
        foreach (var (sessionId, bytes, _) in sizes)
        {
            if (total <= _options.MaxSizeBytes)
            {
                break;
            }

            await _store.DeleteAsync(sessionId, cancellationToken).ConfigureAwait(false);
            total -= bytes;
            bySize++;
        }

        if (byAge + bySize > 0)
        {
            await _store.Database.ReclaimSpaceAsync(truncateWal: true, cancellationToken).ConfigureAwait(false);
        }

        return new Result(byAge, bySize, total);
    }
}
