using System.Globalization;

namespace Observer.DemoAI.Hosting;

/// <summary>Parses durations as the observer's settings write them: <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>, or bare seconds.</summary>
public static class Durations
{
    public static TimeSpan Parse(string text, string name)
    {
        var value = text.Trim();
        var (number, unit) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (value, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0 || double.IsInfinity(amount))
        {
            throw new ArgumentException($"{name} '{text}' is not a duration (examples: 500ms, 10s, 2m, or seconds)");
        }

        return TimeSpan.FromSeconds(amount * unit);
    }
}
