namespace Observer.DemoAI.Simulation;

/// <summary>The providers whose wire formats the demo speaks.</summary>
public enum DemoProvider
{
    OpenAi,
    Anthropic,
    Gemini,
    Deepgram,
    ElevenLabs,
}
