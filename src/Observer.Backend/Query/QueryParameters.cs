using System.Globalization;
using Observer.Backend.Storage;

namespace Observer.Backend.Query;

/// <summary>Reads query-string parameters; a bad value throws <see cref="BadQueryException"/> naming the parameter.</summary>
public static class QueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    public static TimeRange Range(IQueryCollection query)
    {
        var range = new TimeRange(Time(query, "from"), Time(query, "to"));
        if (range is { From: { } f, To: { } t } && f > t)
        {
            throw new BadQueryException("from", "must not be after 'to'");
        }

        return range;
    }

    public static int Int(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (Text(query, name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BadQueryException(name, $"expected an integer in {min}..{max}");
        }

        return value;
    }

    public static string? Status(IQueryCollection query)
    {
        var status = Text(query, "status");
        if (status is null or "ok" or "error")
        {
            return status;
        }

        return int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 999
            ? status
            : throw new BadQueryException("status", "expected 'ok', 'error' or an HTTP status code");
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unixMs))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new BadQueryException(name, "expected an RFC 3339 timestamp or Unix milliseconds");
    }
}
