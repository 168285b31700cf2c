namespace Observer.Backend.Ingest;

/// <summary>Why a batch was rejected: the signal's position in the batch (null for the batch itself) and the offending field.</summary>
public sealed record ValidationError(int? Index, string Field, string Message);
