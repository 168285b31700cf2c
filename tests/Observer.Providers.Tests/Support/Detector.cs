using Observer.Contracts.Exchanges;
using Observer.Providers.Detection;

namespace Observer.Providers.Tests.Support;

/// <summary>One shared detector over the default configuration, and the context used by every test.</summary>
internal static class Detector
{
    public static readonly ProvidersConfiguration Configuration = ProvidersConfiguration.LoadDefault();

    public static readonly ExchangeDetector Instance = new(Configuration);

    public static readonly DetectionContext Context = new("cust-1", "agent-1", "conn-1");

    public static DetectedCall Detect(ExchangeRecord exchange) =>
        Instance.Detect(exchange, Context) ?? throw new InvalidOperationException($"{exchange.Host}{exchange.Path} was not detected");

    public static DetectedCall DetectCapture(string relative) => Detect(Capture.Load(relative));
}
