using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Detection;

public sealed class ConversationFeaturesTests
{
    [Theory]
    [InlineData("openai/chat.http", "openai/chat_turn2.http")]
    [InlineData("anthropic/messages.http", "anthropic/messages_turn2.http")]
    [InlineData("google_ai/generate.http", "google_ai/generate_turn2.http")]
    [InlineData("openai/chat_tool_calls.http", "openai/chat_tool_result.http")]
    [InlineData("anthropic/messages_tool_use.http", "anthropic/messages_tool_result.http")]
    public void SecondTurn_CarriesFirstCallsContinuationHashAmongItsPrefixes(string first, string second)
    {
        var one = Detector.DetectCapture(first).Features;
        var two = Detector.DetectCapture(second).Features;

        Assert.NotNull(one.ContinuationHash);
        Assert.Contains(one.ContinuationHash.Value, two.PrefixHashes);
        Assert.DoesNotContain(one.ContinuationHash.Value, one.PrefixHashes);

        // The first turn's own prefixes are the start of the second's.
        Assert.Equal(one.PrefixHashes, two.PrefixHashes.Take(one.PrefixHashes.Count));
    }

    [Fact]
    public void DifferentReply_DoesNotContinue()
    {
        var one = Detector.DetectCapture("openai/chat.http").Features;
        var exchange = Capture.Load("openai/chat_turn2.http");
        var altered = exchange with
        {
            RequestBody = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(exchange.RequestBody.Span).Replace("is Paris.", "is Lyon.", StringComparison.Ordinal)),
        };

        var two = Detector.Detect(altered).Features;

        Assert.DoesNotContain(one.ContinuationHash!.Value, two.PrefixHashes);
    }

    [Fact]
    public void StreamedReply_HashesLikeTheSameReplyEchoedBack()
    {
        var streamed = Detector.DetectCapture("openai/chat_stream_usage.http").Features;
        var next = Capture.Parse("""
            POST https://api.openai.com/v1/chat/completions
            content-type: application/json

            {"model":"gpt-4o","messages":[{"role":"user","content":"Say this is a test"},{"role":"assistant","content":"This is a test."},{"role":"user","content":"Again"}]}
            === RESPONSE 200
            content-type: application/json

            {"model":"gpt-4o","choices":[{"message":{"role":"assistant","content":"This is a test."},"finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":5,"total_tokens":35}}
            """);

        Assert.Contains(streamed.ContinuationHash!.Value, Detector.Detect(next).Features.PrefixHashes);
    }

    [Fact]
    public void ClassificationText_IsSystemPromptAndFirstUserMessage()
    {
        var features = Detector.DetectCapture("openai/chat.http").Features;

        Assert.Equal("You are a helpful assistant.\nHello! What is the capital of France?", features.ClassificationText);
    }

    [Fact]
    public void ClassificationText_IsCappedAt2000Characters()
    {
        var longText = new string('x', 5000);
        var exchange = Capture.Parse($$"""
            POST https://api.openai.com/v1/chat/completions
            content-type: application/json

            {"model":"gpt-4o","messages":[{"role":"user","content":"{{longText}}"}]}
            """);

        Assert.Equal(2000, Detector.Detect(exchange).Features.ClassificationText!.Length);
    }

    [Fact]
    public void ExplicitHeaders_BecomeTaskFeatures()
    {
        var exchange = Capture.Parse("""
            POST https://api.openai.com/v1/chat/completions
            content-type: application/json
            X-Axom-Task-Id: order-7781
            X-Axom-Task-Type: customer_support
            X-Axom-Task-End: TRUE
            Helicone-Session-Id: ignored-because-axom-wins
            traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01

            {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}
            """);

        var features = Detector.Detect(exchange).Features;

        Assert.Equal("order-7781", features.ExplicitTaskId);
        Assert.Equal("x-axom-task-id", features.ExplicitTaskSource);
        Assert.Equal("customer_support", features.ExplicitTaskType);
        Assert.True(features.ExplicitTaskEnd);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", features.TraceId);
    }

    [Theory]
    [InlineData("Helicone-Session-Id", "helicone-session-id")]
    [InlineData("x-portkey-trace-id", "x-portkey-trace-id")]
    [InlineData("agent-session-id", "agent-session-id")]
    [InlineData("x-litellm-session-id", "x-litellm-session-id")]
    public void OtherToolsSessionHeaders_AreExplicitTaskIds(string header, string source)
    {
        var exchange = Capture.Parse($$"""
            POST https://api.openai.com/v1/chat/completions
            content-type: application/json
            {{header}}: sess-42

            {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}
            """);

        var features = Detector.Detect(exchange).Features;

        Assert.Equal("sess-42", features.ExplicitTaskId);
        Assert.Equal(source, features.ExplicitTaskSource);
        Assert.False(features.ExplicitTaskEnd);
    }

    [Theory]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")]
    [InlineData("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319z-b7ad6b7169203331-01")]
    [InlineData("garbage")]
    public void InvalidTraceparent_IsIgnored(string value)
    {
        var exchange = Capture.Parse($$"""
            POST https://api.openai.com/v1/chat/completions
            traceparent: {{value}}

            {}
            """);

        var call = Detector.Detect(exchange);

        Assert.Null(call.Signal.TraceId);
        Assert.Null(call.Signal.ParentSpanId);
        Assert.Null(call.Features.TraceId);
    }
}
