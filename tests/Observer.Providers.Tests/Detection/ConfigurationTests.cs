using Observer.Contracts.Exchanges;
using Observer.Providers.Detection;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Detection;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("axom-providers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "observer.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Defaults_StateTheirVersionAndCoverEveryProvider()
    {
        var configuration = ProvidersConfiguration.LoadDefault();

        Assert.Equal("2025.11-1", configuration.Prices.Version);
        Assert.Equal("2025-11-30", configuration.Prices.Date);
        Assert.True(configuration.Prices.Count > 100);
        Assert.Equal(29, configuration.Catalog.Providers.Count);
    }

    [Fact]
    public void ConfigFile_AddsProviderReplacesPricesAndLocalHostsIgnoringOtherKeys()
    {
        var path = Write("""
            listen: 0.0.0.0:8080
            backend_url: http://127.0.0.1:9/signals
            providers:
              - slug: acme_llm
                name: Acme LLM
                category: llm
                parser: openai
                hosts: [ "*.acme-ai.example" ]
                credential_headers: [ X-Acme-Key ]
                paths:
                  - { pattern: /v1/chat/completions, operation: chat }
            prices:
              - { provider: acme_llm, model: acme-1, input: 1.00, output: 2.00 }
              - { provider: openai, model: gpt-4o-mini, input: 1.00, output: 1.00 }
            local_hosts: [ "127.0.0.1:8000" ]
            """);

        var configuration = ProvidersConfiguration.Load(path, ["gpu-box:8001"]);

        Assert.Equal("acme_llm", configuration.Catalog.MatchHost("eu.acme-ai.example", 443)?.Slug);
        Assert.Contains("X-Acme-Key", configuration.CredentialHeaders);
        Assert.Equal(1.00m, configuration.Prices.Find("openai", "gpt-4o-mini-2024-07-18")?.InputPerMTok);
        Assert.Equal(2.50m, configuration.Prices.Find("openai", "gpt-4o-2024-08-06")?.InputPerMTok);
        Assert.True(configuration.IsProviderHost("127.0.0.1", 8000));
        Assert.True(configuration.IsProviderHost("gpu-box", 8001));
        Assert.True(configuration.IsProviderHost("localhost", 11434));

        var exchange = Capture.Parse("""
            POST https://eu.acme-ai.example/v1/chat/completions
            content-type: application/json

            {"model":"acme-1","messages":[{"role":"user","content":"hi"}]}
            === RESPONSE 200
            content-type: application/json

            {"model":"acme-1","choices":[{"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1000,"completion_tokens":1000,"total_tokens":2000}}
            """);
        var call = new ExchangeDetector(configuration).Detect(exchange, Detector.Context);
        Assert.Equal("Acme LLM", call?.Signal.ProviderName);
        Assert.Equal(0.003m, call?.Signal.CostUsd);
    }

    [Fact]
    public void ConfigEntryWithExistingSlug_ReplacesTheDefault()
    {
        var path = Write("""
            providers:
              - slug: openai
                name: OpenAI via gateway
                category: llm
                parser: openai
                hosts: [ llm-gateway.internal ]
                paths:
                  - { pattern: /v1/chat/completions, operation: chat }
            """);

        var configuration = ProvidersConfiguration.Load(path);

        Assert.Equal("openai", configuration.Catalog.MatchHost("llm-gateway.internal", 443)?.Slug);
        Assert.Null(configuration.Catalog.MatchHost("api.openai.com", 443));
    }

    [Theory]
    [InlineData("providers:\n  - slug: x\n    category: llm\n    parser: openai\n    hosts: [a.example]\n    paths: [ { pattern: /a, operation: chatting } ]", "operation 'chatting'")]
    [InlineData("providers:\n  - slug: x\n    category: video\n    parser: openai\n    hosts: [a.example]", "category 'video'")]
    [InlineData("providers:\n  - slug: x\n    category: llm\n    parser: magic\n    hosts: [a.example]", "parser 'magic'")]
    [InlineData("providers:\n  - slug: Bad Slug\n    category: llm\n    hosts: [a.example]", "slug 'Bad Slug'")]
    [InlineData("providers:\n  - slug: x\n    category: llm\n    hosts: []", "has no hosts")]
    [InlineData("providers:\n  - slug: x\n    category: llm\n    hosts: [\"a..example\"]", "empty label")]
    [InlineData("prices:\n  - { provider: openai, model: gpt-x, input: -1 }", "negative")]
    [InlineData("prices:\n  - { provider: openai, input: 1 }", "has no model")]
    [InlineData("local_hosts: [ \"localhost\" ]", "host:port")]
    [InlineData("providers: [ { slug: x", "line")]
    public void InvalidEntry_ThrowsOneLineNamingIt(string yaml, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<ProvidersConfigurationException>(() => ProvidersConfiguration.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingFile_Throws()
    {
        var error = Assert.Throws<ProvidersConfigurationException>(() => ProvidersConfiguration.Load(Path.Combine(_directory, "nope.yaml")));

        Assert.Contains("nope.yaml", error.Message, StringComparison.Ordinal);
    }
}
