using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class SpeechTests
{
    [Fact]
    public void DeepgramListen_ReadsDurationAndModel()
    {
        var s = Detector.DetectCapture("deepgram/listen.http").Signal;

        Assert.Equal("deepgram", s.Provider);
        Assert.Equal("speech_to_text", s.Category);
        Assert.Equal("audio_transcription", s.Operation);
        Assert.Equal("nova-3", s.Model);
        Assert.Equal("nova-3", s.ResponseModel);
        Assert.Equal(25.933313, s.Usage.AudioSeconds);
        Assert.Equal(UsageSources.Reported, s.UsageSource);
        Assert.Equal(0.0018585541m, s.CostUsd); // 25.933313 s × 0.0043 / 60
        Assert.Equal("/v1/listen", s.Path);
    }

    [Fact]
    public void DeepgramSpeak_UsesBilledCharacterHeader()
    {
        var s = Detector.DetectCapture("deepgram/speak.http").Signal;

        Assert.Equal("speech_synthesis", s.Operation);
        Assert.Equal("aura-2-thalia-en", s.Model);
        Assert.Equal(32, s.Usage.Characters);
        Assert.Equal(0.00096m, s.CostUsd); // 32 × 30 per 1M characters
    }

    [Fact]
    public void DeepgramError_ReadsErrCode()
    {
        var s = Detector.DetectCapture("deepgram/error_401.http").Signal;

        Assert.Equal(new SignalError("INVALID_AUTH", "Invalid credentials."), s.Error);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void AssemblyAi_SubmittedJobHasNoDurationYet()
    {
        var s = Detector.DetectCapture("assemblyai/submit.http").Signal;

        Assert.Equal("universal", s.Model);
        Assert.Equal("queued", s.FinishReason);
        Assert.Null(s.Usage.AudioSeconds);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void AssemblyAi_CompletedJobIsPricedByDuration()
    {
        var s = Detector.DetectCapture("assemblyai/completed.http").Signal;

        Assert.Equal("GET", s.Method);
        Assert.Equal("universal", s.ResponseModel);
        Assert.Equal(281, s.Usage.AudioSeconds);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.0117083333m, s.CostUsd); // 281 s × 0.15 / 3600
    }

    [Fact]
    public void AssemblyAi_FailedJobReportsError()
    {
        var s = Detector.DetectCapture("assemblyai/error.http").Signal;

        Assert.Equal("transcription_error", s.Error!.Type);
        Assert.StartsWith("Download error", s.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElevenLabs_CountsCharactersAndPricesByModel()
    {
        var s = Detector.DetectCapture("elevenlabs/tts.http").Signal;

        Assert.Equal("text_to_speech", s.Category);
        Assert.Equal("eleven_multilingual_v2", s.Model);
        Assert.Equal(49, s.Usage.Characters);
        Assert.Equal(0.0049m, s.CostUsd);
    }

    [Fact]
    public void ElevenLabsError_ReadsDetail()
    {
        var s = Detector.DetectCapture("elevenlabs/error_401.http").Signal;

        Assert.Equal(new SignalError("invalid_api_key", "Invalid API key"), s.Error);
    }

    [Fact]
    public void ElevenLabsSpeechToText_DurationFromLastWord()
    {
        var s = Detector.DetectCapture("elevenlabs/stt.http").Signal;

        Assert.Equal("audio_transcription", s.Operation);
        Assert.Equal("scribe_v1", s.Model);
        Assert.Equal(1.25, s.Usage.AudioSeconds);
    }

    [Fact]
    public void PlayHt_CountsCharactersWithEngineAsModel()
    {
        var s = Detector.DetectCapture("playht/tts.http").Signal;

        Assert.Equal("playht", s.Provider);
        Assert.Equal("Play3.0-mini", s.Model);
        Assert.Equal(31, s.Usage.Characters);
    }

    [Fact]
    public void Polly_MiddleWildcardHostAndBilledCharacters()
    {
        var s = Detector.DetectCapture("amazon_polly/speech.http").Signal;

        Assert.Equal("amazon_polly", s.Provider);
        Assert.Equal("neural", s.Model);
        Assert.Equal(25, s.Usage.Characters);
        Assert.Equal(0.0004m, s.CostUsd);
    }

    [Fact]
    public void AzureSpeechSynthesis_CountsSsmlTextOnly()
    {
        var s = Detector.DetectCapture("azure_speech/tts.http").Signal;

        Assert.Equal("azure_speech", s.Provider);
        Assert.Equal("en-US-AvaMultilingualNeural", s.Model);
        Assert.Equal(35, s.Usage.Characters);
        Assert.Equal(0.000525m, s.CostUsd);
    }

    [Fact]
    public void AzureSpeechRecognition_DurationFromTicks()
    {
        var s = Detector.DetectCapture("azure_speech/stt.http").Signal;

        Assert.Equal("audio_transcription", s.Operation);
        Assert.Equal(3.39, s.Usage.AudioSeconds!.Value, 6);
        Assert.Equal("stop", s.FinishReason);
    }

    [Fact]
    public void Sarvam_CountsInputsArray()
    {
        var s = Detector.DetectCapture("sarvam/tts.http").Signal;

        Assert.Equal("sarvam", s.Provider);
        Assert.Equal("speech_synthesis", s.Operation);
        Assert.Equal("bulbul:v2", s.Model);
        Assert.True(s.Usage.Characters is > 10 and < 21);
    }
}
