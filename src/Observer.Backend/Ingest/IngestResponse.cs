namespace Observer.Backend.Ingest;

/// <summary>Body of a 200 from <c>POST /api/v1/signals</c>: how many signals arrived and how many were new.</summary>
public sealed record IngestResponse(int Received, int New, int Duplicates);

/// <summary>Body of a 400/401 from <c>POST /api/v1/signals</c>.</summary>
public sealed record IngestError(string Error, string Message, string? Field = null, int? Index = null);
