namespace Observer.Backend.Query;

/// <summary>A query parameter with a value the API cannot use; becomes a 400 naming the parameter.</summary>
public sealed class BadQueryException(string parameter, string problem) : Exception($"{parameter}: {problem}")
{
    public string Parameter { get; } = parameter;
}
