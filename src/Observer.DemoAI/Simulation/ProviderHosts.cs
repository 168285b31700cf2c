namespace Observer.DemoAI.Simulation;

/// <summary>Maps the real provider hostnames to the wire format served for them.</summary>
public static class ProviderHosts
{
    public static readonly IReadOnlyDictionary<string, DemoProvider> ByHost = new Dictionary<string, DemoProvider>(StringComparer.OrdinalIgnoreCase)
    {
        ["api.openai.com"] = DemoProvider.OpenAi,
        ["api.anthropic.com"] = DemoProvider.Anthropic,
        ["generativelanguage.googleapis.com"] = DemoProvider.Gemini,
        ["api.deepgram.com"] = DemoProvider.Deepgram,
        ["api.elevenlabs.io"] = DemoProvider.ElevenLabs,
    };

    /// <summary>The provider named by the request's Host header, or null for localhost / an IP.</summary>
    public static DemoProvider? FromHost(HostString host) =>
        ByHost.TryGetValue(host.Host, out var provider) ? provider : null;
}
